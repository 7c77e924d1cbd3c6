"""Regenerate the golden transcripts: `make golden` (or `python -m tests.engine.make_golden`).

Run it only after a deliberate change to the rules or to a scenario, and read the diff.
"""

from __future__ import annotations

import random
from pathlib import Path

from game.engine import State, apply, is_over, legal_moves, new_game, outcome, to_move
from game.engine.moves import WalkOut
from game.scenario import load
from game.scenario.models import Scenario

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).resolve().parents[2]
CASES = [
    ("tests/engine/fixtures/rulebook.yaml", 1),
    ("tests/engine/fixtures/rulebook.yaml", 2),
    ("scenarios/tutorial.yaml", 3),
    ("scenarios/2009-brussels.yaml", 4),
    ("scenarios/2011-lisbon-to-chicago.yaml", 5),
]


def seeded_game(scenario: Scenario, seed: int) -> State:
    """A game of seeded random legal moves; nobody walks out, so transcripts run long."""
    rng = random.Random(seed)
    state = new_game(scenario, seed)
    while not is_over(state):
        moves = [m for m in legal_moves(state, to_move(state)) if not isinstance(m, WalkOut)]
        state = apply(state, rng.choice(moves)).state  # type: ignore[union-attr]
    return state


def transcript(state: State) -> str:
    """The game's log and outcome as text."""
    lines = [f"[{entry.round}] {entry.text}" for entry in state.log]
    result = outcome(state)
    lines.append(
        f"OUTCOME: {result.tier.value}; NATO {result.nato.score}, Russia {result.russia.score}, "
        f"shared {result.shared}; ended by {result.ended_by}"
    )
    return "\n".join(lines) + "\n"


def golden_path(source: str, seed: int) -> Path:
    """Where a case's transcript lives."""
    return GOLDEN / f"{Path(source).stem}-seed{seed}.txt"


def main() -> None:
    """Write every golden transcript."""
    GOLDEN.mkdir(exist_ok=True)
    for source, seed in CASES:
        path = golden_path(source, seed)
        path.write_text(transcript(seeded_game(load(ROOT / source), seed)), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
