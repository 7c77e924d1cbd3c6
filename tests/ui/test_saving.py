"""Saving from the pause menu, the autosave after each move, undo in single-player, Export."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.engine.moves import Pass, Statement, Tone
from game.library import Entry
from game.saves import SaveInfo, list_saves, load_save, save_path, saves_folder
from game.scenario.models import SideId
from game.ui.app import App
from game.ui.autosave import finish_autosaves
from game.ui.flow import begin, finish, to_title
from game.ui.saving import resume, save_now
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.event_popup import EventPopup
from game.ui.screens.load import LoadScreen
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


def test_autosave_after_every_move(app: App, driver: Driver, entries: list[Entry]):
    """Quitting mid-round loses no move: the autosave follows each one (in hot seat this
    also means quitting and loading cannot take a move back)."""
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=5))
    session = table.session

    def autosaves() -> list[SaveInfo]:
        finish_autosaves()  # written by a worker thread, off the frame
        return [info for info in list_saves() if info.autosave]

    assert [info.round for info in autosaves()] == ["1"]
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    (info,) = autosaves()
    assert info.round == "1"
    assert load_save(info.path).state == session.state, "the round's first move is kept"
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
    # The finished game is in the saves folder once, as its autosave: no second copy.
    (info,) = list_saves()
    assert info.autosave and load_save(info.path).state == session.state


def autosave_of(session: Session) -> Path:
    """The session's autosave file, once the writer thread has written what is pending."""
    from game.ui.saving import record_of

    finish_autosaves()
    return save_path(record_of(session), autosave=True)


def to_the_table(app: App) -> TableScreen:
    while not isinstance(app.top, TableScreen):
        app.pop()
    return app.top


def test_a_save_made_by_hand_stays_as_it_was(app: App, driver: Driver, entries: list[Entry]):
    # The tester's steps: save by hand in round 2, play on, quit to the title, load the
    # autosave, finish and export. The save point keeps its 3 moves; the finished game is
    # listed once, as its autosave.
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=5))
    session = table.session
    for side in (SideId.NATO, SideId.RUSSIA, SideId.NATO):
        table.play(Statement(side, Tone.CONCILIATORY))
    app.push(PauseScreen(app, session))
    driver.frames()
    driver.key(pygame.K_s)
    (point,) = [info.path for info in list_saves() if not info.autosave]
    kept = point.read_bytes()
    assert len(load_save(point).state.moves) == 3
    app.pop()
    table.play(Statement(SideId.RUSSIA, Tone.CONCILIATORY))
    to_title(app)
    driver.frames()
    screen = LoadScreen(app)
    app.push(screen)
    driver.frames()
    autosave = next(i for i, info in enumerate(screen.saves) if info.autosave)
    if screen.chosen != autosave:
        # Choosing the entry already shown would open it: the two files can be saved in the
        # same second, and then either may be listed (and shown) first.
        screen.choose(autosave)
    driver.click(driver.button("Continue"))
    table = to_the_table(app)
    session = table.session
    while not session.over:
        table.play(Pass(session.to_move))
    finish(app, session)
    driver.frames()
    driver.key(pygame.K_e)
    assert point.read_bytes() == kept
    stages = sorted((info.autosave, info.round) for info in list_saves())
    assert stages == [(False, "2"), (True, "finished")]


def test_each_save_by_hand_is_a_new_file(app: App, driver: Driver, entries: list[Entry]):
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=5))
    session = table.session
    first = save_now(session)
    assert save_now(session) == first, "saving again with nothing played adds no file"
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    second = save_now(session)
    assert second != first
    assert [len(load_save(p).state.moves) for p in (first, second)] == [0, 1]
    assert first.name.endswith("-round1.json") and second.name.endswith("-round1-2.json")


def test_going_on_from_an_earlier_save_keeps_the_further_game(
    app: App, driver: Driver, entries: list[Entry]
):
    # After a save point, the game went on to round 3; going on from the save point starts
    # a game of its own, so the first game's autosave still holds round 3.
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=5))
    session = table.session
    point = save_now(session)
    for side in (SideId.NATO, SideId.RUSSIA) * 2:
        table.play(Statement(side, Tone.CONCILIATORY))
    further = autosave_of(session)
    assert load_save(further).state == session.state
    resume(app, load_save(point))
    table = to_the_table(app)
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    table.play(Pass(SideId.RUSSIA))
    assert load_save(further).state == session.state
    assert autosave_of(table.session) != further
    assert load_save(autosave_of(table.session)).state == table.session.state


def test_undo_rewrites_the_autosave(app: App, driver: Driver, entries: list[Entry]):
    # The round's autosave held the move just taken back: after a crash it came back.
    table = start(app, driver, entries, Setup(seed=6, difficulty="easy"))
    before = table.session.state
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    wait_for_player(app, driver, table)
    autosave = autosave_of(table.session)
    assert load_save(autosave).state.moves, "the new round's autosave holds the moves"
    driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_u)
    undone = app.top
    assert isinstance(undone, TableScreen) and undone.session.state == before
    assert autosave_of(undone.session) == autosave
    assert load_save(autosave).state == before
    assert _leftovers(autosave.parent) == []


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_save_that_cannot_be_written_says_what_to_do(
    app: App, driver: Driver, entries: list[Entry]
):
    # The saves folder is a plain file: "File exists" told nobody anything.
    saves = saves_folder()
    saves.parent.mkdir(parents=True, exist_ok=True)
    saves.write_text("", encoding="utf-8")
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=5))
    finish_autosaves()  # the writer thread tells the failure
    assert table.session.last_message.startswith("Autosave failed: ")
    message = table.session.last_message
    assert message.startswith(f"Autosave failed: the saves folder {saves} is a file, not a folder")
    assert "DETENTE_DATA_DIR" in message and "File exists" not in message
    app.push(PauseScreen(app, table.session))
    driver.frames()
    driver.key(pygame.K_s)
    assert isinstance(app.top, NoticeScreen)
    text = "\n".join(app.top.texts())
    assert "The game was not saved" in text
    assert f"the saves folder {saves} is a file, not a folder" in text
    assert "File exists" not in text


def test_a_pass_on_time_is_kept_in_the_save(app: App, driver: Driver, entries: list[Entry]):
    # Only the Notes panel said time ran out; the save now keeps which passes it made.
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=5, timer=2))
    session = table.session
    for _ in range(6):
        app.step([], 0.5)
    assert session.state.moves == (Pass(SideId.NATO),)
    driver.key(pygame.K_RETURN)  # hand over
    driver.key(pygame.K_RETURN)  # Russia is at the keyboard
    table.play(Statement(SideId.RUSSIA, Tone.CONCILIATORY))
    assert session.state.round == 2
    resumed = load_save(autosave_of(session))
    assert resumed.record.timed_out == (1,)
    assert load_save(save_now(session)).record.timed_out == (1,)
    resume(app, resumed)
    again = to_the_table(app).session
    assert again.timed_out == {1}
    assert load_save(save_now(again)).record.timed_out == (1,)


def test_the_autosave_is_written_off_the_frame_and_lands_before_the_list_is_read(
    app: App, driver: Driver, entries: list[Entry], monkeypatch
):
    """A move only marks the autosave due; a quiet frame of the table hands it to the writer
    thread (writing and syncing took about 2 ms a move, over the table's frame goal), and
    the load screen waits for it."""
    import threading

    import game.ui.autosave as autosaving

    writers: list[str] = []
    real = autosaving.store_save

    def spy(*args, **kwargs):
        writers.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(autosaving, "store_save", spy)
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=5))
    finish_autosaves()
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    assert autosaving.due(table.session), "the move's own frame writes nothing"
    driver.until(lambda: not autosaving.due(table.session))
    assert not table.dirty and not table.panel.working, "handed over on a quiet frame"
    app.push(LoadScreen(app))  # lists the saves only once the pending write has landed
    (info,) = app.top.saves  # type: ignore[union-attr]
    assert load_save(info.path).state == table.session.state
    assert writers and all(name.startswith("detente-autosave") for name in writers)


def test_two_windows_going_on_with_one_autosave_never_overwrite_each_other(
    app: App, driver: Driver, entries: list[Entry]
):
    """Two tables on a shared class drive both continued the same unnamed autosave: the
    second table's moves silently replaced the first's. Now the second goes on in a file of
    its own and is told so."""
    table = start(app, driver, entries, Setup(mode=HOTSEAT, seed=5))
    for side in (SideId.NATO, SideId.RUSSIA):
        table.play(Statement(side, Tone.CONCILIATORY))
    shared = autosave_of(table.session)
    loaded = load_save(shared)  # both windows open the file as it is now
    resume(app, loaded)  # the first window
    first = to_the_table(app)
    first.play(Statement(SideId.NATO, Tone.FIRM))
    assert autosave_of(first.session) == shared
    firsts = load_save(shared).state
    resume(app, loaded)  # the second window, in a program of its own
    second = to_the_table(app)
    second.play(Pass(SideId.NATO))
    own = autosave_of(second.session)
    assert own != shared and load_save(shared).state == firsts
    assert load_save(own).state == second.session.state
    assert "Another window went on with this game" in second.session.last_message
    assert own.name in second.session.last_message
    second.play(Pass(SideId.RUSSIA))  # and it goes on in its own file
    assert autosave_of(second.session) == own
    assert load_save(own).state == second.session.state
    assert sorted(p.name for p in saves_folder().glob("*.autosave.json")) == sorted(
        [shared.name, own.name]
    )
