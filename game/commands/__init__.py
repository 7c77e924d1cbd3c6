"""Subcommands of `detente`, one module each; `register_all` wires them into the parser."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

Handler = Callable[[argparse.Namespace], int]

# Module names under game.commands; each defines `register(subparsers, handlers)`.
COMMAND_MODULES: tuple[str, ...] = (
    "validate",
    "new",
    "schema",
    "play",
    "screenshots",
    "report",
    "sim",
)


def register_all(subparsers: Any, handlers: dict[str, Handler]) -> None:
    """Let every command module add its subparser and handler."""
    from importlib import import_module

    for name in COMMAND_MODULES:
        import_module(f"game.commands.{name}").register(subparsers, handlers)
