"""Opening a file to read only if it is a plain file: a named pipe or a device never hangs."""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

NOT_A_FILE = "it is {kind}, not a file"
"""The reason (an OSError's strerror) given for something that is not a plain file."""


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """`path` opened for reading in binary, or OSError if it is not a regular file.

    Opened without blocking, then checked: opening a named pipe (`mkfifo`) to read would
    otherwise wait for ever for a writer, and reading a device may never end.
    """
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nonblocking)
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, NOT_A_FILE.format(kind=_kind(mode)), str(path))
        if nonblocking:
            os.set_blocking(handle, True)
        return os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"
