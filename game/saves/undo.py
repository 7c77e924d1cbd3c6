"""Undo in single-player: take back the player's last move and the replies that followed."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import State, replay
from game.scenario.models import SideId


def undo_point(state: State, mode: str, humans: Sequence[SideId]) -> int | None:
    """How many moves to keep to take back the human's last move, or None if not allowed.

    Only a single-player game can undo: in hot seat every move is followed by a hand-over,
    and the other player has already seen it.
    """
    if mode != "solo" or len(humans) != 1:
        return None
    for index in range(len(state.moves) - 1, -1, -1):
        if state.moves[index].side is humans[0]:
            return index
    return None


def undo(state: State, mode: str, humans: Sequence[SideId]) -> State | None:
    """The game just before the human's last move (same seed, so the same dice), or None."""
    keep = undo_point(state, mode, humans)
    if keep is None:
        return None
    return replay(state.scenario, state.seed, state.moves[:keep])
