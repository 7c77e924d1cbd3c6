"""The replay viewer steps through a game, reveals both sides' values, branches and exports."""

from __future__ import annotations

import pygame

from game.engine import State
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
    driver.key(pygame.K_p)
    assert screen.index == count - 2, "P (previous) steps back, as Left does"
    driver.key(pygame.K_n)
    assert screen.index == count - 1, "N (next) steps on, as Right does"


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
    late = entry.scenario.sides.of(first.other).short
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


def tutorial_replay(app: App, driver: Driver, entries: list[Entry]) -> ReplayScreen:
    """The tutorial played as a tester did: move 6 (Russia's) ends round 3 with an
    agreement whose trust gains start to fade as round 4 begins."""
    from game.engine import replay
    from game.engine.moves import (
        Accept,
        Pass,
        RaiseObjection,
        Statement,
        Table,
        Tone,
        WithdrawObjection,
    )
    from game.saves import new_record, write_save
    from game.scenario.models import SideId
    from tests.ui.conftest import entry_named

    nato, russia = SideId.NATO, SideId.RUSSIA
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    moves = [
        Table(nato, "watch-tests"),
        RaiseObjection(russia, "only-watching", "watch-tests"),
        Statement(nato, Tone.CONCILIATORY),
        Accept(russia, "watch-tests"),
        Pass(nato),
        WithdrawObjection(russia, "only-watching", "watch-tests"),
        Table(nato, "joint-exercise"),
        Accept(russia, "joint-exercise"),
    ]
    record = new_record(entry.scenario, entry.path, 1, mode="hotseat", humans=(nato, russia))
    app.push(ReplayScreen(app, load_save(write_save(record, replay(entry.scenario, 1, moves)))))
    driver.frames()
    assert isinstance(app.top, ReplayScreen)
    return app.top


def meters(screen: ReplayScreen) -> tuple[int, int]:
    """The trust the table pane shows: NATO's in Russia, Russia's in NATO."""
    from game.ui.text import Meter

    nato, russia = (block.value for block in screen.table_pane.blocks if isinstance(block, Meter))
    return nato, russia


def last_said(lines: list[str], who: str) -> int:
    """The level the last of `lines` about `who`'s trust left it at ("... rose 3 to 53: ...")."""
    said = [line for line in lines if line.startswith(f"{who}'s trust in")]
    return int(said[-1].split(" to ")[1].split(":")[0].split(" ")[0])


def test_a_move_that_ends_a_round_shows_the_trust_its_log_gives(
    app: App, driver: Driver, entries: list[Entry]
):
    """Move 6 said trust rose to 53 and 58 while the panel showed 52 and 56, the levels
    once round 4 had begun and trust had faded; the round's beginning is now a step of
    its own, and the panel says which moment its numbers are."""
    from game.saves.replay import trust_pair

    def pair(state: State) -> tuple[int, int]:
        trust = trust_pair(state)
        return trust.nato, trust.russia

    screen = tutorial_replay(app, driver, entries)
    step = screen.replay.step(6)
    assert (step.before.round, step.after.round) == (3, 4)
    screen.go(6)
    text = text_of(app)
    assert "Move 6 of 8   ·   played in round 3" in text
    assert "Straight after move 6, before round 4 begins" in screen.table_pane.words
    shown = meters(screen)
    said = tuple(last_said(screen.move_pane.words, who) for who in ("NATO", "Russia"))
    assert shown == said == pair(step.moved)
    assert "New game from round 3   (B)" in text
    assert not any("faded" in line for line in screen.move_pane.words)

    driver.key(pygame.K_RIGHT)
    assert screen.index == 6
    text = text_of(app)
    assert "After move 6 of 8   ·   round 4 begins" in text
    faded = meters(screen)
    assert faded == pair(step.after) and faded != shown
    assert "As round 4 begins, after earlier changes of trust faded" in screen.table_pane.words
    assert f"NATO's trust in Russia fell 1 to {faded[0]} as earlier changes faded." in (
        screen.move_pane.words
    )
    assert "New game from round 4   (B)" in text
    # The numbers shown are the ones a new game from round 4 starts with.
    assert pair(screen.replay.branch(4)) == faded

    driver.key(pygame.K_RIGHT)
    assert screen.index == 7 and "Move 7 of 8   ·   played in round 4" in text_of(app)
    driver.key(pygame.K_LEFT)
    driver.key(pygame.K_LEFT)
    assert screen.index == 6 and meters(screen) == shown


def test_the_replay_chart_keeps_its_least_height(app: App, driver: Driver, entries: list[Entry]):
    """At 1024 x 640 in large text the plot was about 70 pixels tall and the lines flat."""
    from game.settings import Settings
    from game.ui.chart import chart_height

    shapes = [((1280, 720), "normal"), ((1024, 640), "large"), ((1024, 640), "larger")]
    for size, text_size in shapes:
        shape = Settings(width=size[0], height=size[1], text_size=text_size, sound=False)
        app.apply_settings(shape)
        screen = open_replay(app, driver, entries)
        width, height = screen.chart_rect.size
        assert height >= chart_height(width, app.fonts, screen.legend()), (size, text_size)
        app.pop()


def test_the_step_buttons_grey_out_at_the_ends(app: App, driver: Driver, entries: list[Entry]):
    """At the last move 'Forward >' and 'Last >|' stayed enabled (and '|< First' and
    '< Back' at the first); greyed out, they also leave the Tab ring."""
    screen = open_replay(app, driver, entries)
    first, back, forward, last = (
        driver.button(text) for text in ("|<  First", "<  Back", "Forward  >", "Last  >|")
    )
    ring = [item.widget for item in screen.focus.items if screen.focus._usable(item)]
    assert first.is_enabled and back.is_enabled
    assert not forward.is_enabled and not last.is_enabled
    assert forward not in ring and last not in ring
    driver.key(pygame.K_HOME)
    assert not first.is_enabled and not back.is_enabled
    assert forward.is_enabled and last.is_enabled
    screen.focus.focus(forward)
    driver.key(pygame.K_END)
    assert not forward.is_enabled
    assert screen.focus.current is not None and screen.focus.current.widget is back, (
        "the focus moved on from the greyed-out button"
    )
