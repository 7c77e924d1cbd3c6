"""The `detente` command line: play, validate, new, schema, sim, report, screenshots."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

Handler = Callable[[argparse.Namespace], int]


def installed_version() -> str:
    """The version of the installed package (the source's own number when run uninstalled)."""
    from importlib.metadata import PackageNotFoundError, version

    from game import __version__

    try:
        return version("detente")
    except PackageNotFoundError:
        return __version__


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The argument parser and the handler for each subcommand."""
    parser = argparse.ArgumentParser(
        prog="detente",
        description="Détente: negotiate missile-defence cooperation as NATO or Russia.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {installed_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, Handler] = {}
    # Each command module registers its own subparser; importing lazily keeps start-up fast
    # (pygame is loaded only by the commands that draw, or ask the fonts what they can draw).
    from game.commands import register_all

    register_all(subparsers, handlers)
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; with no command, open the title screen."""
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "play"
    if args.command is None:
        args = parser.parse_args(["play", *(argv or sys.argv[1:])])
    if sys.stdout is None and command != "play":
        # Started with stdout closed (`detente schema >&-`): every command but the window
        # prints what it did, and would otherwise go on without a word. The window runs
        # on, as it must when started with no console at all (pythonw).
        print(f"detente {command}: the output (stdout) is closed", file=sys.stderr)
        return 1
    _print_names_as_given(sys.stdout)
    try:
        code = handlers[command](args)
        # Flushed here, not by Python at exit, so a failed write is caught just below.
        if sys.stdout is not None:
            sys.stdout.flush()
    except KeyboardInterrupt:
        # Ctrl-C is how a long `detente sim` is stopped: a word, not a traceback, and the
        # exit status shells give a process stopped by SIGINT.
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`detente sim ... | head`): stop quietly, as other tools do.
        _drop_stdout()
        return 1
    except OSError as error:
        # Commands say their own file problems; what gets here is mostly the output itself
        # failing (`detente schema > /dev/full`, a full disk): one line, not a traceback.
        reason = error.strerror or str(error)
        where = f" ({error.filename})" if error.filename else ""
        print(f"detente {command}: {reason}{where}", file=sys.stderr)
        try:
            sys.stdout.flush()
        except OSError:
            _drop_stdout()
        return 1
    return code


def _drop_stdout() -> None:
    """Point stdout at nothing: Python would otherwise fail again flushing it at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _print_names_as_given(stream: object) -> None:
    """Let `stream` print file names that are not UTF-8 (b'\xfe.yaml') as their own bytes.

    Python holds such a name with lone surrogates, which a strict UTF-8 stdout (the usual
    one under a UTF-8 locale) refuses with a traceback; ls and other tools print the bytes.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", None) == "strict":
        reconfigure(errors="surrogateescape")
