"""Every screen renders a frame in the dummy video driver and shows what it should."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.engine import legal_moves, outcome
from game.library import Entry
from game.scenario import Severity
from game.scenario.models import SideId
from game.scenario.problems import Problem
from game.ui import hooks
from game.ui.app import App
from game.ui.flow import begin, finish, to_title
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.event_popup import EventPopup
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.scenario_list import ScenarioListScreen, entry_blocks
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.setup import SetupScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from game.ui.session import HOTSEAT, Session, Setup
from game.ui.text import Para
from tests.ui.conftest import Driver, entry_named


def rendered(app: App) -> str:
    """Draw a frame and return the top screen's text, joined."""
    app.step([], 1 / 60)
    assert app.window.get_size() == app.size
    # Something was drawn beyond the plain background.
    assert pygame.transform.average_color(app.window) != tuple(app.palette["background"])
    assert app.top is not None
    return "\n".join(app.top.texts())


def test_title(app: App) -> None:
    """The title offers a new game, what other modules registered, settings and quit."""
    to_title(app)
    text = rendered(app)
    assert isinstance(app.top, TitleScreen)
    assert "New game" in text and "Settings" in text and "Quit" in text
    for item in hooks.registry.menu(hooks.TITLE):
        assert item.label in text


def test_scenario_list_lists_a_broken_file_with_its_errors(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Shipped scenarios show title, date, place and sources; a broken file shows its problems."""
    app.push(ScenarioListScreen(app))
    text = rendered(app)
    tutorial = entry_named(entries, "tutorial").scenario
    assert tutorial is not None
    assert tutorial.title in text and tutorial.place in text and "Sources" in text
    assert tutorial.sources[0].title in text
    broken = next(i for i, e in enumerate(entries) if not e.ok)
    screen = app.top
    assert isinstance(screen, ScenarioListScreen)
    driver.click(screen.list_buttons[broken])
    text = "\n".join(screen.texts())
    assert "Cannot load: broken.yaml" in text
    problem = entries[broken].problems[0]
    assert f"line {problem.line}, column {problem.column}" in text and problem.message in text
    # Its severity in words, not by the marker's colour alone.
    assert f"Error: line {problem.line}, column {problem.column}" in text
    assert not driver.button("Continue").is_enabled  # type: ignore[attr-defined]


def test_setup_briefing_table_event_pause_settings(app: App, entries: list[Entry]) -> None:
    """Set-up, the private briefing, the table, an event pop-up, pause and settings all draw."""
    entry = entry_named(entries, "2009-brussels")
    scenario = entry.scenario
    assert scenario is not None
    app.push(SetupScreen(app, entry))
    assert "Against the computer" in rendered(app)
    session = Session.start(scenario, Setup(human=SideId.RUSSIA, seed=3), entry.path)
    begin(app, session)
    assert isinstance(app.top, BriefingScreen)
    text = rendered(app)
    assert scenario.sides.russia.priorities[0] in text
    app.pop()
    table = app.top
    assert isinstance(table, TableScreen)
    text = rendered(app)
    assert "Trust" in text and "Log (newest first)" in text
    app.push(EventPopup(app, scenario.events[0]))
    assert scenario.events[0].title in rendered(app)
    app.push(PauseScreen(app, session))
    assert "Resume" in rendered(app)
    app.push(SettingsScreen(app))
    assert "Text size" in rendered(app)


def test_the_debrief_shows_the_score_parts_as_the_report_does(
    app: App, entries: list[Entry]
) -> None:
    """The parts of each score read as in the exported record's score table (package +0.70,
    trust 56.5), so a teacher redoing the sum by hand gets the score shown."""
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(mode=HOTSEAT, seed=2), entry.path)
    while not session.over:
        session.play(session.legal()[0])
    finish(app, session)
    text = rendered(app)
    result = outcome(session.state)
    for side in SideId:
        score = result.of(side)
        assert f"Package {score.package:+.2f} of its best" in text
        assert f"mean trust {score.trust:.1f}/100" in text
        assert f"support at home {score.support}/100" in text


@pytest.mark.parametrize("mode", ["solo", HOTSEAT])
def test_the_debrief_shows_both_scores_before_the_fold(
    app: App, entries: list[Entry], mode: str
) -> None:
    """At 1440x810 with Larger text a Russia player's own score came after NATO's details
    and the chart, below the fold; now the scores come first, the player's own on top."""
    app.apply_settings(replace(app.settings, width=1440, height=810, text_size="larger"))
    entry = entry_named(entries, "2009-brussels")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(mode=mode, human=SideId.RUSSIA), entry.path)
    while not session.over:
        session.play(legal_moves(session.state, session.to_move)[0])
    finish(app, session)
    debrief = app.top
    assert isinstance(debrief, DebriefScreen)
    results = debrief.panes[0]
    tops = {block.text: top for top, _, block in results._layout if isinstance(block, Para)}
    result = outcome(session.state)
    names = entry.scenario.sides
    russia = f"{names.russia.name}: {result.of(SideId.RUSSIA).score:.1f}"
    nato = f"{names.nato.name}: {result.of(SideId.NATO).score:.1f}"
    if mode == "solo":
        russia = f"You ({names.russia.name}): {result.of(SideId.RUSSIA).score:.1f}"
        assert tops[russia] < tops[nato], "the player's own score first"
    else:
        assert tops[nato] < tops[russia]
    line = app.fonts.get(17, True).get_linesize()
    assert max(tops[russia], tops[nato]) + line <= results.view_height, "in sight unscrolled"


def test_handover_and_debrief(app: App, entries: list[Entry]) -> None:
    """The hand-over and the debrief (tier, scores, package, chart, history, questions)."""
    entry = entry_named(entries, "tutorial")
    scenario = entry.scenario
    assert scenario is not None
    session = Session.start(scenario, Setup(mode=HOTSEAT, seed=2), entry.path)
    begin(app, session)
    assert isinstance(app.top, HandoverScreen)
    assert "Hand over to" in rendered(app)
    while not session.over:
        session.play(session.legal()[-1])  # a walk-out or a pass: the game ends quickly
    finish(app, session)
    assert isinstance(app.top, DebriefScreen)
    text = rendered(app)
    assert "Shared score" in text and "What really happened" in text
    assert scenario.debrief.questions[0] in text
    assert scenario.sides.nato.name in text and scenario.sides.russia.name in text


def test_a_broken_files_problems_say_their_severity_in_words() -> None:
    """A warning and an error differed only by their marker's colour."""
    problems = (
        Problem("x.yaml", 3, 1, "sides", "a name is long", Severity.WARNING),
        Problem("x.yaml", 7, 5, "", "the '[' here is not closed", Severity.ERROR),
    )
    blocks = entry_blocks(Entry(Path("x.yaml"), False, None, problems))
    texts = [block.text for block in blocks if isinstance(block, Para)]
    assert "Warning: line 3, column 1 (sides): a name is long" in texts
    assert "Error: line 7, column 5: the '[' here is not closed" in texts


def test_the_debrief_lists_what_was_left_on_the_table_and_the_package_by_round() -> None:
    """A student could not see from the debrief what was never agreed (the replay showed
    'Protect the cooperation that works', +4 to each side, never tabled)."""
    from game.engine import replay
    from game.engine.moves import Accept, Pass, Table
    from game.scenario import load
    from game.ui.screens.debrief import result_blocks

    path = Path(__file__).parents[2] / "scenarios" / "tutorial.yaml"
    tutorial = load(path)
    nato, russia = SideId.NATO, SideId.RUSSIA
    moves = [
        Pass(nato),
        Table(russia, "guarantee", (("form", "declaration"),)),
        Accept(nato, "guarantee"),
        Pass(russia),
        Table(nato, "watch-tests"),
        Accept(russia, "watch-tests"),
    ]
    session = Session.start(tutorial, Setup(human=russia, seed=1), path)
    session.state = replay(tutorial, 1, moves)
    while not session.state.over:
        session.state = replay(tutorial, 1, [*session.state.moves, Pass(session.state.to_move)])
    texts = [b.text for b in result_blocks(session, outcome(session.state)) if isinstance(b, Para)]
    agreed = [t for t in texts if "(round " in t]
    # In the order agreed, not the scenario's (the guarantee comes after the tests there).
    assert [t.split(" (round")[0] for t in agreed] == [
        tutorial.proposal("guarantee").title,
        tutorial.proposal("watch-tests").title,
    ]
    left = texts[texts.index("Left on the table") + 2 :]
    exercise = tutorial.proposal("joint-exercise").title
    assert any(t.startswith(f"{exercise}: ") and "to You (Russian Federation)" in t for t in left)
    assert not any(t.startswith(tutorial.proposal("watch-tests").title) for t in left)
    assert any("(×60)" in t for t in texts)
