"""Why a folder cannot be written to, in words a player or a teacher can act on."""

from __future__ import annotations

import errno
from pathlib import Path

from game.saves.where import DATA_ENV, data_folder, saves_folder

REFUSED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
"""Errors that mean the folder may not be written to (no permission, a read-only drive)."""


def blocking_file(folder: Path) -> Path | None:
    """The file standing where `folder`, or a folder above it, should be; None if there is none."""
    for candidate in (folder, *folder.parents):
        try:
            if candidate.is_dir():
                return None
            if candidate.exists():
                return candidate
        except OSError:
            return None
    return None


def _named(folder: Path) -> str:
    """'the saves folder /x/saves', or 'the folder /x' for any other."""
    return f"the saves folder {folder}" if folder == saves_folder() else f"the folder {folder}"


def _another_folder(folder: Path) -> str:
    """How to use another folder, when the environment variable chooses this one."""
    if folder == data_folder() or data_folder() in folder.parents:
        return f", or set {DATA_ENV} to another folder for Détente to keep its files in"
    return ""


def unwritable_reason(folder: Path, error: OSError) -> str | None:
    """Why nothing can be written in `folder` and what to do, or None when the failure is
    not about the folder (a full disk, say) and the system's own words will do."""
    blocker = blocking_file(folder)
    if blocker == folder:
        return (
            f"{_named(folder)} is a file, not a folder. Move or rename that file"
            f"{_another_folder(folder)}."
        )
    if blocker is not None:
        return (
            f"{_named(folder)} cannot be made, because {blocker} is a file, not a folder. "
            f"Move or rename that file{_another_folder(folder)}."
        )
    if error.errno in REFUSED:
        return (
            f"{_named(folder)} is not writable ({error.strerror}). Ask for permission to "
            f"write there, or check the drive is not locked or read-only"
            f"{_another_folder(folder)}."
        )
    return None
