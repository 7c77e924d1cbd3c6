"""Engine speed: moves applied per second and time to list legal moves, per shipped scenario."""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from game.engine import apply, is_over, legal_moves, new_game, to_move
from game.engine.state import State
from game.scenario import load

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
RUNS = 5
GAMES_PER_RUN = 60


def _games(scenario_path: Path) -> tuple[float, float, float]:
    """One run: moves per second, median and p95 legal-move listing time (ms)."""
    scenario = load(scenario_path)
    listing: list[float] = []
    applying = 0.0
    moves = 0
    for seed in range(GAMES_PER_RUN):
        rng = random.Random(seed)
        state: State = new_game(scenario, seed)
        while not is_over(state):
            started = time.perf_counter()
            legal = legal_moves(state, to_move(state))
            listing.append(time.perf_counter() - started)
            move = rng.choice(legal)
            started = time.perf_counter()
            state = apply(state, move).state  # type: ignore[union-attr]
            applying += time.perf_counter() - started
            moves += 1
    listing.sort()
    return (
        moves / applying,
        statistics.median(listing) * 1e3,
        listing[int(len(listing) * 0.95)] * 1e3,
    )


def main() -> list[tuple[str, str, str]]:
    """Rows of (benchmark, figure, value): medians over several runs."""
    rows = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        runs = [_games(path) for _ in range(RUNS)]
        rate = statistics.median(r[0] for r in runs)
        median_ms = statistics.median(r[1] for r in runs)
        p95_ms = statistics.median(r[2] for r in runs)
        rows += [
            (f"engine {path.stem}", "moves applied per second", f"{rate:,.0f}"),
            (
                f"engine {path.stem}",
                "legal_moves median / p95",
                f"{median_ms:.3f} ms / {p95_ms:.3f} ms",
            ),
        ]
    return rows


if __name__ == "__main__":
    for row in main():
        print(" | ".join(row))
