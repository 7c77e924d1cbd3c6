"""How a level values each legal move, in points of its own final score, with the reasons."""

from __future__ import annotations

from dataclasses import replace

from game.ai.board import Option, terms_words
from game.ai.context import PATIENCE, WARY_TRUST, Candidate, Context
from game.ai.models import Model
from game.ai.player import Reasons
from game.engine import constants as C
from game.engine.moves import (
    Accept,
    Amend,
    Answer,
    Gesture,
    Move,
    Pass,
    RaiseObjection,
    Reject,
    Statement,
    Table,
    Tone,
    WithdrawObjection,
)
from game.scenario.models import ProposalKind


def score(ctx: Context, move: Move) -> Candidate | None:
    """The value of one legal move (None: not worth considering)."""
    candidate = _score(ctx, move)
    if candidate is not None and isinstance(move, (Statement, Gesture, Pass)):
        # A move that can never bring an agreement wastes the move as surely as a refused
        # offer does: charging only the offer made hard talk tough in the tutorial's last
        # rounds instead of tabling its own first priority.
        candidate.utility -= ctx.slot_cost()
    return candidate


def _score(ctx: Context, move: Move) -> Candidate | None:
    if isinstance(move, Accept):
        return _accept(ctx, move)
    if isinstance(move, Table):
        return _table(ctx, move)
    if isinstance(move, Amend):
        return _amend(ctx, move)
    if isinstance(move, Answer):
        return _answer(ctx, move)
    if isinstance(move, Statement):
        return _statement(ctx, move)
    if isinstance(move, Gesture):
        return _gesture(ctx, move)
    if isinstance(move, Pass):
        return Candidate(move, 0.0, Reasons("pass", trust=ctx.board.trust))
    if isinstance(move, (Reject, RaiseObjection, WithdrawObjection)):
        # The levels never object, so they have no objection of their own to withdraw.
        return None
    return None  # walking out is never worth it


def _accept(ctx: Context, move: Accept) -> Candidate | None:
    board = ctx.board
    pid = move.proposal
    current = board.current(pid)
    yes, share, bar = ctx.acceptable(pid)
    blocked = 0.5 if board.blocked(pid) else 1.0
    if yes:
        gain = current.value / board.scale
        utility = (ctx.weight * current.value + ctx.unlock_bonus(pid)) * blocked + 0.3
        factors = [(f"it adds {gain:.2f} to our package", gain)]
        if ctx.unlock_bonus(pid) > 0:
            factors.append(("it opens the way to the proposals that need it", 0.0))
        reasons = Reasons(
            "accept",
            pid,
            board.title(pid),
            share,
            bar.value,
            "share",
            tuple(factors),
            board.trust,
            bar.trust_note,
            bar=bar.words,
            bar_why=bar.why,
        )
        return Candidate(move, utility, reasons)
    rolled, loss, gain = ctx.logroll(pid)
    if rolled:
        costs = (
            (f"it costs us {loss:.2f}", loss),
            (f"by our estimate it gives them {gain:.2f}", gain),
        )
        reasons = Reasons(
            "accept",
            pid,
            board.title(pid),
            ctx.our_package,
            ctx.their_package,
            "balance",
            costs,
            board.trust,
        )
        return Candidate(move, 0.6, reasons)
    return None


def _table(ctx: Context, move: Table) -> Candidate | None:
    board = ctx.board
    pid = move.proposal
    allowed = ctx.tableable.get(pid, set())
    options = [o for o in board.options[pid] if o.terms in allowed and o.value > 0]
    pick = ctx.pick_offer(pid, options, ctx.aim)
    if pick is None or pick.terms != move.terms or ctx.last_move:
        return None
    chance = ctx.accept_chance(pick)
    utility = PATIENCE * chance * (ctx.weight * pick.value + ctx.unlock_bonus(pid))
    utility -= (1.0 - chance) * ctx.slot_cost()
    return Candidate(move, utility, _offer_reasons(ctx, "table", pick, chance))


def _offer_reasons(
    ctx: Context, action: str, pick: Option, chance: float, aim: float | None = None
) -> Reasons:
    board = ctx.board
    share = board.share(pick)
    aim = ctx.aim if aim is None else aim
    factors = [(f"it would add {pick.value / board.scale:.2f} to our package", pick.value)]
    if ctx.endgame and len(board.options[pick.proposal]) > 1:
        # Only a proposal with terms to choose has terms fair to both (by our estimate).
        factors.insert(0, ("the deadline is close, so we offer terms we think fair to both", 1.0))
    elif aim < ctx.aim - 1e-9 and share < ctx.aim - 1e-9:
        factors.insert(0, ("they have let our offer sit twice, so holding out no longer pays", aim))
    note = None
    if pick.kind is ProposalKind.PROMISE and board.their_trust < WARY_TRUST:
        note = f"their trust in us is only {board.their_trust}, so a bare promise may not convince"
    return Reasons(
        action,
        pick.proposal,
        board.title(pick.proposal),
        share,
        aim,
        "share",
        tuple(factors[:2]),
        board.trust,
        note,
        None,
        chance if ctx.style.model is not Model else None,
    )


def _amend(ctx: Context, move: Amend) -> Candidate | None:
    board = ctx.board
    pid = move.proposal
    view = board.proposals[pid]
    if ctx.last_move or any(
        o.proposal == pid and o.side is board.other for o in board.view.objections
    ):
        # Their objection blocks it whatever the terms: answering comes before amending.
        return None
    new = board.option(pid, ((move.term, move.variant),))
    if new.value <= 0:
        return None
    current = board.current(pid)
    ours_only = view.accepted_by == (board.side,)
    allowed = ctx.amendable.get(pid, set())
    neighbours = [o for o in board.options[pid] if o.value > 0 and o.terms in allowed]
    aim = ctx.aim
    if ours_only and ctx.style.model is not Model and ctx.passed_over(current) >= 2:
        # They have let our offer sit twice: holding out no longer pays, so the same rule
        # as for accepting decides how far to soften it.
        aim = min(aim, ctx.bar(pid).value)
    pick = ctx.pick_offer(pid, neighbours, aim)
    if pick is None or pick.terms != new.terms:
        return None
    chance = ctx.accept_chance(new)
    if ours_only:
        # Our own standing offer that they let pass: concede only if it is likely to pay.
        stay = ctx.accept_chance(current) * current.value
        if chance * new.value <= 1.1 * stay or board.share(new) < aim:
            return None
        utility = PATIENCE * (chance * new.value - 0.5 * stay) * ctx.weight
        reasons = _offer_reasons(ctx, "amend", new, chance, aim)
        return Candidate(move, utility, replace(reasons, before=board.share(current)))
    utility = PATIENCE * chance * (ctx.weight * new.value + ctx.unlock_bonus(pid))
    base = _offer_reasons(ctx, "amend", new, chance)
    change = terms_words(board, new)
    if ctx.barred(pid):
        # Their terms cross our red line: any terms worth something beat a deal we cannot sign.
        reasons = Reasons(
            "redline",
            pid,
            board.title(pid),
            factors=base.factors,
            trust=board.trust,
            chance=chance if ctx.style.model is not Model else None,
            note=f"we counter with '{change}'",
        )
        return Candidate(move, utility, reasons)
    yes, share, bar = ctx.acceptable(pid)
    if yes or new.value <= current.value:
        return None
    reasons = Reasons(
        "counter",
        pid,
        board.title(pid),
        share,
        bar.value,
        "share",
        base.factors,
        board.trust,
        bar.trust_note,
        f"'{change}' would change our answer" if change else None,
        chance if ctx.style.model is not Model else None,
        f"we counter with '{change}'",
        bar.words,
        bar_why=bar.why,
    )
    return Candidate(move, utility, reasons)


def _answer(ctx: Context, move: Answer) -> Candidate | None:
    board = ctx.board
    pid = move.proposal
    current = board.current(pid)
    own_offer = board.side in board.proposals[pid].accepted_by
    if current.value <= 0 or not board.proposals[pid].status.on_table:
        return None
    if not ctx.style.answers and not own_offer:
        return None
    argument = board.view.argument(move.argument)
    # The rules give each argument its own chance, and none at all while its condition
    # (a trust level, a round) is unmet: the same numbers the move list shows a person.
    success = 0.0 if argument.unmet else argument.chance
    cost = argument.support_cost * C.SUPPORT_WEIGHT / 100
    accepted = board.other in board.proposals[pid].accepted_by
    if not accepted and ctx.last_move:
        # Settling it now cannot lead to an agreement: they have no move left to accept.
        return None
    chance = 1.0 if accepted else ctx.accept_chance(current)
    worth = ctx.weight * current.value + ctx.unlock_bonus(pid)
    utility = success * chance * worth - 0.6 - cost
    settle = f"this argument has a {success:.0%} chance of settling the objection"
    if cost:
        settle += f" and costs us {argument.support_cost} support"
    factors = (
        (f"it unblocks something worth {current.value / board.scale:.2f} to us", current.value),
        (settle, success),
    )
    note = f"it cannot work yet: {argument.unmet[0]}" if argument.unmet else None
    reasons = Reasons(
        "answer",
        pid,
        board.title(pid),
        None,
        None,
        "share",
        factors,
        board.trust,
        note,
    )
    return Candidate(move, utility, reasons)


def _statement(ctx: Context, move: Statement) -> Candidate | None:
    board = ctx.board
    lasting = max(0, 3 - board.rounds_left)
    pending = sum(
        1
        for p in board.on_table()
        if p.accepted_by == (board.side,) and board.current(p.id).kind is ProposalKind.PROMISE
    )
    if move.tone is Tone.FIRM:
        if any(c.side is board.side and c.status == "open" for c in board.view.commitments):
            return None
        if not ctx.style.idle_firm and ctx.their_last != "firm":
            return None
        if ctx.style.reciprocal and ctx.their_last in ("conciliatory", "gesture"):
            # They reached out: a reciprocal level does not answer warmth with tough talk.
            return None
        # Early on, tough talk costs more than the points show: their trust in us decides how
        # much our offers are worth to them.
        tension = 0.4 if board.rounds_left >= 2 else 0.0
        utility = 0.8 - 0.1 * lasting - 0.25 * pending - tension
        factors = [
            (
                f"a firm line raises our support at home by {C.FIRM_SUPPORT}, though their "
                f"trust in us falls {-C.FIRM_TRUST}",
                0.8,
            )
        ]
        if ctx.retaliations and board.rounds_left >= 1:
            # They answer tough talk with their own: another round of it helps nobody.
            utility -= 1.5
        elif ctx.style.reciprocal and ctx.their_last == "firm":
            utility += 0.3
            factors.insert(0, ("they talked tough, and we answer in kind", 0.3))
        reasons = Reasons("firm", factors=tuple(factors[:2]), trust=board.trust)
        return Candidate(move, utility, reasons)
    need = _trust_need(ctx)
    utility = -0.4 + 0.1 * lasting + need
    if ctx.style.reciprocal and ctx.their_last in ("conciliatory", "gesture"):
        utility += 0.2
    warm = (("it raises their trust in us by 3", need), ("it costs us 2 support", -0.4))
    return Candidate(move, utility, Reasons("conciliatory", factors=warm, trust=board.trust))


def _gesture(ctx: Context, move: Gesture) -> Candidate | None:
    board = ctx.board
    need = _trust_need(ctx)
    if need <= 0:
        return None
    lasting = max(0, 6 - board.rounds_left)
    utility = -0.9 + 0.1 * lasting + 1.6 * need
    factors = (
        ("it raises their trust in us by 6, which our offers need", need),
        ("it costs us 3 support and ties our hands for two rounds", -0.9),
    )
    return Candidate(move, utility, Reasons("gesture", factors=factors, trust=board.trust))


def _trust_need(ctx: Context) -> float:
    """How much a careful level gains from raising the other side's trust in it now."""
    board = ctx.board
    if not ctx.style.careful or board.rounds_left < 1:
        return 0.0
    needed = ctx.observer.trust_needed
    objections = [o for o in board.view.objections if o.side is board.other]
    if objections and needed is not None and board.their_trust < needed:
        return 0.9
    promises = [
        p
        for p in board.on_table()
        if board.side in p.accepted_by and board.current(p.id).kind is ProposalKind.PROMISE
    ]
    if promises and board.their_trust < WARY_TRUST:
        return 0.5
    return 0.0
