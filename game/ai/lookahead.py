"""The expert's look-ahead: play each candidate move out to the deadline against opponents
drawn from its belief, on a small model of the talks built from the view (numpy, all
rollouts at once)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import numpy.typing as npt

from game.ai.context import Candidate, Context
from game.ai.layout import FloatArray
from game.ai.models import BayesModel
from game.engine import constants as C
from game.engine.moves import Accept, Amend, Gesture, Move, Reject, Statement, Table, Tone
from game.engine.state import Status
from game.engine.values import trust_factor
from game.scenario.models import ProposalKind

IntArray = npt.NDArray[np.int64]

ROLLOUTS = 48
"""Opponents drawn from the belief for each candidate move."""
CANDIDATES = 4
"""How many of the best-scored moves are played out."""
MARGIN = 1.0
"""How many score points a look-ahead must gain before it overrides the first choice."""
LONG_SHOT = 0.05
"""An alternative offer is played out only if its chance of acceptance now is at most this
much below the first choice's: the rollouts overrate long shots, whose takers in the
rollouts come round as the deadline nears while real ones counter instead."""

OPEN, OURS, THEIRS, AGREED = 0, 1, 2, 3
_KINDS = tuple(ProposalKind)
_FACTORS = np.array([[trust_factor(kind, level) for kind in _KINDS] for level in range(101)])
"""The trust discount of each kind at every trust level."""


class Lookahead:
    """Monte Carlo look-ahead over likely opponent types, with a fixed budget of rollouts."""

    def __init__(self, rng: np.random.Generator) -> None:
        """Use the player's own generator for the draws."""
        self.rng = rng

    def refine(self, ctx: Context, ranked: list[Candidate]) -> Candidate:
        """The candidate with the best mean outcome in the rollouts (the first unless one is
        clearly better)."""
        if not isinstance(ctx.model, BayesModel) or not _has_seen_them(ctx):
            # Before the other side has moved, the belief is only our prior guess: rollouts
            # against it would judge our opening against an opponent we made up.
            return ranked[0]
        pool = _pool(ranked)
        if len(pool) < 2:
            return ranked[0]
        sim = _Sim(ctx, self.rng, len(pool))
        for block, candidate in enumerate(pool):
            sim.first_move(block, candidate.move)
        means = sim.play()
        index = int(np.argmax(means))
        if means[index] < means[0] + MARGIN:
            index = 0
        chosen = pool[index]
        others = [m for i, m in enumerate(means) if i != index]
        runner = max(others) if others else means[index]
        factor = _rollout_factor(float(means[index]), float(runner))
        reasons = chosen.reasons
        factors = (factor, *reasons.factors[:1])
        return Candidate(chosen.move, chosen.utility, replace(reasons, factors=factors))


def _rollout_factor(mean: float, runner: float) -> tuple[str, float]:
    """The reason the rollouts give, in words: what the chosen move averaged, and the next best."""
    played = f"played out to the deadline against {ROLLOUTS} likely opponents, this averages"
    if round(runner, 1) >= round(mean, 1):
        # Kept although another move did as well or a little better: say why.
        words = (
            f"{played} {mean:.1f} points for us and the best other move {runner:.1f}; "
            f"we change our first choice only for {MARGIN:.0f} point more, since play-outs "
            "against guessed opponents are rough"
        )
    else:
        words = f"{played} {mean:.1f} points for us against {runner:.1f} for the next best move"
    return words, mean


def _has_seen_them(ctx: Context) -> bool:
    """Whether the other side has made a move yet."""
    board = ctx.board
    return any(e.kind == "move" and e.side is board.other for e in board.view.log)


def _pool(ranked: list[Candidate]) -> list[Candidate]:
    """The first choice and the other offers of the same kind worth playing out. A sure
    agreement is never traded for a gamble, nor a likely one for a long shot; a new offer is
    never traded for a counter-offer, and statements are left to the first choice: the small
    model cannot see how the other side answers them."""
    first = ranked[0]
    if isinstance(first.move, Accept):
        return [first]
    kind = Amend if isinstance(first.move, Amend) else Table
    floor = (first.reasons.chance or 0.0) - LONG_SHOT
    offers = [
        c
        for c in ranked[1:]
        if isinstance(c.move, kind) and (c.reasons.chance is None or c.reasons.chance >= floor)
    ]
    return [first, *offers[: CANDIDATES - 1]]


class _Sim:
    """Rollouts for every candidate at once: rows are (candidate, opponent draw) pairs."""

    def __init__(self, ctx: Context, rng: np.random.Generator, blocks: int) -> None:
        board, layout = ctx.board, ctx.layout
        assert isinstance(ctx.model, BayesModel)
        self.ctx = ctx
        self.rng = rng
        self.blocks = blocks
        rows = blocks * ROLLOUTS
        self.rows = rows
        ids = layout.proposals
        self.count = len(ids)
        self.kinds = layout.kinds
        self.owner = layout.owner
        own = np.zeros(layout.size)
        for pid, options in board.options.items():
            for option in options:
                own[layout.of(pid, option.terms)] = option.raw
        self.own_raw = own
        self.scale = board.scale
        # Opponent types drawn from the belief, the same draws for every candidate.
        draws = rng.choice(ctx.model.size, ROLLOUTS, p=ctx.model.weights())
        raw = ctx.model.hypotheses_raw()[draws]
        self.their_raw = np.tile(raw, (blocks, 1))
        self.tough = np.tile(ctx.model.toughness[draws], blocks)
        # One draw per opponent and option for the whole rollout: an opponent who turns
        # terms down keeps turning them down until its threshold falls, as real ones do,
        # instead of rolling the dice afresh every turn.
        self.luck = np.tile(rng.random((ROLLOUTS, layout.size)), (blocks, 1))
        self.forbidden = np.tile(ctx.model.forbidden[draws], (blocks, 1))
        best = np.zeros((rows, self.count), dtype=np.int64)
        for number, pid in enumerate(ids):
            span = layout.slices[pid]
            best[:, number] = self.their_raw[:, span].argmax(axis=1) + span.start
        self.their_pick = best
        self.their_best = np.take_along_axis(self.their_raw, best, axis=1)
        self.status = np.zeros((rows, self.count), dtype=np.int64)
        self.option = np.zeros((rows, self.count), dtype=np.int64)
        for number, pid in enumerate(ids):
            view = board.proposals[pid]
            current = layout.of(pid, board.current(pid).terms)
            self.option[:, number] = current
            if view.status is Status.AGREED:
                self.status[:, number] = AGREED
            elif view.status.on_table:
                self.status[:, number] = OURS if board.side in view.accepted_by else THEIRS
        self.us_may = np.array([board.side in board.proposals[p].may_table for p in ids])
        self.them_may = np.array([board.other in board.proposals[p].may_table for p in ids])
        self.requires = [
            [ids.index(r) for r in board.proposals[p].requires if r in ids] for p in ids
        ]
        # Our own offer for each proposal, and how much we like offering it.
        self.our_offer = np.full(self.count, -1, dtype=np.int64)
        self.our_score = np.full(self.count, -np.inf)
        for number, pid in enumerate(ids):
            options = [o for o in board.options[pid] if o.value > 0]
            pick = ctx.pick_offer(pid, options, ctx.aim)
            if pick is not None:
                self.our_offer[number] = layout.of(pid, pick.terms)
                self.our_score[number] = ctx.accept_chance(pick) * pick.value
        self.own_best = np.array([max(board.best[p], 0.0) for p in ids])
        self.aim = ctx.aim
        self.trust_us = np.full(rows, float(board.trust))
        self.trust_them = np.full(rows, float(board.their_trust))
        self.shift_us = np.zeros(rows)
        self.shift_them = np.zeros(rows)
        self.support = np.full(rows, float(board.view.support.of(board.side)))
        self.idle_firm = ctx.style.idle_firm
        self.moves = 2 * board.rounds_left + (0 if board.second else 1)
        self.second = board.second
        self.progress = board.progress
        self.step_size = 0.5 / max(1, board.view.rounds)

    # --- values ---------------------------------------------------------------------

    def _factor(self, trust: FloatArray) -> FloatArray:
        levels = np.clip(np.rint(trust), 0, 100).astype(np.int64)
        return np.asarray(_FACTORS[levels][:, self.kinds])

    def _own(self, trust: FloatArray) -> FloatArray:
        raw = self.own_raw[None, :]
        return np.where(raw > 0, raw * self._factor(trust), raw)

    def _theirs(self, trust: FloatArray) -> FloatArray:
        raw = self.their_raw
        return np.where(raw > 0, raw * self._factor(trust), raw)

    # --- moves ------------------------------------------------------------------------

    def first_move(self, block: int, move: Move) -> None:
        """Apply one candidate to its block of rows."""
        rows = slice(block * ROLLOUTS, (block + 1) * ROLLOUTS)
        ctx = self.ctx
        ids = ctx.layout.proposals
        if isinstance(move, Accept):
            column = ids.index(move.proposal)
            self.status[rows, column] = AGREED
            self._trust(rows, C.AGREEMENT_TRUST, C.AGREEMENT_TRUST)
        elif isinstance(move, Table):
            column = ids.index(move.proposal)
            self.status[rows, column] = OURS
            self.option[rows, column] = ctx.layout.of(move.proposal, move.terms)
        elif isinstance(move, Amend):
            column = ids.index(move.proposal)
            option = ctx.board.option(move.proposal, ((move.term, move.variant),))
            self.status[rows, column] = OURS
            self.option[rows, column] = ctx.layout.of(move.proposal, option.terms)
        elif isinstance(move, Reject):
            column = ids.index(move.proposal)
            self.status[rows, column] = OPEN
            self._trust(rows, 0, C.REJECTION_TRUST)
        elif isinstance(move, Statement) and move.tone is Tone.FIRM:
            self.support[rows] += C.FIRM_SUPPORT
            self._trust(rows, 0, C.FIRM_TRUST)
        elif isinstance(move, Statement):
            self.support[rows] += C.CONCILIATORY_SUPPORT
            self._trust(rows, 0, C.CONCILIATORY_TRUST)
        elif isinstance(move, Gesture):
            self.support[rows] += C.GESTURE_SUPPORT
            self._trust(rows, 0, C.GESTURE_TRUST)

    def _trust(self, rows: slice | npt.NDArray[np.bool_], ours: float, theirs: float) -> None:
        self.shift_us[rows] += ours
        self.shift_them[rows] += theirs

    def _ready(self) -> npt.NDArray[np.bool_]:
        """Which proposals have their prerequisites agreed, per row."""
        ready = np.ones((self.rows, self.count), dtype=bool)
        for column, needs in enumerate(self.requires):
            for need in needs:
                ready[:, column] &= self.status[:, need] == AGREED
        return ready

    def play(self) -> list[float]:
        """Play every row to the deadline; the mean final score of each candidate."""
        progress = self.progress
        theirs_turn = True
        # Rounds turn over after the second mover of each round has moved.
        new_round_after_them = not self.second
        for _ in range(self.moves):
            progress = min(1.0, progress + self.step_size)
            if theirs_turn:
                self._their_move(progress)
                if new_round_after_them:
                    self._fade()
            else:
                self._our_move()
                if not new_round_after_them:
                    self._fade()
            theirs_turn = not theirs_turn
        return [float(v) for v in self._score().reshape(self.blocks, ROLLOUTS).mean(axis=1)]

    def _fade(self) -> None:
        for shift in (self.shift_us, self.shift_them):
            shift -= np.sign(shift) * np.minimum(np.abs(shift), 1.0)

    def _their_move(self, progress: float) -> None:
        trust = np.clip(self.trust_them + self.shift_them, 0, 100)
        values = self._theirs(trust)
        offered = np.take_along_axis(values, self.option, axis=1)
        threshold = self.tough[:, None] * (1 - progress) * np.maximum(self.their_best, 0) + 0.5
        chance = 1.0 / (1.0 + np.exp(-0.9 * (offered - threshold)))
        refused = np.take_along_axis(self.forbidden, self.option, axis=1)
        luck = np.take_along_axis(self.luck, self.option, axis=1)
        willing = (self.status == OURS) & ~refused & (luck < chance)
        pick = np.where(willing, offered, -np.inf).argmax(axis=1)
        accepts = willing.any(axis=1)
        rows = np.nonzero(accepts)[0]
        self.status[rows, pick[rows]] = AGREED
        self._trust(accepts, C.AGREEMENT_TRUST, C.AGREEMENT_TRUST)
        own_pick = np.take_along_axis(values, self.their_pick, axis=1)
        can = (self.status == OPEN) & self.them_may[None, :] & self._ready() & (own_pick > 0.5)
        can &= ~accepts[:, None]
        pick = np.where(can, own_pick, -np.inf).argmax(axis=1)
        rows = np.nonzero(can.any(axis=1))[0]
        self.status[rows, pick[rows]] = THEIRS
        self.option[rows, pick[rows]] = self.their_pick[rows, pick[rows]]

    def _our_move(self) -> None:
        trust = np.clip(self.trust_us + self.shift_us, 0, 100)
        values = self._own(trust)
        offered = np.take_along_axis(values, self.option, axis=1)
        good = (self.status == THEIRS) & (offered > 0)
        good &= offered >= self.aim * self.own_best[None, :]
        pick = np.where(good, offered, -np.inf).argmax(axis=1)
        accepts = good.any(axis=1)
        rows = np.nonzero(accepts)[0]
        self.status[rows, pick[rows]] = AGREED
        self._trust(accepts, C.AGREEMENT_TRUST, C.AGREEMENT_TRUST)
        can = (self.status == OPEN) & self.us_may[None, :] & self._ready()
        can &= (self.our_offer >= 0)[None, :] & ~accepts[:, None]
        pick = np.where(can, self.our_score[None, :], -np.inf).argmax(axis=1)
        tables = can.any(axis=1)
        rows = np.nonzero(tables)[0]
        self.status[rows, pick[rows]] = OURS
        self.option[rows, pick[rows]] = self.our_offer[pick[rows]]
        if self.idle_firm:
            idle = ~accepts & ~tables
            self.support[idle] += C.FIRM_SUPPORT
            self._trust(idle, 0, C.FIRM_TRUST)

    def _score(self) -> FloatArray:
        trust_us = np.clip(self.trust_us + self.shift_us, 0, 100)
        trust_them = np.clip(self.trust_them + self.shift_them, 0, 100)
        values = np.take_along_axis(self._own(trust_us), self.option, axis=1)
        package = np.where(self.status == AGREED, values, 0.0).sum(axis=1) / self.scale
        score = (
            C.PACKAGE_WEIGHT * np.clip(package, -1, 1)
            + C.SUPPORT_WEIGHT * np.clip(self.support, 0, 100) / 100
            + C.TRUST_WEIGHT * (trust_us + trust_them) / 200
        )
        result: FloatArray = np.clip(score, 0, 100)
        return result
