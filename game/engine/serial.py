"""State to JSON-ready data and back: `from_dict(scenario, to_dict(s)) == s`."""

from __future__ import annotations

from typing import Any

from game.engine.moves import move_from_dict, move_to_dict
from game.engine.state import (
    Commitment,
    Direction,
    LogEntry,
    OpenObjection,
    Pair,
    ProposalState,
    State,
    Status,
    TrustModifier,
    TrustPoint,
)
from game.scenario.models import Scenario, SideId

FORMAT = 1


def _side(value: str | None) -> SideId | None:
    return None if value is None else SideId(value)


def _pair(pair: Pair) -> dict[str, int]:
    return {"nato": pair.nato, "russia": pair.russia}


def to_dict(state: State) -> dict[str, Any]:
    """The state as plain JSON-ready data."""
    return {
        "format": FORMAT,
        "scenario_id": state.scenario_id,
        "seed": state.seed,
        "round": state.round,
        "rounds": state.rounds,
        "to_move": state.to_move.value,
        "moved_this_round": state.moved_this_round,
        "base_trust": _pair(state.base_trust),
        "modifiers": [
            {
                "direction": m.direction.value,
                "reason": m.reason,
                "size": m.size,
                "fade": m.fade,
                "round": m.round,
            }
            for m in state.modifiers
        ],
        "support": _pair(state.support),
        "proposals": [
            {
                "id": p.id,
                "status": p.status.value,
                "tabled_by": p.tabled_by.value if p.tabled_by else None,
                "terms": [list(t) for t in p.terms],
                "accepted_by": [s.value for s in p.accepted_by],
                "rejected_terms": [[list(t) for t in terms] for terms in p.rejected_terms],
                "value_shift": _pair(p.value_shift),
                "agreed_round": p.agreed_round,
            }
            for p in state.proposals
        ],
        "objections": [
            {
                "objection": o.objection,
                "proposal": o.proposal,
                "side": o.side.value,
                "round": o.round,
                "tried": list(o.tried),
            }
            for o in state.objections
        ],
        "answered": [list(a) for a in state.answered],
        "commitments": [
            {
                "side": c.side.value,
                "made_round": c.made_round,
                "until_round": c.until_round,
                "status": c.status,
            }
            for c in state.commitments
        ],
        "events_fired": [list(e) for e in state.events_fired],
        "log": [
            {
                "round": e.round,
                "side": e.side.value if e.side else None,
                "kind": e.kind,
                "text": e.text,
            }
            for e in state.log
        ],
        "trust_track": [[p.round, p.nato_in_russia, p.russia_in_nato] for p in state.trust_track],
        "moves": [move_to_dict(m) for m in state.moves],
        "rng": state.rng,
        "passes_in_row": state.passes_in_row,
        "walked_out": state.walked_out.value if state.walked_out else None,
        "signed": state.signed,
        "over": state.over,
    }


def from_dict(scenario: Scenario, data: dict[str, Any]) -> State:
    """Rebuild a state from `to_dict` output; raises ValueError (with the cause) if malformed."""
    try:
        return _from_dict(scenario, data)
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a valid saved state: {error!r}") from error


def _terms(raw: list[list[str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(term), str(variant)) for term, variant in raw)


def _from_dict(scenario: Scenario, data: dict[str, Any]) -> State:
    if data["format"] != FORMAT:
        raise ValueError(f"state format {data['format']} is not {FORMAT}")
    if data["scenario_id"] != scenario.id:
        raise ValueError(f"state is for scenario {data['scenario_id']!r}, not {scenario.id!r}")
    return State(
        scenario=scenario,
        scenario_id=data["scenario_id"],
        seed=int(data["seed"]),
        round=int(data["round"]),
        rounds=int(data["rounds"]),
        to_move=SideId(data["to_move"]),
        moved_this_round=int(data["moved_this_round"]),
        base_trust=Pair(**data["base_trust"]),
        modifiers=tuple(
            TrustModifier(
                Direction(m["direction"]),
                m["reason"],
                int(m["size"]),
                int(m["fade"]),
                int(m["round"]),
            )
            for m in data["modifiers"]
        ),
        support=Pair(**data["support"]),
        proposals=tuple(
            ProposalState(
                id=p["id"],
                status=Status(p["status"]),
                tabled_by=_side(p["tabled_by"]),
                terms=_terms(p["terms"]),
                accepted_by=tuple(SideId(s) for s in p["accepted_by"]),
                rejected_terms=tuple(_terms(t) for t in p["rejected_terms"]),
                value_shift=Pair(**p["value_shift"]),
                agreed_round=p["agreed_round"],
            )
            for p in data["proposals"]
        ),
        objections=tuple(
            OpenObjection(
                o["objection"], o["proposal"], SideId(o["side"]), int(o["round"]), tuple(o["tried"])
            )
            for o in data["objections"]
        ),
        answered=tuple((str(a), str(b)) for a, b in data["answered"]),
        commitments=tuple(
            Commitment(SideId(c["side"]), int(c["made_round"]), int(c["until_round"]), c["status"])
            for c in data["commitments"]
        ),
        events_fired=tuple((str(e), int(r)) for e, r in data["events_fired"]),
        log=tuple(
            LogEntry(int(e["round"]), _side(e["side"]), e["kind"], e["text"]) for e in data["log"]
        ),
        trust_track=tuple(TrustPoint(int(r), int(a), int(b)) for r, a, b in data["trust_track"]),
        moves=tuple(move_from_dict(m) for m in data["moves"]),
        rng=int(data["rng"]),
        passes_in_row=int(data["passes_in_row"]),
        walked_out=_side(data["walked_out"]),
        signed=bool(data["signed"]),
        over=bool(data["over"]),
    )
