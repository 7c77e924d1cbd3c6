"""The window's behaviour: the computer never freezes it, timers, resizing, settings, keys."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import settings as settings_store
from game.engine.moves import Pass
from game.library import Entry
from game.scenario.models import SideId
from game.settings import Settings
from game.ui.app import App, check_pygame_ce
from game.ui.flow import begin
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.table import TableScreen
from game.ui.session import HOTSEAT, THINK_SECONDS, Session, Setup
from tests.ui.conftest import FRAME, Driver, entry_named


def solo_table(app: App, entries: list[Entry], **setup: Any) -> TableScreen:
    """A solo game of the tutorial, past the briefing, at the table."""
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    begin(app, Session.start(entry.scenario, Setup(**setup), entry.path))
    app.pop()
    table = app.top
    assert isinstance(table, TableScreen)
    return table


class SlowPlayer:
    """A computer player that thinks until the test lets it answer."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.release = threading.Event()
        self.started = threading.Event()

    def choose(self, view: Any, legal: Any) -> Any:
        self.started.set()
        assert self.release.wait(10)
        return self.inner.choose(view, legal)


def test_computer_thinks_in_the_background(app: App, driver: Driver, entries: list[Entry]) -> None:
    """While the computer works out its move the window keeps drawing and says so."""
    table = solo_table(app, entries, human=SideId.RUSSIA, seed=4)  # NATO (computer) moves first
    session = table.session
    slow = SlowPlayer(session._player)
    session._player = slow
    driver.until(lambda: session.thinking)
    assert slow.started.wait(5)
    frames = app.frames
    driver.frames(int(THINK_SECONDS / FRAME) + 30)  # frames go on while choose() is blocked
    assert app.frames == frames + int(THINK_SECONDS / FRAME) + 30
    assert session.thinking and not session.state.moves
    assert any("thinking" in text for text in table.texts())
    slow.release.set()
    driver.until(lambda: not session.thinking)
    driver.until(lambda: not table.busy())
    assert len(session.state.moves) == 1
    assert session.explanation in table.notes.words


def test_a_new_round_says_who_is_thinking_under_its_heading(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """While the computer thought at the start of a round, the log could show its heading
    with nothing under it; now the newest line says who is thinking, until the move comes."""
    table = solo_table(app, entries, human=SideId.RUSSIA, seed=4)  # NATO (computer) moves first
    session = table.session
    driver.until(lambda: session.human_turn and not table.busy())
    slow = SlowPlayer(session._player)
    session._player = slow
    table.play(Pass(SideId.RUSSIA))
    for _ in range(600):  # the round's news pops up first; the computer waits for it
        if app.top is not table:
            app.pop()
        if session.thinking and not table.dirty:
            break
        driver.frames(1)
    assert session.state.round == 2 and session.thinking
    driver.frames(3)
    nato = session.scenario.sides.nato.name
    words = table.log.words
    assert words[1] == "Round 2" and words[2] == f"{nato} is thinking…", words[:4]
    slow.release.set()
    driver.until(lambda: not session.thinking and not table.busy())
    assert f"{nato} is thinking…" not in table.log.words


def test_the_computer_waits_a_visible_moment(app: App, entries: list[Entry]) -> None:
    """Even a quick decision appears only after the short pause."""
    table = solo_table(app, entries, human=SideId.RUSSIA, seed=4)
    session = table.session
    session.start_computer()
    assert session._turn is not None
    session._turn.future.result(timeout=10)
    assert session.poll_computer(THINK_SECONDS / 2) is None
    assert session.poll_computer(THINK_SECONDS / 2) is not None


def _timed_tutorial(app: App, driver: Driver, entries: list[Entry], timer: int) -> Session:
    """A hot-seat tutorial with a round timer, NATO at the table after the hand-over."""
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(mode=HOTSEAT, timer=timer, seed=1), entry.path)
    session.briefed.update(SideId)
    begin(app, session)
    app.pop()  # the hand-over
    driver.frames(2)
    return session


def test_turn_timer_passes_for_a_slow_side(app: App, driver: Driver, entries: list[Entry]) -> None:
    """With a round timer, a side that runs out of time passes, and the table says why."""
    session = _timed_tutorial(app, driver, entries, timer=2)
    scenario = session.scenario
    texts = app.top.texts()  # type: ignore[union-attr]
    assert "time left 0:02" in " ".join(texts).lower()
    # It leads its line, so a heading cut short on a small window never hides it.
    assert any(text.startswith("Time left 0:02") for text in texts)
    for _ in range(6):
        app.step([], 0.5)
    assert session.state.moves == (Pass(SideId.NATO),)
    assert session.last_message.startswith("Time ran out")
    # The log says so as the transcript does, not the engine's plain "NATO passed.".
    driver.frames(8)  # the table redraws a part a frame
    log = app.top.log.words  # type: ignore[union-attr]
    nato = scenario.sides.nato.name
    assert f"{nato} passed: time ran out." in " ".join(log)
    assert f"{nato} passed." not in log
    for _ in range(6):  # Russia's clock waits until Russia is at the keyboard
        app.step([], 0.5)
    assert len(session.state.moves) == 1


def test_the_countdown_says_hurry_in_the_warning_colour_near_the_end(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """'Time left 0:07' was small and dim, like '1:00'; under 15 seconds it now says hurry in
    words and in the warning colour, and the label is drawn again only when its words change."""
    _timed_tutorial(app, driver, entries, timer=60)
    table = app.top
    assert isinstance(table, TableScreen)
    label = table.timer_label
    assert label.text == "Time left 1:00" and label.visible
    calm = pygame.Color(label.text_colour)
    assert calm == app.palette["text"], "bright, not the dim subtitle's colour"
    drawn: list[str] = []
    set_text = label.set_text

    def counted(text: str, *args: Any, **kwargs: Any) -> None:
        drawn.append(text)
        set_text(text, *args, **kwargs)

    label.set_text = counted  # type: ignore[method-assign]
    for _ in range(50 * 60 - 5):  # 50 seconds less a few frames, a frame at a time
        app.step([], FRAME)
    assert label.text == "Time left 0:11 — hurry"
    assert pygame.Color(label.text_colour) == app.palette["warning"]
    assert len(drawn) == 49, "once a second, not every frame"
    heading = table.turn_label
    assert label.rect.right <= heading.rect.left, "the deadline follows the countdown"


def test_resizing_reflows_the_table(app: App, driver: Driver, entries: list[Entry]) -> None:
    """After a resize every pane and button of the table lies inside the new window."""
    table = solo_table(app, entries, seed=2)
    driver.frames(3)
    pygame.display.set_mode((1024, 640), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1024, 640), w=1024, h=640))
    driver.frames(3)
    window = pygame.Rect(0, 0, 1024, 640)
    assert app.size == (1024, 640) and table.root is not None
    for pane in table.panes:
        assert window.contains(pane.image.rect)
    for widget in table.actions:
        if widget.visible:
            assert window.contains(widget.rect), widget
    assert driver.button("Menu").rect.right <= 1024  # type: ignore[attr-defined]


def test_settings_apply_at_once_and_are_remembered(tmp_path: Path, entries: list[Entry]) -> None:
    """Text size, palette and sound change from the keyboard, rebuild the window and persist."""
    path = tmp_path / "settings.json"
    app = App(Settings(sound=False), settings_file=path, scenarios=lambda: entries)
    driver = Driver(app)
    try:
        app.push(SettingsScreen(app))
        driver.frames()
        driver.key(pygame.K_DOWN)
        driver.key(pygame.K_DOWN)
        driver.key(pygame.K_RIGHT)  # text size: normal -> large
        assert app.settings.text_size == "large" and app.fonts.scale > 1
        driver.key(pygame.K_DOWN)
        driver.key(pygame.K_RETURN)  # colours
        assert app.settings.palette == "colour-blind safe"
        assert app.palette.name == "colour-blind safe"
        assert isinstance(app.top, SettingsScreen) and "Text size:  Large" in " ".join(
            app.top.texts()
        )
        driver.key(pygame.K_ESCAPE)
        assert app.top is None or not isinstance(app.top, SettingsScreen)
    finally:
        app.close()
    remembered = settings_store.load(path)
    assert remembered.text_size == "large" and remembered.palette == "colour-blind safe"


def test_pygame_ce_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain pygame is detected and the fix is spelt out."""
    assert check_pygame_ce() is None
    monkeypatch.setattr(pygame, "IS_CE", False, raising=False)
    message = check_pygame_ce()
    assert message is not None and "pip uninstall pygame pygame-ce" in message


def test_escape_opens_the_menu_and_resumes(app: App, driver: Driver, entries: list[Entry]) -> None:
    """Escape pauses the table and resumes it; focus is always on something."""
    table = solo_table(app, entries, seed=3)
    driver.read_news()  # seed 3 opens with news
    driver.frames(3)
    driver.key(pygame.K_ESCAPE)
    assert type(app.top).__name__ == "PauseScreen"
    assert app.top.focus.current is not None  # type: ignore[union-attr]
    driver.key(pygame.K_ESCAPE)
    assert app.top is table


def test_the_menu_never_covers_a_half_filled_move_list(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Opening the menu while the move list is being filled in leaves it whole beneath the
    dimmed menu (the table waits while covered, so it must finish first)."""
    table = solo_table(app, entries, seed=3)
    driver.read_news()  # seed 3 opens with news
    driver.until(lambda: not table.busy())
    table.panel.show_moves(table.session.legal())
    assert table.panel.working
    driver.key(pygame.K_ESCAPE)
    assert type(app.top).__name__ == "PauseScreen"
    driver.frames(3)
    assert not table.panel.working
    assert len(table.panel.buttons) == len(table.session.legal())


def test_the_quit_confirmation_ends_when_another_screen_opens_over_the_menu(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Quit once ("Really leave this game?"), open the settings, come back: the menu asks
    again before leaving (a tester left a game by accident with the next Enter)."""
    from game.ui.screens.pause import PauseScreen

    table = solo_table(app, entries, seed=3)
    driver.read_news()  # seed 3 opens with news
    driver.until(lambda: not table.busy())
    driver.key(pygame.K_ESCAPE)
    menu = app.top
    assert isinstance(menu, PauseScreen)
    driver.click(driver.button("Quit to title"))
    assert menu.confirm_quit and driver.button("Really leave")
    driver.click(driver.button("Settings"))
    assert app.top is not menu
    driver.key(pygame.K_ESCAPE)
    assert app.top is menu and not menu.confirm_quit
    driver.button("Quit to title")  # the label is back


def test_a_window_larger_than_the_screen_opens_at_a_size_that_fits(
    tmp_path: Path, entries: list[Entry], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a 1280 x 800 screen a chosen 1920 x 1080 opens at 1280 x 720, the choice is kept
    for a larger screen, and the settings offer only the sizes that fit."""
    import game.ui.app as app_module

    monkeypatch.setattr(app_module, "desktop_size", lambda: (1280, 800))
    chosen = Settings(width=1920, height=1080, sound=False)
    app = App(chosen, settings_file=tmp_path / "s.json", remember=False, scenarios=lambda: entries)
    driver = Driver(app)
    try:
        assert app.window.get_size() == (1280, 720)
        assert (app.settings.width, app.settings.height) == (1920, 1080)
        app.push(SettingsScreen(app))
        driver.frames()
        seen = set()
        for _ in range(4):
            driver.key(pygame.K_RIGHT)  # the window size row has the focus
            seen.add((app.settings.width, app.settings.height))
        assert seen == {(1024, 640), (1280, 720)}
    finally:
        app.close()
