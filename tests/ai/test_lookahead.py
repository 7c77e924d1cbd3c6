"""The expert's look-ahead: which moves it plays out, and that it only ever departs from hard's
choice for a reason."""

from __future__ import annotations

from game.ai.context import Candidate
from game.ai.lookahead import LONG_SHOT, MARGIN, _pool, _rollout_factor
from game.ai.player import Reasons
from game.engine.moves import Accept, Statement, Table, Tone
from game.scenario.models import SideId

R = SideId.RUSSIA


def _offer(proposal: str, chance: float, utility: float) -> Candidate:
    return Candidate(Table(R, proposal), utility, Reasons("table", proposal, chance=chance))


def test_a_sure_agreement_is_never_played_out_against_offers():
    accept = Candidate(Accept(R, "joint"), 5.0, Reasons("accept", "joint"))
    assert _pool([accept, _offer("terms", 0.9, 4.0)]) == [accept]


def test_long_shots_are_left_out_of_the_rollouts():
    first = _offer("joint", 0.70, 5.0)
    likely = _offer("terms", 0.70 - LONG_SHOT / 2, 4.0)
    long_shot = _offer("nato-ask", 0.70 - 2 * LONG_SHOT, 4.5)
    pool = _pool([first, long_shot, likely])
    assert pool == [first, likely]


def test_statements_are_left_to_the_first_choice():
    first = _offer("joint", 0.70, 5.0)
    firm = Candidate(Statement(R, Tone.FIRM), 4.9, Reasons("firm"))
    assert _pool([first, firm]) == [first]


def test_the_rollouts_reason_says_when_the_first_choice_was_kept_on_a_close_call():
    kept, weight = _rollout_factor(55.41, 55.38)
    assert "55.4 points for us and the best other move 55.4; we change our first choice" in kept
    # Kept although the other did a little better: the sentence says why that is no slip.
    slightly_better, _ = _rollout_factor(41.4, 41.5)
    assert "41.4 points for us and the best other move 41.5; we change our first choice " in (
        slightly_better
    )
    assert f"only for {MARGIN:.0f} point more" in slightly_better
    assert weight == 55.41
    clear, _ = _rollout_factor(49.2, 44.8)
    assert clear.endswith("49.2 points for us against 44.8 for the next best move")
