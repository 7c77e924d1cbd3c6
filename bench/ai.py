"""Computer players: decision time, the level ladder, play against the baselines, distance
from the Nash bargaining solution in self-play, and the hardliner-until-the-deadline check.

`python -m bench ai` (part of `make bench`); `python -m bench.ai` prints the same rows.
The tournament runs in two worker processes; the timing runs in this process, alone.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import pairwise
from pathlib import Path

from game.ai import BASELINES, LEVELS, Decision, Player, make_player
from game.ai.match import play_game
from game.engine.moves import Move
from game.engine.view import View
from game.scenario import load
from game.scenario.models import SideId

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
GAMES = 12
"""Games per pairing, scenario and side in the tournament."""
TIMED_GAMES = 3
"""Self-play games per level and scenario whose every decision is timed."""
WORKERS = 2

Row = tuple[str, str, str]
Game = tuple[str, str, str, int, float, float, bool, float]
"""(scenario, NATO player, Russia player, seed, NATO score, Russia score, agreed, distance)."""


class _Timed(Player):
    """Wraps a player and records how long each decision takes."""

    def __init__(self, inner: Player, times: list[float]) -> None:
        super().__init__(inner.side, inner.seed)
        self.inner = inner
        self.name = inner.name
        self.times = times

    def choose(self, view: View, legal: Sequence[Move]) -> Decision:
        """Time the wrapped player's decision."""
        started = time.perf_counter()
        decision = self.inner.choose(view, legal)
        self.times.append(time.perf_counter() - started)
        return decision


def _paths() -> list[Path]:
    return sorted(SCENARIOS.glob("*.yaml"))


def decision_times() -> dict[str, list[float]]:
    """Seconds per decision for each level, over self-play on every shipped scenario."""
    times: dict[str, list[float]] = {level: [] for level in LEVELS}
    for path in _paths():
        scenario = load(path)
        for level in LEVELS:
            for seed in range(TIMED_GAMES):

                def timed(side: SideId, player_seed: int, level: str = level) -> Player:
                    """The level's player, timed."""
                    return _Timed(make_player(level, side, player_seed), times[level])

                play_game(scenario, timed, timed, seed)
    return times


def _play(job: tuple[str, str, str, int]) -> Game:
    path, nato, russia, seed = job
    scenario = load(path)
    result = play_game(
        scenario,
        lambda side, s: make_player(nato, side, s),
        lambda side, s: make_player(russia, side, s),
        seed,
    )
    return (
        Path(path).stem,
        nato,
        russia,
        seed,
        result.outcome.nato.score,
        result.outcome.russia.score,
        result.agreed,
        result.nash_distance,
    )


def tournament(games: int = GAMES, workers: int = WORKERS) -> list[Game]:
    """Every level against every level and baseline, and the bluffer against hard, from both
    sides, on every shipped scenario."""
    pairs = {(a, b) for a in LEVELS for b in (*LEVELS, *BASELINES)}
    pairs |= {(b, a) for a, b in pairs}
    pairs |= {("bluffer", "hard"), ("hard", "bluffer")}
    jobs = [
        (str(path), nato, russia, seed)
        for path in _paths()
        for nato, russia in sorted(pairs)
        for seed in range(games)
    ]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_play, jobs, chunksize=8))


def own_scores(results: list[Game]) -> dict[tuple[str, str, str], list[float]]:
    """Scores by (player, opponent, side it played)."""
    scores: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for _, nato, russia, _, nato_score, russia_score, _, _ in results:
        scores[(nato, russia, "nato")].append(nato_score)
        scores[(russia, nato, "russia")].append(russia_score)
    return scores


def ladder(results: list[Game], sides: tuple[str, ...] = ("nato", "russia")) -> dict[str, float]:
    """Each level's mean own score against the same opponents (baselines and levels), playing
    `sides`, each opponent and side weighted equally."""
    return _level_means(results, sides, level_scores=True)


def opponents_scores(results: list[Game]) -> dict[str, float]:
    """What the same opponents (baselines and levels) score against each level, from both
    sides, each opponent and side weighted equally: how hard the level is to play against."""
    return _level_means(results, ("nato", "russia"), level_scores=False)


def _level_means(
    results: list[Game], sides: tuple[str, ...], level_scores: bool
) -> dict[str, float]:
    """Per level, the mean over opponents and `sides` of the level's own scores or, without
    `level_scores`, of its opponents' scores (`sides` is then the side the opponent played)."""
    scores = own_scores(results)
    opponents = (*BASELINES, *LEVELS)
    return {
        level: statistics.mean(
            statistics.mean(
                scores[(level, opponent, side) if level_scores else (opponent, level, side)]
            )
            for opponent in opponents
            for side in sides
        )
        for level in LEVELS
    }


def against(results: list[Game], player: str, opponent: str) -> tuple[float, float, float]:
    """(player's mean score, opponent's mean score, agreement rate) over both sides."""
    mine, theirs, agreed = [], [], []
    for _, nato, russia, _, nato_score, russia_score, deal, _ in results:
        if (nato, russia) == (player, opponent):
            mine.append(nato_score)
            theirs.append(russia_score)
            agreed.append(deal)
        if (nato, russia) == (opponent, player):
            mine.append(russia_score)
            theirs.append(nato_score)
            agreed.append(deal)
    return statistics.mean(mine), statistics.mean(theirs), sum(agreed) / len(agreed)


def nash_distance(results: list[Game], level: str) -> dict[str, float]:
    """Mean distance from the Nash bargaining solution in self-play, per scenario and overall."""
    by_scenario: dict[str, list[float]] = defaultdict(list)
    for scenario, nato, russia, _, _, _, _, distance in results:
        if nato == russia == level:
            by_scenario[scenario].append(distance)
    means = {name: statistics.mean(values) for name, values in sorted(by_scenario.items())}
    means["all"] = statistics.mean(means.values())
    return means


def main() -> list[Row]:
    """Rows of (benchmark, figure, value)."""
    rows: list[Row] = []
    times = decision_times()
    for level in LEVELS:
        ordered = sorted(times[level])
        p95 = ordered[int(len(ordered) * 0.95)] * 1e3
        median = statistics.median(ordered) * 1e3
        rows.append((f"decision {level}", "median / p95", f"{median:.1f} ms / {p95:.1f} ms"))
    results = tournament()
    rising = True
    for sides in (("nato", "russia"), ("nato",), ("russia",)):
        scores = ladder(results, sides)
        played = " and ".join(sides)
        for level in LEVELS:
            rows.append((f"ladder {level} as {played}", "mean own score", f"{scores[level]:.2f}"))
        rising &= all(scores[a] < scores[b] for a, b in pairwise(LEVELS))
    verdict = "yes" if rising else "NO"
    rows.append(("ladder", "each level above the one below, from both sides", verdict))
    for level, conceded in opponents_scores(results).items():
        rows.append((f"against {level}", "opponents' mean score", f"{conceded:.2f}"))
    for level in ("hard", "expert"):
        for opponent in dict.fromkeys((*BASELINES, "hard", level)):
            mine, theirs, agreed = against(results, level, opponent)
            rows.append(
                (
                    f"{level} vs {opponent}",
                    "own / their score, agreement",
                    f"{mine:.1f} / {theirs:.1f}, {agreed:.0%}",
                )
            )
    for scenario, distance in nash_distance(results, "hard").items():
        rows.append((f"hard self-play {scenario}", "mean Nash distance", f"{distance:.3f}"))
    bluff, _, _ = against(results, "bluffer", "hard")
    self_play, _, _ = against(results, "hard", "hard")
    verdict = "ok" if bluff <= self_play else "EXPLOITED"
    rows.append(
        (
            "hardliner-until-deadline vs hard",
            "its score / hard self-play",
            f"{bluff:.1f} / {self_play:.1f} ({verdict})",
        )
    )
    return rows


if __name__ == "__main__":
    for row in main():
        print(" | ".join(row))
