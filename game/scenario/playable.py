"""Cross-checks that a scenario can be played: events fire, both sides can act, answers fit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from game.scenario.checks import Issue, LocTuple
from game.scenario.models import Proposal, Scenario, SideId, Trigger
from game.scenario.problems import Severity

# For each trigger: the keys it needs, and the keys it ignores.
_NEEDS = {
    Trigger.SCHEDULED: ("round",),
    Trigger.CONDITIONAL: ("when",),
    Trigger.RANDOM: ("probability",),
}
_IGNORES = {
    Trigger.SCHEDULED: ("when", "probability"),
    Trigger.CONDITIONAL: ("round", "probability"),
    Trigger.RANDOM: ("round",),
}


def events(scenario: Scenario) -> Iterator[Issue]:
    """Each event has what its trigger needs, and fires within the game's rounds."""
    for index, event in enumerate(scenario.events):
        base: LocTuple = ("events", index)
        trigger = event.trigger.value
        for key in _NEEDS[event.trigger]:
            if getattr(event, key) is None:
                yield Issue((*base, key), f"a {trigger} event needs '{key}'")
        for key in _IGNORES[event.trigger]:
            if getattr(event, key) is not None:
                yield Issue(
                    (*base, key),
                    f"'{key}' is ignored for a {trigger} event",
                    Severity.WARNING,
                    at_key=True,
                )
        late = event.round is not None and event.round > scenario.rounds
        if event.trigger is Trigger.SCHEDULED and late:
            yield Issue(
                (*base, "round"),
                f"round {event.round} is after the last round ({scenario.rounds})",
            )


def hints(scenario: Scenario) -> Iterator[Issue]:
    """Hints appear in a round the game has."""
    for index, hint in enumerate(scenario.hints):
        if hint.round > scenario.rounds:
            yield Issue(
                ("hints", index, "round"),
                f"round {hint.round} is after the last round ({scenario.rounds})",
            )


def both_sides_act(scenario: Scenario) -> Iterator[Issue]:
    """Each side can table at least one proposal."""
    for side in SideId:
        if not any(side in proposal.tabled_by for proposal in scenario.proposals):
            yield Issue(
                ("proposals",),
                f"{side.value} cannot table any proposal: add '{side.value}' to the "
                "tabled_by list of at least one proposal",
                at_key=True,
            )


def answers(scenario: Scenario) -> Iterator[Issue]:
    """An argument answering an objection is made by the side the objection is raised against."""
    for index, objection in enumerate(scenario.objections):
        for j, answer in enumerate(objection.answers):
            argument = scenario.argument_by_id.get(answer)
            if argument is not None and argument.side is objection.side:
                side = objection.side.value
                yield Issue(
                    ("objections", index, "answers", j),
                    f"argument '{answer}' is made by {side}, and so is this objection: "
                    f"its answers must come from {objection.side.other.value}",
                )


def unused(scenario: Scenario) -> Iterator[Issue]:
    """Warnings for objections that can never be raised and arguments nothing asks for."""
    for index, objection in enumerate(scenario.objections):
        side = objection.side
        targets = [
            scenario.proposal_by_id[p] for p in objection.against if p in scenario.proposal_by_id
        ]
        # An objection can be raised only against a proposal its side has not accepted; tabling
        # counts as accepting, but an amendment by the other side clears acceptances.
        never = [p for p in targets if not (side.other in p.tabled_by or p.terms)]
        if targets and len(never) == len(targets):
            yield Issue(
                ("objections", index, "against"),
                f"this objection can never be raised: {side.value} tables every proposal "
                "it is against (tabling counts as accepting), and none has terms "
                f"{side.other.value} could amend",
                Severity.WARNING,
                at_key=True,
            )
            continue
        for proposal in never:
            # The others still work, but this one cannot be objected to: say which.
            yield Issue(
                ("objections", index, "against", objection.against.index(proposal.id)),
                f"this objection can never be raised against '{proposal.id}': only "
                f"{side.value} tables it (tabling counts as accepting), and it has no terms "
                f"{side.other.value} could amend",
                Severity.WARNING,
            )
    answered = {answer for objection in scenario.objections for answer in objection.answers}
    for index, argument in enumerate(scenario.arguments):
        if argument.id not in answered:
            yield Issue(
                ("arguments", index, "id"),
                f"argument '{argument.id}' is never used: no objection lists it in its answers",
                Severity.WARNING,
            )


def agreeable(scenario: Scenario) -> Iterator[Issue]:
    """Warnings for proposals that can never be tabled because they need one that red lines
    bar on every choice of its terms, and for a scenario where nothing can be agreed.

    A barred proposal on its own is left alone: a demand the other side will never sign can
    be the point (it may still win support at home when tabled)."""
    barred = never_agreed(scenario)
    for index, proposal in enumerate(scenario.proposals):
        why = barred.get(proposal.id)
        if why is not None and why.needs is not None:
            yield Issue(("proposals", index, "requires"), why.reason, Severity.WARNING)
    if scenario.proposals and len(barred) == len(scenario.proposals):
        yield Issue(
            ("proposals",),
            "nothing in this scenario can ever be agreed: red lines bar every proposal, or "
            "what it needs",
            Severity.WARNING,
            at_key=True,
        )


def tablers_barred(scenario: Scenario) -> Iterator[Issue]:
    """Warnings for proposals that no side may table: tabling counts as accepting, so a side
    whose own red lines bar every choice of the terms can never table it."""
    for index, proposal in enumerate(scenario.proposals):
        tablers = list(dict.fromkeys(proposal.tabled_by))
        if not all(bars_every_choice(scenario, side, proposal) for side in tablers):
            continue
        names = [scenario.sides.of(side).name for side in tablers]
        who = f"only {names[0]} may table it" if len(names) == 1 else "both sides may table it"
        whose = f"{names[0]}'s own red lines" if len(names) == 1 else "each side's own red lines"
        yield Issue(
            ("proposals", index, "tabled_by"),
            f"'{proposal.id}' can never be tabled: {who}, and {whose} {_bar(proposal)} "
            "(tabling counts as accepting)",
            Severity.WARNING,
        )


@dataclass(frozen=True)
class Unagreeable:
    """Why a proposal can never be agreed, in words; `needs` names the prerequisite to blame
    when red lines bar not the proposal itself but one it needs."""

    reason: str
    needs: str | None = None


def never_agreed(scenario: Scenario) -> dict[str, Unagreeable]:
    """Proposals that can never be agreed, by id: red lines bar every choice of their terms,
    or they need one that can never be agreed (and so on down the chain)."""
    barred: dict[str, Unagreeable] = {}
    for proposal in scenario.proposals:
        sides = _barring_sides(scenario, proposal)
        if sides:
            who = " and ".join(scenario.sides.of(side).name for side in sides)
            barred[proposal.id] = Unagreeable(f"the red lines of {who} {_bar(proposal)}")
    changed = True
    while changed:
        changed = False
        for proposal in scenario.proposals:
            blocker = next((p for p in proposal.requires if p in barred), None)
            if proposal.id not in barred and blocker is not None:
                earlier = barred[blocker]
                why = earlier.reason if earlier.needs is None else "it can never be tabled"
                barred[proposal.id] = Unagreeable(
                    f"'{proposal.id}' can never be tabled: it needs '{blocker}', which can "
                    f"never be agreed ({why})",
                    blocker,
                )
                changed = True
    return barred


def _bar(proposal: Proposal) -> str:
    """What red lines do to a proposal they bar, in words that fit whether it has terms."""
    return "cover every choice of its terms" if proposal.terms else "bar it"


def bars_every_choice(scenario: Scenario, side: SideId, proposal: Proposal) -> bool:
    """Whether one side's own red lines bar every choice of the proposal's terms."""
    return all(side in _crossing(scenario, proposal, combo) for combo in _choices(proposal))


def _choices(proposal: Proposal) -> Iterator[dict[str, str]]:
    """Every combination of the proposal's terms, term id -> variant id."""
    choices = [[(term.id, variant.id) for variant in term.variants] for term in proposal.terms]
    for combo in product(*choices):
        yield dict(combo)


def _crossing(scenario: Scenario, proposal: Proposal, chosen: dict[str, str]) -> list[SideId]:
    """The sides whose red lines these terms of the proposal cross."""
    return [
        side
        for side in SideId
        if any(
            line.proposal == proposal.id
            and all(chosen.get(term) == variant for term, variant in line.terms.items())
            for line in scenario.sides.of(side).red_lines
        )
    ]


def _barring_sides(scenario: Scenario, proposal: Proposal) -> list[SideId]:
    """The sides whose red lines together bar every combination of the proposal's terms
    (empty when some combination is open to both)."""
    used: set[SideId] = set()
    for chosen in _choices(proposal):
        crossing = _crossing(scenario, proposal, chosen)
        if not crossing:
            return []
        used.add(crossing[0])
    return [side for side in SideId if side in used]
