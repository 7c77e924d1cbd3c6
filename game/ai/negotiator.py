"""The computer negotiator at each level: read the view, update its model, score every legal
move, and explain the choice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from game.ai.board import Board
from game.ai.context import Candidate, Context
from game.ai.explain import explain
from game.ai.layout import Layout
from game.ai.levels import STYLES
from game.ai.models import Model
from game.ai.observe import Observer, Seen
from game.ai.player import Decision, Player, Reasons, Waiting
from game.ai.scoring import score
from game.engine.moves import Move, Pass
from game.engine.view import View
from game.scenario.models import SideId


class Negotiator(Player):
    """A computer player built from an offering strategy, an opponent model, an acceptance
    rule and a memory of trust."""

    def __init__(self, level: str, side: SideId, seed: int = 0) -> None:
        """A negotiator at `level` (easy, medium, hard or expert)."""
        super().__init__(side, seed)
        self.name = level
        self.style = STYLES[level]
        self.observer = Observer(side)
        self.layout: Layout | None = None
        self.model: Model | None = None
        self.firmness = 0.0
        """How tough the other side has been lately, -1 (yielding) to 1 (hard line)."""
        self.their_last: str | None = None
        self.our_last: str | None = None
        self.retaliations = 0
        """How often they answered our tough talk with theirs."""
        self.lookahead = None
        if self.style.lookahead:
            from game.ai.lookahead import Lookahead

            # Its own generator, so looking ahead never changes what the model learns: the
            # expert plays exactly as hard does unless a look-ahead finds a better move.
            self.lookahead = Lookahead(np.random.default_rng([seed, 1]))

    def choose(self, view: View, legal: Sequence[Move]) -> Decision:
        """Pick the legal move worth most to us, and say why."""
        if not legal:
            raise ValueError("no legal moves: it is not this side's turn")
        board = Board(view)
        if self.layout is None or self.model is None:
            self.layout = Layout(board)
            self.model = self.style.model(board, self.layout, self.rng)
        seen = self.observer.update(view)
        self.model.observe(board, seen)
        self._remember(board, seen)
        ctx = Context(
            board,
            self.style,
            self.layout,
            self.model,
            self.observer,
            self.firmness,
            self.their_last,
            list(legal),
            self.retaliations,
        )
        candidates = [c for move in legal if (c := score(ctx, move)) is not None]
        if not candidates:
            fallback = next((m for m in legal if isinstance(m, Pass)), legal[0])
            candidates = [Candidate(fallback, 0.0, Reasons("pass", trust=board.trust))]
        # A whisper of noise from our own generator breaks exact ties without favouring order.
        noise = self.rng.random(len(candidates)) * 1e-6
        ranked = sorted(
            zip(candidates, noise, strict=True),
            key=lambda pair: pair[0].utility + pair[1],
            reverse=True,
        )
        best = ranked[0][0]
        if self.lookahead is not None:
            best = self.lookahead.refine(ctx, [c for c, _ in ranked])
        reasons = best.reasons
        if reasons.action == "pass":
            reasons = _pass_reasons(ctx)
        waiting = _waiting_offer(ctx, seen, reasons.proposal)
        if waiting is not None:
            reasons = replace(reasons, waiting=waiting)
        self.observer.after_own(best.move)
        self.our_last = reasons.action
        return Decision(best.move, explain(view.names.of(self.side), reasons), reasons)

    def _remember(self, board: Board, seen: list[Seen]) -> None:
        """Track how tough the other side has been, for reciprocity."""
        self.firmness *= 0.7
        for item in seen:
            if item.kind == "firm" and self.our_last == "firm":
                self.retaliations += 1
            if item.kind in ("firm", "conciliatory", "gesture", "pass"):
                self.their_last = item.kind
            step = {
                "firm": 0.25,
                "reject": 0.3,
                "accept": -0.25,
                "conciliatory": -0.15,
                "gesture": -0.25,
            }.get(item.kind, 0.0)
            if item.kind == "amend" and item.proposal is not None:
                after = board.option(item.proposal, item.terms).value
                before = board.option(item.proposal, item.before).value
                step = -0.3 if after > before else 0.3
            self.firmness = max(-1.0, min(1.0, self.firmness + step))
        if self.observer.broken:
            self.firmness = min(1.0, self.firmness + 0.1)


def _waiting_offer(ctx: Context, seen: list[Seen], chosen: str | None) -> Waiting | None:
    """Why the other side's newest offer still waits for us, when our move is about something
    else: a student who made an offer should hear what became of it."""
    board = ctx.board
    for item in reversed(seen):
        pid = item.proposal
        if item.kind not in ("table", "amend") or pid is None or pid == chosen:
            continue
        live = board.proposals.get(pid)
        if live is None or not live.status.on_table or board.side in live.accepted_by:
            return None
        _, share, bar = ctx.acceptable(pid)
        value = board.current(pid).value
        return Waiting(board.title(pid), value, share, bar.value, bar.words, ctx.barred(pid))
    return None


def _pass_reasons(ctx: Context) -> Reasons:
    """Why nothing was worth doing: the nearest miss on the table, if there is one."""
    board = ctx.board
    nearest = None
    for proposal in board.on_table():
        if board.side in proposal.accepted_by or board.best[proposal.id] <= 0:
            continue
        yes, share, bar = ctx.acceptable(proposal.id)
        if not yes and (nearest is None or bar.value - share < nearest[1].value - nearest[0]):
            nearest = (share, bar, proposal.id)
    if nearest is None:
        waiting = any(board.side not in p.accepted_by for p in board.on_table())
        table = "is worth accepting" if waiting else "needs our answer"
        return Reasons(
            "pass",
            trust=board.trust,
            note=f"nothing on the table {table} and no offer is worth making now",
        )
    share, bar, pid = nearest
    return Reasons(
        "pass",
        pid,
        board.title(pid),
        value=share,
        aim=bar.value,
        trust=board.trust,
        trust_note=bar.trust_note,
        change=ctx.firmer_terms(pid) if bar.trust_note else None,
        bar=bar.words,
        note=(
            "its terms cross one of our red lines, and no move would do better than waiting"
            if ctx.barred(pid)
            else "no move would do better than waiting"
        ),
    )
