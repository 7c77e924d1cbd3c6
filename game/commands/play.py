"""`detente play [FILE]`: the window; with a file and options, straight into a game."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from game.commands import SEED_MAX, Handler, print_problems, whole_number
from game.saves.table_name import TABLE_NAME_IN_WORDS, TABLE_NAME_MAX, is_table_name, tidy
from game.setup_limits import SEED_IN_WORDS, TIMER_MAX


def register(subparsers: Any, handlers: dict[str, Handler]) -> None:
    """Add the `play` subcommand (also what `detente` with no command runs)."""
    parser = subparsers.add_parser(
        "play",
        help="open the game window (the default command)",
        description="Open the title screen, or with FILE start a game of that scenario at once.",
    )
    parser.add_argument(
        "file",
        nargs="?",
        help="a scenario to play straight away: a file, or a scenario's name (e.g. tutorial)",
    )
    # No defaults here (None: not given), so that an option given where it does nothing
    # is refused rather than dropped; `_session` fills in the defaults.
    parser.add_argument("--side", choices=("nato", "russia"), help="your side (solo; default nato)")
    parser.add_argument(
        "--mode",
        choices=("solo", "hotseat"),
        help="against the computer, or two players (default solo)",
    )
    parser.add_argument("--difficulty", help="easy, medium, hard or expert (solo; default medium)")
    parser.add_argument(
        "--timer",
        type=whole_number(0, TIMER_MAX),
        metavar="SECONDS",
        help=f"time per turn, at most {TIMER_MAX} (0: none)",
    )
    parser.add_argument(
        "--seed",
        type=whole_number(0, SEED_MAX),
        default=None,
        help=f"the game's random seed ({SEED_IN_WORDS})",
    )
    parser.add_argument(
        "--table",
        type=table_name,
        default="",
        metavar="NAME",
        help=f"the table's or team's name for the class record, e.g. 'Table 3' "
        f"(at most {TABLE_NAME_MAX} characters)",
    )
    handlers["play"] = run


def table_name(text: str) -> str:
    """An argparse type: a table's name, tidied, with a plain message if it cannot be one."""
    if not is_table_name(text):
        shown = len(tidy(text))
        long = f" (this one has {shown})" if shown > TABLE_NAME_MAX else ""
        raise argparse.ArgumentTypeError(f"a table's name is {TABLE_NAME_IN_WORDS}{long}")
    return tidy(text)


def run(args: argparse.Namespace) -> int:
    """Open the window and play until it is closed."""
    if args.table and not args.file:
        # Dropped silently, the name would be missing from the class record without a word.
        print(
            "detente play: --table goes with a scenario FILE; on the set-up screen, type the "
            "name into its Table name field",
            file=sys.stderr,
        )
        return 2
    problem = misplaced_options(args)
    if problem is not None:
        print(f"detente play: {problem}", file=sys.stderr)
        return 2
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    if not getattr(pygame, "IS_CE", False):
        from game.ui.app import CE_FIX

        print(CE_FIX, file=sys.stderr)
        return 1
    session = None
    if args.file:
        session = _session(args)
        if session is None:
            return 2
    from game.ui.app import App
    from game.ui.flow import begin, to_title

    app = App()
    if session is None:
        to_title(app)
    else:
        begin(app, session)
    return app.run()


GAME_OPTIONS = ("side", "mode", "difficulty", "timer", "seed")
"""The options that set up a game started from the command line (with FILE)."""


def misplaced_options(args: argparse.Namespace) -> str | None:
    """Why options given would be dropped without a word, or None if each one counts."""
    given = [f"--{name}" for name in GAME_OPTIONS if getattr(args, name) is not None]
    if given and not args.file:
        return (
            f"{_listed(given)} {'goes' if len(given) == 1 else 'go'} with a scenario FILE; "
            "without one, choose on the set-up screen"
        )
    computer = [f"--{name}" for name in ("side", "difficulty") if getattr(args, name) is not None]
    if args.mode == "hotseat" and computer:
        return f"a hot-seat game has two players and no computer: leave out {_listed(computer)}"
    return None


def _listed(options: list[str]) -> str:
    """'--side', '--side and --seed', '--side, --mode and --seed'."""
    return " and ".join([", ".join(options[:-1]), options[-1]] if len(options) > 1 else options)


def _session(args: argparse.Namespace) -> Any:
    import random

    from game.commands.scenario_name import missing_hint, scenario_path
    from game.scenario import ScenarioError, SideId, load
    from game.setup_limits import is_level, levels_in_words
    from game.ui.session import Session, Setup

    difficulty = args.difficulty if args.difficulty is not None else "medium"
    if not is_level(difficulty):
        print(f"detente play: --difficulty must be {levels_in_words()}", file=sys.stderr)
        return None
    path = scenario_path(args.file)
    hint = missing_hint(path)
    if hint is not None:
        print(f"detente play: {hint}", file=sys.stderr)
        return None
    try:
        scenario = load(path)
    except ScenarioError as error:
        print_problems(path, error.problems)
        return None
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 2**31)
    side = SideId(args.side or "nato")
    setup = Setup(args.mode or "solo", side, difficulty, args.timer or 0, seed, args.table)
    return Session.start(scenario, setup, path)
