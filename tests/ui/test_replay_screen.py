"""The replay viewer steps through a game, reveals both sides' values, branches and exports."""

from __future__ import annotations

import pygame

from game.library import Entry
from game.saves import load_save, saves_folder
from game.ui.app import App
from game.ui.screens.notice import NoticeScreen
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.table import TableScreen
from tests.ui.conftest import Driver
from tests.ui.saves_helpers import data_folder, saved

__all__ = ["data_folder"]


def open_replay(app: App, driver: Driver, entries: list[Entry], seed: int = 6) -> ReplayScreen:
    record, _ = saved(entries, seed, game_id="watched")
    game = load_save(saves_folder() / "watched.json")
    assert game.record.game_id == record.game_id
    app.push(ReplayScreen(app, game))
    driver.frames()
    assert isinstance(app.top, ReplayScreen)
    return app.top


def text_of(app: App) -> str:
    app.step([], 1 / 60)
    assert app.top is not None
    return "\n".join(app.top.texts())


def test_step_back_and_forward_with_the_keys(app: App, driver: Driver, entries: list[Entry]):
    screen = open_replay(app, driver, entries)
    count = screen.replay.count
    assert count >= 2 and screen.index == count
    driver.key(pygame.K_LEFT)
    assert screen.index == count - 1
    step = screen.replay.step(count - 1)
    text = text_of(app)
    assert f"Move {count - 1} of {count}" in text
    assert step.log[0].text in text
    driver.key(pygame.K_HOME)
    assert screen.index == 0
    assert "Before the first move" in text_of(app)
    driver.key(pygame.K_LEFT)
    assert screen.index == 0
    driver.key(pygame.K_RIGHT)
    assert screen.index == 1
    driver.key(pygame.K_END)
    assert screen.index == count
    driver.click(driver.button("Back"))
    assert screen.index == count - 1


def test_both_sides_reveals_private_values(app: App, driver: Driver, entries: list[Entry]):
    screen = open_replay(app, driver, entries)
    nato = screen.game.scenario.sides.nato.name
    assert f"to {nato} (raw" not in " ".join(text_of(app).split())
    driver.key(pygame.K_v)
    assert screen.both_sides
    text = text_of(app)
    assert "Red lines (private)" in text
    row = screen.replay.values(screen.index)[0]
    assert f"Worth {row.effective[0]:+.1f} to {nato} (raw {row.value.nato:+d})" in text


def test_branch_starts_a_new_game_from_the_round(app: App, driver: Driver, entries: list[Entry]):
    screen = open_replay(app, driver, entries, seed=8)
    screen.go(max(i for i in screen.replay.round_starts.values()))
    round_number = screen.branch_round()
    assert round_number is not None
    expected = screen.replay.branch(round_number)
    driver.key(pygame.K_b)
    while not isinstance(app.top, TableScreen):
        app.pop()
    session = app.top.session
    assert session.state == expected
    from game.ui.saving import record_of

    assert record_of(session).game_id.endswith(f"-from-round{round_number}")


def test_export_writes_the_report_folder(app: App, driver: Driver, entries: list[Entry]):
    screen = open_replay(app, driver, entries)
    driver.key(pygame.K_e)
    assert isinstance(app.top, NoticeScreen)
    assert "Exported" in text_of(app)
    folder = saves_folder().parent / "reports" / screen.game.record.game_id
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["moves.csv", "transcript.html", "transcript.md", "trust.png", "watched.json"]
    driver.key(pygame.K_RETURN)
    assert app.top is screen


def test_the_header_names_the_round_the_move_was_made_in(
    app: App, driver: Driver, entries: list[Entry]
):
    screen = open_replay(app, driver, entries)
    # The last move of round 1 leaves the state in round 2; the header still says round 1.
    last_of_round_one = screen.replay.round_starts[2]
    screen.go(last_of_round_one)
    assert screen.replay.step(last_of_round_one).round == 1
    assert "played in round 1" in text_of(app)
    screen.go(0)
    assert "before the first move" in text_of(app)


def test_a_pass_on_time_says_so_in_the_move_and_the_log(
    app: App, driver: Driver, entries: list[Entry]
):
    from dataclasses import replace

    from game.engine import replay
    from game.engine.moves import Pass, Statement, Tone
    from game.saves import new_record, write_save
    from game.scenario.models import SideId
    from tests.ui.conftest import entry_named

    entry = entry_named(entries, "2009-brussels")
    assert entry.scenario is not None
    first = entry.scenario.first_move
    moves = [Statement(first, Tone.CONCILIATORY), Pass(first.other), Pass(first)]
    record = new_record(
        entry.scenario, entry.path, 4, mode="hotseat", humans=(SideId.NATO, SideId.RUSSIA)
    )
    game = load_save(write_save(replace(record, timed_out=(2,)), replay(entry.scenario, 4, moves)))
    app.push(ReplayScreen(app, game))
    driver.frames()
    screen = app.top
    assert isinstance(screen, ReplayScreen)
    late = entry.scenario.sides.of(first.other).name
    on_time = f"{late} passed: time ran out."
    # The engine's own lines: "Russia passed." for the pass on time, then one made in time.
    engine, in_time = (game.replay.step(n).log[0].text for n in (2, 3))
    assert engine.endswith(" passed.") and in_time.endswith(" passed.")
    screen.go(2)
    assert on_time in screen.move_pane.words
    assert engine not in screen.move_pane.words
    screen.go(3)
    assert in_time in screen.move_pane.words  # a pass made in time stays as it was
    assert on_time in screen.log_pane.words and in_time in screen.log_pane.words
    assert engine not in screen.log_pane.words
