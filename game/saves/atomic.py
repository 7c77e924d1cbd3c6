"""Atomic file writes: a crash or power cut mid-write leaves the previous file intact."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

RANDOM_PART = "[a-z0-9_]{8}"
"""What tempfile puts between a temporary file's prefix and suffix (eight random letters,
digits or underscores)."""
STALE_SECONDS = 60.0
"""How old a temporary file must be before it counts as left behind by a crash: a write
in progress (by this or another copy of the game) is never that old."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a synced temporary file renamed over it.

    The temporary file lives in the same folder so the rename never crosses file systems;
    on any failure it is removed and the old file is left as it was.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    # Named `.NAME.XXXXXXXX.tmp`: hidden, and recognisable later if a crash leaves it behind.
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file private; give it the mode a plain new file would get.
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or the default for a new file under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows syncing a folder."""
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        # Some file systems refuse to sync a folder; the data itself is already synced.
        pass
    finally:
        os.close(handle)


def remove_stale_temporaries(folder: Path, suffix: str, now: float | None = None) -> list[Path]:
    """Delete the temporary files a crash mid-write left in `folder` for files ending in
    `suffix` (`.NAME.json.XXXXXXXX.tmp` for ".json"); returns those removed.

    Only plain files named as `write_atomic` names them and older than STALE_SECONDS go:
    a real file never has that name, and a write still going on is younger.
    """
    pattern = re.compile(rf"\..+{re.escape(suffix)}\.{RANDOM_PART}\.tmp")
    moment = time.time() if now is None else now
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return removed
    for name in names:
        if not pattern.fullmatch(name):
            continue
        path = folder / name
        try:
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and moment - info.st_mtime > STALE_SECONDS:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone already, or not ours to delete: leave it
    return removed
