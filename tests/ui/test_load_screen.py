"""The load screen lists saves, continues one, and shows a bad save's message, not a crash."""

from __future__ import annotations

import json

import pygame

from game.library import Entry
from game.saves import saves_folder
from game.ui.app import App
from game.ui.flow import to_title
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.load import LoadScreen, save_label
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from tests.ui.conftest import Driver
from tests.ui.saves_helpers import data_folder, saved

__all__ = ["data_folder"]


def text_of(app: App) -> str:
    app.step([], 1 / 60)
    assert app.top is not None
    return "\n".join(app.top.texts())


def test_the_title_opens_the_list_of_saves(app: App, driver: Driver, entries: list[Entry]):
    saved(entries, 1, moves=3, game_id="table-1")
    saved(entries, 2, moves=6, mode="hotseat", game_id="table-2")
    (saves_folder() / "broken.json").write_text("", encoding="utf-8")
    to_title(app)
    driver.frames()
    assert isinstance(app.top, TitleScreen)
    driver.key(pygame.K_l)
    screen = app.top
    assert isinstance(screen, LoadScreen)
    text = text_of(app)
    assert "NATO vs computer" in text and "hot seat" in text
    # The scenario's short title first (after a table's name): at large text the whole
    # title, last in the line, was cut off.
    assert all(
        save_label(info).startswith(f"{info.scenario.split(':')[0]}  ·  ")
        for info in screen.saves
        if info.record
    )
    assert "Round 2" in text or "Round 3" in text or "Round 4" in text
    assert "Cannot load: broken.json" in text
    broken = next(i for i, info in enumerate(screen.saves) if info.record is None)
    driver.click(screen.list_buttons[broken])
    assert "the save file is empty" in text_of(app)
    assert not screen.go.is_enabled and not screen.watch.is_enabled


def test_continue_resumes_the_game(app: App, driver: Driver, entries: list[Entry]):
    record, state = saved(entries, 3, moves=5)
    app.push(LoadScreen(app))
    driver.frames()
    driver.click(driver.button("Continue"))
    assert isinstance(app.top, BriefingScreen)
    driver.key(pygame.K_RETURN)
    table = app.top
    assert isinstance(table, TableScreen)
    assert table.session.state == state
    assert table.session.setup.seed == record.seed
    from game.ui.saving import record_of

    assert record_of(table.session).game_id == record.game_id


def test_a_changed_scenario_is_a_message_on_screen(
    app: App, driver: Driver, entries: list[Entry], tmp_path
):
    _record, _state = saved(entries, 4, moves=3, game_id="edited")
    path = saves_folder() / "edited.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    # As if the scenario's rules had changed: neither its whole hash nor its rules hash fit.
    data["scenario"]["sha256"] = "0" * 64
    data["scenario"]["rules_sha256"] = "0" * 64
    path.write_text(json.dumps(data), encoding="utf-8")
    app.push(LoadScreen(app))
    driver.frames()
    driver.click(driver.button("Continue"))
    assert isinstance(app.top, LoadScreen)
    assert "the scenario file has changed since this game was saved" in text_of(app)
    assert not app.top.go.is_enabled


def test_w_opens_the_replay(app: App, driver: Driver, entries: list[Entry]):
    saved(entries, 5)
    app.push(LoadScreen(app))
    driver.frames()
    driver.key(pygame.K_w)
    assert isinstance(app.top, ReplayScreen)


def test_no_saves_yet(app: App, driver: Driver):
    app.push(LoadScreen(app))
    driver.frames()
    assert "No saved games yet." in text_of(app)
    assert not app.top.go.is_enabled


def test_a_computer_only_game_goes_on_in_hot_seat(app: App, driver: Driver, entries: list[Entry]):
    from game.engine import replay
    from game.saves import save_simulated_game
    from game.ui.saving import record_of
    from tests.saves.helpers import long_game
    from tests.ui.conftest import entry_named

    entry = entry_named(entries, "2009-brussels")
    assert entry.scenario is not None
    final = long_game(entry.scenario)
    state = replay(entry.scenario, final.seed, final.moves[:3])
    save_simulated_game(state, entry.path, saves_folder(), name="sim-1")
    app.push(LoadScreen(app))
    driver.frames()
    assert "computer only" in text_of(app)
    driver.click(driver.button("Continue"))
    while not isinstance(app.top, TableScreen):
        app.pop()
    session = app.top.session
    assert session.setup.mode == "hotseat" and session.state == state
    assert record_of(session).game_id == "sim-1-continued"


def test_the_details_and_w_follow_the_keyboard_focus(
    app: App, driver: Driver, entries: list[Entry]
):
    saved(entries, 1, moves=3, game_id="table-1")
    saved(entries, 2, moves=6, game_id="table-2")
    screen = LoadScreen(app)
    app.push(screen)
    driver.frames()
    first = screen.chosen
    driver.key(pygame.K_DOWN)
    assert screen.chosen == first + 1
    shown = screen.saves[screen.chosen]
    driver.key(pygame.K_w)
    viewer = app.top
    assert isinstance(viewer, ReplayScreen)
    assert viewer.game.record.game_id == shown.record.game_id  # type: ignore[union-attr]


def show(screen: LoadScreen, index: int) -> None:
    """Show a save's details (choosing the chosen one again would load it)."""
    screen.chosen = index
    screen.show_details()


def test_a_save_with_an_impossible_level_or_timer_is_damaged(
    app: App, driver: Driver, entries: list[Entry]
):
    # Edited saves once loaded, showed "against the computer (godlike)" and played on.
    saved(entries, 4, moves=3, game_id="godlike")
    saved(entries, 5, moves=3, game_id="negative")
    edits = {"godlike": {"difficulty": "godlike"}, "negative": {"settings": {"timer": -30}}}
    for name, change in edits.items():
        path = saves_folder() / f"{name}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data.update(change)
        path.write_text(json.dumps(data), encoding="utf-8")
    screen = LoadScreen(app)
    app.push(screen)
    driver.frames()
    text = text_of(app)
    assert "Cannot load: godlike.json" in text and "Cannot load: negative.json" in text
    assert "godlike)" not in text
    for index in range(len(screen.saves)):
        show(screen, index)
        assert "the save file is damaged: " in text_of(app)
        assert not screen.go.is_enabled and not screen.watch.is_enabled


def test_a_finished_game_offers_its_debrief(app: App, driver: Driver, entries: list[Entry]):
    saved(entries, 6, moves=3, game_id="unfinished")
    _record, state = saved(entries, 7, game_id="finished")
    assert state.over
    screen = LoadScreen(app)
    app.push(screen)
    driver.frames()
    names = [info.path.stem for info in screen.saves]
    show(screen, names.index("unfinished"))
    assert screen.go.text == "Continue"
    assert "Continue goes on playing from this point" in text_of(app)
    show(screen, names.index("finished"))
    text = text_of(app)
    assert screen.go.text == "See the debrief"
    assert "goes on playing" not in text and "Continue" not in text
    assert "“See the debrief” shows how it ended" in text
    driver.click(screen.go)
    assert isinstance(app.top, DebriefScreen)
    assert app.top.session.state == state


def test_a_chosen_rows_label_fits_in_its_bold_font(app: App, driver: Driver, entries: list[Entry]):
    """Labels are shortened to fit the chosen row's bold font, so the chosen one is not cut
    by its own border ("Lisbon to Chicag.." ran under the outline)."""
    from game.ui.text import displayable

    for number in range(3):
        saved(entries, number + 1, moves=3, game_id=f"table-{number}")
    app.push(LoadScreen(app))
    driver.frames()
    screen = app.top
    assert isinstance(screen, LoadScreen)
    bold = app.fonts.get(16, True)
    for index, button in enumerate(screen.list_buttons):
        screen.choose(index)
        driver.frames()
        width = bold.size(displayable(button.text, bold))[0]
        assert width <= button.relative_rect.width - app.fonts.px(16), button.text


def test_the_details_break_a_saves_path_after_a_slash(
    app: App, driver: Driver, entries: list[Entry]
):
    """The path under a save's details was broken anywhere ("autos" / "ave.json"): it is now
    laid out a line per run of folders, broken after a '/', each line within the pane."""
    from game.ui.text import Para

    saved(entries, 1, moves=3)
    app.push(LoadScreen(app))
    driver.frames()
    screen = app.top
    assert isinstance(screen, LoadScreen)
    path = str(screen.saves[0].path)
    lines = [
        block.text
        for block in screen.details.blocks
        if isinstance(block, Para) and block.size == 13 and block.text in path
    ]
    font = app.fonts.get(13)
    assert font.size(path)[0] > screen.details.text_width, "a path too long for one line"
    assert "".join(lines) == path and len(lines) >= 2
    for line in lines[:-1]:
        assert line.endswith("/")
        assert font.size(line)[0] <= screen.details.text_width
