"""Legality: why a move may not be made now, and the list of moves that may."""

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
from game.engine.results import Rejected
from game.engine.state import OpenObjection, State, Status
from game.engine.values import all_terms, crosses_red_line, terms_with_defaults
from game.scenario.models import SideId


def check(state: State, move: Move) -> Rejected | None:
    """The reason `move` is illegal in `state`, or None if it may be made."""
    if state.over:
        return Rejected("game_over", "The talks are over: no more moves can be made.")
    if move.side is not state.to_move:
        return Rejected(
            "not_your_turn",
            f"It is {state.names.of(state.to_move)}'s turn, not {state.names.of(move.side)}'s.",
        )
    if isinstance(move, Table):
        return _check_table(state, move)
    if isinstance(move, Amend):
        return _check_amend(state, move)
    if isinstance(move, RaiseObjection):
        return _check_raise(state, move)
    if isinstance(move, Answer):
        return _check_answer(state, move)
    if isinstance(move, WithdrawObjection):
        return _check_withdraw(state, move)
    if isinstance(move, Accept):
        return _check_accept(state, move)
    if isinstance(move, Reject):
        return _on_table(state, move.proposal)
    if isinstance(move, Gesture) and any(
        c.side is move.side and c.status == "open" for c in state.commitments
    ):
        return Rejected(
            "commitment_active", "You already have a promise of restraint running: keep it first."
        )
    return None


def legal_moves(state: State, side: SideId) -> list[Move]:
    """Every move `side` may make now, in a stable order (empty when it is not its turn)."""
    if state.over or side is not state.to_move:
        return []
    scenario = state.scenario
    candidates: list[Move] = []
    for proposal in scenario.proposals:
        if side in proposal.tabled_by:
            candidates.extend(Table(side, proposal.id, terms) for terms in all_terms(proposal))
    for live in state.proposals:
        if not live.status.on_table:
            continue
        proposal = scenario.proposal(live.id)
        current = dict(terms_with_defaults(proposal, live.terms))
        for term in proposal.terms:
            candidates.extend(
                Amend(side, proposal.id, term.id, variant.id)
                for variant in term.variants
                if variant.id != current[term.id]
            )
        candidates.append(Accept(side, live.id))
        candidates.append(Reject(side, live.id))
    for objection in scenario.objections:
        if objection.side is side:
            candidates.extend(RaiseObjection(side, objection.id, p) for p in objection.against)
    for open_objection in state.objections:
        for argument in scenario.objection(open_objection.objection).answers:
            candidates.append(
                Answer(side, open_objection.objection, open_objection.proposal, argument)
            )
        candidates.append(
            WithdrawObjection(side, open_objection.objection, open_objection.proposal)
        )
    candidates += [
        Statement(side, Tone.CONCILIATORY),
        Statement(side, Tone.FIRM),
        Gesture(side),
        Pass(side),
        WalkOut(side),
    ]
    return [move for move in candidates if check(state, move) is None]


def _known(state: State, proposal_id: str) -> Rejected | None:
    if proposal_id not in state.scenario.proposal_by_id:
        return Rejected("unknown_proposal", f"There is no proposal called '{proposal_id}'.")
    return None


def _on_table(state: State, proposal_id: str) -> Rejected | None:
    unknown = _known(state, proposal_id)
    if unknown:
        return unknown
    if not state.proposal(proposal_id).status.on_table:
        title = state.scenario.proposal(proposal_id).title
        return Rejected("not_on_table", f"'{title}' is not on the table.")
    return None


def _check_table(state: State, move: Table) -> Rejected | None:
    unknown = _known(state, move.proposal)
    if unknown:
        return unknown
    proposal = state.scenario.proposal(move.proposal)
    live = state.proposal(move.proposal)
    if move.side not in proposal.tabled_by:
        name = state.names.of(move.side)
        return Rejected("not_allowed", f"{name} cannot table '{proposal.title}'.")
    if live.status.on_table:
        return Rejected("already_on_table", f"'{proposal.title}' is already on the table.")
    if live.status is Status.AGREED:
        return Rejected("already_agreed", f"'{proposal.title}' is already agreed.")
    missing = [p for p in proposal.requires if state.proposal(p).status is not Status.AGREED]
    if missing:
        titles = ", ".join(f"'{state.scenario.proposal(p).title}'" for p in missing)
        return Rejected("needs_prerequisite", f"'{proposal.title}' needs {titles} agreed first.")
    variants = {term.id: {v.id for v in term.variants} for term in proposal.terms}
    for term, variant in move.terms:
        if variant not in variants.get(term, set()):
            return Rejected("bad_terms", f"'{proposal.title}' has no term option {term}={variant}.")
    line = crosses_red_line(state.scenario, move.side, move.proposal, move.terms)
    if line:
        # Tabling counts as accepting, so the tabler's red lines apply here too.
        return Rejected("red_line", f"Tabling this would cross your red line: {line}")
    if terms_with_defaults(proposal, move.terms) in live.rejected_terms:
        return Rejected(
            "same_terms",
            f"'{proposal.title}' was already turned down on these terms: change a term first.",
        )
    return None


def _check_amend(state: State, move: Amend) -> Rejected | None:
    problem = _on_table(state, move.proposal)
    if problem:
        return problem
    proposal = state.scenario.proposal(move.proposal)
    term = next((t for t in proposal.terms if t.id == move.term), None)
    if term is None or move.variant not in {v.id for v in term.variants}:
        return Rejected(
            "bad_terms", f"'{proposal.title}' has no term option {move.term}={move.variant}."
        )
    current = dict(terms_with_defaults(proposal, state.proposal(move.proposal).terms))
    if current[move.term] == move.variant:
        return Rejected("no_change", "That is already the term on the table.")
    current[move.term] = move.variant
    line = crosses_red_line(
        state.scenario, move.side, move.proposal, tuple(sorted(current.items()))
    )
    if line:
        # Amending counts as accepting the amended version.
        return Rejected("red_line", f"This amendment would cross your red line: {line}")
    return None


def _open_objection(state: State, objection: str, proposal: str) -> OpenObjection | None:
    """The open objection `objection` against `proposal`, if there is one."""
    return next(
        (o for o in state.objections if o.objection == objection and o.proposal == proposal),
        None,
    )


def _check_raise(state: State, move: RaiseObjection) -> Rejected | None:
    objection = state.scenario.objection_by_id.get(move.objection)
    if objection is None:
        return Rejected("unknown_objection", f"There is no objection called '{move.objection}'.")
    if objection.side is not move.side:
        return Rejected("not_your_objection", "That objection belongs to the other side.")
    if move.proposal not in objection.against:
        return Rejected(
            "objection_not_applicable", "That objection does not apply to this proposal."
        )
    problem = _on_table(state, move.proposal)
    if problem:
        return problem
    if _open_objection(state, move.objection, move.proposal):
        return Rejected("already_open", "That objection is already open.")
    if (move.objection, move.proposal) in state.answered:
        return Rejected("already_answered", "That objection was already answered on this proposal.")
    if move.side in state.proposal(move.proposal).accepted_by:
        return Rejected(
            "already_accepted", "You have accepted this proposal: you cannot object now."
        )
    return None


def _check_answer(state: State, move: Answer) -> Rejected | None:
    open_objection = _open_objection(state, move.objection, move.proposal)
    if open_objection is None:
        return Rejected("not_open", "That objection is not open.")
    if open_objection.side is move.side:
        return Rejected("own_objection", "You cannot answer your own objection.")
    objection = state.scenario.objection(move.objection)
    argument = state.scenario.argument_by_id.get(move.argument)
    if argument is None or move.argument not in objection.answers:
        return Rejected("wrong_argument", "That argument does not answer this objection.")
    if argument.side is not move.side:
        return Rejected("not_your_argument", "That argument belongs to the other side.")
    if move.argument in open_objection.tried:
        return Rejected("already_tried", "You already tried that argument on this objection.")
    if state.support.of(move.side) < argument.cost.support:
        return Rejected(
            "cannot_afford",
            f"It costs {argument.cost.support} support and you have {state.support.of(move.side)}.",
        )
    return None


def _check_withdraw(state: State, move: WithdrawObjection) -> Rejected | None:
    open_objection = _open_objection(state, move.objection, move.proposal)
    if open_objection is None:
        return Rejected("not_open", "That objection is not open.")
    if open_objection.side is not move.side:
        return Rejected(
            "not_your_objection", "Only the side that raised an objection can withdraw it."
        )
    return None


def _check_accept(state: State, move: Accept) -> Rejected | None:
    problem = _on_table(state, move.proposal)
    if problem:
        return problem
    live = state.proposal(move.proposal)
    if move.side in live.accepted_by:
        return Rejected("already_accepted", "You have already accepted this proposal.")
    line = crosses_red_line(state.scenario, move.side, move.proposal, live.terms)
    if line:
        return Rejected("red_line", f"Accepting this would cross your red line: {line}")
    return None
