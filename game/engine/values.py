"""What proposals are worth to each side, with terms, shifts and the trust discount."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import product

from game.engine import constants as C
from game.engine.moves import Terms
from game.scenario.models import Proposal, ProposalKind, Scenario, SideId


def terms_with_defaults(proposal: Proposal, terms: Terms) -> Terms:
    """The chosen terms completed with each term's default variant, sorted by term id."""
    chosen = dict(terms)
    return tuple(sorted((term.id, chosen.get(term.id, term.default)) for term in proposal.terms))


def effective_kind(proposal: Proposal, terms: Terms) -> ProposalKind:
    """The proposal's kind, as overridden by the last chosen variant that sets one."""
    chosen = dict(terms)
    kind = proposal.kind
    for term in proposal.terms:
        variant_id = chosen.get(term.id, term.default)
        for variant in term.variants:
            if variant.id == variant_id and variant.kind is not None:
                kind = variant.kind
    return kind


def raw_value(proposal: Proposal, terms: Terms, side: SideId, shift: int = 0) -> int:
    """Base value plus shifts and variant deltas, clamped to -10..10 (no trust discount)."""
    chosen = dict(terms)
    total = proposal.value.of(side) + shift
    for term in proposal.terms:
        variant_id = chosen.get(term.id, term.default)
        for variant in term.variants:
            if variant.id == variant_id:
                total += variant.value.of(side)
    return max(-10, min(10, total))


def trust_factor(kind: ProposalKind, trust: int) -> float:
    """How much of a positive value a side counts, given its trust in the other side."""
    confidence = min(1.0, max(0, trust) / C.FULL_TRUST_AT)
    if kind is ProposalKind.PROMISE:
        return C.PROMISE_FLOOR + (1 - C.PROMISE_FLOOR) * confidence
    if kind is ProposalKind.STRUCTURAL:
        return C.STRUCTURAL_FLOOR + (1 - C.STRUCTURAL_FLOOR) * confidence
    return 1.0


def effective_value(
    proposal: Proposal, terms: Terms, side: SideId, trust: int, shift: int = 0
) -> float:
    """The value a side counts for a proposal: raw value, positive part discounted by trust."""
    value = raw_value(proposal, terms, side, shift)
    if value <= 0:
        return float(value)
    return value * trust_factor(effective_kind(proposal, terms), trust)


def all_terms(proposal: Proposal) -> list[Terms]:
    """Every combination of the proposal's term variants, sorted by term id."""
    if not proposal.terms:
        return [()]
    ordered = sorted(proposal.terms, key=lambda term: term.id)
    choices = [[(term.id, v.id) for v in term.variants] for term in ordered]
    return [tuple(combo) for combo in product(*choices)]


def crosses_red_line(
    scenario: Scenario, side: SideId, proposal_id: str, terms: Terms
) -> str | None:
    """The text of `side`'s red line that these terms of the proposal cross, if any."""
    chosen = dict(terms_with_defaults(scenario.proposal(proposal_id), terms))
    for line in scenario.sides.of(side).red_lines:
        if line.proposal == proposal_id and all(
            chosen.get(term) == variant for term, variant in line.terms.items()
        ):
            return line.text
    return None


def signable(scenario: Scenario, proposal_id: str, terms: Terms) -> bool:
    """Whether both sides could ever agree these terms (neither side's red line bars them)."""
    return not any(crosses_red_line(scenario, side, proposal_id, terms) for side in SideId)


def best_total(scenario: Scenario, side: SideId, shifts: Mapping[str, int] | None = None) -> float:
    """The package-value scale: the sum of a side's best value of each proposal, over the
    terms both sides could sign (a proposal nobody can sign counts 0).

    Counting only what is obtainable keeps the scale fair: a side whose wishes cross the
    other's red lines is not marked down for failing to get them. `shifts` (the side's
    value shift of each proposal, from events) puts the scale on the same footing as the
    values it measures: without them a package raised by news scored above its best and was
    cut to 1.00, as if nothing had been left on the table.
    """
    total = 0
    for proposal in scenario.proposals:
        shift = shifts.get(proposal.id, 0) if shifts else 0
        options = [
            raw_value(proposal, terms, side, shift)
            for terms in all_terms(proposal)
            if signable(scenario, proposal.id, terms)
        ]
        total += max([0, *options])
    return float(max(total, 1))
