"""The one interface every seat plays through: view and legal moves in, move and reason out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from game.engine.moves import Move
from game.engine.view import View
from game.scenario.models import SideId

AIM_WORDS = "we aim for this round"
"""How an explanation names the bar when it is the round's aim."""
HOLD_WORDS = "that holding out for better terms is worth"
"""How it names the bar when holding out is worth less than the aim."""


@dataclass(frozen=True)
class Waiting:
    """The other side's newest offer left waiting, as our acceptance rule saw it."""

    title: str
    value: float
    """What its terms are worth to us (a proposal's own value scale)."""
    share: float
    """The same as a share of the best the proposal could give us."""
    bar: float
    """The share it must reach for us to accept it now."""
    bar_words: str
    barred: bool
    """Whether its terms cross one of our red lines."""


@dataclass(frozen=True)
class Reasons:
    """The numbers and facts a decision was made from; the explanation is formatted from these."""

    action: str
    """What the player does: accept, reject, table, amend, counter, redline (a counter to
    terms that cross our red line), object, answer, firm, conciliatory, gesture, pass or
    walk_out."""
    proposal: str | None = None
    title: str | None = None
    value: float | None = None
    """The value it saw, on the scale named by `scale`."""
    aim: float | None = None
    """The value it aimed for this round, on the same scale."""
    scale: str = "share"
    """`share`: a share of the best this proposal could give us; `package`: the package scale."""
    factors: tuple[tuple[str, float], ...] = ()
    """The largest reasons behind the choice, largest first, with their weights."""
    trust: int = 50
    """The player's trust in the other side when it decided."""
    trust_note: str | None = None
    change: str | None = None
    """What would change its mind."""
    chance: float | None = None
    """Its estimate of the chance the other side accepts, where it used one."""
    note: str | None = None
    bar: str = AIM_WORDS
    """What `aim` is, in words after the number: the round's aim, or the lower bar it
    settled for (what holding out is worth, terms fair to both near the deadline)."""
    bar_why: str | None = None
    """Why the bar is below the round's aim, when it is (said with the bar)."""
    before: float | None = None
    """For a change to our own offer: what the old terms were worth, on the scale of `value`."""
    waiting: Waiting | None = None
    """The other side's newest offer, when this move is about something else, with the
    acceptance rule's numbers for it: the explanation says why it waits."""


@dataclass(frozen=True)
class Decision:
    """A chosen move with the explanation a student reads and the data it was made from."""

    move: Move
    explanation: str
    reasons: Reasons = field(default_factory=lambda: Reasons("pass"))


class Player(ABC):
    """A seat at the table, human-facing or computer: it keeps its own memory between calls."""

    name: str
    """The name `make_player` knows it by (e.g. `hard`, `tft`)."""

    def __init__(self, side: SideId, seed: int = 0) -> None:
        """A player for `side` whose only randomness is a generator seeded from `seed`."""
        self.side = side
        self.seed = seed
        self.rng = np.random.default_rng(seed)

    @abstractmethod
    def choose(self, view: View, legal: Sequence[Move]) -> Decision:
        """Pick one of `legal` for the position in `view`, with an explanation."""
