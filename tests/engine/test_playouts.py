"""Random playouts on every shipped scenario: the invariants of the rules hold in every game."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.engine import (
    Applied,
    Rejected,
    apply,
    from_dict,
    is_over,
    legal_moves,
    new_game,
    outcome,
    replay,
    to_dict,
    to_move,
    view,
)
from game.engine.state import State
from game.engine.trust import trust_of
from game.scenario import load
from game.scenario.models import Scenario, SideId
from tests.engine.helpers import FIXTURES, SHIPPED
from tests.engine.universe import all_moves

SCENARIO_FILES = [*sorted(SHIPPED.glob("*.yaml")), FIXTURES / "rulebook.yaml"]
GAMES = 200
"""Random games per scenario in every test run: enough to reach several endings."""
SOAK_GAMES = 10_000
"""Further games per scenario in the soak (`pytest -m slow`, minutes), on seeds of their own."""
CHECKED_GAMES = 40


def random_game(scenario: Scenario, seed: int) -> State:
    """Play uniformly random legal moves to the end, checking ranges at every step."""
    rng = random.Random(seed)
    state = new_game(scenario, seed)
    limit = 2 * 30 + 2
    for _ in range(limit):
        if is_over(state):
            break
        side = to_move(state)
        result = apply(state, rng.choice(legal_moves(state, side)))
        assert isinstance(result, Applied), result
        state = result.state
        for who in SideId:
            assert 0 <= trust_of(state, who) <= 100
            assert 0 <= state.support.of(who) <= 100
        assert state.round <= state.rounds
    assert is_over(state), "every game ends by the deadline"
    return state


def test_the_shipped_scenarios_are_all_here():
    assert {p.name for p in SHIPPED.glob("*.yaml")} >= {
        "tutorial.yaml",
        "2009-brussels.yaml",
        "2011-lisbon-to-chicago.yaml",
    }


def play_many(scenario: Scenario, seeds: range) -> None:
    """Random games on every seed end in range; every tenth replays and round-trips exactly."""
    tiers = set()
    for seed in seeds:
        state = random_game(scenario, seed)
        tiers.add(outcome(state).tier)
        if seed % 10 == 0:
            assert replay(scenario, seed, state.moves) == state
            data = json.loads(json.dumps(to_dict(state)))
            assert from_dict(scenario, data) == state
    assert len(tiers) >= 2, "random play should reach more than one kind of ending"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_hundreds_of_random_games_end_in_range_and_replay_exactly(path: Path):
    play_many(load(path), range(GAMES))


@pytest.mark.slow
@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_soak_tens_of_thousands_of_random_games(path: Path):
    play_many(load(path), range(GAMES, GAMES + SOAK_GAMES))


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_legal_moves_are_exactly_the_moves_apply_accepts(path: Path):
    scenario = load(path)
    universe = all_moves(scenario)
    for seed in range(CHECKED_GAMES):
        rng = random.Random(seed)
        state = new_game(scenario, seed)
        while not is_over(state):
            side = to_move(state)
            legal = set(legal_moves(state, side))
            for move in rng.sample(universe, min(60, len(universe))):
                result = apply(state, move)
                if move in legal:
                    assert isinstance(result, Applied), (move, result)
                else:
                    assert isinstance(result, Rejected), move
                    assert result.reason and result.message
            assert legal_moves(state, side.other) == []
            before = to_dict(state)
            state = apply(state, rng.choice(sorted(legal, key=repr))).state  # type: ignore[union-attr]
            assert to_dict(from_dict(scenario, before)) == before
        assert replay(scenario, seed, state.moves).log == state.log


def _mask_private(scenario: Scenario, hidden: SideId) -> Scenario:
    """The same scenario with `hidden`'s private values, priorities and red-line texts changed."""
    data = scenario.model_dump(mode="json")
    side = data["sides"][hidden.value]
    side["priorities"] = ["SECRET PRIORITY"]
    for line in side["red_lines"]:
        line["text"] = "SECRET RED LINE"
    for proposal in data["proposals"]:
        proposal["value"][hidden.value] = -proposal["value"][hidden.value]
        for term in proposal["terms"]:
            for variant in term["variants"]:
                variant["value"][hidden.value] = 0
    return Scenario.model_validate(data)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_a_view_never_holds_the_other_sides_private_data(path: Path):
    scenario = load(path)
    for seed in range(CHECKED_GAMES):
        state = random_game(scenario, seed)
        for side in SideId:
            masked = replay(_mask_private(scenario, side.other), seed, state.moves)
            original = replay(scenario, seed, state.moves)
            assert view(masked, side) == view(original, side)
            text = repr(view(original, side))
            for priority in scenario.sides.of(side.other).priorities:
                assert priority not in text
            for line in scenario.sides.of(side.other).red_lines:
                assert line.text not in text
