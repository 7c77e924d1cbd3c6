"""`detente screenshots DIR`: render every screen, with a game in progress, to PNG files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.commands import Handler


def register(subparsers: Any, handlers: dict[str, Handler]) -> None:
    """Add the `screenshots` subcommand."""
    parser = subparsers.add_parser(
        "screenshots",
        help="save a PNG of every screen (no window needed)",
        description="Render every screen, with a game in progress, to PNG files in DIR.",
    )
    parser.add_argument("directory", metavar="DIR", help="where to write the PNG files")
    handlers["screenshots"] = run


def run(args: argparse.Namespace) -> int:
    """Write the screenshots and list them, or say in a line why they cannot be written."""
    from game.ui.screenshots import render_all

    directory = Path(args.directory)
    try:
        written = render_all(directory)
    except OSError as error:
        print(f"cannot write the screenshots to {directory}: {_reason(error)}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


def _reason(error: OSError) -> str:
    # mkdir's "File exists" for a file in the way does not say what to do about it.
    if isinstance(error, FileExistsError):
        return "it is a file, not a folder"
    return error.strerror or str(error)
