"""What the move panel's details say a move will do, in the position it would be made."""

from __future__ import annotations

from dataclasses import replace

from game.engine import legal_moves, replay
from game.engine.moves import (
    Accept,
    Amend,
    Answer,
    Move,
    Pass,
    RaiseObjection,
    Reject,
    Statement,
    Table,
    Tone,
    WithdrawObjection,
)
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
    assert "If Russia passes next, the agreed package is signed." in _texts(state, Pass(N))


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


def _accept_line(state: State, move: Move) -> str:
    return next(t for t in _texts(state, move) if t.startswith("If "))


def test_accept_says_the_real_trust_changes_of_agreeing():
    # It promised "(trust +3 both ways)"; the tests deal also adds Russia's trust in NATO +3
    # lasting, so the student saw +6 one way and +3 the other.
    state = _tutorial([TESTS])
    assert _accept_line(state, Accept(R, "watch-tests")) == (
        "If NATO has accepted too and no objection is open, it is agreed: NATO's trust in you "
        "+3 (fading 1 a round); your trust in NATO +6 (+3 lasting, +3 fading 1 a round)."
    )


def test_accept_says_an_agreement_lifts_trust_both_ways_alike_when_it_does():
    scenario = load(ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml")
    state = replay(scenario, 1, [Table(N, "joint-exercises")])
    assert _accept_line(state, Accept(R, "joint-exercises")).endswith(
        "it is agreed: trust +7 both ways (+4 lasting, +3 fading 1 a round)."
    )


def test_accept_says_the_agreements_support_changes():
    from tests.engine.helpers import load_fixture

    # The rule-book's data centre adds 5 to NATO's support when it is agreed.
    scenario = load_fixture()
    state = replay(
        scenario,
        1,
        [
            Table(N, "transparency"),
            Accept(R, "transparency"),
            Table(N, "data-centre"),
        ],
    )
    assert _accept_line(state, Accept(R, "data-centre")).endswith(
        "trust +3 both ways (fading 1 a round); NATO's support at home +5."
    )


def test_accept_says_the_movers_own_objection_blocks_it_and_how_to_lift_it():
    state = _tutorial([TESTS, RaiseObjection(R, "only-watching", "watch-tests"), Pass(N)])
    assert (
        "Your own objection “Watching is not the same as working together. What will you "
        "actually do?” blocks it: even once both sides accept, it cannot be agreed until you "
        "withdraw the objection (Withdraw your objection, a move of its own)."
    ) in _texts(state, Accept(R, "watch-tests"))
    # The other side's objection is for them to answer: no such line for NATO.
    nato = _tutorial([TESTS, RaiseObjection(R, "only-watching", "watch-tests")])
    assert not any(t.startswith("Your own objection") for t in _texts(nato, Pass(N)))


def test_withdrawing_says_it_costs_the_move_and_what_it_unblocks():
    objected = [TESTS, RaiseObjection(R, "only-watching", "watch-tests"), Pass(N)]
    withdraw = WithdrawObjection(R, "only-watching", "watch-tests")
    texts = _texts(_tutorial(objected), withdraw)
    assert texts[0].startswith("Withdraw the objection to 'Watch each other's tests'")
    assert (
        "Withdrawing changes no trust or support of itself: it only takes this move. You may "
        "raise it again later, as long as you have not accepted the proposal."
    ) in texts
    assert "It is agreed once both sides accept the same terms." in texts
    accepted = _tutorial([*objected, Accept(R, "watch-tests"), Pass(N)])
    assert (
        "Both sides have accepted it, so withdrawing agrees it at once, and the agreement "
        "brings NATO's trust in you +3 (fading 1 a round); your trust in NATO +6 (+3 lasting, "
        "+3 fading 1 a round)."
    ) in _texts(accepted, withdraw)


def test_a_side_withdraws_only_its_own_proposal_and_rejects_the_others():
    """Rejecting one's own proposal withdraws it: its own heading, so Russia never reads
    "withdraw" over NATO's proposal (a tester took it for withdrawing the objection)."""
    from game.ui.move_text import OWN_REJECT_HEADING, REJECT_HEADING, grouped

    state = _tutorial([TESTS])
    headings = [title for title, _ in grouped(legal_moves(state, R), state)]
    assert REJECT_HEADING in headings and OWN_REJECT_HEADING not in headings
    state = _tutorial([TESTS, Pass(R)])
    headings = [title for title, _ in grouped(legal_moves(state, N), state)]
    assert OWN_REJECT_HEADING in headings and REJECT_HEADING not in headings


LISBON = ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml"
OBJECTED = [
    Table(N, "joint-exercises"),
    RaiseObjection(R, "need-legal-guarantee", "joint-exercises"),
]


def test_the_details_quote_the_source_of_the_proposal_objection_or_argument():
    # A scenario's citations never reached the players: only the news quoted its source.
    state = replay(load(LISBON), 1, OBJECTED[:1])
    assert (
        "“we proposed holding joint NATO-Russia theater missile defense exercises next year” "
        "(Anders Fogh Rasmussen, 2011)"
    ) in _texts(state, Accept(R, "joint-exercises"))
    assert (
        "“Russia has also said it needs legal guarantees that NATO missile defenses are not a "
        "threat.” (Anders Fogh Rasmussen, 2011)"
    ) in _texts(state, OBJECTED[1])
    answered = replay(load(LISBON), 1, OBJECTED)
    answer = Answer(N, "need-legal-guarantee", "joint-exercises", "founding-act-answer")
    assert any(
        text.startswith("“when NATO and Russia signed the NATO-Russia Founding Act in 1997")
        and text.endswith("(Anders Fogh Rasmussen, 2011)")
        for text in _texts(answered, answer)
    )


def test_tabling_and_amending_say_what_the_chosen_terms_mean():
    # A variant's summary ("what this variant means") was never shown, not even when
    # choosing it in an amendment.
    state = _tutorial([TESTS])
    amend = Amend(R, "watch-tests", "how-often", "once-a-year")
    assert "Once a year: One visit a year; easier for NATO, worth less to Russia." in _texts(
        state, amend
    )
    tabled = _texts(_tutorial([]), TESTS)
    assert "Every test: The other side's experts may come to every test." in tabled
    assert not any(text.startswith("Once a year:") for text in tabled)


def test_every_move_on_a_proposal_says_what_it_means():
    # Only the tabling move said it: the other side never read what a proposal tabled
    # against it meant.
    summary = load(ROOT / "scenarios" / "tutorial.yaml").proposal("watch-tests").summary
    state = _tutorial([TESTS])
    for move in (
        Accept(R, "watch-tests"),
        Reject(R, "watch-tests"),
        Amend(R, "watch-tests", "how-often", "once-a-year"),
        RaiseObjection(R, "only-watching", "watch-tests"),
    ):
        assert summary in _texts(state, move), move


def test_an_answer_says_its_condition_with_a_verb_and_where_it_stands_now():
    # It said "only if NATO's trust in Russia at least 50", not that trust was 40: a
    # player paid for an answer that could not work.
    state = replay(
        load(LISBON),
        1,
        [Table(N, "joint-exercises"), RaiseObjection(R, "inflated-threat", "joint-exercises")],
    )
    answer = Answer(N, "inflated-threat", "joint-exercises", "share-intelligence")
    assert (
        "90% chance to resolve the objection, and only if NATO's trust in Russia is at least 50 "
        "(now 40: this cannot work yet)."
    ) in _texts(state, answer)
    assert "Costs 2 support at home, paid even if it fails." in _texts(state, answer)
    met = replay(load(LISBON), 1, OBJECTED)
    answer = Answer(N, "need-legal-guarantee", "joint-exercises", "written-declaration")
    assert (
        "90% chance to resolve the objection, and only if Russia's trust in NATO is at least 30 "
        "(now 35)."
    ) in _texts(met, answer)


def test_every_key_of_a_condition_is_said_and_tested_as_the_engine_tests_it():
    # `not_tabled`, `objected` and `not_objected` were left out of the answer's details.
    from game.scenario.models import Condition
    from game.ui.move_text import describe_condition

    scenario = load(ROOT / "scenarios" / "tutorial.yaml")
    state = _tutorial([TESTS, RaiseObjection(R, "only-watching", "watch-tests")])
    condition = Condition.model_validate(
        {
            "round_at_least": 3,
            "trust_at_least": {"nato_in_russia": 55},
            "trust_below": {"russia_in_nato": 60},
            "support_at_least": {"nato": 50},
            "support_below": {"russia": 50},
            "agreed": ["joint-exercise"],
            "not_agreed": ["guarantee"],
            "tabled": ["watch-tests"],
            "not_tabled": ["watch-tests"],
            "objected": ["watch-tests"],
            "not_objected": ["watch-tests"],
        }
    )
    assert set(Condition.model_fields) == set(condition.model_dump(exclude_defaults=True))
    # NATO pays 3 support first (51 to 48): its support is tested after paying.
    assert state.support.nato == 51
    paid = replace(state, support=state.support.with_value(N, 48))
    assert describe_condition(condition, scenario, state, paid).split(" and ") == [
        "NATO's trust in Russia is at least 55 (now 50: this cannot work yet)",
        "Russia's trust in NATO is below 60 (now 50)",
        "support for NATO is at least 50 (now 51, 48 once you have paid: this cannot work yet)",
        "support for Russia is below 50 (now 50: this cannot work now)",
        "it is round 3 or later (now round 2: this cannot work yet)",
        "'Joint exercise' is agreed (now not agreed: this cannot work yet)",
        "'Guarantee: not aimed at Russia' is not agreed (now not agreed)",
        "'Watch each other's tests' is on the table (now on the table)",
        "'Watch each other's tests' is not on the table (now on the table: this cannot work now)",
        "an objection is open against 'Watch each other's tests' (now 1 open)",
        "no objection is open against 'Watch each other's tests' (now 1 open: this cannot "
        "work now)",
    ]


def test_a_discounted_value_names_its_kind_in_words():
    # It read "(a structural: discounted while your trust is 36)".
    state = replay(load(ROOT / "scenarios" / "2009-brussels.yaml"), 1, [])
    worth = next(t for t in _texts(state, Table(N, "council-restart")) if t.startswith("Worth"))
    assert worth.endswith("(a joint structure: discounted while your trust is 30, under 60).")


def test_tabling_and_rejecting_say_the_scenarios_own_effects():
    # A student tabled 'Pause NATO enlargement' and silently lost 3 of NATO's trust and gave
    # Russia 3 support; the preview named only its worth (and a rejection only the usual -2).
    brussels = load(ROOT / "scenarios" / "2009-brussels.yaml")
    pause = Table(R, "enlargement-pause")
    state = replay(brussels, 1, [Pass(N)])
    other = brussels.sides.nato.short
    assert (
        f"Tabling it also brings: {other}'s trust in you -3 (fading 1 a round); your support "
        "at home +3."
    ) in _texts(state, pause)
    state = replay(brussels, 1, [Pass(N), pause])
    russia = brussels.sides.russia.short
    assert (
        f"Rejecting it also brings: your support at home +2; {russia}'s support at home +2."
    ) in _texts(state, Reject(N, "enlargement-pause"))
    assert not any("also brings" in text for text in _texts(state, Accept(N, "enlargement-pause")))


def test_a_rejection_is_headed_reject_or_withdraw_as_it_is():
    # "Reject or withdraw 'X'" headed a plain rejection of the other side's proposal.
    state = _tutorial([TESTS])
    assert _texts(state, Reject(R, "watch-tests"))[0] == "Reject 'Watch each other's tests'"
    assert _texts(state, Reject(N, "watch-tests"))[0] == (
        "Withdraw your proposal 'Watch each other's tests'"
    )
