"""What each legal move does to the state (legality is checked before, in checks.py)."""

from __future__ import annotations

from dataclasses import replace

from game.engine import constants as C
from game.engine.effects import apply_effect, change_support, change_trust, log, unmet
from game.engine.moves import (
    Accept,
    Amend,
    Answer,
    Gesture,
    Move,
    Pass,
    RaiseObjection,
    Reject,
    Statement,
    Table,
    Terms,
    Tone,
    WalkOut,
    WithdrawObjection,
)
from game.engine.rng import next_float
from game.engine.state import Commitment, Direction, OpenObjection, ProposalState, State, Status
from game.engine.values import terms_with_defaults
from game.scenario.models import Proposal, SideId


def perform(state: State, move: Move) -> State:
    """Apply a legal move's own consequences (not the turn order)."""
    name = state.names.of(move.side)
    if isinstance(move, Table):
        return _table(state, move, name)
    if isinstance(move, Amend):
        return _amend(state, move, name)
    if isinstance(move, RaiseObjection):
        objection = state.scenario.objection(move.objection)
        title = state.scenario.proposal(move.proposal).title
        state = replace(
            state,
            objections=(
                *state.objections,
                OpenObjection(move.objection, move.proposal, move.side, state.round),
            ),
        )
        return log(state, "move", f"{name} objected to '{title}': “{objection.text}”", move.side)
    if isinstance(move, Answer):
        return _answer(state, move, name)
    if isinstance(move, WithdrawObjection):
        return _withdraw_objection(state, move)
    if isinstance(move, Accept):
        return _accept(state, move, name)
    if isinstance(move, Reject):
        return _reject(state, move, name)
    if isinstance(move, Statement):
        return _statement(state, move, name)
    if isinstance(move, Gesture):
        # A promise cannot run past the deadline: it ends with the talks' last round.
        until = min(state.round + C.RESTRAINT_ROUNDS, state.rounds)
        state = replace(
            state,
            commitments=(*state.commitments, Commitment(move.side, state.round, until)),
        )
        state = log(
            state,
            "move",
            f"{name} made a goodwill gesture and promised restraint (no firm statements, "
            f"no rejections) until the end of round {until}.",
            move.side,
        )
        state = change_support(
            state, move.side, C.GESTURE_SUPPORT, "some at home call the gesture weak"
        )
        return change_trust(
            state, Direction.of(move.side.other), C.GESTURE_TRUST, f"{name} made a goodwill gesture"
        )
    if isinstance(move, Pass):
        return log(state, "move", f"{name} passed.", move.side)
    if isinstance(move, WalkOut):
        state = log(state, "move", f"{name} walked out of the talks.", move.side)
        for direction in Direction:
            state = change_trust(state, direction, C.WALK_OUT_TRUST, f"{name} walked out", 0)
        return state
    raise TypeError(f"unknown move {move!r}")  # a bug: every move type is handled above


def set_proposal(state: State, new: ProposalState) -> State:
    """Replace one proposal's live status."""
    return replace(state, proposals=tuple(new if p.id == new.id else p for p in state.proposals))


def terms_phrase(proposal: Proposal, terms: Terms) -> str:
    """Chosen terms in words, e.g. " (Form: Legally binding treaty)"; empty without terms."""
    chosen = dict(terms)
    parts = []
    for term in proposal.terms:
        variant = next(v for v in term.variants if v.id == chosen.get(term.id, term.default))
        parts.append(f"{term.label}: {variant.label}")
    return f" ({'; '.join(parts)})" if parts else ""


def _table(state: State, move: Table, name: str) -> State:
    proposal = state.scenario.proposal(move.proposal)
    terms = terms_with_defaults(proposal, move.terms)
    live = state.proposal(move.proposal)
    state = set_proposal(
        state,
        replace(
            live, status=Status.TABLED, tabled_by=move.side, terms=terms, accepted_by=(move.side,)
        ),
    )
    state = log(
        state,
        "move",
        f"{name} put '{proposal.title}' on the table{terms_phrase(proposal, terms)}.",
        move.side,
    )
    return apply_effect(state, proposal.effects.tabled, f"{name} tabled '{proposal.title}'")


def _amend(state: State, move: Amend, name: str) -> State:
    proposal = state.scenario.proposal(move.proposal)
    live = state.proposal(move.proposal)
    chosen = dict(terms_with_defaults(proposal, live.terms))
    chosen[move.term] = move.variant
    terms = tuple(sorted(chosen.items()))
    state = set_proposal(
        state, replace(live, status=Status.AMENDED, terms=terms, accepted_by=(move.side,))
    )
    term = next(t for t in proposal.terms if t.id == move.term)
    variant = next(v for v in term.variants if v.id == move.variant)
    return log(
        state,
        "move",
        f"{name} amended '{proposal.title}': {term.label} is now '{variant.label}'. "
        f"Only {name} has accepted the new version.",
        move.side,
    )


def _answer(state: State, move: Answer, name: str) -> State:
    scenario = state.scenario
    argument = scenario.argument(move.argument)
    title = scenario.proposal(move.proposal).title
    state = log(
        state, "move", f"{name} answered the objection to '{title}': {argument.title}.", move.side
    )
    state = change_support(
        state, move.side, -argument.cost.support, f"{name} paid for '{argument.title}'"
    )
    missing = unmet(state, argument.condition)
    success = not missing
    if success and argument.chance < 1.0:
        rng, roll = next_float(state.rng)
        state = replace(state, rng=rng)
        success = roll < argument.chance
        if not success:
            missing = [
                f"it had a {round(argument.chance * 100)}% chance and it did not work this time"
            ]
    if not success:
        state = replace(
            state,
            objections=tuple(
                replace(o, tried=(*o.tried, move.argument))
                if (o.objection, o.proposal) == (move.objection, move.proposal)
                else o
                for o in state.objections
            ),
        )
        return log(state, "objection", f"It did not convince: {'; '.join(missing)}.", move.side)
    state = _close_objection(state, move.objection, move.proposal)
    state = replace(state, answered=(*state.answered, (move.objection, move.proposal)))
    state = log(state, "objection", f"It worked: the objection to '{title}' is settled.", move.side)
    state = apply_effect(state, argument.effect, f"{name} answered with '{argument.title}'")
    return _maybe_agree(state, move.proposal)


def _withdraw_objection(state: State, move: WithdrawObjection) -> State:
    # No trust or support changes: the cost is the move itself (two moves for objecting and
    # withdrawing). Not added to `answered`: a withdrawn objection is not settled, so it may
    # be raised again while the side has not accepted the proposal.
    title = state.scenario.proposal(move.proposal).title
    state = _close_objection(state, move.objection, move.proposal)
    state = log(state, "move", objection_withdrawn(state.names.of(move.side), title), move.side)
    # Both sides may have accepted already: lifting the last blocking objection agrees it.
    return _maybe_agree(state, move.proposal)


def objection_withdrawn(name: str, title: str) -> str:
    """The log's sentence for a withdrawn objection by the side called `name` (the computer
    players read it back)."""
    return f"{name} withdrew its objection to '{title}'."


def _close_objection(state: State, objection: str, proposal: str) -> State:
    """The state without one open objection (answered or withdrawn)."""
    return replace(
        state,
        objections=tuple(
            o for o in state.objections if (o.objection, o.proposal) != (objection, proposal)
        ),
    )


def _accept(state: State, move: Accept, name: str) -> State:
    live = state.proposal(move.proposal)
    state = set_proposal(state, replace(live, accepted_by=(*live.accepted_by, move.side)))
    title = state.scenario.proposal(move.proposal).title
    state = log(state, "move", f"{name} accepted '{title}'.", move.side)
    return _maybe_agree(state, move.proposal)


def _maybe_agree(state: State, proposal_id: str) -> State:
    """Agree a proposal once both sides accept it and no objection is open against it."""
    live = state.proposal(proposal_id)
    title = state.scenario.proposal(proposal_id).title
    if set(live.accepted_by) != {SideId.NATO, SideId.RUSSIA}:
        waiting = state.names.of(SideId.RUSSIA if SideId.NATO in live.accepted_by else SideId.NATO)
        return log(state, "status", f"'{title}' still needs {waiting}'s acceptance.")
    blocking = [o for o in state.objections if o.proposal == proposal_id]
    if blocking:
        count = len(blocking)
        return log(
            state,
            "status",
            f"'{title}' cannot be agreed while {count} objection{'s' if count > 1 else ''} "
            f"against it {'are' if count > 1 else 'is'} open.",
        )
    state = set_proposal(state, replace(live, status=Status.AGREED, agreed_round=state.round))
    state = log(state, "agreement", f"Agreed: '{title}' is now part of the package.")
    proposal = state.scenario.proposal(proposal_id)
    state = apply_effect(state, proposal.effects.accepted, f"both sides agreed '{title}'")
    for direction in Direction:
        state = change_trust(state, direction, C.AGREEMENT_TRUST, f"agreement on '{title}'")
    return state


def _reject(state: State, move: Reject, name: str) -> State:
    live = state.proposal(move.proposal)
    proposal = state.scenario.proposal(move.proposal)
    withdrawn = live.tabled_by is move.side
    state = set_proposal(
        state,
        replace(
            live,
            status=Status.WITHDRAWN if withdrawn else Status.REJECTED,
            tabled_by=None,
            accepted_by=(),
            rejected_terms=(*live.rejected_terms, live.terms),
        ),
    )
    state = replace(
        state, objections=tuple(o for o in state.objections if o.proposal != move.proposal)
    )
    if withdrawn:
        return log(state, "move", f"{name} withdrew '{proposal.title}' from the table.", move.side)
    state = log(state, "move", f"{name} rejected '{proposal.title}'.", move.side)
    state = _break_restraint(state, move.side, "a rejection")
    state = apply_effect(state, proposal.effects.rejected, f"{name} rejected '{proposal.title}'")
    return change_trust(
        state,
        Direction.of(move.side.other),
        C.REJECTION_TRUST,
        f"{name} rejected '{proposal.title}'",
    )


def _statement(state: State, move: Statement, name: str) -> State:
    other = Direction.of(move.side.other)
    if move.tone is Tone.FIRM:
        state = log(state, "move", f"{name} made a firm public statement.", move.side)
        state = _break_restraint(state, move.side, "a firm statement")
        state = change_support(state, move.side, C.FIRM_SUPPORT, "voters like a firm line")
        return change_trust(state, other, C.FIRM_TRUST, f"{name} talked tough in public")
    state = log(state, "move", f"{name} made a conciliatory public statement.", move.side)
    state = change_support(state, move.side, C.CONCILIATORY_SUPPORT, "some at home call it soft")
    return change_trust(state, other, C.CONCILIATORY_TRUST, f"{name} spoke warmly in public")


def _break_restraint(state: State, side: SideId, act: str) -> State:
    """A firm statement or rejection during a promise of restraint breaks the promise."""
    for commitment in state.commitments:
        if commitment.side is side and commitment.status == "open":
            state = replace(
                state,
                commitments=tuple(
                    replace(c, status="broken") if c is commitment else c for c in state.commitments
                ),
            )
            state = log(
                state,
                "commitment",
                f"{state.names.of(side)} broke its promise of restraint with {act}.",
                side,
            )
            return change_trust(
                state,
                Direction.of(side.other),
                C.BROKEN_COMMITMENT_TRUST,
                f"{state.names.of(side)} broke a promise",
            )
    return state
