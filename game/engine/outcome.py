"""The result of a game: the agreed package, each side's score, the shared score, a tier."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from game.engine import constants as C
from game.engine.moves import Terms
from game.engine.state import State, Status
from game.engine.trust import mean_trust, trust_of
from game.engine.values import best_total, effective_value
from game.scenario.models import SideId


class Tier(str, Enum):
    """How the talks ended, from worst to best."""

    BREAKDOWN = "breakdown"
    STALEMATE = "stalemate"
    LIMITED = "limited cooperation"
    PARTNERSHIP = "partnership"


@dataclass(frozen=True)
class AgreedItem:
    """One proposal in the agreed package, with its final terms."""

    proposal: str
    title: str
    terms: Terms
    round: int


@dataclass(frozen=True)
class SideScore:
    """One side's score and the three parts it is made of."""

    package: float
    """Share of the side's best possible package value, -1..1."""
    support: int
    trust: float
    score: float
    """0..100: 60 x package + 20 x support/100 + 20 x mean trust/100."""


@dataclass(frozen=True)
class Outcome:
    """How the game ended and what each side got."""

    package: tuple[AgreedItem, ...]
    nato: SideScore
    russia: SideScore
    shared: float
    """The Nash product of both scores, as a geometric mean on the 0..100 scale."""
    tier: Tier
    ended_by: str
    """deadline, signed, walk_out or in_progress."""

    def of(self, side: SideId) -> SideScore:
        """One side's score."""
        return self.nato if side is SideId.NATO else self.russia


def package_value(state: State, side: SideId) -> float:
    """The side's value of the agreed package as a share of its best, clamped to -1..1."""
    scenario = state.scenario
    trust = trust_of(state, side)
    total = 0.0
    for live in state.proposals:
        if live.status is Status.AGREED:
            proposal = scenario.proposal(live.id)
            total += effective_value(proposal, live.terms, side, trust, live.value_shift.of(side))
    shifts = {live.id: live.value_shift.of(side) for live in state.proposals}
    return max(-1.0, min(1.0, total / best_total(scenario, side, shifts)))


def side_score(state: State, side: SideId) -> SideScore:
    """Score one side."""
    package = package_value(state, side)
    support = state.support.of(side)
    trust = mean_trust(state)
    raw = (
        C.PACKAGE_WEIGHT * package + C.SUPPORT_WEIGHT * support / 100 + C.TRUST_WEIGHT * trust / 100
    )
    return SideScore(round(package, 4), support, trust, round(max(0.0, min(100.0, raw)), 2))


def outcome(state: State) -> Outcome:
    """Score the game as it stands (final once `is_over`)."""
    scenario = state.scenario
    package = tuple(
        AgreedItem(live.id, scenario.proposal(live.id).title, live.terms, live.agreed_round or 0)
        for live in state.proposals
        if live.status is Status.AGREED
    )
    nato, russia = side_score(state, SideId.NATO), side_score(state, SideId.RUSSIA)
    shared = round(math.sqrt(nato.score * russia.score), 2)
    if state.walked_out is not None or mean_trust(state) < C.BREAKDOWN_TRUST:
        tier = Tier.BREAKDOWN
    elif not package:
        tier = Tier.STALEMATE
    elif (
        min(nato.package, russia.package) >= C.PARTNERSHIP_VALUE
        and mean_trust(state) >= C.PARTNERSHIP_TRUST
    ):
        tier = Tier.PARTNERSHIP
    else:
        tier = Tier.LIMITED
    if state.walked_out is not None:
        ended_by = "walk_out"
    elif state.signed:
        ended_by = "signed"
    elif state.over:
        ended_by = "deadline"
    else:
        ended_by = "in_progress"
    return Outcome(package, nato, russia, shared, tier, ended_by)
