"""The four difficulty levels: each an offering strategy, an opponent model and an acceptance
rule, plus how much it minds trust."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.ai.models import BayesModel, FrequencyModel, Model

LEVELS = ("easy", "medium", "hard", "expert")
RECIPROCITY = 0.12
"""How much a reciprocal level raises its aim per unit of the other side's toughness."""
LEVEL_NAMES: dict[str, str] = {
    "easy": "Junior envoy",
    "medium": "Career diplomat",
    "hard": "Chief negotiator",
    "expert": "Grand strategist",
}
LEVEL_STYLES: dict[str, str] = {
    "easy": "Gives ground early and takes most reasonable offers.",
    "medium": "Gives ground steadily and answers your concessions.",
    "hard": "Asks much and concedes late, but takes a fair deal rather than lose a round.",
    "expert": "Like the chief negotiator, but plans to the deadline.",
}
"""How each level negotiates, in a line a student choosing an opponent can read."""


@dataclass(frozen=True)
class Style:
    """How one level negotiates."""

    level: str
    curve: float
    """Concession speed: above 1 concedes early (Conceder), below 1 holds out (Boulware)."""
    floor: float
    """The lowest share of a proposal's best value it will ever settle for."""
    model: type[Model]
    offer: str
    """How it picks terms to offer: `concede` (just above its aim), `tradeoff` (as good for
    us, best for them), `expected` (chance of acceptance times our value)."""
    reciprocal: bool = False
    """Whether its concessions answer the other side's."""
    fair_end: bool = False
    """Whether it switches to a fair offer near the deadline."""
    careful: bool = False
    """Whether low trust makes it wary of promises and of the other side's objections."""
    logroll: bool = False
    """Whether it will accept a small loss to even out a package that favours it."""
    lookahead: bool = False
    """Whether it plays candidate moves out to the deadline against likely opponents."""
    idle_firm: bool = True
    """Whether it talks tough for support at home when there is nothing better to do."""
    answers: bool = True
    """Whether it answers objections to the other side's proposals (every level answers an
    objection that blocks its own offer: otherwise that offer could never be agreed)."""
    thrift: float = 0.0
    """How much it counts the move a long-shot offer or a counter wastes when moves are
    scarce (0: not at all, 1: the full worth of the last deal it crowds out)."""

    def aim(self, progress: float, firmness: float = 0.0) -> float:
        """The share of each proposal's best value it aims for at this point of the talks."""
        drop = float(progress ** (1.0 / self.curve))
        aim = self.floor + (1.0 - self.floor) * (1.0 - drop)
        if self.reciprocal:
            aim += RECIPROCITY * firmness
        return max(self.floor, min(1.0, aim))


STYLES: dict[str, Style] = {
    "easy": Style(
        "easy",
        curve=3.0,
        floor=0.0,
        model=Model,
        offer="concede",
        idle_firm=False,
        answers=False,
    ),
    "medium": Style(
        "medium",
        curve=1.0,
        floor=0.3,
        model=FrequencyModel,
        offer="tradeoff",
        reciprocal=True,
        logroll=True,
        thrift=1.0,
    ),
    "hard": Style(
        "hard",
        curve=0.5,
        floor=0.1,
        model=BayesModel,
        offer="expected",
        reciprocal=True,
        fair_end=True,
        careful=True,
        logroll=True,
        thrift=1.0,
    ),
}
# The expert is hard plus the look-ahead, nothing else: it plays as hard does unless a
# look-ahead finds a better move, so the two must never drift apart in their settings.
STYLES["expert"] = replace(STYLES["hard"], level="expert", lookahead=True)
