"""A fixed numbering of every (proposal, terms) option, so models can score them all at once."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from game.ai.board import Board
from game.engine.moves import Terms
from game.engine.values import trust_factor
from game.scenario.models import ProposalKind

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

_KINDS = tuple(ProposalKind)


class Layout:
    """Options numbered 0..n-1, with the matrices that turn per-proposal and per-variant values
    into option values."""

    def __init__(self, board: Board) -> None:
        """Number the options of every proposal in the view."""
        self.proposals: list[str] = list(board.options)
        self.index: dict[tuple[str, Terms], int] = {}
        self.slices: dict[str, slice] = {}
        variants: dict[tuple[str, str, str], int] = {}
        rows: list[list[int]] = []
        owner: list[int] = []
        kinds: list[int] = []
        own_delta: list[int] = []
        for number, pid in enumerate(self.proposals):
            start = len(owner)
            for option in board.options[pid]:
                self.index[(pid, option.terms)] = len(owner)
                owner.append(number)
                kinds.append(_KINDS.index(option.kind))
                row = []
                for term, variant in option.terms:
                    key = (pid, term, variant)
                    if key not in variants:
                        variants[key] = len(variants)
                        view_term = next(t for t in board.proposals[pid].terms if t.id == term)
                        own_delta.append(
                            next(v.own_delta for v in view_term.variants if v.id == variant)
                        )
                    row.append(variants[key])
                rows.append(row)
            self.slices[pid] = slice(start, len(owner))
        self.size = len(owner)
        self.owner: IntArray = np.array(owner, dtype=np.int64)
        """The proposal number of each option."""
        self.kinds: IntArray = np.array(kinds, dtype=np.int64)
        self.variant_count = len(variants)
        self.variant_keys = list(variants)
        self.own_variant_delta: FloatArray = np.array(own_delta, dtype=np.float64)
        self.incidence: FloatArray = np.zeros((len(variants), self.size))
        """incidence[v, o] = 1 when option o uses variant v."""
        for column, row in enumerate(rows):
            for used in row:
                self.incidence[used, column] = 1.0

    def of(self, pid: str, terms: Terms) -> int:
        """The number of an option."""
        return self.index[(pid, terms)]

    def factors(self, trust: int) -> FloatArray:
        """The trust discount of each option's positive value at a trust level."""
        table = np.array([trust_factor(kind, trust) for kind in _KINDS])
        return table[self.kinds]

    def effective(self, raw: FloatArray, trust: int) -> FloatArray:
        """Raw option values (..., n) discounted by trust, as the engine counts them."""
        return np.where(raw > 0, raw * self.factors(trust), raw)

    def best_per_proposal(self, values: FloatArray) -> FloatArray:
        """The best option value of each proposal, for values shaped (..., n)."""
        out = np.full((*values.shape[:-1], len(self.proposals)), -np.inf)
        for number, pid in enumerate(self.proposals):
            out[..., number] = values[..., self.slices[pid]].max(axis=-1)
        return out
