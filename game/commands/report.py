"""`detente report`: a game's transcript (SAVE) or a class summary (--class FOLDER)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.commands import Handler, plural


def register(subparsers: Any, handlers: dict[str, Handler]) -> None:
    """Add the `report` subcommand."""
    parser = subparsers.add_parser(
        "report",
        help="write a game's transcript, or a class summary, from save files",
        description="Write a Markdown transcript, a self-contained HTML page, a CSV of moves "
        "and the trust chart for one save; or, with --class, one summary of every save in a "
        "folder and its subfolders (Export folders too), each game counted once, as far as it "
        "got. Exit 1 if a save cannot be read.",
    )
    parser.add_argument("save", nargs="?", type=Path, metavar="SAVE", help="a save file")
    parser.add_argument(
        "--class",
        dest="class_folder",
        type=Path,
        metavar="FOLDER",
        help="a folder of a class's saves, in subfolders or not, for a class summary",
    )
    parser.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="the folder to write into"
    )
    handlers["report"] = run


def run(args: argparse.Namespace) -> int:
    """Write the report; print what was written, or why not."""
    if args.save is None and args.class_folder is None:
        print(
            "nothing to report on: give a SAVE file for one game's transcript, or "
            "--class FOLDER for a class summary",
            file=sys.stderr,
        )
        return 2
    if args.save is not None and args.class_folder is not None:
        print(
            "give a SAVE file or --class FOLDER, not both: one command writes one report",
            file=sys.stderr,
        )
        return 2
    # Charts are drawn off-screen; no window, sound or banner is wanted here.
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if args.save is not None:
        return _one(args.save, args.out)
    return _class(args.class_folder, args.out)


def _write(write: Callable[[], list[Path]], out: Path) -> int:
    """Run `write` and list the files it wrote, or say in a line why it could not."""
    # Only writing is caught here: a save that cannot be read is a SaveError of its own,
    # so a reading problem is never blamed on the output folder.
    try:
        written = write()
    except OSError as error:
        print(f"cannot write to {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


def _one(save: Path, out: Path) -> int:
    from game.report.export import export_game
    from game.report.standing import unfinished_words
    from game.saves import SaveError, load_save
    from game.saves.privacy import keeps_secrets

    try:
        game = load_save(save)
    except SaveError as error:
        print(error, file=sys.stderr)
        return 1
    if _write(lambda: export_game(game, out), out):
        return 1
    state = game.state
    if not state.over:
        # Said here too, so nobody hands the record in as a result.
        left_out = (
            "leaves out both sides' scores, private values and instructions until it is finished"
            if keeps_secrets(game.record.mode, state.over)
            else "gives the scores so far"
        )
        print(f"{save.name}: {unfinished_words(state)}; the record says so and {left_out}")
    return 0


def _class(folder: Path, out: Path) -> int:
    from game.report.classpage import write_summary
    from game.report.classroom import collect

    if not os.path.isdir(folder):  # False, not an error, for a name too long to look up
        print(f"{folder}: not a folder of saves", file=sys.stderr)
        return 1
    try:
        # The summary may be written inside the class folder: its folder is not read.
        summary = collect(folder, skip=out)
    except OSError as error:
        print(f"{folder}: cannot read the folder: {error.strerror or error}", file=sys.stderr)
        return 1
    for path, message in summary.problems:
        print(f"{path}: {message}", file=sys.stderr)
    if not summary.tables:
        what = "no readable saves" if summary.problems else "no save files (.json) in it or below"
        print(f"{folder}: {what}, nothing written", file=sys.stderr)
        return 1
    if _write(lambda: write_summary(summary, out), out):
        return 1
    if summary.folded:
        # Said, so that 15 files handed in for 14 tables is no surprise.
        files = plural(summary.folded, "file")
        print(f"{files} of a game already counted, counted once (listed in the summary)")
    count = len(summary.problems)
    if count:
        print(f"{plural(count, 'save')} could not be read (listed in the summary)", file=sys.stderr)
        return 1
    return 0
