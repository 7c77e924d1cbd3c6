"""Cross-checks that conditions can hold: events that can fire, hints and arguments that work."""

from __future__ import annotations

from collections.abc import Iterator

from game.scenario.checks import Issue, LocTuple
from game.scenario.models import MAX_ROUNDS, Condition, Scenario, Trigger
from game.scenario.playable import Unagreeable, never_agreed
from game.scenario.problems import Severity

# Keys naming proposals that a condition wants in one state and in its opposite.
_OPPOSITES = (("agreed", "not_agreed"), ("tabled", "not_tabled"), ("objected", "not_objected"))


def never_hold(scenario: Scenario) -> Iterator[Issue]:
    """Warnings for events that can never fire, hints that can never show and arguments that
    can never work, because their condition (or chance) rules it out."""
    barred = never_agreed(scenario)
    last = latest_round(scenario)
    for index, event in enumerate(scenario.events):
        base: LocTuple = ("events", index)
        outcome = "this event can never fire"
        if event.trigger is Trigger.RANDOM and event.probability == 0:
            yield Issue(
                (*base, "probability"),
                f"with a probability of 0 {outcome}: give it a chance above 0, or remove it",
                Severity.WARNING,
            )
        # A scheduled event ignores its `when` (a warning of its own says so).
        if event.trigger is not Trigger.SCHEDULED and event.when is not None:
            loc: LocTuple = (*base, "when")
            yield from _too_late(scenario, loc, event.when, last, outcome)
            yield from _contradictions(scenario, loc, event.when, barred, outcome)
    for index, hint in enumerate(scenario.hints):
        if hint.when is None:
            continue
        loc = ("hints", index, "when")
        outcome = "this hint can never show"
        start = hint.when.round_at_least
        if start is not None and start > hint.round:
            # The engine shows a hint only in its own round, and only while `when` holds.
            yield Issue(
                (*loc, "round_at_least"),
                f"a hint shows only in its round ({hint.round}), and this condition holds only "
                f"from round {start}, so {outcome}",
                Severity.WARNING,
            )
        yield from _contradictions(scenario, loc, hint.when, barred, outcome)
    for index, argument in enumerate(scenario.arguments):
        if argument.condition is not None:
            loc = ("arguments", index, "condition")
            outcome = "this argument can never work"
            yield from _too_late(scenario, loc, argument.condition, last, outcome)
            yield from _contradictions(scenario, loc, argument.condition, barred, outcome)


def latest_round(scenario: Scenario) -> int:
    """The last round a game of this scenario can reach, with every deadline effect in its
    favour: an event fires once, but a proposal or argument may act again and again."""
    again = [argument.effect for argument in scenario.arguments]
    for proposal in scenario.proposals:
        again += [proposal.effects.tabled, proposal.effects.accepted, proposal.effects.rejected]
    if any(effect is not None and effect.deadline > 0 for effect in again):
        return MAX_ROUNDS
    later = sum(max(0, event.effect.deadline) for event in scenario.events)
    return min(MAX_ROUNDS, scenario.rounds + later)


def _too_late(
    scenario: Scenario, loc: LocTuple, condition: Condition, last: int, outcome: str
) -> Iterator[Issue]:
    """A `round_at_least` after the last round the game can reach."""
    start = condition.round_at_least
    if start is None or start <= last:
        return
    if last == scenario.rounds:
        when = f"after the last round ({last})"
    else:
        when = (
            f"after the latest round the game can reach ({last}: the last round is "
            f"{scenario.rounds}, and events can put the deadline off)"
        )
    yield Issue(
        (*loc, "round_at_least"), f"round {start} is {when}, so {outcome}", Severity.WARNING
    )


def _contradictions(
    scenario: Scenario,
    loc: LocTuple,
    condition: Condition,
    barred: dict[str, Unagreeable],
    outcome: str,
) -> Iterator[Issue]:
    """Parts of a condition that can never hold, alone or together."""
    for yes, no in _OPPOSITES:
        wanted = getattr(condition, yes)
        for j, proposal in enumerate(getattr(condition, no)):
            if proposal in wanted:
                yield Issue(
                    (*loc, no, j),
                    f"'{proposal}' is in both '{yes}' and '{no}', so {outcome}",
                    Severity.WARNING,
                )
    yield from _levels(scenario, loc, condition, outcome)
    for j, proposal in enumerate(condition.agreed):
        why = barred.get(proposal)
        if why is not None:
            reason = why.reason if why.needs else f"'{proposal}' can never be agreed ({why.reason})"
            yield Issue((*loc, "agreed", j), f"{reason}, so {outcome}", Severity.WARNING)
    against = {target for objection in scenario.objections for target in objection.against}
    for j, proposal in enumerate(condition.objected):
        # An unknown proposal is an error of its own.
        if proposal in scenario.proposal_by_id and proposal not in against:
            yield Issue(
                (*loc, "objected", j),
                f"no objection lists '{proposal}' in its 'against', so no objection can ever be "
                f"open against it, and {outcome}",
                Severity.WARNING,
            )


def _levels(
    scenario: Scenario, loc: LocTuple, condition: Condition, outcome: str
) -> Iterator[Issue]:
    """A trust or support level that must be at least one number and below a smaller one."""
    nato, russia = scenario.sides.nato.name, scenario.sides.russia.name
    names = {
        "nato_in_russia": f"{nato}'s trust in {russia}",
        "russia_in_nato": f"{russia}'s trust in {nato}",
        "nato": f"support for {nato}",
        "russia": f"support for {russia}",
    }
    for least_key, below_key in (
        ("trust_at_least", "trust_below"),
        ("support_at_least", "support_below"),
    ):
        least, below = getattr(condition, least_key), getattr(condition, below_key)
        if least is None or below is None:
            continue
        for field in type(least).model_fields:
            low, high = getattr(least, field), getattr(below, field)
            if low is not None and high is not None and low >= high:
                yield Issue(
                    (*loc, below_key, field),
                    f"{names[field]} must be at least {low} and below {high} at once, so {outcome}",
                    Severity.WARNING,
                )
