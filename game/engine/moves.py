"""Moves: small typed records of what one side does in its turn."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from game.scenario.models import SideId

Terms = tuple[tuple[str, str], ...]
"""Chosen terms of a proposal: (term id, variant id) pairs, sorted by term id."""


class Tone(str, Enum):
    """The tone of a public statement."""

    FIRM = "firm"
    CONCILIATORY = "conciliatory"


@dataclass(frozen=True)
class Table:
    """Put a proposal on the table with chosen terms (tabling counts as accepting it)."""

    side: SideId
    proposal: str
    terms: Terms = ()


@dataclass(frozen=True)
class Amend:
    """Change one term of a proposal on the table."""

    side: SideId
    proposal: str
    term: str
    variant: str


@dataclass(frozen=True)
class RaiseObjection:
    """Object to a proposal on the table; it cannot be agreed while the objection is open."""

    side: SideId
    objection: str
    proposal: str


@dataclass(frozen=True)
class Answer:
    """Answer the other side's open objection with an argument."""

    side: SideId
    objection: str
    proposal: str
    argument: str


@dataclass(frozen=True)
class WithdrawObjection:
    """Take back one's own open objection, so it no longer blocks the proposal."""

    side: SideId
    objection: str
    proposal: str


@dataclass(frozen=True)
class Accept:
    """Accept a proposal on the table with its current terms."""

    side: SideId
    proposal: str


@dataclass(frozen=True)
class Reject:
    """Reject the other side's proposal, or withdraw one's own."""

    side: SideId
    proposal: str


@dataclass(frozen=True)
class Statement:
    """Speak to the press: firm (for support at home) or conciliatory (for trust)."""

    side: SideId
    tone: Tone


@dataclass(frozen=True)
class Gesture:
    """A unilateral gesture of goodwill, with a promise of restraint for two rounds."""

    side: SideId


@dataclass(frozen=True)
class Pass:
    """Do nothing this turn."""

    side: SideId


@dataclass(frozen=True)
class WalkOut:
    """Leave the table: the game ends in breakdown."""

    side: SideId


Move = (
    Table
    | Amend
    | RaiseObjection
    | Answer
    | WithdrawObjection
    | Accept
    | Reject
    | Statement
    | Gesture
    | Pass
    | WalkOut
)

MOVE_TYPES: dict[str, type[Move]] = {
    "table": Table,
    "amend": Amend,
    "raise_objection": RaiseObjection,
    "answer": Answer,
    "withdraw_objection": WithdrawObjection,
    "accept": Accept,
    "reject": Reject,
    "statement": Statement,
    "gesture": Gesture,
    "pass": Pass,
    "walk_out": WalkOut,
}
_TYPE_NAMES = {cls: name for name, cls in MOVE_TYPES.items()}


def move_type(move: Move) -> str:
    """The move's type name as used in saves and logs (e.g. `raise_objection`)."""
    return _TYPE_NAMES[type(move)]


def move_to_dict(move: Move) -> dict[str, Any]:
    """A JSON-ready mapping for a move."""
    data: dict[str, Any] = {"type": move_type(move), "side": move.side.value}
    if isinstance(move, Table):
        data["proposal"] = move.proposal
        data["terms"] = {term: variant for term, variant in move.terms}
    elif isinstance(move, Amend):
        data.update(proposal=move.proposal, term=move.term, variant=move.variant)
    elif isinstance(move, (RaiseObjection, WithdrawObjection)):
        data.update(objection=move.objection, proposal=move.proposal)
    elif isinstance(move, Answer):
        data.update(objection=move.objection, proposal=move.proposal, argument=move.argument)
    elif isinstance(move, (Accept, Reject)):
        data["proposal"] = move.proposal
    elif isinstance(move, Statement):
        data["tone"] = move.tone.value
    return data


def move_from_dict(data: dict[str, Any]) -> Move:
    """Rebuild a move from `move_to_dict` output; raises ValueError on malformed data."""
    try:
        kind = MOVE_TYPES[data["type"]]
        side = SideId(data["side"])
        if kind is Table:
            terms = data.get("terms", {})
            if not isinstance(terms, dict):
                raise ValueError("terms must be a mapping")
            return Table(side, str(data["proposal"]), normalise_terms(terms))
        if kind is Amend:
            return Amend(side, str(data["proposal"]), str(data["term"]), str(data["variant"]))
        if kind is RaiseObjection:
            return RaiseObjection(side, str(data["objection"]), str(data["proposal"]))
        if kind is WithdrawObjection:
            return WithdrawObjection(side, str(data["objection"]), str(data["proposal"]))
        if kind is Answer:
            return Answer(
                side, str(data["objection"]), str(data["proposal"]), str(data["argument"])
            )
        if kind is Accept:
            return Accept(side, str(data["proposal"]))
        if kind is Reject:
            return Reject(side, str(data["proposal"]))
        if kind is Statement:
            return Statement(side, Tone(data["tone"]))
        if kind is Gesture:
            return Gesture(side)
        if kind is Pass:
            return Pass(side)
        return WalkOut(side)
    except (KeyError, TypeError) as error:
        raise ValueError(f"malformed move {data!r}: {error}") from error


def normalise_terms(terms: dict[str, str]) -> Terms:
    """Terms as sorted (term, variant) pairs, the one form the engine compares."""
    return tuple(sorted((str(term), str(variant)) for term, variant in terms.items()))
