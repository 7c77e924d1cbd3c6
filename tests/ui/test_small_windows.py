"""Windows below the minimum size: every screen lays out at the minimum and shows scaled."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from game.library import Entry
from game.scenario.models import SideId
from game.ui.app import MIN_SIZE, App
from game.ui.flow import begin
from game.ui.screens.pause import PauseScreen
from game.ui.screens.scenario_list import ScenarioListScreen
from game.ui.screens.setup import SetupScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from game.ui.session import Session, Setup
from tests.ui.conftest import Driver, entry_named

TINY = [(700, 450), (400, 300), (200, 100), (120, 700), (1, 1), (960, 600)]


def resize(driver: Driver, size: tuple[int, int]) -> None:
    """Resize the window as a window manager (or xdotool) would, and run frames."""
    pygame.display.set_mode(size, pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    driver.frames(3)


def test_layout_size_never_goes_below_the_minimum() -> None:
    """Small windows keep their shape at the minimum size or more; big ones are untouched."""
    from game.ui.app import MAX_LAYOUT, layout_size

    assert layout_size((1280, 720)) == (1280, 720)
    assert layout_size(MIN_SIZE) == MIN_SIZE
    assert layout_size((400, 300)) == (960, 720)
    assert layout_size((1280, 500)) == (1536, 600)
    for window in [(0, 0), (1, 1), (10, 3000), (3000, 10), (959, 599)]:
        width, height = layout_size(window)
        assert MIN_SIZE[0] <= width <= MAX_LAYOUT[0]
        assert MIN_SIZE[1] <= height <= MAX_LAYOUT[1]


@pytest.mark.parametrize("text_size", ["normal", "larger"])
def test_every_screen_survives_tiny_windows(
    app: App, driver: Driver, entries: list[Entry], text_size: str
) -> None:
    """Resizing to tiny sizes never crashes (it used to recurse in pygame_gui's scrolling)."""
    app.apply_settings(replace(app.settings, text_size=text_size))
    entry = entry_named(entries, "2009-brussels")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(human=SideId.RUSSIA, seed=3), entry.path)
    screens = [
        lambda: app.reset(TitleScreen(app)),
        lambda: app.push(ScenarioListScreen(app)),
        lambda: app.push(SetupScreen(app, entry)),
        lambda: begin(app, session),  # the briefing over the table
        app.pop,  # the table, the computer moving first
        lambda: app.push(PauseScreen(app, session)),
    ]
    for show in screens:
        show()
        for size in TINY:
            resize(driver, size)
            assert app.window.get_size() == size
            width, height = app.size
            assert width >= MIN_SIZE[0] and height >= MIN_SIZE[1]
            top = app.top
            assert top is not None and top.root is not None
            layout = pygame.Rect((0, 0), app.size)
            for pane in top.panes:
                if pane.image.visible:
                    assert layout.contains(pane.image.rect), (type(top).__name__, size)
        resize(driver, (1280, 720))
    table = next(s for s in app.stack if isinstance(s, TableScreen))
    app.pop()
    driver.read_news()  # seed 3 opens with news
    driver.until(lambda: session.human_turn and not table.busy())
    assert table.panel.rows


def test_clicks_land_where_the_scaled_screen_shows_them(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """In a window smaller than the layout, a click on a button's scaled image presses it."""
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    begin(app, Session.start(entry.scenario, Setup(seed=2), entry.path))
    app.pop()
    table = app.top
    assert isinstance(table, TableScreen)
    resize(driver, (480, 300))
    driver.until(lambda: not table.busy())
    button = table.panel.rows[0]
    scale_x, scale_y = (n / w for n, w in zip(app.size, app.window.get_size(), strict=True))
    x, y = button.rect.center
    pos = (round(x / scale_x), round(y / scale_y))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    driver.frames(3)
    assert table.panel.chosen == table.panel.buttons[button]
    # The window shows the scaled layout, not a blank or a corner of it.
    assert pygame.transform.average_color(app.window) != tuple(app.palette["background"])


def test_settings_show_the_window_size_as_it_is_now(app: App, driver: Driver) -> None:
    """A window the player or the desktop resized shows its real size beside the chosen one."""
    from game.ui.screens.settings_screen import SettingsScreen

    screen = SettingsScreen(app)
    chosen = f"{app.settings.width} × {app.settings.height}"
    assert dict(screen.rows(app.settings))["Window size"] == chosen
    resize(driver, (1100, 700))
    assert dict(screen.rows(app.settings))["Window size"] == f"{chosen} (now 1100 × 700)"
