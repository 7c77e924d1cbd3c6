"""The set-up screen's table name: typed by keyboard or mouse, kept in the save, shown on the
load list and the debrief; and the screen still fits a small window with large text."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest
from pygame_gui.elements import UIButton, UITextEntryLine

from game.library import Entry
from game.saves import list_saves, load_save
from game.saves.table_name import TABLE_NAME_MAX
from game.ui.app import App
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.load import LoadScreen
from game.ui.screens.setup import TYPING_HELP, SetupScreen
from game.ui.session import HOTSEAT
from tests.ui.conftest import Driver, entry_named
from tests.ui.saves_helpers import data_folder

__all__ = ["data_folder"]


def type_text(driver: Driver, text: str) -> None:
    """Type as a keyboard does: a key press, and the text it makes."""
    for char in text:
        key = pygame.key.key_code(char) if char.isalnum() else pygame.K_UNKNOWN
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0)
        )
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        pygame.event.post(
            pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=char, scancode=0)
        )
    driver.frames(2)


def open_setup(app: App, driver: Driver, entries: list[Entry]) -> SetupScreen:
    screen = SetupScreen(app, entry_named(entries, "tutorial"))
    app.push(screen)
    driver.frames()
    return screen


def test_the_name_is_typed_by_keyboard_alone_and_goes_with_the_game(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Start has the focus; Shift+Tab reaches the field, and S then types, never starts."""
    from game.ui.autosave import autosave, finish_autosaves
    from game.ui.saving import record_of

    screen = open_setup(app, driver, entries)
    assert screen.focus.current is not None and screen.focus.current.widget is screen.start_button
    assert not screen.typing
    driver.key(pygame.K_TAB, pygame.KMOD_SHIFT)
    assert screen.typing and screen.focus.current.widget is screen.table_field
    assert app.top is screen and app.top.help_text == TYPING_HELP
    type_text(driver, "Sam & Ben")
    assert app.top is screen, "S typed into the name started the game"
    assert screen.setup.table == "Sam & Ben"
    driver.key(pygame.K_LEFT)  # moves in the text, not to another button
    assert screen.typing
    driver.key(pygame.K_RETURN)  # done: the focus goes to Start
    assert not screen.typing and screen.focus.current.widget is screen.start_button
    assert pygame.key.get_repeat() == (400, 40), "the field left the key repeat changed"
    driver.key(pygame.K_RETURN)
    assert app.top is not screen
    session = next(s for s in app.stack if hasattr(s, "session")).session  # type: ignore[attr-defined]
    assert session.setup.table == "Sam & Ben"
    assert record_of(session).label == "Sam & Ben"
    autosave(session)
    finish_autosaves()  # the autosave is written by a worker thread
    (info,) = list_saves()
    assert info.path.name.endswith("-sam-ben.autosave.json")
    assert load_save(info.path).record.label == "Sam & Ben"


def test_tab_and_escape_leave_the_field_and_the_screen_stays(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    screen = open_setup(app, driver, entries)
    driver.key(pygame.K_TAB, pygame.KMOD_SHIFT)
    driver.key(pygame.K_ESCAPE)  # leaves the field, not the screen
    assert app.top is screen and not screen.typing
    driver.key(pygame.K_TAB, pygame.KMOD_SHIFT)
    assert screen.typing
    driver.key(pygame.K_TAB, pygame.KMOD_SHIFT)  # on to Back
    assert not screen.typing and screen.focus.current.widget is not screen.table_field
    driver.key(pygame.K_TAB)
    driver.key(pygame.K_TAB)
    assert screen.focus.current.widget is screen.start_button and not screen.typing


def test_a_click_types_into_the_field_and_a_click_elsewhere_leaves_it(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    screen = open_setup(app, driver, entries)
    assert screen.table_field is not None
    driver.click(screen.table_field)
    assert screen.typing and screen.focus.current.widget is screen.table_field
    type_text(driver, "x" * (TABLE_NAME_MAX + 10))
    assert screen.setup.table == "x" * TABLE_NAME_MAX  # no longer than a save may hold
    driver.click(driver.button("Hot-seat"))
    assert screen.setup.mode == HOTSEAT and not screen.typing
    # The screen was rebuilt for hot seat: the name is still there.
    assert screen.table_field.get_text() == "x" * TABLE_NAME_MAX
    assert pygame.key.get_repeat() == (400, 40)


def test_a_pasted_line_break_is_not_kept(app: App, driver: Driver, entries: list[Entry]) -> None:
    import pygame_gui

    screen = open_setup(app, driver, entries)
    assert screen.table_field is not None
    screen.table_field.set_text("Anna\nBen")
    pygame.event.post(
        pygame.event.Event(
            pygame_gui.UI_TEXT_ENTRY_CHANGED, text="Anna\nBen", ui_element=screen.table_field
        )
    )
    driver.frames(2)
    assert screen.setup.table == "AnnaBen" and screen.table_field.get_text() == "AnnaBen"


@pytest.mark.parametrize("text_size", ["large", "larger"])
@pytest.mark.parametrize("mode", ["solo", "hotseat"])
def test_the_screen_fits_960_by_600_with_large_text(
    app: App, driver: Driver, entries: list[Entry], text_size: str, mode: str
) -> None:
    """No widget leaves the window or sits on another: the option rows end above the bottom
    row of Back, the table's name and Start."""
    app.apply_settings(replace(app.settings, width=960, height=600, text_size=text_size))
    screen = SetupScreen(app, entry_named(entries, "2011-lisbon-to-chicago"))
    screen.setup = replace(screen.setup, mode=mode)
    app.push(screen)
    driver.frames()
    assert app.size == (960, 600)
    window = pygame.Rect((0, 0), app.size)
    widgets = [w.rect for w in screen.actions if isinstance(w, UIButton)]
    assert screen.table_field is not None and isinstance(screen.table_field, UITextEntryLine)
    widgets += [screen.table_field.rect, screen.panes[0].image.rect]
    for index, rect in enumerate(widgets):
        assert window.contains(rect), rect
        for other in widgets[index + 1 :]:
            assert not rect.colliderect(other), (rect, other)
    labels = [
        element.rect
        for element in app.manager.get_sprite_group().sprites()
        if type(element).__name__ == "UILabel" and element.visible
    ]
    for label in labels:
        assert window.contains(label), label
        assert not any(label.colliderect(w) for w in widgets), label


def test_the_load_list_and_the_debrief_show_the_name(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    from game.ui.autosave import autosave
    from game.ui.flow import finish
    from game.ui.session import Session, Setup

    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    session = Session.start(
        entry.scenario, Setup(mode=HOTSEAT, seed=2, table="Table 7"), entry.path
    )
    while not session.over:
        session.play(session.legal()[0])
    autosave(session)
    finish(app, session)
    assert isinstance(app.top, DebriefScreen)
    driver.frames()
    assert f"Debrief (Table 7): {entry.scenario.title}" in app.top.texts()
    load = LoadScreen(app)
    app.push(load)
    driver.frames()
    short = entry.scenario.title.split(":")[0]
    assert any(text.startswith(f"Table 7:  {short}  ·  Finished") for text in load.texts())
    assert "Table: Table 7" in load.details.words
