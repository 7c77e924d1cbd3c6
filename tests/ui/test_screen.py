"""What every screen shares: a footer that names exactly the keys that work, and arrows that
scroll a focused pane and then move on."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace

import pygame
import pytest

from game.library import Entry
from game.scenario.models import SideId
from game.ui.app import App
from game.ui.flow import begin, finish, to_title
from game.ui.screen import Screen
from game.ui.screens.common import ListWithDetails
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.load import LoadScreen, save_label
from game.ui.screens.pause import PauseScreen
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.scenario_list import ScenarioListScreen
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.setup import SetupScreen
from game.ui.screens.table import TableScreen
from game.ui.session import HOTSEAT, Session, Setup
from game.ui.widgets import TextPane
from tests.ui.conftest import Driver, entry_named
from tests.ui.saves_helpers import data_folder, saved

__all__ = ["data_folder"]

LETTER = re.compile(r"(?:^|\s)([A-Z]):")
"""A shortcut letter as a footer names it: 'N: new game'."""


def footer_letters(screen: Screen) -> set[str]:
    """The shortcut letters the screen's footer names."""
    return set(LETTER.findall(screen.help_text))


def assert_footer_matches_keys(app: App) -> None:
    """The footer names every shortcut letter that works on the screen in front, and no
    other; a bound letter left out is one whose button is hidden or greyed out (and it does
    nothing)."""
    app.step([], 1 / 60)
    screen = app.top
    assert screen is not None
    live = {letter.upper() for letter in screen.live_shortcuts()}
    assert footer_letters(screen) == live, (type(screen).__name__, screen.help_text)
    for letter in set(screen.shortcuts) - set(screen.live_shortcuts()):
        button = screen.hints[letter][0]
        assert not (button.visible and button.is_enabled), letter
    width = app.fonts.get(13).size(screen.help_text)[0] + app.fonts.px(16)
    assert width <= app.size[0], ("the footer runs off the window", screen.help_text)


def table_at(app: App, session: Session) -> TableScreen:
    """The table of a game, with whatever covers it closed and every part drawn."""
    begin(app, session)
    while not isinstance(app.top, TableScreen):
        app.pop()
    table = app.top
    table.update(0)
    table.on_cover()  # draws every waiting part now
    return table


def hotseat(entries: list[Entry]) -> Session:
    """A hot-seat game of the tutorial, both sides briefed."""
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(mode=HOTSEAT, seed=2), entry.path)
    session.briefed.update(SideId)
    return session


@pytest.mark.parametrize("text_size", ["normal", "larger"])
def test_the_main_screens_footers_name_exactly_their_keys(
    app: App, driver: Driver, entries: list[Entry], text_size: str
) -> None:
    """Title (with L), the scenarios, set-up, the table in each of its states, the debrief,
    the load list and the settings; in the smallest window, every footer fits."""
    app.apply_settings(replace(app.settings, width=960, height=600, text_size=text_size))
    to_title(app)
    assert_footer_matches_keys(app)
    assert "L: load" in app.top.help_text  # type: ignore[union-attr]
    app.push(ScenarioListScreen(app))
    assert_footer_matches_keys(app)
    setup = SetupScreen(app, entry_named(entries, "2011-lisbon-to-chicago"))
    app.push(setup)
    assert_footer_matches_keys(app)
    setup._set(mode=HOTSEAT)()
    assert_footer_matches_keys(app)
    app.push(SettingsScreen(app))
    assert_footer_matches_keys(app)

    session = hotseat(entries)
    table = table_at(app, session)
    assert_footer_matches_keys(app)
    assert "M:" not in table.help_text, "no move chosen yet: M would do nothing"
    table.panel.choose(session.legal()[0])
    assert_footer_matches_keys(app)
    assert "M: make the move" in table.help_text
    table.play(session.legal()[0])
    table.on_cover()
    assert_footer_matches_keys(app)
    assert "M: hand over" in table.help_text and "make the move" not in table.help_text
    while not session.over:
        session.play(session.legal()[-1])
    table.changed()
    table.on_cover()
    assert_footer_matches_keys(app)
    assert "M: see the debrief" in table.help_text
    driver.key(pygame.K_m)
    assert isinstance(app.top, DebriefScreen), "M does what the footer says"
    assert_footer_matches_keys(app)

    saved(entries, 1, moves=3)
    app.push(LoadScreen(app))
    assert_footer_matches_keys(app)


def test_the_footer_leaves_out_m_while_the_computer_thinks(app: App, entries: list[Entry]) -> None:
    """No button to make a move, so no M in the footer (and M does nothing)."""
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(human=SideId.RUSSIA, seed=2), entry.path)
    session.briefed.update(SideId)
    table = table_at(app, session)
    assert not session.human_turn
    assert_footer_matches_keys(app)
    assert "M:" not in table.help_text


def _replay(app: App, entries: list[Entry]) -> None:
    from game.saves import list_saves, load_save

    saved(entries, 1, moves=3)
    app.push(ReplayScreen(app, load_save(list_saves()[0].path)))


def _finished_replay(app: App, entries: list[Entry]) -> None:
    """The replay of a finished game: V and E work there (not mid-game)."""
    from game.saves import list_saves, load_save

    _record, state = saved(entries, 1)
    assert state.over
    app.push(ReplayScreen(app, load_save(list_saves()[0].path)))


def _pause(app: App, entries: list[Entry]) -> None:
    app.push(PauseScreen(app, hotseat(entries)))


@pytest.mark.parametrize("show", [_replay, _finished_replay, _pause])
def test_the_replay_and_pause_footers_name_their_keys(
    app: App, entries: list[Entry], show: Callable[[App, list[Entry]], None]
) -> None:
    """The same rule as for the other screens (their footers left out P / N and S / L / U)."""
    show(app, entries)
    assert_footer_matches_keys(app)


def focused(screen: Screen) -> object:
    """What has the focus: a pane, or a widget."""
    current = screen.focus.current
    assert current is not None
    return current.pane or current.widget


def test_down_scrolls_a_pane_to_its_end_then_moves_on_and_up_comes_back(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """On the table, Down from the last move reached the Support/Trust pane and stayed."""
    entry = entry_named(entries, "2011-lisbon-to-chicago")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(human=SideId.NATO, seed=4), entry.path)
    session.briefed.update(SideId)
    table = table_at(app, session)
    rows = table.panel.rows
    # The panes lie between the top bar's Menu and the moves, in reading order.
    menu = next(i.widget for i in table.focus.items if "Menu" in getattr(i.widget, "text", ""))
    table.focus.focus(menu)
    seen: list[object] = []
    for _ in range(80):
        driver.key(pygame.K_DOWN)
        now = focused(table)
        if not seen or seen[-1] is not now:
            seen.append(now)
        if now is rows[0]:
            break
    panes = [table.status, table.proposals, table.log, table.notes]
    assert [s for s in seen if isinstance(s, TextPane)] == panes, "Down passed every pane"
    assert all(pane.offset == pane.max_offset for pane in panes), "each scrolled to its end"
    assert any(pane.max_offset > 0 for pane in panes), "the test needs a pane that scrolls"
    for _ in range(120):
        driver.key(pygame.K_UP)
        if focused(table) is menu:
            break
    assert focused(table) is menu, "Up went back through the panes to the top bar"
    assert all(pane.offset == 0 for pane in panes)


def test_page_keys_scroll_but_never_move_the_focus(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Page Down at a pane's end stays on the pane."""
    saved(entries, 1, moves=3)
    app.push(LoadScreen(app))
    screen = app.top
    assert isinstance(screen, LoadScreen)
    driver.key(pygame.K_DOWN)
    assert focused(screen) is screen.details
    for _ in range(10):
        driver.key(pygame.K_PAGEDOWN)
    assert focused(screen) is screen.details
    for _ in range(10):
        driver.key(pygame.K_PAGEUP)
    assert focused(screen) is screen.details


def test_up_from_the_details_goes_back_to_the_list(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """On the load list, Down past the last save went into the details and Up never came
    back."""
    for number in range(2):
        saved(entries, number + 1, moves=3, game_id=f"table-{number}")
    app.push(LoadScreen(app))
    screen = app.top
    assert isinstance(screen, LoadScreen)
    driver.key(pygame.K_DOWN)
    assert focused(screen) is screen.list_buttons[-1]
    for _ in range(30):
        driver.key(pygame.K_DOWN)
        if focused(screen) is not screen.details:
            break
    assert focused(screen) is not screen.details, "Down moved on from the details"
    for _ in range(60):
        driver.key(pygame.K_UP)
        if focused(screen) is screen.list_buttons[-1]:
            break
    assert focused(screen) is screen.list_buttons[-1]
    assert screen.chosen == len(screen.list_buttons) - 1


def test_the_debrief_footer_names_its_buttons(app: App, entries: list[Entry]) -> None:
    """A footer derived from the buttons still names the debrief's keys in full."""
    session = hotseat(entries)
    while not session.over:
        session.play(session.legal()[-1])
    finish(app, session)
    footer = app.top.help_text  # type: ignore[union-attr]
    for words in ("T: title", "A: play again", "E: export", "Page Up / Down: scroll", "Esc: menu"):
        assert words in footer


def tooltip_lines(tip: str | None) -> list[str]:
    """A tool tip's lines, unescaped."""
    assert tip is not None
    return [html.unescape(line) for line in tip.split("<br>")]


@pytest.mark.parametrize("text_size", ["normal", "larger"])
def test_a_list_entrys_tooltip_gives_its_whole_label_then_its_path(
    app: App, entries: list[Entry], text_size: str
) -> None:
    """Hovering a shortened scenario title or save showed only the path, hyphenated where
    the tool tip wrapped it ('…/2009-brussel-' / '-s.yaml')."""
    app.apply_settings(replace(app.settings, text_size=text_size))
    font = app.fonts.get(15)
    width = int(app.manager.get_theme().get_misc_data("rect_width", ["tool_tip"]))
    screens: list[tuple[ListWithDetails, list[tuple[str, object]]]] = []
    scenarios = ScenarioListScreen(app)
    app.push(scenarios)
    screens.append((scenarios, [(scenarios._label(e), e.path) for e in scenarios.entries]))
    saved(entries, 1, moves=3)
    load = LoadScreen(app)
    app.push(load)
    screens.append((load, [(save_label(info), info.path) for info in load.saves]))
    for screen, wanted in screens:
        for button, (label, path) in zip(screen.list_buttons, wanted, strict=True):
            first, *rest = tooltip_lines(button.tool_tip_text)
            assert first == label and "".join(rest) == str(path)
            assert all(font.size(line)[0] <= width - 22 for line in rest), rest
            assert len(rest) > 1 or font.size(str(path))[0] <= width - 22


def test_a_label_cut_short_has_its_whole_text_as_tool_tip(app: App) -> None:
    """Labels cut with '…' gave no way to read the rest; one that fits needs no tip."""
    to_title(app)
    screen = app.top
    assert screen is not None
    whole = "Deadline after round 8: NATO-Russia Council foreign ministers, December 2009"
    label = screen.label(pygame.Rect(0, 0, 160, 30), whole, "#small")
    assert label.text.endswith("…")
    assert tooltip_lines(label.tool_tip_text) == [whole]
    screen.relabel(label, "Round 2", "#small")
    assert label.text == "Round 2" and label.tool_tip_text is None


def test_the_tables_heading_is_worded_shorter_before_your_move_is_cut(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """At the smallest window with Larger text the heading read 'Round 1 of 8 · Russian
    Federation: your mo…'; now a shorter wording keeps 'Your move' and cuts the side's name,
    and the tool tip gives the heading in full."""
    app.apply_settings(replace(app.settings, width=960, height=600, text_size="larger"))
    entry = entry_named(entries, "2009-brussels")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(human=SideId.RUSSIA, seed=3), entry.path)
    session.briefed.update(SideId)
    table = table_at(app, session)
    driver.read_news()  # seed 3 opens with news
    driver.until(lambda: session.human_turn and not table.busy())
    heading = table.round_label
    name = entry.scenario.sides.russia.name
    assert heading.text.startswith("Round 1/8") and "Your move" in heading.text, heading.text
    if heading.text.endswith("…"):
        assert tooltip_lines(heading.tool_tip_text) == [f"Round 1 of 8   ·   {name}: your move"]
