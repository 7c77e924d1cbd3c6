"""Every screen at the smallest layout with the largest text: the footer fits the window, and
whatever is shortened with '…' has its whole text as a tool tip, and Tab goes in reading
order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame
import pytest
from pygame_gui.core import UIElement

from game.library import available, shipped_folder
from game.settings import Settings
from game.ui import keys
from game.ui.app import MIN_SIZE, App
from game.ui.screen import Screen, _inside
from game.ui.screenshots import render_all
from game.ui.widgets import FocusItem


@dataclass(frozen=True)
class Stop:
    """A stop of the focus ring where it is on screen."""

    name: str
    area: pygame.Rect
    """Where it sits: its own rectangle, or its scrolling list's."""
    own: pygame.Rect
    """Its own rectangle (within a scrolling list, maybe scrolled out of sight)."""


def _stop(item: FocusItem) -> Stop:
    widget = item.widget
    name = "pane" if item.pane else str(getattr(widget, "text", "") or type(widget).__name__)
    own = pygame.Rect(widget.rect)
    area = pygame.Rect(item.scroller.rect) if item.scroller is not None else own
    return Stop(name, area, own)


@dataclass(frozen=True)
class Shot:
    """What a test needs to know of one screen, taken while it was on show."""

    help_text: str
    """The footer's hints in full."""
    footer: str
    """The footer as drawn."""
    footer_right: int
    """Where the drawn footer ends, in pixels from the left."""
    width: int
    """The layout's width."""
    edge_clear: bool
    """Whether the footer's row is bare within 12 pixels of the window's right edge."""
    cut: list[tuple[str, str | None]]
    """Each label or button shown shortened with '…', and its tool tip."""
    ring: list[Stop]
    """The stops Tab visits, in the ring's order (those in use)."""
    focused: str
    """What has the focus."""


def _edge_clear(app: App) -> bool:
    """Whether nothing but the background (dimmed or not) is drawn at the right end of the
    footer's row, as seen in the picture."""
    canvas = app.canvas
    width, height = canvas.get_size()
    bare = canvas.get_at((width - 1, 0))
    for y in range(height - app.fonts.px(22), height):
        for x in range(width - 12, width):
            pixel = canvas.get_at((x, y))
            if sum(abs(a - b) for a, b in zip(pixel[:3], bare[:3], strict=True)) > 60:
                return False
    return True


def _shot(app: App) -> Shot:
    screen = app.top
    assert screen is not None
    font = app.fonts.get(13)
    footer = getattr(app, "footer_shown", "")
    return Shot(
        help_text=screen.help_text,
        footer=footer,
        footer_right=app.fonts.px(16) + font.size(footer)[0],
        width=app.size[0],
        edge_clear=_edge_clear(app),
        cut=_cut(screen),
        ring=[_stop(item) for item in screen.focus.items if screen.focus._usable(item)],
        focused=_stop(screen.focus.current).name if screen.focus.current else "",
    )


def _cut(screen: Screen) -> list[tuple[str, str | None]]:
    """The screen's visible widgets whose text ends in '…', with their tool tips."""
    assert screen.root is not None
    found = []
    for element in screen.manager.get_sprite_group().sprites():
        text = getattr(element, "text", None)
        if not isinstance(element, UIElement) or not element.visible or not isinstance(text, str):
            continue
        if text.endswith("…") and _inside(element, screen.root):
            found.append((text, element.tool_tip_text))
    return found


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Shot]:
    """Every screen the screenshots show, at the smallest layout and the largest text."""
    folder = shipped_folder()
    assert folder is not None
    tmp = tmp_path_factory.mktemp("every-screen")
    seen: dict[str, Shot] = {}
    width, height = MIN_SIZE
    render_all(
        tmp / "shots",
        Settings(width=width, height=height, text_size="larger", sound=False),
        entries=available(folder, tmp / "none"),
        staging=tmp / "staging",
        look=lambda name, app: seen.setdefault(name, _shot(app)),
    )
    assert len(seen) >= 12
    return seen


def test_every_footer_fits_the_window_in_whole_hints(shots: dict[str, Shot]) -> None:
    """The replay's footer ran off the right edge ('…B: new game from here E'); a footer
    too long for the window leaves out whole hints, never part of one."""
    crossing = [name for name, shot in shots.items() if not shot.edge_clear]
    assert not crossing, "the footer reaches the right edge"
    for name, shot in shots.items():
        assert shot.footer, name
        assert shot.footer_right <= shot.width - 16, (name, shot.footer)
        assert set(keys.hints(shot.footer)) <= set(keys.hints(shot.help_text)), name
        assert "Esc" in shot.footer or "Esc" not in shot.help_text, name


def test_the_replay_footer_names_each_key_once(shots: dict[str, Shot]) -> None:
    """'Left / Right: step' and 'P: step back  N: step forward' said the same thing twice."""
    footer = shots["13-replay"].help_text
    assert footer.count("step") == 1, footer


def test_every_shortened_label_has_its_whole_text_as_a_tool_tip(shots: dict[str, Shot]) -> None:
    """The deadline line, the table's heading and the move list's topics were cut with '…'
    and nothing gave their whole text."""
    cut = {name: shot.cut for name, shot in shots.items() if shot.cut}
    assert cut, "the test needs a screen that shortens something"
    untipped = {name: [t for t, tip in items if not tip] for name, items in cut.items()}
    assert not any(untipped.values()), untipped


def _clusters(stops: list[Stop], overlap: Callable[[Stop, Stop], bool]) -> list[list[Stop]]:
    """The stops in groups joined (through any chain) by `overlap`."""
    groups: list[list[Stop]] = []
    for stop in stops:
        joined = [g for g in groups if any(overlap(stop, other) for other in g)]
        merged = [stop, *(member for g in joined for member in g)]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def _rows_overlap(a: Stop, b: Stop) -> bool:
    return a.area.top < b.area.bottom and b.area.top < a.area.bottom


def _columns_overlap(a: Stop, b: Stop) -> bool:
    return a.area.left < b.area.right and b.area.left < a.area.right


def reading_order(stops: list[Stop]) -> list[Stop]:
    """Top to bottom, left to right: bands of stops side by side (the columns of the table,
    a list beside its details, a row of buttons), from the top; within a band its columns
    from the left; within a column from the top, then the left."""
    ordered = []
    bands = sorted(_clusters(stops, _rows_overlap), key=lambda g: min(s.area.top for s in g))
    for band in bands:
        columns = _clusters(band, _columns_overlap)
        for column in sorted(columns, key=lambda g: min(s.area.left for s in g)):
            ordered += sorted(column, key=lambda s: (s.area.top, s.own.top, s.own.left))
    return ordered


def test_reading_order_goes_down_the_columns_then_along_the_bottom_row() -> None:
    """The order the next test holds every screen to, on a made-up screen."""

    def stop(name: str, x: int, y: int, w: int, h: int) -> Stop:
        return Stop(name, pygame.Rect(x, y, w, h), pygame.Rect(x, y, w, h))

    menu = stop("menu", 800, 0, 100, 40)
    left, right = stop("list", 0, 60, 300, 500), stop("details", 320, 60, 580, 500)
    back, go = stop("back", 0, 580, 100, 40), stop("go", 800, 580, 100, 40)
    shuffled = [go, right, back, menu, left]
    assert [s.name for s in reading_order(shuffled)] == ["menu", "list", "details", "back", "go"]


def test_tab_follows_the_reading_order_on_every_screen(shots: dict[str, Shot]) -> None:
    """Tab went Continue, Back, Check again on the scenario list and right to left on the
    debrief and the load list; every screen now goes top to bottom, left to right."""
    for name, shot in shots.items():
        names = [stop.name for stop in shot.ring]
        assert names == [stop.name for stop in reading_order(shot.ring)], name


def test_the_focus_still_starts_on_the_main_action(shots: dict[str, Shot]) -> None:
    """Putting the buttons in reading order kept each screen's first focus where it was."""
    assert shots["01-title"].focused.startswith("New game")
    assert shots["03-setup"].focused.startswith("Start")
    assert shots["11-debrief"].focused.startswith("Back to title")
    assert shots["07-pause"].focused == "Resume"
    table = shots["05-table"]
    moves = [stop.name for stop in table.ring if stop.area != stop.own]
    assert moves and table.focused == moves[0], "the first move"
