"""Opponent models: what the other side's values probably are, learnt only from what it does."""

from __future__ import annotations

import numpy as np

from game.ai.board import Board
from game.ai.layout import FloatArray, Layout
from game.ai.observe import Seen

_STEEP = 0.9
"""How sharply the other side's choices follow its values (a logit choice model)."""


def _sigmoid(x: FloatArray) -> FloatArray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0)))


def prior_means(board: Board, layout: Layout) -> tuple[FloatArray, FloatArray]:
    """Our prior guess of the other side's base value of each proposal and of each variant.

    A proposal only they may table is probably one they want; a term that helps us probably
    costs them (most terms in a negotiation trade one side's gain for the other's).
    """
    base = np.zeros(len(layout.proposals))
    for number, pid in enumerate(layout.proposals):
        may = board.proposals[pid].may_table
        if board.other in may and board.side not in may:
            base[number] = 4.0
        elif board.other in may:
            base[number] = 3.0
        else:
            base[number] = 1.0
    return base, -0.8 * layout.own_variant_delta


class Model:
    """No model: the prior guess, never updated (the easy level plays without one)."""

    label = "none"

    def __init__(self, board: Board, layout: Layout, rng: np.random.Generator) -> None:
        """Start from the prior."""
        self.layout = layout
        self.rng = rng
        self.base, self.delta = prior_means(board, layout)

    def observe(self, board: Board, seen: list[Seen]) -> None:
        """Learn from the other side's moves (the plain model learns nothing)."""

    def raw(self) -> FloatArray:
        """The estimated raw value of every option to the other side, shape (n,)."""
        values = self.base[self.layout.owner] + self.delta @ self.layout.incidence
        return np.clip(values, -10.0, 10.0)

    def values(self, board: Board) -> FloatArray:
        """The estimated effective value of every option to the other side now."""
        return self.layout.effective(self.raw(), board.their_trust)

    def scale(self) -> float:
        """The estimated best total of the other side (its package-value scale)."""
        best = self.layout.best_per_proposal(self.raw())
        return float(max(1.0, np.clip(best, 0.0, 10.0).sum()))

    def accept_chance(self, board: Board) -> FloatArray:
        """The chance the other side accepts each option now, if it were on the table."""
        values = self.values(board)
        best = self.layout.best_per_proposal(values)[self.layout.owner]
        threshold = 0.35 * (1.0 - board.progress) * np.maximum(best, 0.0)
        chance: FloatArray = _sigmoid(_STEEP * (values - threshold - 0.5))
        return chance

    def package_value(
        self, board: Board, options: list[tuple[str, tuple[tuple[str, str], ...]]]
    ) -> float:
        """The estimated value to the other side of a set of options, on its package scale."""
        if not options:
            return 0.0
        values = self.values(board)
        total = sum(float(values[self.layout.of(pid, terms)]) for pid, terms in options)
        return total / self.scale()


class FrequencyModel(Model):
    """Counts what the other side tables, accepts, amends towards and turns down."""

    label = "frequency"

    def observe(self, board: Board, seen: list[Seen]) -> None:
        """Nudge the estimates by each move seen."""
        layout = self.layout
        for item in seen:
            if item.proposal is None or item.proposal not in layout.slices:
                continue
            number = layout.proposals.index(item.proposal)
            # Withdrawing an objection takes back what raising it said against the proposal.
            step = {
                "table": 1.5,
                "accept": 1.0,
                "reject": -2.0,
                "object": -1.0,
                "withdraw_objection": 1.0,
            }.get(item.kind)
            if item.kind == "ignore":
                step = -0.3
            if item.kind == "withdraw":
                step = -0.8
            if step is not None:
                self.base[number] = float(np.clip(self.base[number] + step, -10, 10))
            chosen = set(item.terms)
            if item.kind in ("table", "accept", "amend"):
                self._shift(item.proposal, chosen - set(item.before), 1.2)
            if item.kind == "amend":
                self._shift(item.proposal, set(item.before) - chosen, -1.2)
            if item.kind in ("reject", "ignore"):
                self._shift(item.proposal, chosen, -0.4)

    def _shift(self, pid: str, pairs: set[tuple[str, str]], step: float) -> None:
        for term, variant in pairs:
            key = (pid, term, variant)
            if key in self.layout.variant_keys:
                index = self.layout.variant_keys.index(key)
                self.delta[index] = float(np.clip(self.delta[index] + step, -10, 10))


class BayesModel(Model):
    """A few hundred weighted guesses of the other side's values, reweighted by Bayes' rule
    after every move it makes."""

    label = "bayes"

    def __init__(
        self, board: Board, layout: Layout, rng: np.random.Generator, size: int = 300
    ) -> None:
        """Draw the hypotheses from the prior."""
        super().__init__(board, layout, rng)
        self.size = size
        self.bases = self.base + rng.normal(0.0, 3.0, (size, len(layout.proposals)))
        self.deltas = self.delta + rng.normal(0.0, 1.8, (size, layout.variant_count))
        self.toughness = rng.uniform(0.0, 0.7, size)
        """Each hypothesis's demand: the share of its best it holds out for at the start."""
        # Red lines are private, so some hypotheses rule out options: most often the terms
        # that favour us most (a side's red line is usually the other side's dream).
        favours_us = (layout.own_variant_delta @ layout.incidence) > 0
        odds = np.where(favours_us, 0.3, 0.03)
        self.forbidden = rng.random((size, layout.size)) < odds
        self.log_weights = np.zeros(size)
        self._cache: FloatArray | None = None

    def hypotheses_raw(self) -> FloatArray:
        """Raw option values under every hypothesis, shape (h, n)."""
        if self._cache is None:
            values = self.bases[:, self.layout.owner] + self.deltas @ self.layout.incidence
            self._cache = np.clip(values, -10.0, 10.0)
        return self._cache

    def weights(self) -> FloatArray:
        """The normalised weight of each hypothesis."""
        shifted = np.exp(self.log_weights - self.log_weights.max())
        normalised: FloatArray = shifted / shifted.sum()
        return normalised

    def raw(self) -> FloatArray:
        """The posterior mean raw value of every option."""
        mean: FloatArray = self.weights() @ self.hypotheses_raw()
        return mean

    def scale(self) -> float:
        """The posterior mean best total of the other side."""
        best = self.layout.best_per_proposal(self.hypotheses_raw())
        totals = np.maximum(1.0, np.clip(best, 0.0, 10.0).sum(axis=1))
        return float(self.weights() @ totals)

    def _thresholds(self, values: FloatArray, progress: float) -> FloatArray:
        best = self.layout.best_per_proposal(values)[:, self.layout.owner]
        return self.toughness[:, None] * (1.0 - progress) * np.maximum(best, 0.0)

    def accept_chance(self, board: Board) -> FloatArray:
        """The posterior chance of acceptance of every option."""
        values = self.layout.effective(self.hypotheses_raw(), board.their_trust)
        chance = _sigmoid(_STEEP * (values - self._thresholds(values, board.progress) - 0.5))
        chance = np.where(self.forbidden, 0.0, chance)
        result: FloatArray = self.weights() @ chance
        return result

    def observe(self, board: Board, seen: list[Seen]) -> None:
        """Reweight every hypothesis by how likely it makes each move seen."""
        if not seen:
            return
        layout = self.layout
        values = layout.effective(self.hypotheses_raw(), board.their_trust)
        thresholds = self._thresholds(values, board.progress)
        for item in seen:
            if item.proposal is None or item.proposal not in layout.slices:
                continue
            try:
                option = layout.of(item.proposal, item.terms)
            except KeyError:
                continue
            value = values[:, option]
            margin = value - thresholds[:, option]
            allowed = ~self.forbidden[:, option]
            if item.kind in ("table", "amend", "accept"):
                # They put their name to these terms: not a red line of theirs.
                self.log_weights += np.where(allowed, 0.0, -20.0)
            if item.kind == "table":
                span = values[:, layout.slices[item.proposal]]
                choice = _STEEP * (value - span.max(axis=1)) - np.log(
                    np.exp(_STEEP * (span - span.max(axis=1, keepdims=True))).sum(axis=1)
                )
                self.log_weights += choice + np.log(_sigmoid(_STEEP * value) + 1e-9)
            elif item.kind == "amend":
                before = layout.of(item.proposal, item.before)
                self.log_weights += np.log(_sigmoid(_STEEP * (value - values[:, before])) + 1e-9)
                # Amending away from terms also turns those terms down.
                refused = values[:, before] - thresholds[:, before]
                self.log_weights += np.log(_sigmoid(-_STEEP * refused) + 1e-9)
            elif item.kind == "accept":
                self.log_weights += np.log(_sigmoid(_STEEP * (margin + 0.5)) + 1e-9)
            elif item.kind == "reject":
                self.log_weights += np.log(_sigmoid(-_STEEP * margin) + 1e-9)
            elif item.kind == "ignore":
                passed = 0.6 + 0.4 * _sigmoid(-_STEEP * margin)
                self.log_weights += np.log(np.where(allowed, passed, 1.0))
            elif item.kind == "object":
                self.log_weights += np.log(0.5 + 0.5 * _sigmoid(-_STEEP * (value - 2.0)))
        self._resample()

    def _resample(self) -> None:
        """Replace a collapsed population with jittered copies of the likely hypotheses."""
        weights = self.weights()
        effective = 1.0 / float((weights**2).sum())
        if effective >= self.size / 4:
            return
        positions = (self.rng.random() + np.arange(self.size)) / self.size
        picks = np.minimum(np.searchsorted(np.cumsum(weights), positions), self.size - 1)
        self.bases = self.bases[picks] + self.rng.normal(0.0, 0.6, self.bases.shape)
        self.deltas = self.deltas[picks] + self.rng.normal(0.0, 0.4, self.deltas.shape)
        self.toughness = np.clip(
            self.toughness[picks] + self.rng.normal(0.0, 0.05, self.size), 0.0, 0.9
        )
        self.forbidden = self.forbidden[picks]
        self.log_weights = np.zeros(self.size)
        self._cache = None
