"""Short sentences describing a move before it is made, for buttons and explanations."""

from __future__ import annotations

from game.engine import constants as C
from game.engine.handlers import terms_phrase
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
    WalkOut,
    WithdrawObjection,
)
from game.engine.state import State
from game.scenario.models import Scenario


def describe_move(
    scenario: Scenario, move: Move, short: bool = True, before: State | None = None
) -> str:
    """What the move is, in a few words a player understands (`short`: an objection's text
    cut to fit a button; a report wants it whole). With `before`, the state it is made in,
    a rejection says whether it withdraws the mover's own proposal or rejects the other
    side's."""
    if isinstance(move, Table):
        proposal = scenario.proposal(move.proposal)
        return f"Table '{proposal.title}'{terms_phrase(proposal, move.terms)}"
    if isinstance(move, Amend):
        proposal = scenario.proposal(move.proposal)
        term = next(t for t in proposal.terms if t.id == move.term)
        variant = next(v for v in term.variants if v.id == move.variant)
        return f"Amend '{proposal.title}': {term.label} to {variant.label}"
    if isinstance(move, RaiseObjection):
        objection = scenario.objection(move.objection)
        text = _short(objection.text) if short else objection.text
        return f"Object to '{scenario.proposal(move.proposal).title}': {text}"
    if isinstance(move, Answer):
        argument = scenario.argument(move.argument)
        cost = f" (costs {argument.cost.support} support)" if argument.cost.support else ""
        return f"Answer with '{argument.title}'{cost}"
    if isinstance(move, WithdrawObjection):
        objection = scenario.objection(move.objection)
        text = _short(objection.text) if short else objection.text
        return f"Withdraw the objection to '{scenario.proposal(move.proposal).title}': {text}"
    if isinstance(move, Accept):
        return f"Accept '{scenario.proposal(move.proposal).title}'"
    if isinstance(move, Reject):
        title = scenario.proposal(move.proposal).title
        if before is None:
            return f"Reject or withdraw '{title}'"
        own = before.proposal(move.proposal).tabled_by is move.side
        return f"Withdraw your proposal '{title}'" if own else f"Reject '{title}'"
    if isinstance(move, Statement):
        if move.tone is Tone.FIRM:
            return (
                f"Firm public statement (support +{C.FIRM_SUPPORT}, "
                f"their trust in you {C.FIRM_TRUST})"
            )
        return (
            f"Conciliatory public statement (their trust in you +{C.CONCILIATORY_TRUST}, "
            f"support {C.CONCILIATORY_SUPPORT})"
        )
    if isinstance(move, Gesture):
        return (
            f"Goodwill gesture (their trust +{C.GESTURE_TRUST}, support {C.GESTURE_SUPPORT}; "
            f"no firm words or rejections for {C.RESTRAINT_ROUNDS} rounds)"
        )
    if isinstance(move, Pass):
        return "Pass (two passes in a row sign the agreed package)"
    if isinstance(move, WalkOut):
        return "Walk out (ends the talks in breakdown)"
    raise TypeError(f"unknown move {move!r}")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
