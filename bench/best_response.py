"""Best response in the tutorial: every line of one side's moves against a fixed baseline,
played to the end, to show how well any play at all could do against it.

`python -m bench best_response` (part of `make bench`). The tutorial is small enough (four
rounds, a few thousand lines of play) to search exhaustively, and the baselines decide the
same way in the same position, so each line of our moves is exactly one game.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from game.ai import Player, make_player
from game.ai.match import PlayerFactory, play_game, player_seed
from game.engine import apply, is_over, legal_moves, new_game, outcome, view
from game.engine.describe import describe_move
from game.engine.moves import Move, WalkOut
from game.engine.results import Rejected
from game.engine.state import State
from game.scenario import load
from game.scenario.models import SideId

TUTORIAL = Path(__file__).resolve().parents[1] / "scenarios" / "tutorial.yaml"
OPPONENTS = ("hardliner", "tft")
SEED = 0

Row = tuple[str, str, str]


@dataclass(frozen=True)
class Line:
    """One line of play: our moves and how the game ended for both sides."""

    own: float
    theirs: float
    moves: tuple[Move, ...]


@dataclass(frozen=True)
class Search:
    """What an exhaustive search of our lines of play found."""

    lines: int
    best: Line
    """The line with our highest score."""
    best_ahead: Line | None
    """Our highest score among the lines that finish ahead of the opponent."""


def advance(state: State, move: Move) -> State:
    """The state after a legal move (an illegal one here is a bug in the search)."""
    result = apply(state, move)
    if isinstance(result, Rejected):
        raise RuntimeError(f"{move!r} was not legal: {result.message}")
    return result.state


def best_response(state: State, side: SideId, opponent: Player) -> Search:
    """Play every sequence of `side`'s legal moves (walking out aside) against `opponent`
    from `state` to the end of the game."""
    lines: list[Line] = []

    def explore(state: State, player: Player, moves: tuple[Move, ...]) -> None:
        if is_over(state):
            result = outcome(state)
            lines.append(Line(result.of(side).score, result.of(side.other).score, moves))
            return
        if state.to_move is side:
            for move in legal_moves(state, side):
                if not isinstance(move, WalkOut):
                    explore(advance(state, move), player, (*moves, move))
            return
        # The opponent remembers what it has seen: each branch needs its own copy.
        mover = copy.deepcopy(player)
        decision = mover.choose(view(state, state.to_move), legal_moves(state, state.to_move))
        explore(advance(state, decision.move), mover, moves)

    explore(state, opponent, ())
    ahead = [line for line in lines if line.own > line.theirs]
    return Search(
        len(lines),
        max(lines, key=lambda line: line.own),
        max(ahead, key=lambda line: line.own, default=None),
    )


def main() -> list[Row]:
    """Rows of (benchmark, figure, value): the best lines against each baseline, from both
    sides, beside what hard gets in the same game."""
    scenario = load(TUTORIAL)
    rows: list[Row] = []
    for name in OPPONENTS:
        for side in SideId:
            opponent = make_player(name, side.other, player_seed(SEED, side.other))
            search = best_response(new_game(scenario, SEED), side, opponent)
            label = f"tutorial as {scenario.sides.of(side).short} vs {name}"
            rows.append((label, "lines of play searched", str(search.lines)))
            rows.append((label, "best own / their score", _pair(search.best)))
            # Statements and gestures carry their effects in brackets: the names are enough here.
            moves = "; ".join(
                describe_move(scenario, move).split(" (support")[0].split(" (their trust")[0]
                for move in search.best.moves
            )
            rows.append((label, "best line, our moves", moves))
            ahead = search.best_ahead
            rows.append(
                (label, "best own / their score, ahead of it", _pair(ahead) if ahead else "none")
            )

            game = play_game(scenario, *_seats(side, name), SEED).outcome
            hard = Line(game.of(side).score, game.of(side.other).score, ())
            rows.append((label, "hard's own / their score", _pair(hard)))
    return rows


def _seats(side: SideId, name: str) -> tuple[PlayerFactory, PlayerFactory]:
    """Player factories for NATO and Russia: hard in `side`'s seat, the baseline in the other."""

    def hard(seat: SideId, seed: int) -> Player:
        return make_player("hard", seat, seed)

    def baseline(seat: SideId, seed: int) -> Player:
        return make_player(name, seat, seed)

    return (hard, baseline) if side is SideId.NATO else (baseline, hard)


def _pair(line: Line) -> str:
    return f"{line.own:.1f} / {line.theirs:.1f}"


if __name__ == "__main__":
    for row in main():
        print(" | ".join(row))
