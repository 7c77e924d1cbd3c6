"""What a side can work out from its view alone: its own value of every proposal on any terms."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from game.engine.moves import Terms
from game.engine.state import Status
from game.engine.values import trust_factor
from game.engine.view import ProposalView, View
from game.scenario.models import ProposalKind, SideId


@dataclass(frozen=True)
class Option:
    """One way to agree a proposal (its full terms) and what it is worth to us."""

    proposal: str
    terms: Terms
    raw: int
    kind: ProposalKind
    value: float
    """Our effective value at our current trust in the other side."""


def kind_label(kind: ProposalKind) -> str:
    """A few words for a kind of commitment, for explanations."""
    return {
        ProposalKind.PROMISE: "a political promise",
        ProposalKind.STRUCTURAL: "a joint structure",
        ProposalKind.VERIFIABLE: "a verifiable step",
        ProposalKind.LEGALLY_BINDING: "a legally binding text",
    }[kind]


class Board:
    """The position as one side sees it, with its own values of every option worked out."""

    def __init__(self, view: View) -> None:
        """Read `view` and work out our value of every option."""
        self.view = view
        self.side: SideId = view.side
        self.other: SideId = view.side.other
        self.trust = view.trust.of(self.side)
        """Our trust in the other side."""
        self.their_trust = view.trust.of(self.other)
        """The other side's trust in us."""
        self.proposals = {p.id: p for p in view.proposals}
        self.options: dict[str, list[Option]] = {}
        self.best: dict[str, float] = {}
        scale = 0
        for proposal in view.proposals:
            # The proposal's own kind: a variant that is not chosen now may override it.
            base_kind = proposal.base_kind
            base_raw = proposal.own_raw_value - sum(
                variant.own_delta
                for term in proposal.terms
                for variant in term.variants
                if variant.id == term.current
            )
            options = []
            for combo in _combos(proposal):
                chosen = dict(combo)
                raw = base_raw
                kind = base_kind
                for term in proposal.terms:
                    variant = next(v for v in term.variants if v.id == chosen[term.id])
                    raw += variant.own_delta
                    if variant.kind is not None:
                        kind = variant.kind
                raw = max(-10, min(10, raw))
                value = raw * trust_factor(kind, self.trust) if raw > 0 else float(raw)
                options.append(Option(proposal.id, combo, raw, kind, value))
            self.options[proposal.id] = options
            self.best[proposal.id] = max(option.value for option in options)
            scale += max(0, min(10, max(option.raw for option in options)))
        self.scale = float(max(scale, 1))
        """Our best total: the package-value scale, as the engine scores it."""
        round_started = any(
            entry.kind == "move" and entry.round == view.round for entry in view.log
        )
        self.second = round_started
        """Whether the other side has already moved this round."""
        self.rounds_left = max(0, view.rounds - view.round)
        """Whole rounds after this one."""
        total = max(1, view.rounds)
        self.progress = min(1.0, (view.round - 1 + (0.5 if round_started else 0.0)) / total)
        """How far the talks are toward the deadline, 0 to 1."""

    def option(self, proposal_id: str, terms: Terms) -> Option:
        """The option of a proposal with these (full or partial) terms."""
        proposal = self.proposals[proposal_id]
        full = dict(proposal.chosen)
        full.update(dict(terms))
        key = tuple(sorted(full.items()))
        for option in self.options[proposal_id]:
            if option.terms == key:
                return option
        raise KeyError((proposal_id, terms))

    def current(self, proposal_id: str) -> Option:
        """The option now on the table (or the default terms) for a proposal."""
        return self.option(proposal_id, self.proposals[proposal_id].chosen)

    def share(self, option: Option) -> float:
        """An option's value as a share of the best this proposal can give us."""
        best = self.best[option.proposal]
        if best <= 0:
            return -1.0 if option.value < best else 0.0
        return option.value / best

    def status(self, proposal_id: str) -> Status:
        """Where a proposal stands."""
        return self.proposals[proposal_id].status

    def agreed(self) -> list[Option]:
        """The options agreed so far."""
        return [self.current(p.id) for p in self.view.proposals if p.status is Status.AGREED]

    def agreed_value(self) -> float:
        """Our value of the package agreed so far, on the package scale."""
        return sum(option.value for option in self.agreed()) / self.scale

    def on_table(self) -> list[ProposalView]:
        """Proposals on the table now."""
        return [p for p in self.view.proposals if p.status.on_table]

    def blocked(self, proposal_id: str) -> bool:
        """Whether an open objection blocks a proposal."""
        return any(o.proposal == proposal_id for o in self.view.objections)

    def title(self, proposal_id: str) -> str:
        """A proposal's title."""
        return self.proposals[proposal_id].title


def terms_words(board: Board, option: Option) -> str:
    """The option's variant labels, e.g. "Legally binding treaty"; empty for no terms."""
    proposal = board.proposals[option.proposal]
    chosen = dict(option.terms)
    labels = []
    for term in proposal.terms:
        variant = next(v for v in term.variants if v.id == chosen[term.id])
        labels.append(variant.label)
    return ", ".join(labels)


def _combos(proposal: ProposalView) -> list[Terms]:
    """Every full combination of the proposal's terms, sorted by term id."""
    if not proposal.terms:
        return [()]
    ordered = sorted(proposal.terms, key=lambda term: term.id)
    return [
        tuple(combo)
        for combo in product(*[[(term.id, v.id) for v in term.variants] for term in ordered])
    ]
