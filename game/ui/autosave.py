"""The autosave after every move, kept off the frames that show the move.

A move only marks its game's autosave as due. The table hands it over on its next quiet
frame (every part drawn, the move list filled in), when the save's bytes are made, and a
worker thread writes and syncs the file, which frees the interpreter's lock. Written at
once, in the frame that shows the move, the 2 ms it took broke the table's frame-time goal
(p99 8 ms). `finish_autosaves` writes whatever is due and waits: before saves are listed,
read or exported, and before the window closes.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from game.saves import SaveError
from game.saves.store import NOT_SAVED, prepare_save, store_save

if TYPE_CHECKING:
    from game.ui.session import Session

_written: dict[int, int] = {}
"""How many moves each live session's autosave holds (or will, once the thread is done)."""
_due: dict[int, Session] = {}
"""Sessions with a move their autosave does not hold yet, by id."""
_writer: ThreadPoolExecutor | None = None
"""The one thread that writes autosaves, one after another, so they land in order."""
_in_flight: list[Future[None]] = []
"""Writes handed to the thread and perhaps not finished yet."""


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


def _write_in_background(session: Session) -> None:
    """Make the save's bytes now, as the game is at this move, and let the thread write them."""
    global _writer
    from game.ui.saving import current_record

    mark_written(session)
    target, data = prepare_save(current_record(session), session.state, autosave=True)

    def write() -> None:
        try:
            store_save(target, data)
        except SaveError as error:
            # "Autosave failed: the game could not be saved: ..." would say it twice.
            session.last_message = f"Autosave failed: {error.message.removeprefix(NOT_SAVED)}"

    if _writer is None:
        _writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="detente-autosave")
    _in_flight[:] = [future for future in _in_flight if not future.done()]
    _in_flight.append(_writer.submit(write))
