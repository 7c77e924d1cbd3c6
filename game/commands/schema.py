"""`detente schema`: print the JSON Schema of scenario files, for editors."""

from __future__ import annotations

import argparse
import json
from typing import Any

from game.commands import Handler


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file, titled and without an `$id`."""
    from game.scenario import SCHEMA_VERSION, Scenario

    schema = Scenario.model_json_schema()
    schema.pop("$id", None)
    schema["title"] = f"Détente scenario (format version {SCHEMA_VERSION})"
    return schema


def schema_text() -> str:
    """The schema as the committed file holds it (regenerate: detente schema > FILE)."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def register(subparsers: Any, handlers: dict[str, Handler]) -> None:
    """Add the `schema` subcommand."""
    subparsers.add_parser(
        "schema",
        help="print the JSON Schema of scenario files",
        description="Print the JSON Schema of scenario files "
        "(the repository keeps it in scenarios/scenario.schema.json).",
    )
    handlers["schema"] = run


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    print(schema_text(), end="")
    return 0
