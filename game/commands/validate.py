"""`detente validate FILE...`: check scenario files and print every problem."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from game.commands import Handler, plural


def register(subparsers: Any, handlers: dict[str, Handler]) -> None:
    """Add the `validate` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help="check scenario files and list every problem",
        description="Check scenario files; exit 0 when every file is valid (warnings allowed).",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="scenario files")
    parser.add_argument(
        "--json", action="store_true", help="print a JSON object for editors and scripts"
    )
    handlers["validate"] = run


def run(args: argparse.Namespace) -> int:
    """Check each file; print problems and a verdict per file (or JSON)."""
    from game.library import check_file
    from game.ui.glyphs import can_draw

    reports = [check_file(path, can_draw) for path in args.files]
    valid = all(report.valid for report in reports)
    if args.json:
        document = {
            "valid": valid,
            "files": {
                report.file: {
                    "valid": report.valid,
                    "problems": [problem.as_dict() for problem in report.problems],
                }
                for report in reports
            },
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0 if valid else 1
    for report in reports:
        for problem in report.problems:
            print(problem)
        warnings = plural(len(report.warnings), "warning")
        if report.valid:
            print(f"{report.file}: valid ({warnings})")
        else:
            print(f"{report.file}: NOT valid ({plural(len(report.errors), 'error')}, {warnings})")
    return 0 if valid else 1
