"""The screens' sentences read right whatever a scenario calls its sides."""

from __future__ import annotations

import pytest

from game.engine import legal_moves
from game.engine.moves import Answer, Gesture, Move, Pass, RaiseObjection, Statement, Table, Tone
from game.engine.state import Direction
from game.library import Entry
from game.saves.timeouts import with_timeouts
from game.scenario.models import Scenario, SideId, SupportLevels
from game.ui.app import App
from game.ui.move_text import describe_condition, move_details
from game.ui.screens.briefing import BriefingScreen, briefing_blocks
from game.ui.screens.event_popup import event_blocks
from game.ui.screens.handover import HandoverScreen
from game.ui.session import HOTSEAT, Session, Setup
from game.ui.table_panels import notes_blocks, proposals_blocks, status_blocks
from game.ui.text import Para
from tests.engine.helpers import OLD_NAMES, load_renamed
from tests.ui.conftest import entry_named
from tests.ui.test_screens import rendered

NATO, RUSSIA = SideId.NATO, SideId.RUSSIA
OPENING: list[Move] = [
    Table(NATO, "guarantee"),
    RaiseObjection(RUSSIA, "aimed-at-russia", "guarantee"),
    Gesture(NATO),
    Statement(RUSSIA, Tone.FIRM),
]
"""Moves that change both trust levels and leave an objection NATO can answer."""


def _scenario(which: str, entries: list[Entry]) -> Scenario:
    if which == "tutorial":
        scenario = entry_named(entries, "tutorial").scenario
        assert scenario is not None
        return scenario
    return load_renamed()


@pytest.mark.parametrize(
    ("which", "name"),
    [("tutorial", "Russian Federation"), ("renamed", "Moscow delegation")],
)
def test_the_briefing_and_the_hand_over_name_the_delegation_once(
    app: App, entries: list[Entry], which: str, name: str
) -> None:
    """They once said "For the Moscow delegation delegation only." and "Pass the keyboard
    to the Moscow delegation delegation."."""
    session = Session.start(_scenario(which, entries), Setup(mode=HOTSEAT, seed=1))
    app.push(BriefingScreen(app, session, RUSSIA))
    assert f"For {name} only." in rendered(app).splitlines()
    app.push(HandoverScreen(app, session, RUSSIA))
    assert f"Pass the keyboard to {name}. The other side's screen is hidden" in rendered(app)


def test_the_trust_panel_and_the_move_details_use_the_scenarios_names() -> None:
    session = Session.start(load_renamed(), Setup(mode=HOTSEAT, seed=1))
    for move in OPENING[:3]:
        session.play(move)
    assert session.trust_notes[Direction.RUSSIA_IN_NATO].startswith(
        "Last change (round 2): Moscow delegation's trust in The Alliance rose 6 to 36"
    )
    session.play(OPENING[3])  # ends round 2: earlier changes fade as round 3 begins
    assert session.trust_notes[Direction.NATO_IN_RUSSIA] == (
        "Last change (round 3): The Alliance's trust in Moscow delegation rose 1 to 38 as "
        "earlier changes faded."
    )
    shown = [b.text for b in status_blocks(session, session.view()) if isinstance(b, Para)]
    assert not [text for text in shown if OLD_NAMES.search(text)]
    state = session.state
    moves = legal_moves(state, state.to_move)
    assert any(isinstance(move, Answer) for move in moves)  # with its condition in words
    for move in moves:
        details = [b.text for b in move_details(state, move) if isinstance(b, Para)]
        assert not [text for text in details if OLD_NAMES.search(text)], move


@pytest.mark.parametrize(
    ("short_names", "expected"),
    [
        (
            False,
            "Moscow delegation's trust in The Alliance is at least 35 and support for The Alliance",
        ),
        (True, "Moscow's trust in Alliance is at least 35 and support for Alliance"),
    ],
)
def test_an_arguments_condition_names_the_sides_as_the_log_does(short_names, expected):
    scenario = load_renamed(short_names)
    condition = scenario.argument("founding-act").condition
    assert condition is not None
    with_support = condition.model_copy(update={"support_at_least": SupportLevels(nato=50)})
    assert describe_condition(with_support, scenario).startswith(expected)
    assert not OLD_NAMES.search(describe_condition(with_support, scenario))


def test_a_pass_on_time_in_the_log_uses_the_name_the_log_uses() -> None:
    session = Session.start(load_renamed(short_names=True), Setup(mode=HOTSEAT, seed=1, timer=30))
    session.play(Pass(NATO))
    assert session.tick_timer(31) is not None  # Russia's time ran out
    texts = [e.text for e in with_timeouts(session.scenario, session.state.log, session.timed_out)]
    assert "Alliance passed." in texts and "Moscow passed: time ran out." in texts


def test_the_proposals_panel_names_who_tabled_and_accepted_as_sentences_do() -> None:
    """It said "Tabled by The Alliance." where every other sentence says "Alliance"."""
    session = Session.start(load_renamed(short_names=True), Setup(mode=HOTSEAT, seed=1))
    session.play(OPENING[0])
    shown = [b.text for b in proposals_blocks(session, session.view()) if isinstance(b, Para)]
    assert any(text.startswith("Tabled by Alliance. Accepted by Alliance.") for text in shown)
    assert not [text for text in shown if "by The Alliance" in text]


def test_the_news_names_the_sides_as_sentences_do() -> None:
    """The pop-up said "The Alliance's trust in Moscow delegation -10"."""
    scenario = load_renamed(short_names=True)
    news = scenario.event_by_id["deployment-threat"]
    shown = [b.text for b in event_blocks(news, scenario, NATO) if isinstance(b, Para)]
    assert "Effect: Alliance's trust in Moscow -10." in shown


def test_the_briefing_and_the_reasoning_pane_name_the_other_side_as_sentences_do() -> None:
    """They said "Moscow delegation cannot see this briefing" and "Moscow delegation has not
    moved yet." where the log says "Moscow"."""
    session = Session.start(load_renamed(short_names=True), Setup(human=NATO, seed=1))
    briefing = [b.text for b in briefing_blocks(session, NATO) if isinstance(b, Para)]
    assert any("Your trust in Moscow: " in text for text in briefing)
    assert any(text.startswith("Moscow cannot see this briefing") for text in briefing)
    notes = [b.text for b in notes_blocks(session, session.view()) if isinstance(b, Para)]
    assert "Moscow has not moved yet." in notes
    assert "Moscow delegation's reasoning" in notes  # a heading keeps the full name
