"""Saves from the screens: save, load, undo and export entries, autosave, and each game's record.

Registered with game.ui.hooks, so the title screen and the pause menu show the entries.
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from game.saves import (
    LoadedGame,
    Replay,
    SaveError,
    SaveRecord,
    continuing,
    data_folder,
    new_record,
    save_path,
    save_point_path,
    undo,
    write_save,
)
from game.saves.store import AUTOSAVE_SUFFIX, SUFFIX, file_stem, now_stamp
from game.saves.unwritable import unwritable_reason
from game.scenario.models import SideId
from game.setup_limits import is_level, is_timer
from game.ui import hooks
from game.ui.autosave import (
    autosave,
    finish_autosaves,
    loaded_from,
    mark_written,
    moved_record,
    write_autosave,
)
from game.ui.autosave import forget as forget_autosave

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session, Setup

_records: dict[int, SaveRecord] = {}
"""The save record of each live session, by id (sessions are not hashable)."""
_save_points: dict[int, tuple[int, Path]] = {}
"""Each live session's latest save point: how many moves it holds, and its file."""


def attach(session: Session, record: SaveRecord) -> None:
    """Remember which save a session writes to (a loaded game keeps its file)."""
    key = id(session)
    if key not in _records:
        weakref.finalize(session, _forget, key)
    _records[key] = record


def _forget(key: int) -> None:
    _records.pop(key, None)
    forget_autosave(key)
    _save_points.pop(key, None)


def humans_of(setup: Setup) -> tuple[SideId, ...]:
    """The sides people play."""
    return (setup.human,) if setup.mode == "solo" else (SideId.NATO, SideId.RUSSIA)


def _scenario_path(session: Session) -> Path:
    if session.path is not None:
        return session.path
    from game.library import available
    from game.saves import scenario_hash

    wanted = scenario_hash(session.scenario)
    for entry in available():
        if entry.scenario is not None and scenario_hash(entry.scenario) == wanted:
            return entry.path
    raise SaveError("the scenario file of this game is not known, so it cannot be saved")


def record_of(session: Session) -> SaveRecord:
    """The session's save record, made on first use (or the one it moved to when another
    window went on with its file)."""
    record = _records.get(id(session))
    moved = moved_record(session)
    if moved is not None and record is not moved:
        attach(session, moved)
        return moved
    if record is None:
        setup = session.setup
        record = new_record(
            session.scenario,
            _scenario_path(session),
            session.state.seed,
            mode=setup.mode,
            humans=humans_of(setup),
            difficulty=setup.difficulty if setup.mode == "solo" else None,
            settings={"timer": setup.timer},
            label=setup.table or None,
        )
        attach(session, record)
    return record


def setup_of(record: SaveRecord) -> Setup:
    """How to go on playing a saved game (a computer-only game goes on in hot seat)."""
    from game.ui.session import HOTSEAT, SOLO, Setup

    solo = record.mode == SOLO and len(record.humans) == 1
    # A save's level and timer were checked as it was read; a computer-only game's
    # "difficulty" names its players, and is no level for anyone to play against.
    timer = record.settings.get("timer", 0)
    return Setup(
        mode=SOLO if solo else HOTSEAT,
        human=record.humans[0] if solo else SideId.NATO,
        difficulty=record.difficulty if is_level(record.difficulty) else "medium",
        timer=timer if is_timer(timer) else 0,
        seed=record.seed,
        table=record.label or "",
    )


def current_record(session: Session) -> SaveRecord:
    """The session's record as a save would hold it now: its moves, its passes on time."""
    record = replace(record_of(session), timed_out=tuple(sorted(session.timed_out)))
    return record.with_state(session.state, now_stamp())


def save_now(session: Session) -> Path:
    """Write a save point (Save game) that later play never rewrites; SaveError says why
    not."""
    record = current_record(session)
    moves = len(session.state.moves)
    latest = _save_points.get(id(session))
    if latest is not None and latest[0] == moves and latest[1].is_file():
        return latest[1]  # saved again with nothing played since: that file is this save
    path = write_save(record, session.state, path=save_point_path(record, session.state))
    _save_points[id(session)] = (moves, path)
    return path


def resume(app: App, game: LoadedGame) -> None:
    """Go on playing a loaded game from where it was saved."""
    from game.ui.flow import begin
    from game.ui.session import Session

    record = continuing(game)
    if record.mode == "sim":
        # People take over a computer-only game: it becomes a hot-seat game with its own file.
        record = replace(
            record,
            mode="hotseat",
            humans=(SideId.NATO, SideId.RUSSIA),
            game_id=f"{record.game_id}-continued",
        )
    session = Session.resume(game.scenario, setup_of(record), game.state, game.scenario_path)
    session.timed_out = set(record.timed_out)
    if not session.solo:
        # The round's news fired before the save, while the other player sat at the table:
        # the side sitting down now has not seen it (the log has it, but not the pop-up).
        state = game.state
        news = [
            game.scenario.event_by_id[e] for e, fired in state.events_fired if fired == state.round
        ]
        if news and not state.moved_this_round:
            session.unseen_news[session.to_move] = news
    attach(session, record)
    mark_written(session)
    loaded_from(save_path(record, autosave=True), game.state.moves)
    begin(app, session)


def branch(app: App, game: LoadedGame, round_number: int) -> None:
    """Start a new game from the start of a round of a saved game."""
    from game.saves import branch_record
    from game.ui.flow import begin
    from game.ui.session import Session

    record, state = branch_record(game, round_number)
    session = Session.resume(game.scenario, setup_of(record), state, game.scenario_path)
    session.timed_out = {number for number in game.record.timed_out if number <= len(state.moves)}
    attach(session, record)
    begin(app, session)


def undo_last(app: App, session: Session) -> None:
    """Take back the player's last move (and the computer's reply) in single-player."""
    from game.ui.screens.table import TableScreen
    from game.ui.session import Session as SessionType

    setup = session.setup
    if setup.mode != "solo":
        notice(
            app,
            "No undo in hot seat",
            ["The other side has already seen the move: in hot seat, moves stand."],
        )
        return
    back = undo(session.state, setup.mode, humans_of(setup))
    if back is None:
        notice(app, "Nothing to undo", ["You have not made a move yet."])
        return
    new = SessionType.resume(session.scenario, setup, back, session.path)
    new.carry_over(session)
    record = _records.get(id(session))
    if record is not None:
        attach(new, record)
    # The autosave holds the move just taken back: rewritten now, a crash cannot bring it
    # back.
    write_autosave(new)
    app.reset(TableScreen(app, new))


def reports_folder() -> Path:
    """Where exports from the screens go."""
    return data_folder() / "reports"


def report_name(game: LoadedGame) -> str:
    """The name of a game's report folder: its save file's, so a save point's record never
    replaces the finished game's; for its autosave or a game not loaded, the start of its
    files' names (its id, and its table's name)."""
    path = game.path
    if path is None or path.name.endswith(AUTOSAVE_SUFFIX) or not path.name.endswith(SUFFIX):
        return file_stem(game.record)
    return path.name.removesuffix(SUFFIX)


def export_game(game: LoadedGame) -> Path:
    """Write a game's report folder (with a copy of its save); returns the folder, or
    SaveError in words if it cannot be written."""
    from game.report.export import export_game as write_report

    name = report_name(game)
    folder = reports_folder() / name
    try:
        write_report(game, folder)
    except OSError as error:
        reason = unwritable_reason(folder, error) or error.strerror or str(error)
        raise SaveError(f"the record could not be exported: {reason}", str(folder)) from None
    write_save(game.record, game.state, path=folder / f"{name}.json")
    return folder


def export_session(app: App, session: Session) -> None:
    """The debrief's Export: write the game's report folder and say where it went.

    In the saves folder only the game's autosave is brought up to date (it normally holds
    the finished game already); a save point the player made stays as it was.
    """
    autosave(session)
    finish_autosaves()
    try:
        game = LoadedGame(
            current_record(session),
            session.scenario,
            _scenario_path(session),
            Replay(session.scenario, session.state.seed, session.state.moves),
        )
        folder = export_game(game)
    except SaveError as error:
        notice(app, "Export failed", [error.message])
        return
    notice(app, "Exported", exported_lines(folder))


def exported_lines(folder: Path) -> list[str]:
    """What the notice says after an export."""
    return [
        f"The record of this game is in {folder}",
        "transcript.html (open it in a browser, or print it), transcript.md, moves.csv "
        "and trust.png, with a copy of the save for `detente report --class`.",
    ]


def notice(app: App, title: str, lines: list[str]) -> None:
    """A small message over the current screen."""
    from game.ui.screens.notice import NoticeScreen

    app.push(NoticeScreen(app, title, lines))


# -- menu entries -------------------------------------------------------------------------


def _save(app: App, session: Session | None) -> None:
    if session is None:
        return
    try:
        path = save_now(session)
    except SaveError as error:
        notice(app, "The game was not saved", [error.message])
        return
    notice(
        app,
        "Game saved",
        [
            f"Saved to {path}",
            "This save stays as it is now, however the game goes on (the autosave follows "
            "the game). Load it from the title screen or here.",
        ],
    )


def _load(app: App, session: Session | None) -> None:
    from game.ui.screens.load import LoadScreen

    app.push(LoadScreen(app))


def _undo(app: App, session: Session | None) -> None:
    if session is not None:
        undo_last(app, session)


def _undo_unavailable(session: Session | None) -> str | None:
    if session is not None and not session.solo:
        return "Undo: not in hot seat (moves stand)"
    if session is not None and undo(session.state, "solo", humans_of(session.setup)) is None:
        return "Undo: no move of yours yet"
    return None


def register(registry: hooks.Registry) -> None:
    """Add Save, Load and Undo to the pause menu, and Load to the title screen."""
    registry.add(hooks.MenuItem("Load a game or replay", hooks.TITLE, _load, 10, "l"))
    registry.add(hooks.MenuItem("Save game", hooks.PAUSE, _save, 10, "s"))
    registry.add(hooks.MenuItem("Load a game or replay", hooks.PAUSE, _load, 20, "l"))
    registry.add(
        hooks.MenuItem("Undo my last move", hooks.PAUSE, _undo, 30, "u", _undo_unavailable)
    )
