"""Computer against computer: play whole games without a screen and sum up the results."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from game.ai.player import Player
from game.engine import Outcome, Rejected, apply, is_over, legal_moves, new_game, outcome, view
from game.engine.bargaining import NashSolution, nash_distance, nash_solution, package_point
from game.engine.state import State
from game.scenario.models import Scenario, SideId

PlayerFactory = Callable[[SideId, int], Player]


@dataclass(frozen=True)
class GameResult:
    """How one game ended."""

    outcome: Outcome
    rounds: int
    moves: int
    point: tuple[float, float]
    """The agreed package valued like the Nash solution (starting trust, no shifts)."""
    nash_distance: float
    state: State = field(repr=False, compare=False)

    @property
    def agreed(self) -> bool:
        """Whether the talks ended with something agreed and nobody walking out."""
        return self.outcome.tier.value in ("limited cooperation", "partnership")


def player_seed(game_seed: int, side: SideId) -> int:
    """The seed a player gets in a game, different for each side and game."""
    return game_seed * 7919 + (1 if side is SideId.NATO else 2)


def play_game(
    scenario: Scenario,
    nato: PlayerFactory,
    russia: PlayerFactory,
    seed: int,
    solution: NashSolution | None = None,
) -> GameResult:
    """Play one game to the end; a player's illegal move is a bug and raises RuntimeError."""
    players = {
        SideId.NATO: nato(SideId.NATO, player_seed(seed, SideId.NATO)),
        SideId.RUSSIA: russia(SideId.RUSSIA, player_seed(seed, SideId.RUSSIA)),
    }
    solution = solution or nash_solution(scenario)
    state = new_game(scenario, seed)
    moves = 0
    while not is_over(state):
        side = state.to_move
        legal = legal_moves(state, side)
        decision = players[side].choose(view(state, side), legal)
        result = apply(state, decision.move)
        if isinstance(result, Rejected):
            raise RuntimeError(f"{players[side].name} made an illegal move: {result.message}")
        state = result.state
        moves += 1
    final = outcome(state)
    point = package_point(scenario, [(item.proposal, item.terms) for item in final.package])
    return GameResult(final, state.round, moves, point, nash_distance(point, solution.point), state)


@dataclass(frozen=True)
class Summary:
    """The figures of a series of games."""

    games: int
    agreement_rate: float
    mean_score: dict[str, float]
    mean_shared_score: float
    tiers: dict[str, int]
    mean_rounds: float
    mean_nash_distance: float
    nash_point: tuple[float, float]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping."""
        return {
            "games": self.games,
            "agreement_rate": round(self.agreement_rate, 4),
            "mean_score": {k: round(v, 2) for k, v in self.mean_score.items()},
            "mean_shared_score": round(self.mean_shared_score, 2),
            "tiers": dict(self.tiers),
            "mean_rounds": round(self.mean_rounds, 2),
            "mean_nash_distance": round(self.mean_nash_distance, 4),
            "nash_point": {"nato": self.nash_point[0], "russia": self.nash_point[1]},
        }


def summarise(results: list[GameResult], solution: NashSolution) -> Summary:
    """Sum up a series of games."""
    count = max(1, len(results))
    tiers = Counter(r.outcome.tier.value for r in results)
    return Summary(
        games=len(results),
        agreement_rate=sum(r.agreed for r in results) / count,
        mean_score={
            "nato": sum(r.outcome.nato.score for r in results) / count,
            "russia": sum(r.outcome.russia.score for r in results) / count,
        },
        mean_shared_score=sum(r.outcome.shared for r in results) / count,
        tiers={
            tier: tiers.get(tier, 0)
            for tier in ("breakdown", "stalemate", "limited cooperation", "partnership")
        },
        mean_rounds=sum(r.rounds for r in results) / count,
        mean_nash_distance=sum(r.nash_distance for r in results) / count,
        nash_point=solution.point,
    )


def play_series(
    scenario: Scenario,
    nato: PlayerFactory,
    russia: PlayerFactory,
    games: int,
    seed: int,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[GameResult], Summary]:
    """Play `games` games with seeds seed, seed+1, ...; `progress` is told after each."""
    solution = nash_solution(scenario)
    results = []
    for number in range(games):
        results.append(play_game(scenario, nato, russia, seed + number, solution))
        if progress is not None:
            progress(number + 1)
    return results, summarise(results, solution)
