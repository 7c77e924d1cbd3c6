"""Scenario effects and conditions, applied to and tested on the state, with log sentences."""

from __future__ import annotations

from dataclasses import replace

from game.engine import constants as C
from game.engine.state import Direction, LogEntry, Pair, State, TrustPoint
from game.engine.trust import add_modifier, change_phrase, trust_level, trust_words
from game.scenario.models import Condition, Effect, SideId


def log(state: State, kind: str, text: str, side: SideId | None = None) -> State:
    """Append one sentence to the log."""
    return replace(state, log=(*state.log, LogEntry(state.round, side, kind, text)))


def change_trust(
    state: State, direction: Direction, size: int, reason: str, fade: int = C.DEFAULT_FADE
) -> State:
    """Add a trust modifier and log what changed."""
    if size == 0:
        return state
    state, sentence = add_modifier(state, direction, size, reason, fade)
    return log(state, "trust", sentence)


def change_support(state: State, side: SideId, delta: int, reason: str) -> State:
    """Change a side's domestic support (clamped to 0..100) and log it."""
    if delta == 0:
        return state
    before = state.support.of(side)
    after = max(C.SUPPORT_MIN, min(C.SUPPORT_MAX, before + delta))
    state = replace(state, support=state.support.with_value(side, after))
    verb = change_phrase(before, after)
    name = state.names.of(side)
    return log(state, "support", f"Support for {name} at home {verb}: {reason}.", side)


def apply_effect(state: State, effect: Effect | None, reason: str) -> State:
    """Apply a scenario effect: trust, support, value shifts and the deadline."""
    if effect is None:
        return state
    if effect.trust is not None:
        state = change_trust(
            state, Direction.NATO_IN_RUSSIA, effect.trust.nato_in_russia, reason, effect.fade
        )
        state = change_trust(
            state, Direction.RUSSIA_IN_NATO, effect.trust.russia_in_nato, reason, effect.fade
        )
    if effect.support is not None:
        for side in (SideId.NATO, SideId.RUSSIA):
            state = change_support(state, side, effect.support.of(side), reason)
    for change in effect.values:
        state = _shift_value(state, change.proposal, Pair(change.nato, change.russia))
    if effect.deadline:
        # The deadline never moves into the past, nor beyond the format's 30 rounds.
        rounds = max(state.round, min(30, state.rounds + effect.deadline))
        if rounds != state.rounds:
            moved = "later" if rounds > state.rounds else "earlier"
            steps = abs(rounds - state.rounds)
            state = replace(state, rounds=rounds)
            state = log(
                state,
                "deadline",
                f"The deadline moved {steps} round{'s' if steps > 1 else ''} {moved} "
                f"({reason}): talks now end after round {rounds}.",
            )
    return state


def _shift_value(state: State, proposal_id: str, delta: Pair) -> State:
    """Shift what a proposal is worth; private, so it is not logged with numbers."""
    proposals = tuple(
        replace(
            p,
            value_shift=Pair(p.value_shift.nato + delta.nato, p.value_shift.russia + delta.russia),
        )
        if p.id == proposal_id
        else p
        for p in state.proposals
    )
    return replace(state, proposals=proposals)


def holds(state: State, condition: Condition | None) -> bool:
    """Whether every part of a condition holds now (no condition always holds)."""
    return not unmet(state, condition)


def unmet(state: State, condition: Condition | None) -> list[str]:
    """The parts of a condition that do not hold, as phrases for the log."""
    if condition is None:
        return []
    missing: list[str] = []
    if condition.round_at_least is not None and state.round < condition.round_at_least:
        missing.append(f"it only works from round {condition.round_at_least}")
    for direction in Direction:
        level = trust_level(state, direction)
        who = trust_words(state.names, direction)
        at_least = (
            getattr(condition.trust_at_least, direction.value, None)
            if condition.trust_at_least
            else None
        )
        below = (
            getattr(condition.trust_below, direction.value, None) if condition.trust_below else None
        )
        if at_least is not None and level < at_least:
            missing.append(f"{who} is {level}, below the {at_least} it needs")
        if below is not None and level >= below:
            missing.append(f"{who} is {level}, not below {below}")
    for side in SideId:
        level = state.support.of(side)
        at_least = (
            getattr(condition.support_at_least, side.value, None)
            if condition.support_at_least
            else None
        )
        below = (
            getattr(condition.support_below, side.value, None) if condition.support_below else None
        )
        if at_least is not None and level < at_least:
            missing.append(f"support for {state.names.of(side)} is {level}, below {at_least}")
        if below is not None and level >= below:
            missing.append(f"support for {state.names.of(side)} is {level}, not below {below}")
    statuses = {p.id: p.status for p in state.proposals}
    title = state.scenario.proposal
    for proposal_id in condition.agreed:
        if statuses[proposal_id].value != "agreed":
            missing.append(f"'{title(proposal_id).title}' is not agreed yet")
    for proposal_id in condition.not_agreed:
        if statuses[proposal_id].value == "agreed":
            missing.append(f"'{title(proposal_id).title}' is already agreed")
    for proposal_id in condition.tabled:
        if not statuses[proposal_id].on_table:
            missing.append(f"'{title(proposal_id).title}' is not on the table")
    for proposal_id in condition.not_tabled:
        if statuses[proposal_id].on_table:
            missing.append(f"'{title(proposal_id).title}' is on the table")
    objected = {item.proposal for item in state.objections}
    for proposal_id in condition.objected:
        if proposal_id not in objected:
            missing.append(f"no objection is open against '{title(proposal_id).title}'")
    for proposal_id in condition.not_objected:
        if proposal_id in objected:
            missing.append(f"an objection is open against '{title(proposal_id).title}'")
    return missing


def trust_point(state: State) -> TrustPoint:
    """Both trust levels now."""
    return TrustPoint(
        state.round,
        trust_level(state, Direction.NATO_IN_RUSSIA),
        trust_level(state, Direction.RUSSIA_IN_NATO),
    )
