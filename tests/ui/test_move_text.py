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
