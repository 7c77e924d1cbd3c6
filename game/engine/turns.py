"""Turn order, the start of each round (fading, promises, events) and the end of the game."""

from __future__ import annotations

from dataclasses import replace

from game.engine import constants as C
from game.engine.effects import apply_effect, change_trust, holds, log, trust_point
from game.engine.moves import Move, Pass, WalkOut
from game.engine.rng import next_float
from game.engine.state import Direction, State, Status
from game.engine.trust import fade_modifiers
from game.scenario.models import Event, Trigger


def after_move(state: State, move: Move) -> State:
    """Record the move, then pass the turn, start the next round or end the game."""
    passes = state.passes_in_row + 1 if isinstance(move, Pass) else 0
    state = replace(state, moves=(*state.moves, move), passes_in_row=passes)
    if isinstance(move, WalkOut):
        return finish(replace(state, walked_out=move.side), "The negotiation has broken down.")
    if passes >= 2 and any(p.status is Status.AGREED for p in state.proposals):
        return finish(replace(state, signed=True), "Both sides passed: the package is signed.")
    if state.moved_this_round == 0:
        return replace(state, moved_this_round=1, to_move=move.side.other)
    if state.round >= state.rounds:
        return finish(state, f"The deadline has come: {state.scenario.deadline}.")
    return start_round(replace(state, round=state.round + 1, moved_this_round=0))


def finish(state: State, sentence: str) -> State:
    """End the game with a closing sentence and a final trust point; a promise of restraint
    whose last round has been played is kept (no round begins after the last to settle it)."""
    if state.walked_out is None:
        state = _settle_commitments(state, through=state.round)
    state = replace(state, over=True)
    state = log(state, "end", sentence)
    point = replace(trust_point(state), round=state.round + 1)
    return replace(state, trust_track=(*state.trust_track, point))


def start_round(state: State) -> State:
    """Begin `state.round`: fade trust, settle promises, fire events, record trust."""
    state = replace(state, to_move=state.scenario.first_move)
    state = log(state, "round", f"Round {state.round} of {state.rounds} begins.")
    if state.round > 1:
        state = fade_modifiers(state)
    state = _settle_commitments(state)
    for event in state.scenario.events:
        if any(fired == event.id for fired, _ in state.events_fired):
            continue
        state, fires = _fires(state, event)
        if fires:
            state = replace(state, events_fired=(*state.events_fired, (event.id, state.round)))
            state = log(state, "event", f"News: {event.title}. {event.text}")
            state = apply_effect(state, event.effect, event.title)
    point = trust_point(state)
    track = tuple(p for p in state.trust_track if p.round != state.round)
    return replace(state, trust_track=(*track, point))


def _fires(state: State, event: Event) -> tuple[State, bool]:
    """Whether an event fires this round; random events draw from the game's generator."""
    if event.trigger is Trigger.SCHEDULED:
        return state, event.round == state.round
    if event.trigger is Trigger.CONDITIONAL:
        return state, holds(state, event.when)
    if not holds(state, event.when):
        return state, False
    rng, roll = next_float(state.rng)
    return replace(state, rng=rng), roll < (event.probability or 0.0)


def _settle_commitments(state: State, through: int | None = None) -> State:
    """A promise of restraint that ran its course without a breach is kept: its last round
    is over (at a round's start, any before it; at the end, `through`, the last played)."""
    last = state.round - 1 if through is None else through
    for index, commitment in enumerate(state.commitments):
        if commitment.status == "open" and commitment.until_round <= last:
            commitments = list(state.commitments)
            commitments[index] = replace(commitment, status="kept")
            state = replace(state, commitments=tuple(commitments))
            name = state.names.of(commitment.side)
            state = log(
                state, "commitment", f"{name} kept its promise of restraint.", commitment.side
            )
            state = change_trust(
                state,
                Direction.of(commitment.side.other),
                C.KEPT_COMMITMENT_TRUST,
                f"{name} kept a promise",
            )
    return state
