"""`detente new NAME`: write a commented starter scenario to edit."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import Any

from game.commands import Handler
from game.saves.atomic import write_atomic

SCHEMA_FILE = "scenario.schema.json"


def register(subparsers: Any, handlers: dict[str, Handler]) -> None:
    """Add the `new` subcommand."""
    parser = subparsers.add_parser(
        "new",
        help="write a starter scenario to edit",
        description="Write NAME.yaml (or the given .yaml path): a commented scenario that "
        "validates and can be played. An existing file is never overwritten.",
    )
    parser.add_argument("name", metavar="NAME", help="the new file's name or path")
    handlers["new"] = run


def unusable_name(name: str) -> str | None:
    """Why NAME cannot name a new file (it names a folder, or nothing), or None if it can."""
    path = Path(name)
    last = name.rstrip("/" + os.sep).rpartition("/")[2].rpartition(os.sep)[2]
    if not name.strip():
        return "give the new scenario a name, e.g. arctic"
    if last in ("", ".", "..") or name.endswith(("/", os.sep)):
        return f"'{name}' names a folder, not a file: give the new scenario a name, e.g. arctic"
    if path.is_dir():
        return f"{name} is a folder: give the new scenario a name, e.g. {path / 'arctic'}"
    return None


def target_path(name: str) -> Path:
    """NAME with `.yaml` added unless it already ends in .yaml or .yml."""
    path = Path(name)
    return path if path.suffix in (".yaml", ".yml") else path.with_name(path.name + ".yaml")


def schema_reference() -> str:
    """Where the new file's editor finds the schema: its full address, as a `file:` URI, so
    the line still works when the file is moved (into the scenario folder, say)."""
    from game.library import shipped_folder

    folder = shipped_folder()
    schema = folder / SCHEMA_FILE if folder is not None else None
    if schema is None or not schema.is_file():
        return SCHEMA_FILE
    return schema.resolve().as_uri()


def run(args: argparse.Namespace) -> int:
    """Write the starter file, refusing to overwrite anything."""
    from game.scenario.starter import slug_for, starter_text

    problem = unusable_name(args.name)
    if problem is not None:
        print(f"detente new: {problem} (nothing was written)", file=sys.stderr)
        return 2
    target = target_path(args.name)
    reference = schema_reference()
    # Quoted as a shell needs it, so the hint can be copied as it is ("Arctic talks.yaml").
    text = starter_text(target.stem, shlex.quote(str(target)), reference)
    if os.path.lexists(target):
        print(
            f"{target} already exists: choose another name (nothing was written)", file=sys.stderr
        )
        return 1
    if not target.parent.is_dir():
        print(f"cannot write {target}: no such folder as {target.parent}", file=sys.stderr)
        return 1
    try:
        # A name that is not UTF-8 (b'\xfe') shows as '?' in the file's title and comments,
        # which keeps the file readable; written atomically, a failure leaves no file behind.
        write_atomic(target, text.encode("utf-8", errors="replace"))
    except OSError as error:
        print(f"cannot write {target}: {error.strerror or error}", file=sys.stderr)
        return 1
    command = f"detente validate {shlex.quote(str(target))}"
    # The id is made from the name, and a name like "My Scenario" gives no hint what it is.
    print(f"wrote {target} (id: {slug_for(target.stem)}): edit it, then check it with `{command}`")
    if reference == SCHEMA_FILE:
        print(f"for editor help, save the schema beside it: detente schema > {SCHEMA_FILE}")
    return 0
