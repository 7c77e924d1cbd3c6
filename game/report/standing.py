"""How reports name where a game stands: how it ended, or that it is not finished yet."""

from __future__ import annotations

from game.engine import Outcome, State

UNFINISHED = "unfinished"
"""What every report calls a game saved before its end, in place of a tier: a game in
progress scores as a stalemate, which it is not."""


def saved_before_the_end(state: State) -> str:
    """'the game was saved in round 3 of 8, before the end'."""
    return f"the game was saved in round {state.round} of {state.rounds}, before the end"


def unfinished_words(state: State) -> str:
    """'unfinished (saved in round 3 of 8)'."""
    return f"{UNFINISHED} (saved in round {state.round} of {state.rounds})"


def standing(state: State, result: Outcome) -> str:
    """A finished game's tier ('partnership'); an unfinished one's 'unfinished (saved in
    round 3 of 8)'."""
    return result.tier.value if state.over else unfinished_words(state)
