"""Render every screen, with a game in progress, to PNG files (no window needed)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.library import Entry, available
from game.paths import DATA_ENV
from game.scenario.models import SideId
from game.settings import Settings

if TYPE_CHECKING:
    from game.ai import Player
    from game.ui.app import App
    from game.ui.session import Session

FRAME = 1 / 60


def settle(app: App, frames: int = 240) -> None:
    """Step frames until the screen in front has nothing left to do."""
    for _ in range(frames):
        app.step([], FRAME)
        top = app.top
        if top is None or not top.busy():
            break
    app.step([], FRAME)


def _pick(entries: list[Entry]) -> Entry:
    playable = [e for e in entries if e.ok]
    if not playable:
        raise SystemExit("no playable scenario found to take screenshots with")
    return next((e for e in playable if not e.is_tutorial), playable[0])


def render_all(
    directory: Path,
    settings: Settings | None = None,
    entries: list[Entry] | None = None,
    staging: Path | None = None,
    look: Callable[[str, App], None] | None = None,
) -> list[Path]:
    """Save a PNG of every screen into `directory`; returns the files written, or OSError
    if `directory` cannot be made.

    `look(name, app)`, if given, sees each screen as it is saved (tests check every screen
    this way).

    `entries` are the scenarios to offer (by default the shipped ones). The staged games
    autosave into `staging` (emptied first), never into the player's saves folder; by
    default into a new private folder, removed afterwards.
    """
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    # Before any rendering: a folder that cannot be made is said at once.
    directory.mkdir(parents=True, exist_ok=True)
    # Always a folder of our own, even when the player chose a data folder: the staged games
    # would otherwise land among a class's saves. mkdtemp makes it unique and private, so two
    # runs (or two users of one machine) never share or delete each other's. The scenario
    # list shows its path, so that one screenshot differs from run to run.
    temporary = staging is None
    if staging is None:
        staging = Path(tempfile.mkdtemp(prefix="detente-screenshots-"))
    else:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
    before = os.environ.get(DATA_ENV)
    os.environ[DATA_ENV] = str(staging)
    try:
        return _render(directory, settings, entries, look)
    finally:
        if before is None:
            del os.environ[DATA_ENV]
        else:
            os.environ[DATA_ENV] = before
        if temporary:
            shutil.rmtree(staging, ignore_errors=True)


def _render(
    directory: Path,
    settings: Settings | None,
    entries: list[Entry] | None,
    look: Callable[[str, App], None] | None,
) -> list[Path]:
    import pygame

    from game.ai import make_player
    from game.ui.app import App
    from game.ui.flow import begin, to_title
    from game.ui.screens.event_popup import EventPopup
    from game.ui.screens.handover import HandoverScreen
    from game.ui.screens.pause import PauseScreen
    from game.ui.screens.scenario_list import ScenarioListScreen
    from game.ui.screens.settings_screen import SettingsScreen
    from game.ui.screens.setup import SetupScreen
    from game.ui.screens.table import TableScreen
    from game.ui.session import HOTSEAT, Session, Setup

    entries = entries if entries is not None else available()
    entry = _pick(entries)
    assert entry.scenario is not None
    scenario = entry.scenario
    offered = entries
    app = App(settings or Settings(), remember=False, scenarios=lambda: offered)
    app.sound.enabled = False
    written: list[Path] = []

    def shot(name: str) -> None:
        settle(app)
        if look is not None:
            look(name, app)
        path = directory / f"{name}.png"
        pygame.image.save(app.window, str(path))
        written.append(path)

    to_title(app)
    shot("01-title")
    app.push(ScenarioListScreen(app))
    shot("02-scenarios")
    app.push(SetupScreen(app, entry))
    shot("03-setup")

    # A solo game as NATO, played a few rounds by a stand-in for the person.
    session = Session.start(
        scenario, Setup(human=SideId.NATO, difficulty="hard", seed=7), entry.path
    )
    begin(app, session)
    shot("04-briefing")
    app.pop()
    stand_in = make_player("medium", SideId.NATO, seed=3)
    _play_until(app, session, stand_in, lambda: session.state.round >= 4 or session.over)
    _close_popups(app)
    table = app.top
    assert isinstance(table, TableScreen)
    if table.panel.moves:
        table.panel.choose(table.panel.moves[0])
    shot("05-table")
    if session.state.events_fired:
        news = scenario.event_by_id[session.state.events_fired[-1][0]]
        app.push(EventPopup(app, news, session.viewer))
        shot("06-event")
        app.pop()
    app.push(PauseScreen(app, session))
    shot("07-pause")
    app.push(SettingsScreen(app))
    shot("08-settings")
    app.pop()
    app.pop()
    assert app.top is table

    # Hot-seat: the hand-over between the two sides.
    hot = Session.start(scenario, Setup(mode=HOTSEAT, seed=11), entry.path)
    hot.briefed.update(SideId)
    begin(app, hot)
    hot.play(hot.legal()[0])
    app.push(HandoverScreen(app, hot, hot.to_move))
    shot("09-handover")

    last = Session.start(
        scenario, Setup(human=SideId.RUSSIA, difficulty="medium", seed=5), entry.path
    )
    begin(app, last)
    _play_until(app, last, make_player("hard", SideId.RUSSIA, seed=9), lambda: last.over)
    _close_popups(app)
    shot("10-table-end")
    from game.ui.flow import finish

    finish(app, last)
    shot("11-debrief")

    # The finished game's autosave on the load screen, then in the replay viewer.
    from game.saves import load_save, save_path
    from game.ui.saving import record_of
    from game.ui.screens.load import LoadScreen
    from game.ui.screens.replay import ReplayScreen

    saved = save_path(record_of(last), autosave=True)
    app.push(LoadScreen(app))
    shot("12-load")
    app.pop()
    viewer = ReplayScreen(app, load_save(saved), index=max(1, len(last.state.moves) // 2))
    app.push(viewer)
    shot("13-replay")
    viewer.toggle_sides()
    shot("14-replay-both-sides")
    app.close()
    return written


def _close_popups(app: App) -> None:
    """Close whatever covers the table (briefing, event pop-ups), then let it redraw."""
    from game.ui.screens.table import TableScreen

    while not isinstance(app.top, TableScreen):
        app.pop()
        settle(app)


def _play_until(app: App, session: Session, stand_in: Player, done: Callable[[], bool]) -> None:
    """Play the person's moves with a computer stand-in, through the table, until `done()`."""
    from game.ui.screens.table import TableScreen

    for _ in range(400):
        _close_popups(app)
        if done():
            return
        table = app.top
        assert isinstance(table, TableScreen)
        if session.human_turn:
            table.play(stand_in.choose(session.view(session.to_move), session.legal()).move)
        settle(app, 300)
