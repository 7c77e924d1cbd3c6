"""The autosave after every move, kept off the frames that show the move.

A move only marks its game's autosave as due. The table hands it over on its next quiet
frame (every part drawn, the move list filled in), when the save's bytes are made, and a
worker thread writes and syncs the file, which frees the interpreter's lock. Written at
once, in the frame that shows the move, the 2 ms it took broke the table's frame-time goal
(p99 8 ms). `finish_autosaves` writes whatever is due and waits: before saves are listed,
read or exported, and before the window closes.
"""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine.moves import Move, move_to_dict
from game.saves import SaveError, SaveRecord, branched_record
from game.saves.store import NOT_SAVED, encode, now_stamp, prepare_save, store_save

if TYPE_CHECKING:
    from game.engine import State
    from game.ui.session import Session

_written: dict[int, int] = {}
"""How many moves each live session's autosave holds (or will, once the thread is done)."""
_due: dict[int, Session] = {}
"""Sessions with a move their autosave does not hold yet, by id."""
_writer: ThreadPoolExecutor | None = None
"""The one thread that writes autosaves, one after another, so they land in order."""
_in_flight: list[Future[None]] = []
"""Writes handed to the thread and perhaps not finished yet."""
_on_disk: dict[Path, list[Any]] = {}
"""The moves each autosave file held when this program last wrote or loaded it."""
_moved: dict[int, SaveRecord] = {}
"""Sessions whose file another window went on with: the record each now saves under."""


def autosave(session: Session) -> None:
    """After any change: mark the autosave due when a move was made since it was written."""
    if _written.get(id(session)) != len(session.state.moves):
        _due[id(session)] = session


def due(session: Session) -> bool:
    """Whether the session has an autosave waiting to be handed to the writer."""
    return id(session) in _due


def write_due(session: Session | None = None) -> None:
    """Hand the due autosave of `session` (or of every game) to the writer thread."""
    keys = [id(session)] if session is not None else list(_due)
    for key in keys:
        waiting = _due.pop(key, None)
        if waiting is not None:
            _write_in_background(waiting)


def write_autosave(session: Session) -> None:
    """Write the session's autosave now, and wait for it (after an undo, say)."""
    _write_in_background(session)
    finish_autosaves()


def finish_autosaves() -> None:
    """Write every due autosave and wait until every write has landed."""
    write_due()
    while _in_flight:
        _in_flight.pop(0).result()


def mark_written(session: Session) -> None:
    """The session's autosave already holds its game (a game just loaded from it)."""
    _written[id(session)] = len(session.state.moves)
    _due.pop(id(session), None)


def forget(key: int) -> None:
    """Drop what is kept about a session that is gone."""
    _written.pop(key, None)
    _due.pop(key, None)
    _moved.pop(key, None)


def loaded_from(target: Path, moves: tuple[Move, ...]) -> None:
    """A game was loaded holding `moves`, and its autosave is `target`: the file may hold
    these moves, or fewer of them, without anyone else having written it."""
    _on_disk[target] = [move_to_dict(move) for move in moves]


def moved_record(session: Session) -> SaveRecord | None:
    """The record a session saves under since another window went on with its file."""
    return _moved.get(id(session))


def _another_line(target: Path, moves: list[Any], seed: int) -> bool:
    """Whether the file holds a line of play that is neither this game's up to now nor what
    this program last wrote there: another window (a shared class drive) went on with the
    same saved game, and writing would silently overwrite its moves."""
    try:
        held = json.loads(target.read_bytes())
        their_moves, their_seed = held["moves"], held["seed"]
    except (OSError, ValueError, KeyError, TypeError):
        return False  # no file, or no game in it to keep
    if their_moves == _on_disk.get(target):
        return False
    return not (their_seed == seed and their_moves == moves[: len(their_moves)])


def _write_in_background(session: Session) -> None:
    """Make the save's bytes now, as the game is at this move, and let the thread write them."""
    global _writer
    from game.ui.saving import current_record

    mark_written(session)
    record, state = current_record(session), session.state
    target, data = prepare_save(record, state, autosave=True)
    key = id(session)

    def write() -> None:
        nonlocal target, data
        moves = [move_to_dict(move) for move in state.moves]
        try:
            moved = _moved.get(key)
            if moved is not None:
                target, data = _moved_save(moved, state)
            elif _another_line(target, moves, state.seed):
                moved = branched_record(record, state.round)
                _moved[key] = moved
                target, data = _moved_save(moved, state)
                session.last_message = (
                    "Another window went on with this game's file, so yours goes on in a "
                    f"file of its own: {target.name}"
                )
            store_save(target, data)
            _on_disk[target] = moves
        except SaveError as error:
            # "Autosave failed: the game could not be saved: ..." would say it twice.
            session.last_message = f"Autosave failed: {error.message.removeprefix(NOT_SAVED)}"

    if _writer is None:
        _writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="detente-autosave")
    _in_flight[:] = [future for future in _in_flight if not future.done()]
    _in_flight.append(_writer.submit(write))


def _moved_save(record: SaveRecord, state: State) -> tuple[Path, bytes]:
    """The autosave file and bytes of a game that goes on under `record`."""
    from game.saves.store import save_path

    return save_path(record, autosave=True), encode(record.with_state(state, now_stamp()))
