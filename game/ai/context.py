"""Everything one decision needs, worked out once: the aim, the model's estimates, and the
acceptance and offering rules built on them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.ai.board import Board, Option, kind_label, terms_words
from game.ai.layout import FloatArray, Layout
from game.ai.levels import Style
from game.ai.models import Model
from game.ai.observe import Observer
from game.ai.player import AIM_WORDS, HOLD_WORDS, Reasons
from game.engine import constants as C
from game.engine.moves import (
    Accept,
    Amend,
    Move,
    Table,
)
from game.engine.state import Status
from game.scenario.models import ProposalKind

PATIENCE = 0.85
"""An offer is worth less than an agreement: it needs the other side's move as well."""
WARY_TRUST = 35
"""Below this trust a careful level treats a bare promise as unreliable."""
EASY_CHANCE = 0.6
"""The chance of acceptance a level without an opponent model assumes."""


@dataclass(frozen=True)
class Bar:
    """The share of its best a proposal must give us now, and why it is set there."""

    value: float
    words: str
    """What the bar is, in words after the number ("we aim for this round")."""
    why: str | None = None
    """Why it is below the round's aim, when it is."""
    trust_note: str | None = None
    """Why trust raised it, when it did."""


@dataclass
class Candidate:
    """A legal move with its value to us and the reasons behind that value."""

    move: Move
    utility: float
    reasons: Reasons
    parts: dict[str, float] = field(default_factory=dict)


class Context:
    """Everything one decision needs, worked out once."""

    def __init__(
        self,
        board: Board,
        style: Style,
        layout: Layout,
        model: Model,
        observer: Observer,
        firmness: float,
        their_last: str | None,
        legal: list[Move],
        retaliations: int = 0,
    ) -> None:
        """Gather the position, the aim and the model's estimates."""
        self.board = board
        self.style = style
        self.layout = layout
        self.model = model
        self.observer = observer
        self.firmness = firmness
        self.their_last = their_last
        self.retaliations = retaliations
        self.weight = C.PACKAGE_WEIGHT / board.scale
        """Score points per point of our value."""
        self.aim = style.aim(board.progress, firmness)
        if observer.broken:
            self.aim = min(1.0, self.aim + 0.05 * observer.broken)
        step = 0.5 / max(1, board.view.rounds)
        self.next_aim = style.aim(min(1.0, board.progress + step), firmness)
        self.their_values: FloatArray = model.values(board)
        self.their_scale = model.scale()
        self.chance: FloatArray = model.accept_chance(board)
        self.their_best = layout.best_per_proposal(self.their_values)
        self.tableable: dict[str, set[tuple[tuple[str, str], ...]]] = {}
        self.can_accept = {move.proposal for move in legal if isinstance(move, Accept)}
        """Proposals we may accept now: one on the table that we have not accepted and
        cannot accept crosses one of our red lines."""
        self.amendable: dict[str, set[tuple[tuple[str, str], ...]]] = {}
        """The terms each proposal on the table can be amended to now (our red lines and
        the rules leave only these)."""
        for move in legal:
            if isinstance(move, Table):
                self.tableable.setdefault(move.proposal, set()).add(move.terms)
            elif isinstance(move, Amend):
                after = board.option(move.proposal, ((move.term, move.variant),)).terms
                self.amendable.setdefault(move.proposal, set()).add(after)
        self.our_package = board.agreed_value()
        agreed = [(o.proposal, o.terms) for o in board.agreed()]
        self.their_package = model.package_value(board, agreed)
        self.last_move = board.rounds_left == 0 and board.second
        """Whether this is the last move of the game (nothing tabled now can be agreed)."""
        self.endgame = style.fair_end and (board.rounds_left == 0 or board.progress >= 0.85)
        self._slot_cost: float | None = None
        """The cost of a wasted move, worked out on first use (it is the same all decision)."""

    # --- what an option is worth, and to whom -------------------------------------------

    def index(self, option: Option) -> int:
        """The option's number in the layout."""
        return self.layout.of(option.proposal, option.terms)

    def their_share(self, option: Option) -> float:
        """Our estimate of the option's value to them as a share of their best for it."""
        best = float(self.their_best[self.layout.proposals.index(option.proposal)])
        value = float(self.their_values[self.index(option)])
        return value / best if best > 0 else -1.0

    def their_gain(self, option: Option) -> float:
        """Our estimate of what the option adds to their package value."""
        return float(self.their_values[self.index(option)]) / self.their_scale

    def accept_chance(self, option: Option) -> float:
        """The chance they accept the option if it is offered now."""
        if self.style.model is Model:
            chance = EASY_CHANCE
        else:
            chance = float(self.chance[self.index(option)])
        if self.style.logroll and float(self.their_values[self.index(option)]) <= 0:
            openness = 1.0 - max(0.0, self.firmness)
            chance = max(chance, 0.9 * openness * self._fair_chance(option))
        # Terms they have already turned down are unlikely to please them now (even a level
        # without a model sees that: otherwise it repeats a refused counter every round).
        key = (option.proposal, option.terms)
        chance *= 0.35 ** self.observer.refused.get(key, 0)
        if self.style.model is Model:
            return chance
        return chance * 0.6 ** self.observer.ignored.get(key, 0)

    def passed_over(self, option: Option) -> int:
        """How often the other side let these terms of ours sit on the table."""
        return self.observer.ignored.get((option.proposal, option.terms), 0)

    def _fair_chance(self, option: Option) -> float:
        """The chance a fair-minded side accepts a loss because the package favours it."""
        ours = option.value / self.board.scale
        theirs = -self.their_gain(option)
        if ours <= theirs:
            return 0.0
        # They concede when the package so far clearly favours them.
        lead = self.their_package - self.our_package
        return float(1.0 / (1.0 + np.exp(-15.0 * (lead - 0.1))))

    def fair(self, option: Option) -> float:
        """How fair the option is: the product of both sides' shares (0 if either loses)."""
        ours = self.board.share(option)
        theirs = self.their_share(option)
        return ours * theirs if ours > 0 and theirs > 0 else 0.0

    # --- the acceptance rule ------------------------------------------------------------

    def bar(self, pid: str) -> Bar:
        """The share of its best a proposal must give us now, with why it is that and not
        the round's aim."""
        options = [o for o in self.board.options[pid] if o.value > 0]
        words, why = AIM_WORDS, None
        if self.style.offer == "concede":
            # Accept anything at least as good as what it would ask for next: its next aim.
            # (The share of the terms it would offer next is often far above that aim, as a
            # proposal has few variants; holding out for it made the easiest level the most
            # stubborn one and named a number as "our aim" that was not.)
            aim = self.next_aim
        else:
            hold = 0.0 if self.board.rounds_left == 0 else self.counter_worth(pid)
            aim = min(self.aim, hold)
            if hold < self.aim - 1e-9:
                words = HOLD_WORDS
                if self.board.rounds_left == 0:
                    why = "the deadline is this round"
                elif self.slot_cost() > 0:
                    why = (
                        f"we aim for {self.aim:.2f} this round, but moves are short and a "
                        "counter-offer would take one the other deals need"
                    )
                else:
                    why = (
                        f"we aim for {self.aim:.2f} this round, but they are unlikely to take "
                        "better terms"
                    )
        if self.endgame:
            fair = max(options, key=self.fair, default=None)
            if fair is not None and self.fair(fair) > 0 and self.board.share(fair) < aim:
                aim = self.board.share(fair)
                words = "that terms fair to both give us"
                why = "the deadline is close, so we settle for terms fair to both"
        note = self.threshold_note(pid)
        if note is not None:
            aim = min(1.0, aim + 0.15)
            words = "we ask of it"
        return Bar(aim, words, why, note)

    def threshold_note(self, pid: str) -> str | None:
        """Why trust makes a careful level ask more of the terms on the table, if it does."""
        current = self.board.current(pid)
        if not self.style.careful or current.kind is not ProposalKind.PROMISE:
            return None
        if self.board.trust < WARY_TRUST:
            words = kind_label(current.kind)
            return f"trust {self.board.trust} is too low to rely on {words}, so we ask more of it"
        if self.observer.broken:
            return "they broke a promise before, so we count their word for less"
        return None

    def firmer_terms(self, pid: str) -> str | None:
        """What would change a careful level's answer on a promise: binding or checkable terms."""
        current = self.board.current(pid)
        for option in self.board.options[pid]:
            firm = option.kind in (ProposalKind.LEGALLY_BINDING, ProposalKind.VERIFIABLE)
            if firm and option.value > 0 and option.terms != current.terms:
                return f"'{terms_words(self.board, option)}' would change our answer"
        return None

    def counter_worth(self, pid: str) -> float:
        """What holding out is worth: our best counter-offer's value times its chance, as a
        share of the proposal's best (levels without a model cannot tell, and say 1)."""
        if self.style.model is Model:
            return 1.0
        current = self.board.current(pid)
        best = self.board.best[pid]
        if best <= 0:
            return 1.0
        worth = 0.0
        # A counter costs a move of each side: what the last deal at the deadline is worth.
        cost = self.slot_cost() / self.weight
        for option in self.board.options[pid]:
            differs = sum(a != b for a, b in zip(option.terms, current.terms, strict=True))
            if option.value > 0 and differs >= 1:
                chance = self.accept_chance(option)
                gain = PATIENCE * chance * option.value / differs - (2.0 - chance) * cost
                worth = max(worth, gain)
        return worth / best

    def pick_offer(self, pid: str, options: list[Option], aim: float) -> Option | None:
        """The option this level offers for a proposal at an aim."""
        if not options:
            return None
        board = self.board
        if self.endgame:
            fair = max(options, key=lambda o: (self.fair(o), o.value))
            if self.fair(fair) > 0:
                return fair
        good = [o for o in options if board.share(o) >= aim - 1e-9]
        if not good:
            return max(options, key=lambda o: o.value)
        if self.style.offer == "concede":
            return min(good, key=lambda o: (board.share(o), -o.value))
        if self.style.offer == "tradeoff":
            pick = max(good, key=lambda o: (round(self.their_share(o), 3), o.value))
            if self.accept_chance(pick) < 0.3:
                # Nobody takes it: offer what is likeliest to be worth something.
                pick = max(options, key=lambda o: (self.accept_chance(o) * o.value, o.value))
            return pick
        cost = self.slot_cost()

        def expected(option: Option) -> float:
            """Score points the offer is worth, less the move it wastes if refused."""
            chance = self.accept_chance(option)
            return chance * self.weight * option.value - (1.0 - chance) * cost

        best = max(good, key=lambda o: (expected(o), o.value))
        if expected(best) <= 0:
            # Holding out would leave the proposal off the table: concede as far as it takes.
            best = max(options, key=lambda o: (expected(o), o.value))
        return best

    def barred(self, pid: str) -> bool:
        """Whether the terms on the table cross one of our red lines (the rules forbid our
        acceptance, though the proposal waits for it)."""
        view = self.board.proposals[pid]
        waiting = view.status.on_table and self.board.side not in view.accepted_by
        return waiting and pid not in self.can_accept

    def acceptable(self, pid: str) -> tuple[bool, float, Bar]:
        """Whether to accept a proposal as it stands: (yes, value seen, the bar it must meet)."""
        current = self.board.current(pid)
        share = self.board.share(current)
        bar = self.bar(pid)
        if bar.words != AIM_WORDS and bar.trust_note is None and share >= self.aim - 1e-9:
            # Good enough by the round's aim itself: that is the reason worth giving.
            bar = Bar(self.aim, AIM_WORDS)
        return current.value > 0 and share >= bar.value - 1e-9, share, bar

    def logroll(self, pid: str) -> tuple[bool, float, float]:
        """Whether to accept a loss for their gain: (yes, our loss, their gain).

        Only while the package so far favours us by more than the gift moves (we stay at
        least level with them after it), and only when the deal as a whole gets better: the
        product of both sides' values must grow.
        """
        current = self.board.current(pid)
        loss = -current.value / self.board.scale
        gain = self.their_gain(current)
        if not self.style.logroll or current.value > 0 or gain <= loss:
            return False, loss, gain
        ours, theirs = self.our_package, self.their_package
        after = (ours - loss) * (theirs + gain)
        # Never a gift that leaves them ahead: that is no longer evening the deal out.
        level = ours - loss >= theirs + gain
        return level and ours - loss > 0 and after > ours * max(theirs, 0.0), loss, gain

    def slot_cost(self) -> float:
        """What a wasted move costs a thrifty level: the last deal it may crowd out at the end.

        Every agreement takes a move from each side, so when more proposals are worth
        agreeing than moves are left, a long-shot offer costs the least of them.
        """
        if self._slot_cost is None:
            self._slot_cost = self._work_out_slot_cost()
        return self._slot_cost

    def _work_out_slot_cost(self) -> float:
        if not self.style.thrift:
            return 0.0
        board = self.board
        ours = [
            board.best[p.id]
            for p in board.view.proposals
            if p.status is not Status.AGREED and board.best[p.id] > 0
        ]
        # They need moves for what they want too, and every agreement takes one of ours.
        theirs = sum(
            1
            for number, p in enumerate(self.layout.proposals)
            if board.status(p) is not Status.AGREED
            and board.best[p] <= 0
            and self.their_best[number] > 0
        )
        moves = board.rounds_left + 1
        if not ours or len(ours) + theirs < moves:
            return 0.0
        return self.style.thrift * self.weight * min(ours) * 0.5

    def unlock_bonus(self, pid: str) -> float:
        """What agreeing a proposal is worth beyond itself: the proposals it opens up."""
        bonus = 0.0
        for proposal in self.board.view.proposals:
            if pid in proposal.requires and proposal.status is not Status.AGREED:
                bonus += 0.3 * self.weight * max(0.0, self.board.best[proposal.id])
        return bonus
