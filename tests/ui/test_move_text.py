"""What the move panel's details say a move will do, in the position it would be made."""

from __future__ import annotations

from game.engine import replay
from game.engine.moves import Accept, Move, Pass, Statement, Table, Tone
from game.engine.state import State
from game.scenario import load
from game.scenario.models import SideId
from game.ui.move_text import LAST_MOVE_OFFER, move_details
from game.ui.text import Para
from tests.ai.helpers import ROOT

N, R = SideId.NATO, SideId.RUSSIA
TESTS = Table(N, "watch-tests", (("how-often", "every-test"),))


def _texts(state: State, move: Move) -> list[str]:
    return [block.text for block in move_details(state, move) if isinstance(block, Para)]


def _tutorial(moves: list[Move]) -> State:
    return replay(load(ROOT / "scenarios" / "tutorial.yaml"), 1, moves)


def test_a_pass_with_nothing_agreed_signs_nothing():
    texts = _texts(_tutorial([]), Pass(N))
    assert "Nothing is agreed yet, so passing signs nothing." in texts


def test_a_pass_with_something_agreed_may_sign_the_package():
    state = _tutorial([TESTS, Accept(R, "watch-tests")])
    assert "If Russian Federation passes next, the agreed package is signed." in _texts(
        state, Pass(N)
    )


def test_on_the_last_move_an_offer_says_it_cannot_be_accepted():
    # Before, the details said "it is agreed once the other side accepts", with no move left.
    idle = [Statement(N, Tone.CONCILIATORY), Statement(R, Tone.CONCILIATORY)]
    state = _tutorial([*idle * 3, Statement(N, Tone.CONCILIATORY)])
    texts = _texts(state, Table(R, "guarantee", (("form", "declaration"),)))
    assert LAST_MOVE_OFFER in texts
    assert "This is the last move of the talks: they end after it." in _texts(state, Pass(R))


def test_the_best_acceptance_is_listed_first():
    # A new turn starts on the first move: it was whichever acceptance came first, once a
    # proposal worth -4 to the student, a bad deal two presses of Enter away.
    from game.ai import make_player
    from game.engine import apply, legal_moves, new_game, view
    from game.ui.move_text import best_accepts_first, value_to

    scenario = load(ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml")
    found = 0
    for seed in range(6):
        state = new_game(scenario, seed)
        players = {side: make_player("random", side, seed) for side in SideId}
        while not state.over:
            legal = legal_moves(state, state.to_move)
            ordered = best_accepts_first(state, legal)
            accepts = [m for m in ordered if isinstance(m, Accept)]
            assert sorted(ordered, key=repr) == sorted(legal, key=repr)
            assert ordered[: len(accepts)] == accepts
            values = [
                value_to(state, m.side, m.proposal, state.proposal(m.proposal).terms)
                for m in accepts
            ]
            assert values == sorted(values, reverse=True)
            found += len(accepts) > 1
            move = players[state.to_move].choose(view(state, state.to_move), legal).move
            state = apply(state, move).state  # type: ignore[union-attr]
    assert found
