"""What one side may see: `view(state, side)` is the only door to hidden information."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.effects import unmet
from game.engine.moves import Terms
from game.engine.state import (
    Commitment,
    Direction,
    LogEntry,
    Pair,
    SideNames,
    State,
    Status,
    TrustModifier,
    TrustPoint,
)
from game.engine.trust import trust_level, trust_of
from game.engine.values import effective_kind, effective_value, raw_value, terms_with_defaults
from game.scenario.models import Citation, ProposalKind, SideId


@dataclass(frozen=True)
class VariantView:
    """A variant of a term as one side sees it: its own value change, not the other's."""

    id: str
    label: str
    summary: str | None
    kind: ProposalKind | None
    own_delta: int


@dataclass(frozen=True)
class TermView:
    """An amendable term with its variants and the one currently chosen."""

    id: str
    label: str
    variants: tuple[VariantView, ...]
    current: str


@dataclass(frozen=True)
class ProposalView:
    """A proposal as one side sees it."""

    id: str
    title: str
    summary: str
    kind: ProposalKind
    """The kind of the terms as they stand (a chosen variant may override the proposal's own)."""
    base_kind: ProposalKind
    """The proposal's own kind, before any variant overrides it."""
    status: Status
    tabled_by: SideId | None
    may_table: tuple[SideId, ...]
    terms: tuple[TermView, ...]
    chosen: Terms
    accepted_by: tuple[SideId, ...]
    requires: tuple[str, ...]
    own_value: float
    own_raw_value: int
    citation: Citation | None
    """Where a source proposes or mentions it (the scenario's, public to both)."""


@dataclass(frozen=True)
class ObjectionView:
    """An objection that is open against a proposal."""

    objection: str
    proposal: str
    side: SideId
    text: str
    round: int
    answers: tuple[str, ...]
    tried: tuple[str, ...]
    citation: Citation | None = None
    """Where a source voices it (the scenario's, public to both)."""


@dataclass(frozen=True)
class ArgumentView:
    """One of the viewing side's arguments: its chance, its cost, and what it still needs."""

    id: str
    title: str
    chance: float
    """The chance it settles the objection when its condition holds."""
    support_cost: int
    unmet: tuple[str, ...]
    """Why it cannot work now, in the log's words (its condition's unmet parts); empty when
    it can."""


@dataclass(frozen=True)
class View:
    """Everything `side` may see, and nothing of the other side's private values or red lines."""

    side: SideId
    scenario_id: str
    title: str
    names: SideNames
    """The sides' names in sentences (the log's), for the computer's explanations."""
    round: int
    rounds: int
    deadline: str
    to_move: SideId
    over: bool
    trust: Pair
    """`nato` is NATO's trust in Russia, `russia` is Russia's trust in NATO."""
    trust_modifiers: tuple[TrustModifier, ...]
    trust_track: tuple[TrustPoint, ...]
    support: Pair
    proposals: tuple[ProposalView, ...]
    objections: tuple[ObjectionView, ...]
    commitments: tuple[Commitment, ...]
    events_fired: tuple[tuple[str, int], ...]
    log: tuple[LogEntry, ...]
    priorities: tuple[str, ...]
    red_lines: tuple[str, ...]
    hints: tuple[str, ...]
    arguments: tuple[ArgumentView, ...] = ()
    """The side's own arguments for answering objections (the scenario's, public to both)."""

    def proposal(self, proposal_id: str) -> ProposalView:
        """The view of one proposal."""
        for item in self.proposals:
            if item.id == proposal_id:
                return item
        raise KeyError(proposal_id)

    def argument(self, argument_id: str) -> ArgumentView:
        """The view of one of the side's arguments."""
        for item in self.arguments:
            if item.id == argument_id:
                return item
        raise KeyError(argument_id)


def view(state: State, side: SideId) -> View:
    """Build what `side` may see of `state`."""
    scenario = state.scenario
    own_trust = trust_of(state, side)
    proposals = []
    for live in state.proposals:
        proposal = scenario.proposal(live.id)
        chosen = terms_with_defaults(proposal, live.terms)
        current = dict(chosen)
        terms = tuple(
            TermView(
                term.id,
                term.label,
                tuple(
                    VariantView(v.id, v.label, v.summary, v.kind, v.value.of(side))
                    for v in term.variants
                ),
                current[term.id],
            )
            for term in proposal.terms
        )
        shift = live.value_shift.of(side)
        proposals.append(
            ProposalView(
                id=proposal.id,
                title=proposal.title,
                summary=proposal.summary,
                kind=effective_kind(proposal, chosen),
                base_kind=proposal.kind,
                status=live.status,
                tabled_by=live.tabled_by,
                may_table=tuple(proposal.tabled_by),
                terms=terms,
                chosen=chosen,
                accepted_by=live.accepted_by,
                requires=tuple(proposal.requires),
                own_value=round(effective_value(proposal, chosen, side, own_trust, shift), 3),
                own_raw_value=raw_value(proposal, chosen, side, shift),
                citation=proposal.citation,
            )
        )
    objections = tuple(
        ObjectionView(
            item.objection,
            item.proposal,
            item.side,
            scenario.objection(item.objection).text,
            item.round,
            tuple(scenario.objection(item.objection).answers),
            item.tried,
            scenario.objection(item.objection).citation,
        )
        for item in state.objections
    )
    own = scenario.sides.of(side)
    return View(
        side=side,
        scenario_id=scenario.id,
        title=scenario.title,
        names=state.names,
        round=state.round,
        rounds=state.rounds,
        deadline=scenario.deadline,
        to_move=state.to_move,
        over=state.over,
        trust=Pair(
            trust_level(state, Direction.NATO_IN_RUSSIA),
            trust_level(state, Direction.RUSSIA_IN_NATO),
        ),
        trust_modifiers=state.modifiers,
        trust_track=state.trust_track,
        support=state.support,
        proposals=tuple(proposals),
        objections=objections,
        commitments=state.commitments,
        events_fired=state.events_fired,
        log=state.log,
        priorities=tuple(own.priorities),
        red_lines=tuple(line.text for line in own.red_lines),
        hints=tuple(
            hint.text
            for hint in scenario.hints
            if not state.over
            and hint.round == state.round
            and hint.side in (None, side)
            and not unmet(state, hint.when)
        ),
        arguments=tuple(
            ArgumentView(
                argument.id,
                argument.title,
                argument.chance,
                argument.cost.support,
                tuple(unmet(state, argument.condition)),
            )
            for argument in scenario.arguments
            if argument.side is side
        ),
    )
