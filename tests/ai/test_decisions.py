"""Decision tables: in this scenario, after these moves, this level chooses this (or one of
these). The scenario is tests/ai/fixtures/table.yaml."""

from __future__ import annotations

import pytest

from game.ai import LEVELS, Decision, Player, make_player
from game.ai.levels import STYLES
from game.ai.match import play_game
from game.engine.moves import Accept, Amend, Answer, Pass, RaiseObjection, Statement, Table, Tone
from game.engine.state import State
from game.scenario import load
from game.scenario.models import SideId
from tests.ai.helpers import ROOT, decide, position, table

N, R = SideId.NATO, SideId.RUSSIA
NATO_WAY = (("form", "nato-way"),)
RUSSIA_WAY = (("form", "russia-way"),)
TREATY = (("form", "treaty"),)


def _idle_rounds(count: int) -> list:
    """Rounds in which both sides only make conciliatory statements."""
    moves = []
    for _ in range(count):
        moves += [Statement(N, Tone.CONCILIATORY), Statement(R, Tone.CONCILIATORY)]
    return moves


@pytest.mark.parametrize("level", LEVELS)
def test_at_the_start_every_level_puts_something_on_the_table(level):
    move = decide(level, position(table(), [])).move
    assert isinstance(move, Table)
    assert move.proposal in ("joint", "terms", "nato-ask")


@pytest.mark.parametrize("level", LEVELS)
def test_every_level_accepts_a_proposal_good_for_both(level):
    move = decide(level, position(table(), [Table(N, "joint")])).move
    assert move == Accept(R, "joint")


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("rounds_before", [0, 5])
def test_no_level_accepts_what_is_bad_for_it(level, rounds_before):
    state = position(table(), [*_idle_rounds(rounds_before), Table(N, "bad")])
    assert decide(level, state).move != Accept(R, "bad")


@pytest.mark.parametrize("level", ["medium", "hard", "expert"])
def test_early_on_a_level_with_a_model_does_not_take_the_worse_terms(level):
    move = decide(level, position(table(), [Table(N, "terms", NATO_WAY)])).move
    assert move != Accept(R, "terms")


@pytest.mark.parametrize("level", LEVELS)
def test_on_the_last_move_every_level_takes_terms_still_worth_something(level):
    # Russia moves last in round 6: nothing it tables could be accepted any more.
    state = position(table(), [*_idle_rounds(5), Table(N, "terms", NATO_WAY)])
    assert state.round == 6 and state.to_move is R
    assert decide(level, state).move == Accept(R, "terms")


@pytest.mark.parametrize("level", LEVELS)
def test_nothing_is_tabled_on_the_last_move_of_the_game(level):
    state = position(table(), [*_idle_rounds(5), Statement(N, Tone.FIRM)])
    move = decide(level, state).move
    assert not isinstance(move, (Table, Amend))


def test_easy_passes_where_the_others_talk_tough_for_support():
    state = position(table(), [*[Pass(N), Pass(R)] * 5, Table(N, "bad")])
    easy = decide("easy", state)
    assert isinstance(easy.move, Pass)
    # Their offer is still on the table: it is not worth accepting, not missing.
    assert "nothing on the table is worth accepting" in easy.explanation
    for level in ("medium", "hard", "expert"):
        assert decide(level, state).move == Statement(R, Tone.FIRM)


@pytest.mark.parametrize("level", ["medium", "hard", "expert"])
def test_warm_words_are_not_answered_with_tough_talk(level):
    # A student's gesture and conciliatory statements once met the same firm statement, word
    # for word, round after round: the reciprocal levels now answer warmth in kind or not at all.
    state = position(table(), [*_idle_rounds(5), Table(N, "bad")])
    assert decide(level, state).move != Statement(R, Tone.FIRM)


@pytest.mark.parametrize("level", LEVELS)
def test_every_level_takes_its_own_best_terms_when_offered(level):
    moves = [Table(N, "joint"), Accept(R, "joint"), Table(N, "terms", RUSSIA_WAY)]
    assert decide(level, position(table(), moves)).move == Accept(R, "terms")


class _Silent(Player):
    """A NATO that never accepts anything: it only makes conciliatory statements."""

    name = "silent"

    def choose(self, view, legal):
        move = next(m for m in legal if isinstance(m, Statement) and m.tone is Tone.CONCILIATORY)
        return Decision(move, "NATO waits.")


@pytest.mark.parametrize("level", ["medium", "hard", "expert"])
def test_an_offer_left_unanswered_is_softened(level):
    result = play_game(table(), _Silent, lambda side, seed: make_player(level, side, seed), 1)
    ours = [m for m in result.state.moves if m.side is R]
    tabled = {m.proposal: m for m in ours if isinstance(m, Table)}
    softened = [m for m in ours if isinstance(m, Amend) and m.proposal in tabled]
    assert softened, "it never changed the terms of an offer nobody took"


@pytest.mark.parametrize("level", LEVELS)
def test_terms_across_our_red_line_are_countered_not_left_waiting(level):
    # In Lisbon a NATO-led data centre crosses Russia's red line: accepting is illegal, so
    # every level counters with terms it could sign instead of letting the offer sit.
    lisbon = load(ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml")
    nato_led = (("data", "full-picture"), ("staffing", "nato-led"))
    moves = [Table(N, "transparency"), Accept(R, "transparency"), Table(N, "data-centre", nato_led)]
    decision = decide(level, position(lisbon, moves))
    assert decision.move == Amend(R, "data-centre", "staffing", "co-chaired")
    assert "crosses one of our red lines" in decision.explanation


class _NatoLed(Player):
    """A NATO that wants the data centre NATO-led and amends it back whenever Russia counters."""

    name = "nato-led"

    def choose(self, view, legal):
        openness = [m for m in legal if getattr(m, "proposal", None) == "transparency"]
        wanted = [
            Amend(N, "data-centre", "staffing", "nato-led"),
            Table(N, "data-centre", (("data", "full-picture"), ("staffing", "nato-led"))),
            *(m for m in openness if isinstance(m, (Table, Accept))),
        ]
        move = next((m for m in wanted if m in legal), None)
        if move is None:
            move = next(m for m in legal if isinstance(m, Pass))
        return Decision(move, "NATO insists on a NATO-led centre.")


@pytest.mark.parametrize("level", LEVELS)
def test_a_red_line_counter_turned_down_is_not_repeated_round_after_round(level):
    # A student who amends the centre back to NATO-led every round once saw the easy level
    # counter with the same terms every round to the deadline: without a model it forgot that
    # they had been turned down. Every level now counts a refusal against the terms.
    lisbon = load(ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml")
    result = play_game(lisbon, _NatoLed, lambda side, seed: make_player(level, side, seed), 1)
    counters = [
        m
        for m in result.state.moves
        if m.side is R and m == Amend(R, "data-centre", "staffing", "co-chaired")
    ]
    amended_back = [m for m in result.state.moves if m.side is N and isinstance(m, Amend)]
    assert amended_back, "NATO never had a counter to turn down"
    assert len(counters) <= 2


class _TutorialRussia(Player):
    """A Russia that follows the tutorial's notes: it objects to the tests, tables the
    guarantee, then accepts what it can."""

    name = "tutorial-russia"

    def choose(self, view, legal):
        wanted = [
            RaiseObjection(R, "only-watching", "watch-tests"),
            *(m for m in legal if isinstance(m, Table) and m.proposal == "guarantee"),
            *(m for m in legal if isinstance(m, Accept)),
        ]
        move = next((m for m in wanted if m in legal), None)
        return Decision(move or next(m for m in legal if isinstance(m, Pass)), "as the notes say")


@pytest.mark.parametrize("level", LEVELS)
def test_an_objection_to_our_offer_is_answered_at_once(level):
    # A student following the tutorial's notes objects to NATO's tests and waits for the
    # answer. The computer once took the wait for a pass-over, softened the blocked offer and
    # never answered (easy never answered at all), so nothing could be agreed: every level
    # now answers on its next move.
    tutorial = load(ROOT / "scenarios" / "tutorial.yaml")
    nato = lambda side, seed: make_player(level, side, seed)  # noqa: E731
    result = play_game(tutorial, nato, _TutorialRussia, 1)
    moves = list(result.state.moves)
    objected = moves.index(RaiseObjection(R, "only-watching", "watch-tests"))
    assert isinstance(moves[objected + 1], Answer)
    assert "watch-tests" in {item.proposal for item in result.outcome.package}


class _Recorder(Player):
    """Wraps a player and keeps every decision it makes."""

    def __init__(self, inner: Player, decisions: list[Decision]) -> None:
        super().__init__(inner.side, inner.seed)
        self.inner = inner
        self.name = inner.name
        self.decisions = decisions

    def choose(self, view, legal):
        decision = self.inner.choose(view, legal)
        self.decisions.append(decision)
        return decision


@pytest.mark.parametrize("level", ["hard", "expert"])
def test_an_offer_let_sit_twice_is_softened_below_the_curve(level):
    # Boulware holds its aim high, but once the other side has let an offer sit twice the
    # acceptance rule (what holding out is worth) decides how far to soften it.
    decisions: list[Decision] = []
    result = play_game(
        table(),
        _Silent,
        lambda side, seed: _Recorder(make_player(level, side, seed), decisions),
        1,
    )
    softened = [d for d in decisions if any("sit twice" in f for f, _ in d.reasons.factors)]
    assert softened, "it held out on an offer nobody took"
    first = softened[0]
    assert isinstance(first.move, Amend) and first.move in result.state.moves
    assert first.reasons.value >= first.reasons.aim
    curve = STYLES[level].aim(0.0)
    assert first.reasons.aim < curve
    assert f"at or above the {first.reasons.aim:.2f} we aim for" in first.explanation


def test_the_expert_opens_as_hard_does():
    # Before the other side has moved its belief is only the prior, so it does not look ahead.
    state = position(table(), [])
    assert decide("expert", state).move == decide("hard", state).move


def _tutorial(moves: list) -> State:
    """The tutorial after these moves."""
    from game.library import shipped_folder

    folder = shipped_folder()
    assert folder is not None
    return position(load(folder / "tutorial.yaml"), moves, seed=0)


@pytest.mark.parametrize("level", ["medium", "hard", "expert"])
def test_no_level_answers_an_objection_when_nothing_can_follow(level):
    # NATO objects to Russia's guarantee with the game's second-last move: settling it on
    # the last move cannot lead to an agreement, so it would only cost Russia support.
    state = _tutorial(
        [
            Table(N, "watch-tests", (("how-often", "once-a-year"),)),
            Accept(R, "watch-tests"),
            Table(N, "joint-exercise"),
            Accept(R, "joint-exercise"),
            Table(N, "missile-pause"),
            Table(R, "guarantee", TREATY),
            RaiseObjection(N, "treaty-trouble", "guarantee"),
        ]
    )
    assert state.round == state.rounds and state.to_move is R
    assert not isinstance(decide(level, state).move, Answer)


@pytest.mark.parametrize("level", ["medium", "hard", "expert"])
def test_with_moves_short_a_level_tables_its_priority_rather_than_talk_tough(level):
    # Two moves left for Russia, nothing of its own on the table: a statement wastes the
    # move as surely as a refused offer, so it tables the guarantee NATO could still accept.
    state = _tutorial(
        [
            Table(N, "watch-tests", (("how-often", "every-test"),)),
            Accept(R, "watch-tests"),
            Table(N, "joint-exercise"),
            Accept(R, "joint-exercise"),
            Table(N, "missile-pause"),
        ]
    )
    move = decide(level, state).move
    assert isinstance(move, Table) and move.proposal == "guarantee"
