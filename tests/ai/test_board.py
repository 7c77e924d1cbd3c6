"""The computer's own values of the options: the numbers the rules give, whatever terms a
proposal first appears with."""

from __future__ import annotations

from collections import defaultdict

import pytest

from game.ai.board import Board
from game.engine import apply, legal_moves, new_game, view
from game.engine.moves import Table
from game.engine.results import Rejected
from game.scenario import load
from tests.ai.helpers import SHIPPED


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_a_share_of_terms_just_tabled_is_the_share_the_rules_give(path):
    # A variant of another kind (a promise among checkable terms, say) once made the computer
    # take the variant's kind for the proposal's own when it first saw the proposal, so it
    # measured those terms against the wrong best ("worth 0.33 of its best" for 0.26).
    start = new_game(load(path), 0)
    seen: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for move in legal_moves(start, start.to_move):
        if not isinstance(move, Table):
            continue
        result = apply(start, move)
        assert not isinstance(result, Rejected)
        their_view = view(result.state, move.side.other)
        board = Board(their_view)
        current = board.current(move.proposal)
        rules = next(p for p in their_view.proposals if p.id == move.proposal).own_value
        seen[move.proposal].append((rules, current.value, board.share(current)))
    assert seen
    for proposal, rows in seen.items():
        best = max(rules for rules, _, _ in rows)
        for rules, value, share in rows:
            assert value == pytest.approx(rules, abs=1e-3), proposal
            if best > 0:
                assert share == pytest.approx(rules / best, abs=1e-3), proposal
