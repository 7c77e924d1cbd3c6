"""Shared helpers for engine tests: the rule-book scenario and a few move shortcuts."""

from __future__ import annotations

from pathlib import Path

import yaml

from game.engine import Applied, State, apply
from game.engine.moves import Move
from game.scenario.models import Scenario

FIXTURES = Path(__file__).parent / "fixtures"
SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"


def load_fixture(name: str = "rulebook.yaml") -> Scenario:
    """A scenario from tests/engine/fixtures, validated by the models."""
    return Scenario.model_validate(yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8")))


def shipped_scenarios() -> list[Scenario]:
    """Every shipped scenario (through the real loader)."""
    from game.scenario import load

    return [load(path) for path in sorted(SHIPPED.glob("*.yaml"))]


def play(state: State, *moves: Move) -> State:
    """Apply moves that must all be legal."""
    for move in moves:
        result = apply(state, move)
        assert isinstance(result, Applied), f"{move} was rejected: {result}"
        state = result.state
    return state
