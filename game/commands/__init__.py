"""Subcommands of `detente`, one module each; `register_all` wires them into the parser."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from game.setup_limits import SEED_MAX

Handler = Callable[[argparse.Namespace], int]

__all__ = ["SEED_MAX", "Handler", "plural", "print_problems", "register_all", "whole_number"]

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


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, with a plain message otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, not {value}")
        return value

    return parse


def print_problems(path: object, problems: list[Any]) -> None:
    """A scenario that cannot be played: a heading, then each problem on its own line."""
    import shlex
    import sys

    hint = f"detente validate {shlex.quote(str(path))}"
    print(f"{path} is not a valid scenario ({hint} lists the same):", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


def plural(count: int, word: str) -> str:
    """'1 game', '2 games'."""
    return f"{count} {word}{'' if count == 1 else 's'}"
