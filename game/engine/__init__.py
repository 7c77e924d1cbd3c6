"""The negotiation engine: pure rules, no pygame, no files, no clock, no global random.

Everything else (screens, computer players, command line, tests) drives these functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.checks import check, legal_moves
from game.engine.describe import describe_move
from game.engine.effects import log
from game.engine.handlers import perform
from game.engine.moves import Move
from game.engine.outcome import Outcome, Tier, outcome
from game.engine.results import Applied, Rejected
from game.engine.rng import seed_state
from game.engine.serial import from_dict, to_dict
from game.engine.state import Direction, Pair, ProposalState, State
from game.engine.trust import fading_sentences
from game.engine.turns import after_move, start_round
from game.engine.view import View, view
from game.scenario.models import Scenario, SideId

__all__ = [
    "Applied",
    "Move",
    "Outcome",
    "Rejected",
    "State",
    "Tier",
    "View",
    "apply",
    "describe_move",
    "from_dict",
    "is_over",
    "legal_moves",
    "new_game",
    "outcome",
    "replay",
    "round_fading",
    "to_dict",
    "to_move",
    "view",
]


def new_game(scenario: Scenario, seed: int) -> State:
    """A new game of `scenario`; the seed drives every random event and argument roll."""
    state = State(
        scenario=scenario,
        scenario_id=scenario.id,
        seed=seed,
        round=1,
        rounds=scenario.rounds,
        to_move=scenario.first_move,
        moved_this_round=0,
        base_trust=Pair(scenario.trust.nato_in_russia, scenario.trust.russia_in_nato),
        modifiers=(),
        support=Pair(scenario.sides.nato.support, scenario.sides.russia.support),
        proposals=tuple(ProposalState(p.id) for p in scenario.proposals),
        objections=(),
        answered=(),
        commitments=(),
        events_fired=(),
        log=(),
        trust_track=(),
        moves=(),
        rng=seed_state(seed),
    )
    title = scenario.title if scenario.title[-1] in ".?!" else f"{scenario.title}."
    state = log(state, "start", f"Talks open: {title} Deadline: {scenario.deadline}.")
    return start_round(state)


def to_move(state: State) -> SideId:
    """The side whose move it is."""
    return state.to_move


def apply(state: State, move: Move) -> Applied | Rejected:
    """Make a move: the new state and the log lines it added, or why it is not allowed."""
    problem = check(state, move)
    if problem is not None:
        return problem
    new = after_move(perform(state, move), move)
    return Applied(new, new.log[len(state.log) :])


def round_fading(state: State, move: Move) -> dict[Direction, str]:
    """If `move` (legal in `state`) ends the round, what the fading of trust as the next
    round begins does to each level, in words (the log has no line for it)."""
    return fading_sentences(perform(state, move))


def is_over(state: State) -> bool:
    """Whether the game has ended (deadline, signed package or walk-out)."""
    return state.over


def replay(scenario: Scenario, seed: int, moves: Iterable[Move]) -> State:
    """Play `moves` from a new game; raises ValueError at the first illegal move."""
    state = new_game(scenario, seed)
    for number, move in enumerate(moves, start=1):
        result = apply(state, move)
        if isinstance(result, Rejected):
            raise ValueError(f"move {number} ({move!r}) is not legal: {result.message}")
        state = result.state
    return state
