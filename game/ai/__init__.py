"""Computer players: they see only what a player sees (the side's view and its legal moves)."""

from __future__ import annotations

from game.ai.baselines import (
    BASELINES,
    AcceptPlayer,
    Bluffer,
    Conceder,
    Hardliner,
    RandomPlayer,
    TitForTat,
)
from game.ai.levels import LEVEL_NAMES, LEVEL_STYLES, LEVELS
from game.ai.negotiator import Negotiator
from game.ai.player import Decision, Player, Reasons
from game.scenario.models import SideId

__all__ = [
    "BASELINES",
    "LEVELS",
    "LEVEL_NAMES",
    "LEVEL_STYLES",
    "PLAYER_NAMES",
    "Decision",
    "Player",
    "Reasons",
    "make_player",
]

_BASELINE_TYPES: dict[str, type[Player]] = {
    "random": RandomPlayer,
    "accept": AcceptPlayer,
    "hardliner": Hardliner,
    "conceder": Conceder,
    "tft": TitForTat,
    "bluffer": Bluffer,
}

PLAYER_NAMES = (*LEVELS, *BASELINES)
"""Every name the command line accepts for a computer player."""


def make_player(name: str, side: SideId, seed: int = 0) -> Player:
    """A computer player by level or baseline name; ValueError for an unknown name.

    `bluffer` (a hardliner until the last round) is also known, for the exploit check.
    """
    if name in LEVELS:
        return Negotiator(name, side, seed)
    kind = _BASELINE_TYPES.get(name)
    if kind is None:
        known = ", ".join(PLAYER_NAMES)
        raise ValueError(f"unknown player '{name}': choose one of {known}")
    return kind(side, seed)
