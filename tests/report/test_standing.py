"""Where a game stands, in the words every report uses: its tier, or unfinished."""

from __future__ import annotations

from game.engine import new_game, outcome
from game.report.standing import saved_before_the_end, standing, unfinished_words
from tests.engine.helpers import load_fixture
from tests.saves.helpers import random_game


def test_an_unfinished_game_is_never_called_by_a_tier():
    state = new_game(load_fixture(), 1)
    result = outcome(state)
    assert result.tier.value == "stalemate"  # how a game in progress scores as it stands
    assert (
        standing(state, result) == unfinished_words(state) == "unfinished (saved in round 1 of 4)"
    )
    assert saved_before_the_end(state) == "the game was saved in round 1 of 4, before the end"


def test_a_finished_game_is_called_by_its_tier():
    state = random_game(load_fixture(), 3)
    assert state.over
    result = outcome(state)
    assert standing(state, result) == result.tier.value
