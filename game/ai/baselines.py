"""Simple fixed strategies to measure the levels against: random, accept, hardliner, conceder,
tit-for-tat, and a bluffer that holds out until the last round."""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.board import Board, Option
from game.ai.explain import explain
from game.ai.observe import Observer, Seen
from game.ai.player import Decision, Player, Reasons
from game.engine.moves import Accept, Amend, Move, Pass, Statement, Table, Tone, WalkOut
from game.engine.view import View
from game.scenario.models import SideId

BASELINES = ("random", "accept", "hardliner", "conceder", "tft")


class RandomPlayer(Player):
    """Any legal move but walking out, uniformly at random."""

    name = "random"

    def choose(self, view: View, legal: Sequence[Move]) -> Decision:
        """Pick at random."""
        moves: list[Move] = [m for m in legal if not isinstance(m, WalkOut)] or list(legal)
        move = moves[int(self.rng.integers(len(moves)))]
        reasons = Reasons("pass", note=f"it picked one of {len(moves)} moves at random")
        who = view.names.of(self.side)
        return Decision(move, f"{who} plays a random move ({len(moves)} to pick from).", reasons)


class AcceptPlayer(Player):
    """Accepts whatever is on the table; otherwise passes."""

    name = "accept"

    def choose(self, view: View, legal: Sequence[Move]) -> Decision:
        """Accept the first proposal it can."""
        for move in legal:
            if isinstance(move, Accept):
                board = Board(view)
                share = board.share(board.current(move.proposal))
                reasons = Reasons(
                    "accept",
                    move.proposal,
                    board.title(move.proposal),
                    share,
                    0.0,
                    trust=board.trust,
                    factors=(("it accepts everything", 0.0),),
                )
                return Decision(move, explain(view.names.of(self.side), reasons), reasons)
        return _pass(view.names.of(self.side), legal, "there is nothing on the table it can accept")


class _Aiming(Player):
    """A baseline that accepts and offers by an aim: a share of each proposal's best value."""

    def __init__(self, side: SideId, seed: int = 0) -> None:
        super().__init__(side, seed)
        self.observer = Observer(side)
        self.seen: list[Seen] = []

    def aim(self, board: Board) -> float:
        """The share of a proposal's best value it asks for now."""
        raise NotImplementedError

    def idle(self, board: Board, legal: Sequence[Move]) -> Decision:
        """What it does when there is nothing to accept or offer."""
        return _pass(board.view.names.of(self.side), legal, "nothing is worth doing")

    def choose(self, view: View, legal: Sequence[Move]) -> Decision:
        """Decide, and remember our own move so the next view shows only theirs."""
        decision = self.negotiate(view, legal)
        self.observer.after_own(decision.move)
        return decision

    def negotiate(self, view: View, legal: Sequence[Move]) -> Decision:
        """Accept what meets the aim, else counter, else table, else idle."""
        board = Board(view)
        self.seen = self.observer.update(view)
        aim = self.aim(board)
        accepts = [m for m in legal if isinstance(m, Accept)]
        best_accept = None
        for move in accepts:
            option = board.current(move.proposal)
            share = board.share(option)
            good = option.value > 0 and share >= aim - 1e-9
            if good and (best_accept is None or option.value > best_accept[1].value):
                best_accept = (move, option, share)
        if best_accept is not None:
            accept, option, share = best_accept
            return self._decide(accept, "accept", board, option, share, aim)
        offers: list[tuple[float, Move, Option]] = []
        for candidate in legal:
            if isinstance(candidate, Table):
                option = board.option(candidate.proposal, candidate.terms)
                if option.value > 0 and option == self._pick(board, candidate.proposal, aim):
                    offers.append((option.value, candidate, option))
            elif isinstance(candidate, Amend) and board.proposals[
                candidate.proposal
            ].accepted_by == (board.other,):
                option = board.option(candidate.proposal, ((candidate.term, candidate.variant),))
                current = board.current(candidate.proposal)
                if option.value > current.value and board.share(option) >= aim - 1e-9:
                    offers.append((option.value + 0.5, candidate, option))
        if offers and not (board.rounds_left == 0 and board.second):
            _, offer, option = max(offers, key=lambda item: item[0])
            if isinstance(offer, Table):
                return self._decide(offer, "table", board, option, board.share(option), aim)
            current = board.current(option.proposal)
            return self._decide(offer, "counter", board, current, board.share(current), aim)
        return self.idle(board, legal)

    def _pick(self, board: Board, pid: str, aim: float) -> Option | None:
        good = [o for o in board.options[pid] if o.value > 0 and board.share(o) >= aim - 1e-9]
        return min(good, key=lambda o: (board.share(o), -o.value), default=None)

    def _decide(
        self, move: Move, action: str, board: Board, option: Option, share: float, aim: float
    ) -> Decision:
        reasons = Reasons(
            action, option.proposal, board.title(option.proposal), share, aim, trust=board.trust
        )
        return Decision(move, explain(board.view.names.of(self.side), reasons), reasons)


class Hardliner(_Aiming):
    """Never concedes: only its own best terms, and tough talk when there is nothing to do."""

    name = "hardliner"

    def aim(self, board: Board) -> float:
        """Always everything."""
        return 1.0

    def idle(self, board: Board, legal: Sequence[Move]) -> Decision:
        """Talk tough."""
        who = board.view.names.of(self.side)
        return _statement(who, legal, Tone.FIRM, "a hardliner talks tough when it waits")


class Conceder(_Aiming):
    """Concedes early on a fixed time curve, whatever the other side does."""

    name = "conceder"

    def aim(self, board: Board) -> float:
        """Falls fast from everything to nothing."""
        return float(1.0 - board.progress**0.5)


class TitForTat(_Aiming):
    """Mirrors the other side: its concessions and its tone."""

    name = "tft"

    def __init__(self, side: SideId, seed: int = 0) -> None:
        super().__init__(side, seed)
        self.level = 0.8
        self.tone: str | None = None

    def aim(self, board: Board) -> float:
        """Lower after their concessions, higher after their hard moves."""
        self.tone = None
        for item in self.seen:
            if item.kind in ("accept", "conciliatory", "gesture"):
                self.level -= 0.15
            elif item.kind in ("reject", "firm"):
                self.level += 0.15
            elif item.kind == "amend" and item.proposal is not None:
                after = board.option(item.proposal, item.terms).value
                before = board.option(item.proposal, item.before).value
                self.level += -0.15 if after > before else 0.15
            if item.kind in ("firm", "conciliatory", "gesture"):
                self.tone = item.kind
        self.level = max(0.0, min(1.0, self.level))
        return self.level

    def negotiate(self, view: View, legal: Sequence[Move]) -> Decision:
        """Answer a statement with the same tone, otherwise negotiate by its aim."""
        decision = super().negotiate(view, legal)
        who = view.names.of(self.side)
        if self.tone == "firm":
            return _statement(who, legal, Tone.FIRM, "they talked tough, so it does too")
        if self.tone in ("conciliatory", "gesture") and isinstance(
            decision.move, (Pass, Statement)
        ):
            return _statement(who, legal, Tone.CONCILIATORY, "they reached out, so it does too")
        return decision


class Bluffer(Hardliner):
    """A hardliner until the last round, then it takes whatever it can (the exploit check)."""

    name = "bluffer"

    def aim(self, board: Board) -> float:
        """Everything until the last round, then anything."""
        return 0.0 if board.rounds_left == 0 else 1.0


def _pass(who: str, legal: Sequence[Move], why: str) -> Decision:
    move = next((m for m in legal if isinstance(m, Pass)), legal[0])
    reasons = Reasons("pass", note=why)
    return Decision(move, explain(who, reasons), reasons)


def _statement(who: str, legal: Sequence[Move], tone: Tone, why: str) -> Decision:
    move = next((m for m in legal if isinstance(m, Statement) and m.tone is tone), None)
    if move is None:
        return _pass(who, legal, why)
    reasons = Reasons(tone.value, factors=((why, 0.0),))
    return Decision(move, explain(who, reasons), reasons)
