"""A pure model of a saved game for the replay viewer: every state, move by move.

No files and no clock here: it is built from a scenario, a seed and a move list, and gives
the states, both sides' views and private values at any point, and branches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from game.engine import Applied, State, View, apply, describe_move, new_game, view
from game.engine.handlers import perform
from game.engine.moves import Move, Terms
from game.engine.state import LogEntry, Pair, Status
from game.engine.trust import fading_sentences, trust_of
from game.saves.errors import SaveError
from game.scenario.models import Scenario, SideId


def play_moves(scenario: Scenario, seed: int, moves: Sequence[Move]) -> tuple[State, ...]:
    """The state before any move and after each one; SaveError names the first bad move."""
    state = new_game(scenario, seed)
    states = [state]
    for number, move in enumerate(moves, start=1):
        try:
            result = apply(state, move)
        except (KeyError, ValueError, TypeError, StopIteration) as error:
            # An edited id the rules do not know can surface as a lookup failure.
            raise SaveError(f"move {number} is not legal in this game: {_unknown(error)}") from None
        if not isinstance(result, Applied):
            raise SaveError(f"move {number} is not legal in this game: {result.message}")
        state = result.state
        states.append(state)
    return tuple(states)


def _unknown(error: Exception) -> str:
    """A lookup failure in words: the id a move names that the scenario does not have."""
    key = error.args[0] if isinstance(error, KeyError) and error.args else None
    if isinstance(key, str):
        return f"it names '{key}', which this scenario does not have"
    return "it names something this scenario does not have"


def trust_pair(state: State) -> Pair:
    """Both trust levels of a state: nato = NATO's trust in Russia."""
    return Pair(trust_of(state, SideId.NATO), trust_of(state, SideId.RUSSIA))


@dataclass(frozen=True)
class Step:
    """One move of the game with the states around it and the log lines it added."""

    number: int
    """1 for the first move."""
    round: int
    move: Move
    text: str
    log: tuple[LogEntry, ...]
    before: State
    after: State
    """After the move and all it led to: when it ended a round, the next round has begun."""
    moved: State
    """Straight after the move's own consequences, before the round or the game ended.

    So before the fading of trust as the next round begins, and before its news.
    """

    @property
    def side(self) -> SideId:
        """The side that made the move."""
        return self.move.side


@dataclass(frozen=True)
class Moment:
    """One point of the game the replay viewer stops at.

    The opening; straight after each move; and, after a move that ended a round, the next
    round's beginning on its own: trust fades and the round's news comes between the two,
    so the numbers the move's own log gives are seen before they change.
    """

    index: int
    """How many moves had been made (0: the opening)."""
    begins: int | None
    """The round that has just begun (1 at the opening), or None straight after a move."""
    state: State

    @property
    def round(self) -> int:
        """The round this moment is in: a new game branched here starts that round over."""
        return self.state.round


@dataclass(frozen=True)
class ProposalValues:
    """What one proposal is worth to each side at one point (the "both sides" view)."""

    id: str
    title: str
    status: Status
    terms: Terms
    value: Pair
    """Raw value to each side (-10..10), before the trust discount."""
    effective: tuple[float, float]
    """(NATO, Russia): the value each side counts, after its trust discount."""


def proposal_values(state: State) -> tuple[ProposalValues, ...]:
    """Every proposal's value to both sides in a state (private to each side)."""
    nato, russia = view(state, SideId.NATO), view(state, SideId.RUSSIA)
    rows = []
    for ours, theirs in zip(nato.proposals, russia.proposals, strict=True):
        rows.append(
            ProposalValues(
                ours.id,
                ours.title,
                ours.status,
                ours.chosen,
                Pair(ours.own_raw_value, theirs.own_raw_value),
                (ours.own_value, theirs.own_value),
            )
        )
    return tuple(rows)


class Replay:
    """A finished or saved game, to step through forward and back."""

    def __init__(self, scenario: Scenario, seed: int, moves: Sequence[Move]) -> None:
        self.scenario = scenario
        self.seed = seed
        self.moves = tuple(moves)
        self.states = play_moves(scenario, seed, self.moves)

    @property
    def count(self) -> int:
        """How many moves the game has."""
        return len(self.moves)

    @property
    def final(self) -> State:
        """The state after the last move."""
        return self.states[-1]

    def state(self, index: int) -> State:
        """The state after `index` moves (0: the opening), clamped to the game."""
        return self.states[max(0, min(self.count, index))]

    def step(self, number: int) -> Step:
        """Move `number` (1..count) with its states and log."""
        if not 1 <= number <= self.count:
            raise IndexError(f"there is no move {number} (the game has {self.count})")
        before, after = self.states[number - 1], self.states[number]
        move = self.moves[number - 1]
        return Step(
            number,
            before.round,
            move,
            describe_move(self.scenario, move, short=False, before=before),
            after.log[len(before.log) :],
            before,
            after,
            perform(before, move),
        )

    def steps(self) -> list[Step]:
        """Every move in order."""
        return [self.step(number) for number in range(1, self.count + 1)]

    def opening(self) -> tuple[LogEntry, ...]:
        """The log lines before the first move (the opening and round 1's news)."""
        return self.states[0].log

    def view(self, index: int, side: SideId) -> View:
        """What `side` saw after `index` moves."""
        return view(self.state(index), side)

    def trust(self, index: int) -> Pair:
        """Both trust levels after `index` moves: nato = NATO's trust in Russia."""
        return trust_pair(self.state(index))

    def trust_lines(self) -> list[Pair]:
        """Both trust levels after every move, from the opening on (count + 1 points)."""
        return [self.trust(index) for index in range(self.count + 1)]

    def values(self, index: int) -> tuple[ProposalValues, ...]:
        """Every proposal's value to both sides after `index` moves (private to each side)."""
        return proposal_values(self.state(index))

    @cached_property
    def fading(self) -> dict[int, tuple[str, ...]]:
        """How trust faded as each round began, in the log's words (the log has no line)."""
        faded: dict[int, tuple[str, ...]] = {}
        for step in self.steps():
            if step.after.round > step.before.round:
                faded[step.after.round] = tuple(fading_sentences(step.moved).values())
        return faded

    @cached_property
    def moments(self) -> tuple[Moment, ...]:
        """Every point to stop at, in order: the opening, then each move and, where the move
        ended a round and the game goes on, the next round's beginning."""
        moments = [Moment(0, 1, self.states[0])]
        for step in self.steps():
            if step.after.round > step.before.round and not step.after.over:
                moments.append(Moment(step.number, None, step.moved))
                moments.append(Moment(step.number, step.after.round, step.after))
            else:
                # Within a round, and at the end, nothing happens after the move's own
                # consequences that the move's log does not say.
                moments.append(Moment(step.number, None, step.after))
        return tuple(moments)

    def moment_of(self, index: int) -> int:
        """Where in `moments` the state straight after `index` moves is (the opening at 0),
        with `index` clamped to the game."""
        index = max(0, min(self.count, index))
        return next(n for n, moment in enumerate(self.moments) if moment.index == index)

    @cached_property
    def round_starts(self) -> dict[int, int]:
        """For each round a game can branch from: how many moves were made before it began."""
        starts: dict[int, int] = {}
        for index, state in enumerate(self.states):
            if not state.over and state.round not in starts:
                starts[state.round] = index
        return starts

    def branch_moves(self, round_number: int) -> tuple[Move, ...]:
        """The moves made before `round_number` began: a new game starts from there."""
        if round_number not in self.round_starts:
            rounds = ", ".join(str(r) for r in sorted(self.round_starts))
            raise ValueError(f"cannot branch from round {round_number} (rounds: {rounds})")
        return self.moves[: self.round_starts[round_number]]

    def branch(self, round_number: int) -> State:
        """A new game at the start of `round_number`, as this game stood then."""
        return self.states[len(self.branch_moves(round_number))]
