"""The one error a save can raise: a sentence a player or a teacher can act on."""

from __future__ import annotations


class SaveError(Exception):
    """A save that cannot be written, read, or replayed; `str(error)` is the whole message."""

    def __init__(self, message: str, path: str | None = None) -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)
