"""What the player reads and where the keys go: support in sight, wording, briefing, list."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pygame
import pytest

from game.engine.state import Direction
from game.library import Entry
from game.scenario.models import SideId
from game.settings import Settings
from game.ui.app import App
from game.ui.flow import begin
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.scenario_list import ScenarioListScreen
from game.ui.screens.setup import SetupScreen
from game.ui.screens.table import TableScreen
from game.ui.session import Session, Setup
from game.ui.text import Meter
from tests.ui.conftest import Driver, entry_named

LONG_NOTE = (
    "Last change (round 4): Russia's trust in NATO fell 3 to 51: US Vice-President tours "
    "Central Europe and talks about hosting parts of the new plan (fading 1 a round)."
)


SIZES = [((1280, 720), "normal"), ((960, 600), "large")]
"""The default window, and the minimum with large text."""


@contextmanager
def _table(
    entries: list[Entry], size: tuple[int, int], text_size: str, scenario_id: str, side: SideId
) -> Iterator[tuple[TableScreen, Session]]:
    """A solo game's table at this window and text size, closed afterwards."""
    settings = Settings(width=size[0], height=size[1], text_size=text_size, sound=False)
    app = App(settings, remember=False, scenarios=lambda: entries)
    try:
        entry = entry_named(entries, scenario_id)
        assert entry.scenario is not None
        session = Session.start(entry.scenario, Setup(human=side, seed=1), entry.path)
        begin(app, session)
        app.pop()  # the briefing
        table = app.top
        assert isinstance(table, TableScreen)
        yield table, session
    finally:
        app.close()


@pytest.mark.parametrize(("size", "text_size"), SIZES)
def test_both_support_rows_stay_in_sight(
    entries: list[Entry], size: tuple[int, int], text_size: str
) -> None:
    """However long the trust notes, both sides' support shows without scrolling."""
    with _table(entries, size, text_size, "2009-brussels", SideId.RUSSIA) as (table, session):
        session.trust_notes = {direction: LONG_NOTE for direction in Direction}
        table.changed()
        table._draw_everything()
        pane = table.status
        support = [
            (top, piece)
            for top, piece, block in pane._layout
            if isinstance(block, Meter) and not block.note  # trust meters have notes
        ]
        assert len(support) == 2
        for top, piece in support:
            assert piece is not None
            assert top + piece.get_height() <= pane.view_height


@pytest.mark.parametrize(("size", "text_size"), SIZES)
def test_the_tutorials_notes_show_whole_when_they_fit(
    entries: list[Entry], size: tuple[int, int], text_size: str
) -> None:
    """The coaching pane grows into the log's room (up to 60% of the column), so a new
    player reads the round's notes without scrolling; the log keeps the rest."""
    with _table(entries, size, text_size, "tutorial", SideId.NATO) as (table, _):
        notes, log = table.notes, table.log
        column = notes.rect.bottom - log.rect.top
        wanted = notes.content_height + 2 * notes.padding
        assert notes.rect.height >= min(wanted, column * 60 // 100)
        assert log.rect.bottom < notes.rect.top
        if wanted <= column * 60 // 100:
            assert notes.content_height <= notes.view_height


def test_setup_states_rounds_and_deadline_naturally(app: App, entries: list[Entry]) -> None:
    """No 'rounds until End of the practice session': the deadline follows a colon."""
    app.push(SetupScreen(app, entry_named(entries, "tutorial")))
    app.step([], 1 / 60)
    text = " ".join(app.top.texts())  # type: ignore[union-attr]
    assert "rounds until End" not in text
    assert "The talks last 4 rounds. Deadline after round 4: End of the practice session." in text


def test_setup_says_how_the_chosen_level_negotiates(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Each level's line follows the choice, so a student can pick an opponent knowingly."""
    from game.ai import LEVEL_STYLES

    app.push(SetupScreen(app, entry_named(entries, "tutorial")))
    app.step([], 1 / 60)
    assert LEVEL_STYLES["medium"] in " ".join(app.top.texts())  # type: ignore[union-attr]
    driver.click(driver.button("Expert"))
    text = " ".join(app.top.texts())  # type: ignore[union-attr]
    assert LEVEL_STYLES["expert"] in text and LEVEL_STYLES["medium"] not in text


def test_first_briefing_goes_to_the_table_by_any_key(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Before the first turn nothing says 'back'; arrows read, and Enter always goes on."""
    entry = entry_named(entries, "2011-lisbon-to-chicago")  # a briefing longer than the pane
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(seed=2), entry.path)
    begin(app, session)
    briefing = app.top
    assert isinstance(briefing, BriefingScreen)
    assert "back" not in briefing.help_text.lower()
    assert "Enter or Esc: go to the table" in briefing.help_text
    for key in (pygame.K_DOWN, pygame.K_DOWN, pygame.K_RIGHT, pygame.K_TAB, pygame.K_UP):
        driver.key(key)
    assert app.top is briefing and briefing.briefing_pane.max_offset > 0
    driver.key(pygame.K_DOWN)
    assert briefing.briefing_pane.offset > 0  # the arrows scroll the text
    driver.key(pygame.K_RETURN)
    assert isinstance(app.top, TableScreen)
    driver.key(pygame.K_b)  # the briefing again, from the table
    again = app.top
    assert isinstance(again, BriefingScreen)
    assert "Enter or Esc: back to the table" in again.help_text
    assert "Back to the table" in again.texts()


def test_scenario_details_follow_the_keyboard_focus(app: App, driver: Driver) -> None:
    """Arrowing through the list shows each scenario's details at once; Enter goes on."""
    screen = ScenarioListScreen(app)
    app.push(screen)
    driver.frames(2)
    first = screen.chosen
    driver.key(pygame.K_DOWN)
    assert screen.chosen == first + 1
    entry = screen.entries[screen.chosen]
    title = entry.scenario.title if entry.scenario is not None else entry.path.name
    assert screen.details.words[0] == title
    driver.key(pygame.K_UP)
    assert screen.chosen == first and app.top is screen
    driver.key(pygame.K_RETURN)
    assert isinstance(app.top, SetupScreen)
