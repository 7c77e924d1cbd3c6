"""The Nash bargaining solution of a scenario: the feasible package that maximises the product
of both sides' gains over disagreement (nothing agreed), on the package-value scale."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import product

import numpy as np
import numpy.typing as npt

from game.engine.moves import Terms
from game.engine.values import best_total, effective_value, signable, terms_with_defaults
from game.scenario.models import Proposal, Scenario, SideId

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int32]

MAX_OPTIONS = 256
"""At most this many term combinations of one proposal are scored (the Pareto-best are kept)."""


@dataclass(frozen=True)
class NashSolution:
    """The Nash bargaining solution: the package, both sides' values of it, and their product."""

    package: tuple[tuple[str, Terms], ...]
    """(proposal id, full terms) for every proposal in the package, in scenario order."""
    nato: float
    russia: float
    product: float

    @property
    def point(self) -> tuple[float, float]:
        """The (nato, russia) package values."""
        return (self.nato, self.russia)


def proposal_options(
    scenario: Scenario, proposal: Proposal, trust: tuple[int, int]
) -> list[tuple[Terms, float, float]]:
    """Every term combination neither side's red lines forbid, with (nato, russia) values."""
    ordered = sorted(proposal.terms, key=lambda term: term.id)
    combos = list(product(*[[(term.id, v.id) for v in term.variants] for term in ordered]))
    options = []
    for combo in combos[: MAX_OPTIONS * 4]:
        terms = terms_with_defaults(proposal, tuple(combo))
        if not signable(scenario, proposal.id, terms):
            continue
        options.append(
            (
                terms,
                effective_value(proposal, terms, SideId.NATO, trust[0]),
                effective_value(proposal, terms, SideId.RUSSIA, trust[1]),
            )
        )
    return _pareto_options(options)[:MAX_OPTIONS]


def nash_solution(
    scenario: Scenario, trust: tuple[int, int] | None = None, limit: int | None = None
) -> NashSolution:
    """The Nash bargaining solution, with the scenario's starting trust for the discount.

    Feasible packages respect `requires` and both sides' red lines, and hold at most `limit`
    proposals (default: the scenario's rounds, since every agreement takes a move from each
    side: one tables, the other accepts). The search is exact: package values are sums over
    proposals, so keeping only the Pareto-best partial packages (per set of prerequisites
    included and per size) loses nothing.
    """
    if trust is None:
        trust = (scenario.trust.nato_in_russia, scenario.trust.russia_in_nato)
    if limit is None:
        limit = scenario.rounds
    scale = np.array([best_total(scenario, SideId.NATO), best_total(scenario, SideId.RUSSIA)])
    needed = {req for proposal in scenario.proposals for req in proposal.requires}
    order = _topological(scenario)
    index = {proposal.id: i for i, proposal in enumerate(order)}
    terms_of: list[list[Terms]] = []
    # Frontier per set of prerequisites included: points (k, 2) and option choices (k, n).
    frontiers: dict[tuple[frozenset[str], int], tuple[FloatArray, IntArray]] = {
        (frozenset(), 0): (np.zeros((1, 2)), np.full((1, len(order)), -1, dtype=np.int32))
    }
    for proposal in order:
        options = proposal_options(scenario, proposal, trust)
        terms_of.append([terms for terms, _, _ in options])
        values = np.array([[n, r] for _, n, r in options]).reshape(-1, 2) / scale
        column = index[proposal.id]
        grown: dict[tuple[frozenset[str], int], list[tuple[FloatArray, IntArray]]] = {}
        for key, (points, choices) in frontiers.items():
            grown.setdefault(key, []).append((points, choices))
            included, size = key
            if not options or not set(proposal.requires) <= included or size >= limit:
                continue
            joined = (points[:, None, :] + values[None, :, :]).reshape(-1, 2)
            picked = np.repeat(choices, len(options), axis=0)
            picked[:, column] = np.tile(np.arange(len(options), dtype=np.int32), len(points))
            new_included = included | {proposal.id} if proposal.id in needed else included
            grown.setdefault((new_included, size + 1), []).append((joined, picked))
        frontiers = {
            key: _pareto(
                np.concatenate([p for p, _ in parts]), np.concatenate([c for _, c in parts])
            )
            for key, parts in grown.items()
        }
    points = np.concatenate([p for p, _ in frontiers.values()])
    choices = np.concatenate([c for _, c in frontiers.values()])
    clamped = np.clip(points, -1.0, 1.0)
    gains = np.where((clamped > 0).all(axis=1), clamped[:, 0] * clamped[:, 1], -1.0)
    best = int(np.argmax(gains))
    if gains[best] <= 0:
        return NashSolution((), 0.0, 0.0, 0.0)
    package = tuple(
        (order[i].id, terms_of[i][int(choices[best, i])])
        for i in range(len(order))
        if choices[best, i] >= 0
    )
    in_scenario_order = tuple(
        sorted(package, key=lambda item: scenario.proposals.index(scenario.proposal(item[0])))
    )
    nato, russia = float(clamped[best, 0]), float(clamped[best, 1])
    return NashSolution(
        in_scenario_order, round(nato, 4), round(russia, 4), round(nato * russia, 6)
    )


def package_point(
    scenario: Scenario,
    package: list[tuple[str, Terms]] | tuple[tuple[str, Terms], ...],
    trust: tuple[int, int] | None = None,
) -> tuple[float, float]:
    """Both sides' values of a package on the solution's scale (starting trust, no shifts),
    so that an outcome and the solution are measured the same way."""
    if trust is None:
        trust = (scenario.trust.nato_in_russia, scenario.trust.russia_in_nato)
    point = []
    for side, level in zip((SideId.NATO, SideId.RUSSIA), trust, strict=True):
        total = sum(
            effective_value(scenario.proposal(pid), terms, side, level) for pid, terms in package
        )
        point.append(max(-1.0, min(1.0, total / best_total(scenario, side))))
    return (point[0], point[1])


def nash_distance(point: tuple[float, float], nbs: tuple[float, float]) -> float:
    """Euclidean distance between an outcome's (nato, russia) package values and the solution."""
    return math.hypot(point[0] - nbs[0], point[1] - nbs[1])


def _pareto_options(
    options: list[tuple[Terms, float, float]],
) -> list[tuple[Terms, float, float]]:
    """Drop term combinations that another combination beats for both sides."""
    kept: list[tuple[Terms, float, float]] = []
    for option in options:
        dominated = any(
            other[1] >= option[1] and other[2] >= option[2] and other[1:] != option[1:]
            for other in options
        )
        duplicate = any(other[1:] == option[1:] for other in kept)
        if not dominated and not duplicate:
            kept.append(option)
    return kept


def _pareto(points: FloatArray, choices: IntArray) -> tuple[FloatArray, IntArray]:
    """The Pareto frontier of a set of (nato, russia) points, with their choices."""
    order = np.lexsort((-points[:, 1], -points[:, 0]))
    points, choices = points[order], choices[order]
    best_before = np.maximum.accumulate(np.concatenate([[-np.inf], points[:-1, 1]]))
    keep = points[:, 1] > best_before + 1e-12
    return points[keep], choices[keep]


def _topological(scenario: Scenario) -> list[Proposal]:
    """Proposals with every prerequisite before the proposals that need it."""
    placed: list[Proposal] = []
    seen: set[str] = set()

    def visit(proposal: Proposal, path: frozenset[str]) -> None:
        """Place a proposal after its prerequisites (a cycle is cut where it closes)."""
        if proposal.id in seen or proposal.id in path:
            return
        for req in proposal.requires:
            if req in scenario.proposal_by_id:
                visit(scenario.proposal(req), path | {proposal.id})
        seen.add(proposal.id)
        placed.append(proposal)

    for proposal in scenario.proposals:
        visit(proposal, frozenset())
    return placed
