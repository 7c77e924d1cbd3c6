"""Shared set-up for the computer-player tests: scenarios and positions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from game.ai import Decision, make_player
from game.engine import legal_moves, replay, view
from game.engine.moves import Move
from game.engine.state import State
from game.scenario import load
from game.scenario.models import Scenario

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


def table() -> Scenario:
    """The small decision-table scenario."""
    return load(FIXTURES / "table.yaml")


def position(scenario: Scenario, moves: Sequence[Move], seed: int = 0) -> State:
    """The state after these moves from a new game."""
    return replay(scenario, seed, moves)


def decide(level: str, state: State, seed: int = 3) -> Decision:
    """What a fresh player at `level` does for the side to move."""
    side = state.to_move
    return make_player(level, side, seed).choose(view(state, side), legal_moves(state, side))
