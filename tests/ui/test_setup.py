"""The set-up screen at every window size and text size the settings offer: nothing overlaps,
the notes wrap whole, and a column too tall for the window scrolls."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame
import pytest
from pygame_gui.core import UIElement
from pygame_gui.elements import UIScrollingContainer, UIVerticalScrollBar

from game.ai import LEVEL_STYLES
from game.library import Entry
from game.settings import TEXT_SIZES, WINDOW_SIZES
from game.ui.app import MIN_SIZE, App
from game.ui.screen import _inside
from game.ui.screens.setup import TIMER_ON, SetupScreen
from game.ui.session import HOTSEAT, SOLO
from tests.ui.conftest import Driver, entry_named

SIZES = sorted({*WINDOW_SIZES, MIN_SIZE, (960, 820)})
"""Every window size offered, the smallest a window lays out at, and a tall one."""


def shown_rect(element: UIElement) -> pygame.Rect:
    """The part of an element on screen: clipped by every container it sits in (a row
    scrolled out of a scrolling column is not on screen at all)."""
    rect = pygame.Rect(element.rect)
    container: Any = element.ui_container
    seen: list[Any] = []
    # The manager's root container is its own container: stop there.
    while container is not None and not any(container is c for c in seen):
        seen.append(container)
        rect = rect.clip(container.rect)
        container = getattr(container, "ui_container", None)
    return rect


def on_screen(app: App, screen: SetupScreen) -> list[tuple[str, pygame.Rect]]:
    """Every widget the screen shows (buttons, labels, the field, the pane, scroll bars'
    parts), named, with the part of it on screen."""
    assert screen.root is not None
    found = []
    for element in app.manager.get_sprite_group().sprites():
        if not isinstance(element, UIElement) or not element.visible:
            continue
        if not _inside(element, screen.root) or isinstance(element, UIScrollingContainer):
            continue
        if type(element).__name__ in ("UIContainer", "UIScrollingContainer"):
            continue
        if isinstance(getattr(element, "parent_element", None), UIVerticalScrollBar):
            continue  # the bar's own handle, inside the bar

        rect = shown_rect(element)
        if rect.width > 0 and rect.height > 0:
            found.append((getattr(element, "text", type(element).__name__), rect))
    return found


def open_setup(
    app: App, driver: Driver, entries: list[Entry], size: tuple[int, int], text_size: str
) -> SetupScreen:
    """The set-up screen of the longest scenario title at this size and text size."""
    width, height = size
    app.apply_settings(replace(app.settings, width=width, height=height, text_size=text_size))
    screen = SetupScreen(app, entry_named(entries, "2011-lisbon-to-chicago"))
    app.push(screen)
    driver.frames()
    assert app.size == size
    return screen


@pytest.mark.parametrize("text_size", list(TEXT_SIZES))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_overlaps_and_the_notes_are_whole(
    app: App, driver: Driver, entries: list[Entry], size: tuple[int, int], text_size: str
) -> None:
    """With the longest notes (Hard, a timer) and in hot-seat: every widget inside the
    window and on no other; Back clear of the timer's buttons and note (it sat on them)."""
    screen = open_setup(app, driver, entries, size, text_size)
    window = pygame.Rect((0, 0), app.size)
    for mode in (SOLO, HOTSEAT):
        screen._set(mode=mode, difficulty="hard", timer=120)()
        driver.frames()
        widgets = on_screen(app, screen)
        for index, (name, rect) in enumerate(widgets):
            assert window.contains(rect), (name, rect)
            for other, other_rect in widgets[index + 1 :]:
                assert not rect.colliderect(other_rect), (name, other, size, text_size)
        text = " ".join(screen.texts())
        assert TIMER_ON in text, "the timer's note is cut"
        if mode == SOLO:
            assert LEVEL_STYLES["hard"] in text, "the level's note is cut"


@pytest.mark.parametrize("text_size", ["large", "larger"])
def test_a_column_too_tall_scrolls_and_follows_the_focus(
    app: App, driver: Driver, entries: list[Entry], text_size: str
) -> None:
    """In the smallest window with large text the rows scroll; moving down through them
    brings each one into view, and choosing one keeps it there."""
    screen = open_setup(app, driver, entries, MIN_SIZE, text_size)
    screen._set(difficulty="hard", timer=120)()
    driver.frames()
    scrollers = [
        e
        for e in app.manager.get_sprite_group().sprites()
        if isinstance(e, UIScrollingContainer)
        and screen.root is not None
        and _inside(e, screen.root)
    ]
    if text_size == "larger":
        assert scrollers, "the rows do not fit, yet do not scroll"
    if not scrollers:
        return
    (scroller,) = scrollers
    options = [item for item in screen.focus.items if item.scroller is scroller]
    screen.focus.focus(options[0].widget)
    for item in options[1:]:
        driver.key(pygame.K_DOWN)
        assert screen.focus.current is item
        assert shown_rect(item.widget) == item.widget.rect, "the focused row is out of view"
    last = options[-1].widget  # 5 min
    driver.key(pygame.K_RETURN)
    assert screen.setup.timer == 300
    current = screen.focus.current
    assert current is not None and current.widget.text.startswith("5 min")
    assert shown_rect(current.widget) == current.widget.rect
    assert last is not current.widget, "the screen was rebuilt with the new choice"


@pytest.mark.parametrize("text_size", ["normal", "larger"])
def test_every_row_of_options_ends_at_one_edge(
    app: App, driver: Driver, entries: list[Entry], text_size: str
) -> None:
    """The five timer buttons ended 4 pixels short of the rows above them: the last button
    of a row now takes what dividing the width left over."""
    screen = open_setup(app, driver, entries, (1280, 720), text_size)
    rows: dict[int, list[pygame.Rect]] = {}
    for widget in screen.actions:
        if widget.object_ids[-1] in ("#option", "#option_chosen"):
            rows.setdefault(widget.rect.top, []).append(pygame.Rect(widget.rect))
    assert len(rows) >= 4 and any(len(row) == 5 for row in rows.values())
    assert len({min(r.left for r in row) for row in rows.values()}) == 1
    assert len({max(r.right for r in row) for row in rows.values()}) == 1
