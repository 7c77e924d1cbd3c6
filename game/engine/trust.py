"""Trust: a starting level plus named modifiers that fade round by round."""

from __future__ import annotations

from dataclasses import replace

from game.engine import constants as C
from game.engine.state import Direction, SideNames, State, TrustModifier, TrustPoint
from game.scenario.models import SideId


def trust_level(state: State, direction: Direction) -> int:
    """Current trust in one direction: base plus modifiers, clamped to 0..100."""
    base = (
        state.base_trust.nato if direction is Direction.NATO_IN_RUSSIA else state.base_trust.russia
    )
    total = base + sum(m.size for m in state.modifiers if m.direction is direction)
    return max(C.TRUST_MIN, min(C.TRUST_MAX, total))


def trust_of(state: State, truster: SideId) -> int:
    """How much `truster` trusts the other side."""
    return trust_level(state, Direction.of(truster))


def mean_trust(state: State) -> float:
    """The mean of both directions of trust."""
    return (trust_of(state, SideId.NATO) + trust_of(state, SideId.RUSSIA)) / 2


def add_modifier(
    state: State, direction: Direction, size: int, reason: str, fade: int
) -> tuple[State, str]:
    """Add a trust modifier; returns the new state and the log sentence for the change."""
    before = trust_level(state, direction)
    modifier = TrustModifier(direction, reason, size, fade, state.round)
    new = replace(state, modifiers=(*state.modifiers, modifier))
    after = trust_level(new, direction)
    return new, describe_trust_change(state.names, direction, before, after, reason, fade)


def describe_trust_change(
    names: SideNames, direction: Direction, before: int, after: int, reason: str, fade: int
) -> str:
    """A sentence such as "Russia's trust in NATO fell 8 to 27: ... (fading 2 a round)."."""
    change = change_phrase(before, after)
    return f"{trust_words(names, direction)} {change}: {reason} ({fade_words(fade)})."


def fade_words(fade: int) -> str:
    """How a trust change fades, in the log's words: "fading 2 a round" or "lasting"."""
    return f"fading {fade} a round" if fade else "lasting"


def trust_words(names: SideNames, direction: Direction) -> str:
    """Who trusts whom, as every log line about trust begins: "NATO's trust in Russia"."""
    truster = direction.truster
    return f"{names.of(truster)}'s trust in {names.of(truster.other)}"


def change_phrase(before: int, after: int) -> str:
    """How a number moved, for the log: "rose 4 to 39", "fell 8 to 27" or "stayed at 100"."""
    if after == before:
        return f"stayed at {after}"
    if after > before:
        return f"rose {after - before} to {after}"
    return f"fell {before - after} to {after}"


def fade_modifiers(state: State) -> State:
    """Shrink every modifier toward zero by its fade; drop the ones that reach zero."""
    faded = []
    for modifier in state.modifiers:
        if modifier.fade == 0:
            faded.append(modifier)
            continue
        step = min(modifier.fade, abs(modifier.size))
        size = modifier.size - step if modifier.size > 0 else modifier.size + step
        if size != 0:
            faded.append(replace(modifier, size=size))
    return replace(state, modifiers=tuple(faded))


def fading_sentences(state: State) -> dict[Direction, str]:
    """What the fading as the next round begins will do to each trust level of `state`, in
    the log's words, for each direction it changes.

    The engine fades trust without a log line (a line would change every save's replay
    check); the table and the reports show these so the numbers add up.
    """
    faded = fade_modifiers(state)
    sentences = {}
    for direction in Direction:
        before, after = trust_level(state, direction), trust_level(faded, direction)
        if before != after:
            change = change_phrase(before, after)
            sentences[direction] = (
                f"{trust_words(state.names, direction)} {change} as earlier changes faded."
            )
    return sentences


def track_point(state: State) -> State:
    """Record both trust levels now, replacing a point already recorded for this round."""
    point = TrustPoint(
        state.round,
        trust_level(state, Direction.NATO_IN_RUSSIA),
        trust_level(state, Direction.RUSSIA_IN_NATO),
    )
    track = tuple(p for p in state.trust_track if p.round != state.round)
    return replace(state, trust_track=(*track, point))
