"""`detente screenshots DIR`: render every screen, with a game in progress, to PNG files."""

from __future__ import annotations

import argparse
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
    """Write the screenshots and list them."""
    from game.ui.screenshots import render_all

    for path in render_all(Path(args.directory)):
        print(path)
    return 0
