"""Hot-seat privacy after news and in replays, undo in the menu, reasoning after undo, timers."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from game.engine.moves import Pass, Statement, Tone
from game.library import Entry
from game.saves import load_save, saves_folder
from game.scenario.models import SideId
from game.ui.app import App
from game.ui.flow import begin
from game.ui.screens.event_popup import EventPopup
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.load import LoadScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.table import TableScreen
from game.ui.session import HOTSEAT, Session, Setup
from tests.ui.conftest import Driver, entry_named
from tests.ui.saves_helpers import data_folder, saved

__all__ = ["data_folder"]


def text_of(app: App) -> str:
    """Everything the screen in front shows."""
    assert app.top is not None
    return "\n".join(app.top.texts())


def worth_lines(table: TableScreen, side: SideId) -> list[str]:
    """The 'Worth to you' sentences `side` would see on its own table."""
    view = table.session.view(side)
    return [f"Worth to you: {item.own_value:+.1f}." for item in view.proposals]


def side_shown(table: TableScreen) -> SideId:
    """The side whose view the table shows now (a call, so each check reads it afresh)."""
    return table.shown_side


def handing_over_to(app: App) -> SideId | None:
    """The side the hand-over screen in front waits for, if one is in front."""
    return app.top.side if isinstance(app.top, HandoverScreen) else None


def hotseat_brussels(app: App, driver: Driver, entries: list[Entry]) -> Session:
    """A hot-seat game of the Brussels scenario, both sides briefed, NATO at the keyboard."""
    entry = entry_named(entries, "2009-brussels")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(mode=HOTSEAT, seed=3), entry.path)
    session.briefed.update(SideId)
    begin(app, session)
    assert isinstance(app.top, HandoverScreen)
    driver.confirm_handover()
    assert isinstance(app.top, TableScreen)
    driver.read_news()  # seed 3 opens with news
    return session


def after_natos_move(
    app: App, driver: Driver, entries: list[Entry], wait: bool = True
) -> tuple[Session, TableScreen]:
    """The Brussels hot-seat game once NATO has made a conciliatory statement (and, with
    `wait`, the table has drawn it), NATO still at the keyboard."""
    session = hotseat_brussels(app, driver, entries)
    table = app.top
    assert isinstance(table, TableScreen)
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    if wait:
        driver.until(lambda: not table.busy())
    return session, table


def test_a_quick_second_enter_never_opens_the_next_sides_table(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """NATO presses Enter twice to hand over: the second press lands on the hand-over screen,
    which takes no press for a moment, so Russia's table stays hidden from NATO."""
    session, table = after_natos_move(app, driver, entries)
    driver.key(pygame.K_RETURN)  # "Hand over to Russia"
    driver.key(pygame.K_RETURN)  # a quick second press
    driver.key(pygame.K_RETURN)
    handover = app.top
    assert isinstance(handover, HandoverScreen) and handover.side is SideId.RUSSIA
    assert not handover.ready
    driver.until(lambda: handover.ready)
    driver.key(pygame.K_RETURN)  # Russia, a moment later, at the keyboard
    assert app.top is table and side_shown(table) is SideId.RUSSIA
    assert session.to_move is SideId.RUSSIA


def test_news_after_a_move_never_uncovers_the_other_sides_table(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Russia ends round 1; the news pops up for Russia, then closes onto Russia's own table
    (still waiting for the hand-over); NATO sees the same news after confirming the hand-over."""
    session, table = after_natos_move(app, driver, entries)
    driver.key(pygame.K_ESCAPE)  # the menu and back: NATO is still at the keyboard
    driver.key(pygame.K_ESCAPE)
    assert app.top is table and side_shown(table) is SideId.NATO
    driver.until(lambda: not table.busy())
    driver.key(pygame.K_RETURN)  # "Hand over to Russia"
    assert handing_over_to(app) is SideId.RUSSIA
    driver.confirm_handover()
    driver.read_news()  # the news the talks opened with, which NATO saw before
    assert app.top is table and side_shown(table) is SideId.RUSSIA
    table.play(Statement(SideId.RUSSIA, Tone.CONCILIATORY))
    assert session.state.round == 2 and session.to_move is SideId.NATO
    driver.until(lambda: isinstance(app.top, EventPopup))
    news = app.top
    assert isinstance(news, EventPopup)
    driver.key(pygame.K_RETURN)  # Russia closes the news: Russia is still at the keyboard
    assert app.top is table
    driver.frames(5)
    assert side_shown(table) is SideId.RUSSIA
    shown = "\n".join(table.texts())
    assert "NATO: your move" not in shown
    assert not any(
        line in shown
        for line in set(worth_lines(table, SideId.NATO)) - set(worth_lines(table, SideId.RUSSIA))
    )
    assert "Hand over to NATO" in shown
    driver.key(pygame.K_RETURN)  # hand over
    assert handing_over_to(app) is SideId.NATO
    driver.confirm_handover()  # NATO at the keyboard: the news it has not seen yet
    driver.until(lambda: isinstance(app.top, EventPopup))
    assert isinstance(app.top, EventPopup) and app.top.event == news.event
    driver.key(pygame.K_RETURN)
    assert app.top is table and side_shown(table) is SideId.NATO
    driver.frames(5)
    assert not isinstance(app.top, EventPopup), "each side sees the news once"
    assert "NATO: your move" in "\n".join(table.texts())


@pytest.mark.parametrize("mode", ["hotseat", "solo"])
def test_an_unfinished_replay_keeps_private_values_hidden(
    app: App, driver: Driver, entries: list[Entry], mode: str
) -> None:
    """Load -> W on an unfinished save people are playing: V does nothing and the screen
    says why (in solo, the computer's values would spoil the game)."""
    saved(entries, 6, moves=5, mode=mode, game_id="unfinished")
    app.push(LoadScreen(app))
    driver.frames()
    assert "private values stay hidden" in text_of(app)
    driver.key(pygame.K_w)
    screen = app.top
    assert isinstance(screen, ReplayScreen) and not screen.game.state.over
    nato = screen.game.scenario.sides.nato.name
    driver.key(pygame.K_v)
    assert not screen.both_sides
    text = text_of(app)
    assert f"to {nato} (raw" not in text and "Red lines (private)" not in text
    assert "hidden until the game is finished" in text
    assert not driver.button("Private values hidden").is_enabled  # type: ignore[attr-defined]
    driver.key(pygame.K_e)  # the report has both sides' instructions: no export either
    assert not (saves_folder().parent / "reports").exists()


def test_a_finished_hot_seat_replay_shows_private_values(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Once the game is over both sides' values may be shown."""
    saved(entries, 6, mode="hotseat", game_id="finished")
    screen = ReplayScreen(app, load_save(saves_folder() / "finished.json"))
    app.push(screen)
    driver.frames()
    assert screen.game.state.over
    driver.key(pygame.K_v)
    assert screen.both_sides and "Red lines (private)" in text_of(app)


def test_undo_is_shown_unavailable_in_hot_seat(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """The menu greys out Undo in hot seat with the reason; U does nothing there."""
    session, _table = after_natos_move(app, driver, entries)
    driver.key(pygame.K_RETURN)  # to the hand-over screen
    assert isinstance(app.top, HandoverScreen)
    driver.key(pygame.K_ESCAPE)
    assert isinstance(app.top, PauseScreen)
    undo = driver.button("Undo")
    assert "hot seat" in undo.text and not undo.is_enabled
    state = session.state
    driver.key(pygame.K_u)
    driver.click(undo)
    assert isinstance(app.top, PauseScreen) and session.state == state
    for _ in range(8):  # Tab never stops on it
        driver.key(pygame.K_TAB)
        assert app.top.focus.current is not None
        assert app.top.focus.current.widget is not undo


def solo_tutorial(app: App, driver: Driver, entries: list[Entry], **setup: object) -> TableScreen:
    """A solo game of the tutorial at the table."""
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(**setup), entry.path)  # type: ignore[arg-type]
    session.briefed.update(SideId)
    begin(app, session)
    while not isinstance(app.top, TableScreen):
        app.pop()
    return app.top


def wait_for_person(app: App, driver: Driver, table: TableScreen) -> None:
    """Run frames (closing news) until the person may move."""
    session = table.session
    for _ in range(20):
        driver.until(
            lambda: (
                session.over
                or isinstance(app.top, EventPopup)
                or (session.human_turn and not table.busy())
            )
        )
        if not isinstance(app.top, EventPopup):
            return
        driver.key(pygame.K_RETURN)


def test_undo_keeps_the_computers_reasoning_for_the_moves_that_stand(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """After undo the reasoning panel shows the computer's last move still in the game."""
    table = solo_tutorial(app, driver, entries, seed=6, difficulty="easy")
    session = table.session
    reasons = []
    for _ in range(2):
        table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
        wait_for_person(app, driver, table)
        reasons.append((session.computer_move, session.explanation))
    assert len(session.state.moves) == 4 and reasons[0][1]
    driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_u)
    undone = app.top
    assert isinstance(undone, TableScreen) and undone is not table
    assert len(undone.session.state.moves) == 2
    driver.frames(8)
    notes = "\n".join(undone.notes.words)
    assert "has not moved yet" not in notes
    assert f"Move: {reasons[0][0]}" in notes and reasons[0][1] in notes


def test_a_loaded_game_names_the_computers_last_move(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """A game loaded from a save has no reasoning kept, but still says what the computer did."""
    record, state = saved(entries, 6, moves=4, game_id="loaded")
    from game.ui.saving import resume

    resume(app, load_save(saves_folder() / "loaded.json"))
    while not isinstance(app.top, TableScreen):
        app.pop()
    table = app.top
    driver.frames(8)
    notes = "\n".join(table.notes.words)
    computer = [m for m in state.moves if m.side is not record.humans[0]]
    assert computer and "has not moved yet" not in notes
    from game.engine import describe_move

    assert f"Move: {describe_move(table.session.scenario, computer[-1])}" in notes


def test_time_running_out_is_still_said_after_the_computer_replies(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Solo with a timer: the person's pass on time is reported until the person next acts."""
    table = solo_tutorial(app, driver, entries, seed=2, timer=2, difficulty="easy")
    session = table.session
    driver.until(lambda: not table.busy())
    for _ in range(6):
        app.step([], 0.5)
    assert session.state.moves[0] == Pass(SideId.NATO)
    wait_for_person(app, driver, table)
    assert len(session.state.moves) >= 2, "the computer has replied"
    driver.frames(8)
    assert session.last_message.startswith("Time ran out")
    assert table.notes.words[0] == "Time ran out in round 1: NATO passed."  # first in sight
    table.play(session.legal()[0])
    assert not session.last_message.startswith("Time ran out")


def test_undo_in_solo_still_works_from_the_menu(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Undo is greyed out against the computer until the person has made a move, then live."""
    table = solo_tutorial(app, driver, entries, seed=6, difficulty="easy")
    driver.key(pygame.K_ESCAPE)
    undo = driver.button("Undo")
    assert "no move of yours yet" in undo.text and not undo.is_enabled  # type: ignore[attr-defined]
    driver.key(pygame.K_u)
    assert isinstance(app.top, PauseScreen)
    driver.key(pygame.K_ESCAPE)
    wait_for_person(app, driver, table)
    table.play(Statement(SideId.NATO, Tone.CONCILIATORY))
    wait_for_person(app, driver, table)
    driver.key(pygame.K_ESCAPE)
    assert driver.button("Undo my last move").is_enabled  # type: ignore[attr-defined]


def test_the_hand_over_after_a_pass_on_time_says_time_ran_out(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """The hand-over's "Last move" words a pass on time as the log and the transcript do."""
    entry = entry_named(entries, "2009-brussels")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(mode=HOTSEAT, seed=3, timer=30), entry.path)
    assert session.tick_timer(31) is not None
    mover = session.state.moves[0].side
    screen = HandoverScreen(app, session, mover.other)
    name = entry.scenario.sides.of(mover).short
    assert screen.public_lines()[-1] == f"Last move: {name} passed: time ran out."


def test_news_the_next_side_missed_is_shown_when_a_saved_game_goes_on(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Russia ends round 1 and sees the news; the class stops there. When the game goes on
    from its autosave, NATO sits down and sees the news it never saw, once."""
    from game.ui.autosave import finish_autosaves
    from game.ui.saving import resume

    session, table = after_natos_move(app, driver, entries)
    driver.key(pygame.K_RETURN)  # "Hand over to Russia"
    driver.confirm_handover()
    driver.read_news()  # the news the talks opened with, which NATO saw before
    table.play(Statement(SideId.RUSSIA, Tone.CONCILIATORY))
    driver.until(lambda: isinstance(app.top, EventPopup))
    news = app.top
    assert isinstance(news, EventPopup)
    driver.key(pygame.K_RETURN)  # Russia has seen it
    driver.frames(3)
    # The load list waits for due autosaves before it reads them; reading the file directly,
    # so must the test (on a slow machine the write after Russia's move had not landed yet).
    finish_autosaves()
    (autosave,) = saves_folder().glob("*.autosave.json")
    resume(app, load_save(autosave))
    assert handing_over_to(app) is SideId.NATO
    driver.confirm_handover()  # NATO at the keyboard: its briefing first, as on any return
    driver.key(pygame.K_RETURN)  # to the table
    driver.until(lambda: isinstance(app.top, EventPopup))
    assert isinstance(app.top, EventPopup) and app.top.event == news.event
    assert app.top.viewer is SideId.NATO
    driver.key(pygame.K_RETURN)
    driver.frames(5)
    assert not isinstance(app.top, EventPopup), "each side sees the news once"
    assert isinstance(app.top, TableScreen) and app.top.session is not session
    assert app.top.session.state.round == 2


def test_the_move_is_autosaved_before_the_hand_over(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """The hand-over covers the table at once: the move's autosave is handed to the writer
    then, not left waiting for a quiet frame of a covered table."""
    from game.ui.autosave import due, finish_autosaves

    session, table = after_natos_move(app, driver, entries, wait=False)
    table.hand_over()
    assert handing_over_to(app) is SideId.RUSSIA
    assert not due(session)
    finish_autosaves()
    (autosave,) = saves_folder().glob("*.autosave.json")
    assert load_save(autosave).state == session.state


def test_an_empty_notes_pane_gives_its_room_to_the_log(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """In hot-seat the notes pane held only 'Coaching notes and messages appear here.' yet
    took a third of the middle column; now it fits its line, and grows back for a message."""
    app.apply_settings(replace(app.settings, width=1024, height=640, text_size="larger"))
    session = hotseat_brussels(app, driver, entries)
    table = app.top
    assert isinstance(table, TableScreen)
    table.on_cover()  # draws every part now
    notes, log = table.notes, table.log
    assert notes.rect.height == notes.content_height + 2 * notes.padding
    assert notes.rect.height < table._notes_h and notes.max_offset == 0
    assert log.rect.bottom < notes.rect.top, "side by side, not overlapping"
    session.last_message = "Time ran out for NATO: it passed."
    table.changed()
    table.on_cover()
    assert notes.rect.height >= table._notes_h
