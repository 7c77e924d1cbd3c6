"""The game state: immutable, plain data that serialises to JSON and back."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from game.engine.moves import Move, Terms
from game.scenario.models import Scenario, SideId


class Status(str, Enum):
    """Where a proposal stands."""

    AVAILABLE = "available"
    TABLED = "tabled"
    AMENDED = "amended"
    AGREED = "agreed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def on_table(self) -> bool:
        """Whether the proposal is on the table (tabled or amended)."""
        return self in (Status.TABLED, Status.AMENDED)


class Direction(str, Enum):
    """A direction of trust: who trusts whom."""

    NATO_IN_RUSSIA = "nato_in_russia"
    RUSSIA_IN_NATO = "russia_in_nato"

    @staticmethod
    def of(truster: SideId) -> Direction:
        """The trust that `truster` has in the other side."""
        return Direction.NATO_IN_RUSSIA if truster is SideId.NATO else Direction.RUSSIA_IN_NATO

    @property
    def truster(self) -> SideId:
        """The side whose trust this is."""
        return SideId.NATO if self is Direction.NATO_IN_RUSSIA else SideId.RUSSIA


@dataclass(frozen=True)
class Pair:
    """One integer for each side."""

    nato: int
    russia: int

    def of(self, side: SideId) -> int:
        """The number for `side`."""
        return self.nato if side is SideId.NATO else self.russia

    def with_value(self, side: SideId, value: int) -> Pair:
        """A copy with `side`'s number replaced."""
        return Pair(value, self.russia) if side is SideId.NATO else Pair(self.nato, value)


@dataclass(frozen=True)
class SideNames:
    """The name each side has in sentences: the scenario's short names."""

    nato: str
    russia: str

    @staticmethod
    def of_scenario(scenario: Scenario) -> SideNames:
        """The short names a scenario gives its sides."""
        return SideNames(scenario.sides.nato.short, scenario.sides.russia.short)

    def of(self, side: SideId) -> str:
        """The name of `side`."""
        return self.nato if side is SideId.NATO else self.russia


@dataclass(frozen=True)
class TrustModifier:
    """A named, fading change to one direction of trust."""

    direction: Direction
    reason: str
    size: int
    fade: int
    round: int


@dataclass(frozen=True)
class ProposalState:
    """The live status of one proposal."""

    id: str
    status: Status = Status.AVAILABLE
    tabled_by: SideId | None = None
    terms: Terms = ()
    accepted_by: tuple[SideId, ...] = ()
    rejected_terms: tuple[Terms, ...] = ()
    value_shift: Pair = Pair(0, 0)
    agreed_round: int | None = None


@dataclass(frozen=True)
class OpenObjection:
    """An objection raised against a proposal and not yet answered."""

    objection: str
    proposal: str
    side: SideId
    round: int
    tried: tuple[str, ...] = ()


@dataclass(frozen=True)
class Commitment:
    """A promise of restraint a side made with a gesture, and whether it was kept."""

    side: SideId
    made_round: int
    until_round: int
    status: str = "open"  # open, kept or broken


@dataclass(frozen=True)
class LogEntry:
    """One sentence of the game's log."""

    round: int
    side: SideId | None
    kind: str
    text: str


@dataclass(frozen=True)
class TrustPoint:
    """Both trust levels at a moment, for the trust-over-time chart."""

    round: int
    nato_in_russia: int
    russia_in_nato: int


@dataclass(frozen=True)
class State:
    """Everything about a game in progress; change it only through `apply`.

    `scenario` is the rule book the state is played on; it is not part of the saved data
    (saves name it by id and hash) and not part of equality.
    """

    scenario: Scenario = field(compare=False, repr=False)
    scenario_id: str
    seed: int
    round: int
    rounds: int
    to_move: SideId
    moved_this_round: int
    base_trust: Pair
    modifiers: tuple[TrustModifier, ...]
    support: Pair
    proposals: tuple[ProposalState, ...]
    objections: tuple[OpenObjection, ...]
    answered: tuple[tuple[str, str], ...]
    commitments: tuple[Commitment, ...]
    events_fired: tuple[tuple[str, int], ...]
    log: tuple[LogEntry, ...]
    trust_track: tuple[TrustPoint, ...]
    moves: tuple[Move, ...]
    rng: int
    passes_in_row: int = 0
    walked_out: SideId | None = None
    signed: bool = False
    over: bool = False

    @property
    def names(self) -> SideNames:
        """The sides' names for the log's sentences."""
        return SideNames.of_scenario(self.scenario)

    def proposal(self, proposal_id: str) -> ProposalState:
        """The live status of a proposal (a KeyError for an unknown id is a bug)."""
        for item in self.proposals:
            if item.id == proposal_id:
                return item
        raise KeyError(proposal_id)
