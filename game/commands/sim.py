"""`detente sim`: computer against computer, without a screen, for figures and balance."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from game.commands import SEED_MAX, Handler, plural, print_problems, whole_number
from game.setup_limits import SEED_IN_WORDS

BALANCE_GAMES = 10
GAMES_MAX = 100_000
"""More games than this would run for hours: a typing slip, not a plan."""
FAR_MORE = 0.75
"""At equal levels, a side winning at least this share of the decided games is flagged."""


def register(subparsers: Any, handlers: dict[str, Handler]) -> None:
    """Add the `sim` subcommand."""
    from game.ai import PLAYER_NAMES

    names = ", ".join(PLAYER_NAMES)
    parser = subparsers.add_parser(
        "sim",
        help="play computer against computer and print the figures",
        description=(
            "Play whole games between computer players without a screen and print the "
            f"agreement rate, scores, tiers, rounds and distance from the Nash bargaining "
            f"solution. Players: {names}."
        ),
    )
    parser.add_argument(
        "--scenario",
        type=Path,
        metavar="FILE",
        help="the scenario to play: a file, or a scenario's name (e.g. tutorial)",
    )
    parser.add_argument("--nato", metavar="LEVEL", help="NATO's player (default: hard)")
    parser.add_argument("--russia", metavar="LEVEL", help="Russia's player (default: hard)")
    parser.add_argument(
        "--games",
        type=whole_number(1, GAMES_MAX),
        default=None,
        metavar="N",
        help=f"games to play (default: 20, or {BALANCE_GAMES} a cell with --balance)",
    )
    parser.add_argument(
        "--seed",
        type=whole_number(0, SEED_MAX),
        default=0,
        metavar="S",
        help=f"the first game's seed ({SEED_IN_WORDS})",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--save-dir",
        type=Path,
        metavar="DIR",
        help="also write each game as a save file there (for `detente report`)",
    )
    parser.add_argument(
        "--balance",
        type=Path,
        metavar="FILE",
        help="play every level against every level from both sides and print the table",
    )
    handlers["sim"] = run


def run(args: argparse.Namespace) -> int:
    """Play the games and print the summary (or the balance table)."""
    from game.ai import PLAYER_NAMES
    from game.commands.scenario_name import missing_hint, scenario_path
    from game.scenario import ScenarioError, load

    path = args.balance or args.scenario
    if path is None:
        print("sim needs --scenario FILE (or --balance FILE)", file=sys.stderr)
        return 2
    if args.balance and (args.scenario or args.nato or args.russia or args.save_dir):
        print(
            "--balance plays every level against every level of its own scenario: leave out "
            "--scenario, --nato, --russia and --save-dir",
            file=sys.stderr,
        )
        return 2
    nato, russia = args.nato or "hard", args.russia or "hard"
    for name in (nato, russia):
        if name not in PLAYER_NAMES:
            known = ", ".join(PLAYER_NAMES)
            print(f"unknown player '{name}': choose one of {known}", file=sys.stderr)
            return 2
    games = args.games if args.games is not None else (BALANCE_GAMES if args.balance else 20)
    if args.seed + games - 1 > SEED_MAX:
        # Games are played on seeds seed, seed+1, ...: each must be a seed a save can hold.
        print(
            f"--seed {args.seed} with {plural(games, 'game')} goes past the last seed "
            f"({SEED_MAX}): use a seed of at most {SEED_MAX - games + 1}",
            file=sys.stderr,
        )
        return 2
    path = scenario_path(path)
    hint = missing_hint(path)
    if hint is not None:
        print(f"detente sim: {hint}", file=sys.stderr)
        return 1
    try:
        scenario = load(path)
    except ScenarioError as error:
        print_problems(path, error.problems)
        return 1
    if args.balance:
        return _balance(scenario, games, args.seed, args.json)
    if args.save_dir is not None:
        # Found out before the games are played (a long series may take minutes), not after.
        problem = unwritable_folder(args.save_dir)
        if problem is not None:
            print(f"cannot write saves to {args.save_dir}: {problem}", file=sys.stderr)
            return 1
    return _series(scenario, nato, russia, games, args.seed, args.json, path, args.save_dir)


def _series(
    scenario: Any,
    nato: str,
    russia: str,
    games: int,
    seed: int,
    as_json: bool,
    scenario_path: Path,
    save_dir: Path | None,
) -> int:
    from game.ai import make_player
    from game.ai.match import play_series

    bar = Progress(games, sys.stderr)
    results, summary = play_series(
        scenario,
        lambda side, s: make_player(nato, side, s),
        lambda side, s: make_player(russia, side, s),
        games,
        seed,
        bar.update,
    )
    bar.done()
    saved = True
    if save_dir is not None:
        written = _save_games(results, scenario_path, save_dir, nato, russia)
        if written is not None:
            print(f"wrote {plural(written, 'save file')} to {save_dir}", file=sys.stderr)
        saved = written is not None
    # The figures are printed even when the saves failed: the games were played all the same.
    _print_summary(scenario, summary, nato, russia, games, as_json)
    return 0 if saved else 1


def unwritable_folder(folder: Path) -> str | None:
    """Why no save can be written in `folder` (made if need be), or None if one can."""
    import tempfile

    from game.saves.unwritable import unwritable_reason

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return unwritable_reason(folder, error) or error.strerror or str(error)
    return None


def _print_summary(
    scenario: Any, summary: Any, nato: str, russia: str, games: int, as_json: bool
) -> None:
    """The series' figures: one JSON object, or a few lines for people."""
    data = summary.to_dict()
    if as_json:
        print(json.dumps({"scenario": scenario.id, "nato": nato, "russia": russia, **data}))
        return
    us, them = scenario.sides.nato.short, scenario.sides.russia.short
    print(f"{scenario.title}: {nato} ({us}) against {russia} ({them}), {plural(games, 'game')}")
    print(f"  agreement rate      {summary.agreement_rate:.0%}")
    print(
        f"  mean score          {us} {summary.mean_score['nato']:.1f}, "
        f"{them} {summary.mean_score['russia']:.1f}"
    )
    print(f"  mean shared score   {summary.mean_shared_score:.1f}")
    tiers = ", ".join(f"{tier} {count}" for tier, count in summary.tiers.items())
    print(f"  tiers               {tiers}")
    print(f"  mean rounds         {summary.mean_rounds:.1f}")
    point = summary.nash_point
    print(
        f"  Nash distance       {summary.mean_nash_distance:.3f} on average "
        f"(solution: {us} {point[0]:.2f}, {them} {point[1]:.2f})"
    )
    print("                      how far the agreed packages are from the fairest deal both")
    print("                      sides could sign (the Nash bargaining solution; 0 is that deal)")


def _save_games(
    results: Any, scenario_path: Path, save_dir: Path, nato: str, russia: str
) -> int | None:
    """Write each game as a save; the count written, or None (with a message) on failure."""
    from game.saves import SaveError, save_simulated_game

    try:
        for result in results:
            state = result.state
            save_simulated_game(
                state,
                scenario_path,
                save_dir,
                difficulty=f"{nato} vs {russia}",
                name=f"{state.scenario_id}-{nato}-vs-{russia}-seed{state.seed}",
            )
    except (OSError, SaveError) as error:
        print(f"could not write saves to {save_dir}: {error}", file=sys.stderr)
        return None
    return len(results)


def _balance(scenario: Any, games: int, seed: int, as_json: bool) -> int:
    from game.ai import LEVELS, make_player
    from game.ai.match import play_series

    bar = Progress(games * len(LEVELS) ** 2, sys.stderr)
    cells: dict[tuple[str, str], dict[str, float]] = {}
    done = 0
    for nato in LEVELS:
        for russia in LEVELS:
            results, summary = play_series(
                scenario,
                _factory(make_player, nato),
                _factory(make_player, russia),
                games,
                seed,
                _offset(bar, done),
            )
            done += games
            wins = sum(r.outcome.nato.score > r.outcome.russia.score for r in results)
            losses = sum(r.outcome.nato.score < r.outcome.russia.score for r in results)
            # Rounded as `sim --json` rounds them: the figures are means of a few games.
            cells[(nato, russia)] = {
                "nato": round(summary.mean_score["nato"], 2),
                "russia": round(summary.mean_score["russia"], 2),
                "nato_wins": wins,
                "russia_wins": losses,
                # How far NATO ends ahead on average (below 0: behind): a flag counts games,
                # and ten wins by a tenth of a point are not ten wins by ten points.
                "margin": round(summary.mean_score["nato"] - summary.mean_score["russia"], 2),
                "agreement_rate": round(summary.agreement_rate, 4),
            }
    bar.done()
    names = (scenario.sides.nato.short, scenario.sides.russia.short)
    flags = _flags(cells, LEVELS, names)
    if as_json:
        document = {
            "scenario": scenario.id,
            "games": games,
            "cells": [
                {"nato_level": n, "russia_level": r, **values} for (n, r), values in cells.items()
            ],
            "flags": flags,
        }
        print(json.dumps(document))
        return 0
    us, them = names
    print(f"{scenario.title}: mean scores {us} / {them}, {plural(games, 'game')} a cell")
    corner = f"{us} \\ {them}"
    # The first column fits the corner: two long names must not push the numbers askew.
    first = max(14, len(corner) + 2)
    print(f"{corner:<{first}}" + "".join(f"{level:>14}" for level in LEVELS))
    for nato in LEVELS:
        row = "".join(
            f"{cells[(nato, russia)]['nato']:>7.1f} /{cells[(nato, russia)]['russia']:>5.1f}"
            for russia in LEVELS
        )
        print(f"{nato:<{first}}{row}")
    for level in LEVELS:
        cell = cells[(level, level)]
        print(
            f"{level} against {level}: {us} wins {int(cell['nato_wins'])}, "
            f"{them} wins {int(cell['russia_wins'])}; {_lead(cell['margin'], names)}"
        )
    for flag in flags:
        print(f"FLAG: {flag}")
    if not flags:
        print("No side wins far more often at equal levels.")
    return 0


def _offset(bar: Progress, base: int) -> Callable[[int], None]:
    return lambda count: bar.update(base + count)


def _factory(make: Callable[..., Any], name: str) -> Callable[..., Any]:
    return lambda side, seed: make(name, side, seed)


def _lead(margin: float, names: tuple[str, str]) -> str:
    """Who ends ahead on average and by how much, in words; `names` NATO's first."""
    if abs(margin) < 0.005:
        return "even on average"
    ahead = names[0] if margin > 0 else names[1]
    return f"{ahead} ahead by {abs(margin):.2f} points on average"


def _flags(
    cells: dict[tuple[str, str], dict[str, float]],
    levels: tuple[str, ...],
    names: tuple[str, str],
) -> list[str]:
    """A sentence for each equal-level pairing one side wins far more often; `names` are
    the sides' short names, NATO's first."""
    flags = []
    for level in levels:
        cell = cells[(level, level)]
        decided = cell["nato_wins"] + cell["russia_wins"]
        if decided == 0:
            continue
        for side, wins in zip(names, (cell["nato_wins"], cell["russia_wins"]), strict=True):
            if wins / decided >= FAR_MORE:
                flags.append(
                    f"{side} wins {int(wins)} of {int(decided)} decided games at {level} "
                    # The lead, not "by": one large loss can put the side that won most behind.
                    f"against {level} ({_lead(cell['margin'], names)})"
                )
    return flags


class Progress:
    """A progress bar on a terminal; silent when the output is piped."""

    def __init__(self, total: int, stream: TextIO) -> None:
        """A bar for `total` games written to `stream`."""
        self.total = total
        self.stream = stream
        self.active = stream.isatty()

    def update(self, count: int) -> None:
        """Show that `count` games are done."""
        if not self.active:
            return
        width = 30
        filled = int(width * count / max(1, self.total))
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {count}/{self.total} games")
        self.stream.flush()

    def done(self) -> None:
        """Clear the bar."""
        if self.active:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
