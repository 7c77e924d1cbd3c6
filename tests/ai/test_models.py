"""The opponent models learn from what the other side does, and only from that."""

from __future__ import annotations

import numpy as np

from game.ai.board import Board
from game.ai.layout import Layout
from game.ai.levels import LEVEL_NAMES, STYLES
from game.ai.models import BayesModel, FrequencyModel
from game.ai.observe import Seen
from game.engine import new_game, view
from game.scenario.models import SideId
from tests.ai.helpers import table

RUSSIA_WAY = (("form", "russia-way"),)
NATO_WAY = (("form", "nato-way"),)


def _setup(kind):
    state = new_game(table(), 0)
    board = Board(view(state, SideId.NATO))
    layout = Layout(board)
    return board, layout, kind(board, layout, np.random.default_rng(1))


def test_the_bayesian_model_learns_which_terms_they_prefer():
    board, layout, model = _setup(BayesModel)
    ours, theirs = layout.of("terms", NATO_WAY), layout.of("terms", RUSSIA_WAY)
    before = model.raw()[theirs] - model.raw()[ours]
    for _ in range(2):
        model.observe(board, [Seen("amend", "terms", RUSSIA_WAY, NATO_WAY)])
    after = model.raw()[theirs] - model.raw()[ours]
    assert after > before
    chance = model.accept_chance(board)
    assert chance[theirs] > chance[ours]


def test_the_bayesian_model_learns_a_red_line_from_silence():
    board, layout, model = _setup(BayesModel)
    option = layout.of("nato-ask", ())
    before = model.accept_chance(board)[option]
    for _ in range(3):
        model.observe(board, [Seen("ignore", "nato-ask", ())])
    assert model.accept_chance(board)[option] < before


def test_an_accepted_option_is_no_red_line():
    board, layout, model = _setup(BayesModel)
    option = layout.of("joint", ())
    model.observe(board, [Seen("accept", "joint", ())])
    assert float(model.weights() @ model.forbidden[:, option]) < 0.01


def test_the_frequency_model_counts_what_they_table_and_turn_down():
    board, layout, model = _setup(FrequencyModel)
    joint, bad = layout.of("joint", ()), layout.of("bad", ())
    start = model.raw().copy()
    model.observe(board, [Seen("table", "joint", ()), Seen("reject", "bad", ())])
    assert model.raw()[joint] > start[joint]
    assert model.raw()[bad] < start[bad]


def test_each_level_has_its_own_way_of_thinking():
    easy, medium, hard, expert = (STYLES[level] for level in LEVEL_NAMES)
    assert easy.curve > 1 > hard.curve  # Conceder against Boulware
    assert (easy.offer, medium.offer, hard.offer) == ("concede", "tradeoff", "expected")
    assert easy.model is not medium.model is not hard.model
    assert expert.lookahead and not hard.lookahead
    assert hard.aim(0.2) > medium.aim(0.2) > easy.aim(0.2)
    # The levels with a model count the move a refused offer or a counter wastes.
    assert easy.thrift == 0 < medium.thrift and hard.thrift > 0


def test_the_frequency_model_takes_back_an_objection_withdrawn():
    board, layout, model = _setup(FrequencyModel)
    start = model.raw().copy()
    model.observe(board, [Seen("object", "joint")])
    assert model.raw()[layout.of("joint", ())] < start[layout.of("joint", ())]
    model.observe(board, [Seen("withdraw_objection", "joint")])
    assert np.allclose(model.raw(), start)
