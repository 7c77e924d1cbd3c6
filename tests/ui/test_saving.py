"""Saving from the pause menu, the autosave each round, undo in single-player, Export."""

from __future__ import annotations

import pygame

from game.engine.moves import Statement, Tone
from game.library import Entry
from game.saves import list_saves, load_save, saves_folder
from game.scenario.models import SideId
from game.ui.app import App
from game.ui.flow import begin, finish
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.event_popup import EventPopup
from game.ui.screens.notice import NoticeScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.table import TableScreen
from game.ui.session import HOTSEAT, Session, Setup
from tests.ui.conftest import Driver, entry_named
from tests.ui.saves_helpers import data_folder

__all__ = ["data_folder"]


def start(app: App, driver: Driver, entries: list[Entry], setup: Setup) -> TableScreen:
    entry = entry_named(entries, "2009-brussels")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, setup, entry.path)
    session.briefed.update(SideId)
    begin(app, session)
    while not isinstance(app.top, TableScreen):
        app.pop()
    driver.frames()
    return app.top


def wait_for_player(app: App, driver: Driver, table: TableScreen) -> None:
    session = table.session
    for _ in range(20):
        driver.until(lambda: session.over or isinstance(app.top, EventPopup) or session.human_turn)
        if isinstance(app.top, EventPopup):
            driver.key(pygame.K_RETURN)
            continue
        return


def test_save_from_the_pause_menu(app: App, driver: Driver, entries: list[Entry]):
    table = start(app, driver, entries, Setup(seed=4, difficulty="easy"))
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    wait_for_player(app, driver, table)
    driver.key(pygame.K_ESCAPE)
    assert isinstance(app.top, PauseScreen)
    text = "\n".join(app.top.texts())
    assert "Save game" in text and "Load a game or replay" in text and "Undo" in text
    driver.key(pygame.K_s)
    assert isinstance(app.top, NoticeScreen)
    manual = [info for info in list_saves() if not info.autosave]
    assert len(manual) == 1
    loaded = load_save(manual[0].path)
    assert loaded.state == table.session.state
    assert loaded.record.mode == "solo" and loaded.record.difficulty == "easy"


def test_autosave_at_the_start_of_each_round(app: App, driver: Driver, entries: list[Entry]):
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=5))
    session = table.session
    autosaves = lambda: [info for info in list_saves() if info.autosave]  # noqa: E731
    assert [info.round for info in autosaves()] == ["1"]
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    assert autosaves()[0].round == "1", "no autosave in the middle of a round"
    table.play(Statement(SideId.RUSSIA, Tone.CONCILIATORY))
    assert session.state.round == 2
    (info,) = autosaves()
    assert info.round == "2"
    assert load_save(info.path).state == session.state


def test_undo_in_single_player(app: App, driver: Driver, entries: list[Entry]):
    table = start(app, driver, entries, Setup(seed=6, difficulty="easy"))
    before = table.session.state
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    wait_for_player(app, driver, table)
    assert len(table.session.state.moves) == 2
    driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_u)
    undone = app.top
    assert isinstance(undone, TableScreen) and undone is not table
    assert undone.session.state == before


def test_no_undo_in_hot_seat(app: App, driver: Driver, entries: list[Entry]):
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=7))
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    state = table.session.state
    app.push(PauseScreen(app, table.session))
    driver.frames()
    assert "Undo: not in hot seat" in "\n".join(app.top.texts())
    driver.key(pygame.K_u)
    assert isinstance(app.top, PauseScreen), "a greyed-out entry has no shortcut"
    assert table.session.state == state


def test_export_at_the_debrief(app: App, driver: Driver, entries: list[Entry]):
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=8))
    session = table.session
    while not session.over:
        session.play(session.legal()[-1])
    finish(app, session)
    driver.frames()
    assert isinstance(app.top, DebriefScreen)
    driver.key(pygame.K_e)
    assert isinstance(app.top, NoticeScreen)
    reports = saves_folder().parent / "reports"
    (folder,) = list(reports.iterdir())
    names = sorted(p.name for p in folder.iterdir())
    save = f"{folder.name}.json"
    assert names == sorted([save, "moves.csv", "transcript.html", "transcript.md", "trust.png"])
    assert load_save(folder / save).state == session.state
    assert any(not info.autosave for info in list_saves())
