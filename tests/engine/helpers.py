"""Shared helpers for engine tests: the rule-book scenario and a few move shortcuts."""

from __future__ import annotations

import re
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


RENAMES = {"NATO": "The Alliance", "Russian": "Muscovite", "Russia": "Moscow delegation"}
"""How the renamed table says what the rule-book table calls NATO and Russia (the ids
`nato` and `russia` stay: they are keys, not names)."""
OLD_NAMES = re.compile(r"NATO|Russia")
"""The names a renamed table's texts must never show."""


def renamed_text(short_names: bool = False) -> str:
    """The rule-book scenario with its sides called 'The Alliance' and 'Moscow delegation',
    and no 'NATO' or 'Russia' in any of its own texts; with `short_names`, the sides also
    have short names for sentences ('Alliance' and 'Moscow')."""
    text = (FIXTURES / "rulebook.yaml").read_text(encoding="utf-8")
    for old, new in RENAMES.items():
        text = text.replace(old, new)
    if short_names:
        for name, short in (("The Alliance", "Alliance"), ("Moscow delegation", "Moscow")):
            line = f"    name: {name}\n"
            assert line in text
            text = text.replace(line, f"{line}    short_name: {short}\n")
    assert not OLD_NAMES.search(text)
    return text


def load_renamed(short_names: bool = False) -> Scenario:
    """The renamed rule-book scenario (see `renamed_text`)."""
    return Scenario.model_validate(yaml.safe_load(renamed_text(short_names)))
