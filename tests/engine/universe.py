"""Every move anyone could try in a scenario, legal or not, for property tests."""

from __future__ import annotations

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
from game.engine.values import all_terms
from game.scenario.models import Scenario, SideId


def all_moves(scenario: Scenario) -> list[Move]:
    """Every well-formed move for both sides, plus a few that name things that do not exist."""
    moves: list[Move] = []
    for side in SideId:
        for proposal in scenario.proposals:
            moves.extend(Table(side, proposal.id, terms) for terms in all_terms(proposal))
            moves += [Accept(side, proposal.id), Reject(side, proposal.id)]
            for term in proposal.terms:
                moves.extend(Amend(side, proposal.id, term.id, v.id) for v in term.variants)
        for objection in scenario.objections:
            for proposal_id in objection.against:
                moves.append(RaiseObjection(side, objection.id, proposal_id))
                moves.extend(Answer(side, objection.id, proposal_id, a) for a in objection.answers)
                moves.append(WithdrawObjection(side, objection.id, proposal_id))
        moves += [
            Statement(side, Tone.FIRM),
            Statement(side, Tone.CONCILIATORY),
            Gesture(side),
            Pass(side),
            WalkOut(side),
            Table(side, "no-such-proposal"),
            Accept(side, "no-such-proposal"),
            RaiseObjection(side, "no-such-objection", scenario.proposals[0].id),
        ]
    return moves
