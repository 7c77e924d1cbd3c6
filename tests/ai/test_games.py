"""Whole games: every player finishes every shipped scenario from both sides, and the same
seed always gives the same games and figures."""

from __future__ import annotations

import pytest

from game.ai import LEVELS, PLAYER_NAMES, make_player
from game.ai.match import play_game, play_series
from game.engine.moves import move_to_dict
from game.scenario import load
from tests.ai.helpers import SHIPPED


def _factory(name):
    return lambda side, seed: make_player(name, side, seed)


def test_there_are_shipped_scenarios():
    assert SHIPPED


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
@pytest.mark.parametrize("level", LEVELS)
def test_each_level_plays_to_the_end_from_both_sides(path, level):
    scenario = load(path)
    # Against the random player too, which wanders into the odd corners of the rules.
    for nato, russia in ((level, "hard"), ("random", level), (level, "random"), ("tft", level)):
        result = play_game(scenario, _factory(nato), _factory(russia), seed=1)
        assert result.state.over
        assert result.moves == len(result.state.moves)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_each_baseline_plays_to_the_end(path):
    scenario = load(path)
    for name in (*PLAYER_NAMES[len(LEVELS) :], "bluffer"):
        assert play_game(scenario, _factory(name), _factory("medium"), seed=2).state.over
        assert play_game(scenario, _factory("easy"), _factory(name), seed=2).state.over


def test_same_seed_same_games_and_figures():
    scenario = load(SHIPPED[0])
    runs = [
        play_series(scenario, _factory("expert"), _factory("hard"), 3, seed=9) for _ in range(2)
    ]
    (first, first_summary), (second, second_summary) = runs
    assert first_summary == second_summary
    for a, b in zip(first, second, strict=True):
        assert [move_to_dict(m) for m in a.state.moves] == [move_to_dict(m) for m in b.state.moves]


def test_a_different_seed_can_change_the_game():
    scenario = load(SHIPPED[0])
    games = {
        tuple(map(str, play_game(scenario, _factory("random"), _factory("hard"), seed).state.moves))
        for seed in range(3)
    }
    assert len(games) > 1


def test_the_summary_has_the_promised_figures():
    scenario = load(SHIPPED[0])
    _, summary = play_series(scenario, _factory("medium"), _factory("medium"), 2, seed=0)
    data = summary.to_dict()
    for key in (
        "games",
        "agreement_rate",
        "mean_score",
        "mean_shared_score",
        "tiers",
        "mean_rounds",
        "mean_nash_distance",
    ):
        assert key in data
    assert set(data["mean_score"]) == {"nato", "russia"}
    assert data["games"] == 2
    assert sum(data["tiers"].values()) == 2
