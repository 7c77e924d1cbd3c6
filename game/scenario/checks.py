"""Cross-checks of a scenario that passed the schema: ids, references, terms and prerequisites."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from game.scenario.messages import did_you_mean
from game.scenario.models import Condition, Effect, Proposal, Scenario, SideId
from game.scenario.problems import Severity

LocTuple = tuple[str | int, ...]
LineOf = Callable[[LocTuple], int]

ID_LISTS = ("sources", "proposals", "objections", "arguments", "events")


@dataclass(frozen=True)
class Issue:
    """A problem found by a cross-check, at a path in the file."""

    loc: LocTuple
    message: str
    severity: Severity = Severity.ERROR
    at_key: bool = False


def unknown(
    loc: LocTuple, kind: str, value: str, known: list[str], of: str = "", at_key: bool = False
) -> Issue:
    """An issue for a reference to an id that does not exist (`of` says whose, if not global)."""
    message = f"unknown {kind} '{value}'{of}"
    known = list(dict.fromkeys(known))  # an id used twice is reported as a duplicate, once
    guess = did_you_mean(value, known)
    if guess is not None:
        message += f": did you mean '{guess}'?"
    elif known:
        listed = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
        message += f" (known {kind}s: {listed})"
    else:
        message += f" ({'it has' if of else 'the scenario has'} no {kind}s)"
    return Issue(loc, message, at_key=at_key)


def duplicates(scenario: Scenario, line_of: LineOf) -> Iterator[Issue]:
    """Ids used twice in one list (constituencies: within one side)."""
    groups: list[tuple[LocTuple, list[str]]] = [
        ((name,), [item.id for item in getattr(scenario, name)]) for name in ID_LISTS
    ]
    for side in SideId:
        constituencies = scenario.sides.of(side).constituencies
        groups.append((("sides", side.value, "constituencies"), [c.id for c in constituencies]))
    for base, ids in groups:
        first: dict[str, int] = {}
        for index, item_id in enumerate(ids):
            if item_id in first:
                line = line_of((*base, first[item_id], "id"))
                yield Issue(
                    (*base, index, "id"),
                    f"duplicate id '{item_id}': it is already used on line {line}",
                )
            else:
                first[item_id] = index


def names(scenario: Scenario) -> Iterator[Issue]:
    """The two sides need different names in sentences, or the log cannot tell them apart
    ("Russia's trust in Russia")."""
    nato, russia = scenario.sides.nato, scenario.sides.russia
    if nato.short.casefold() != russia.short.casefold():
        return
    key = "short_name" if russia.short_name is not None else "name"
    yield Issue(
        ("sides", "russia", key),
        f"both sides are called '{russia.short}' in sentences such as the log's: give one of "
        "them a different `short_name`",
    )


def _effects(scenario: Scenario) -> Iterator[tuple[LocTuple, Effect]]:
    for index, proposal in enumerate(scenario.proposals):
        for stage in ("tabled", "accepted", "rejected"):
            effect = getattr(proposal.effects, stage)
            if effect is not None:
                yield ("proposals", index, "effects", stage), effect
    for index, argument in enumerate(scenario.arguments):
        if argument.effect is not None:
            yield ("arguments", index, "effect"), argument.effect
    for index, event in enumerate(scenario.events):
        yield ("events", index, "effect"), event.effect


def _conditions(scenario: Scenario) -> Iterator[tuple[LocTuple, Condition]]:
    for index, argument in enumerate(scenario.arguments):
        if argument.condition is not None:
            yield ("arguments", index, "condition"), argument.condition
    for index, event in enumerate(scenario.events):
        if event.when is not None:
            yield ("events", index, "when"), event.when
    for index, hint in enumerate(scenario.hints):
        if hint.when is not None:
            yield ("hints", index, "when"), hint.when


def references(scenario: Scenario) -> Iterator[Issue]:
    """Every id a scenario mentions must name something it defines."""
    sources = [s.id for s in scenario.sources]
    proposals = [p.id for p in scenario.proposals]
    arguments = [a.id for a in scenario.arguments]
    for name in ("proposals", "objections", "arguments", "events"):
        for index, item in enumerate(getattr(scenario, name)):
            if item.citation is not None and item.citation.source not in sources:
                loc: LocTuple = (name, index, "citation", "source")
                yield unknown(loc, "source", item.citation.source, sources)
    for index, proposal in enumerate(scenario.proposals):
        for j, required in enumerate(proposal.requires):
            if required not in proposals:
                yield unknown(("proposals", index, "requires", j), "proposal", required, proposals)
    for index, objection in enumerate(scenario.objections):
        for j, target in enumerate(objection.against):
            if target not in proposals:
                yield unknown(("objections", index, "against", j), "proposal", target, proposals)
        for j, answer in enumerate(objection.answers):
            if answer not in arguments:
                yield unknown(("objections", index, "answers", j), "argument", answer, arguments)
    for base, effect in _effects(scenario):
        for j, change in enumerate(effect.values):
            if change.proposal not in proposals:
                loc = (*base, "values", j, "proposal")
                yield unknown(loc, "proposal", change.proposal, proposals)
    for base, condition in _conditions(scenario):
        for key in (
            "agreed",
            "not_agreed",
            "tabled",
            "not_tabled",
            "objected",
            "not_objected",
        ):
            for j, target in enumerate(getattr(condition, key)):
                if target not in proposals:
                    yield unknown((*base, key, j), "proposal", target, proposals)
    yield from _red_lines(scenario)


def _red_lines(scenario: Scenario) -> Iterator[Issue]:
    proposals = [p.id for p in scenario.proposals]
    for side in SideId:
        for index, red_line in enumerate(scenario.sides.of(side).red_lines):
            base: LocTuple = ("sides", side.value, "red_lines", index)
            if red_line.proposal is None:
                if red_line.terms:
                    yield Issue(
                        (*base, "terms"),
                        "terms belong to a proposal: add the 'proposal' this red line is about",
                        at_key=True,
                    )
                else:
                    # The briefing still lists it under "never accept these", so the player
                    # is told of a line the game lets them cross.
                    yield Issue(
                        base,
                        "this red line names no proposal, so the game cannot enforce it: add "
                        "`proposal:` (and `terms:`, to bar only some of its terms) to say what "
                        "it bars; as it is, the briefing lists it but nothing stops the side "
                        "from accepting anything",
                        Severity.WARNING,
                    )
                continue
            if red_line.proposal not in proposals:
                yield unknown((*base, "proposal"), "proposal", red_line.proposal, proposals)
                continue
            if proposals.count(red_line.proposal) > 1:
                # Which of the two its terms belong to is unknowable: the duplicate is the error.
                continue
            yield from _red_line_terms(base, red_line.terms, scenario.proposal(red_line.proposal))


def _red_line_terms(base: LocTuple, terms: dict[str, str], proposal: Proposal) -> Iterator[Issue]:
    by_id = {term.id: term for term in proposal.terms}
    for term_id, variant_id in terms.items():
        loc = (*base, "terms", term_id)
        term = by_id.get(term_id)
        if term is None:
            of = f" in proposal '{proposal.id}'"
            yield unknown(loc, "term", term_id, list(by_id), of=of, at_key=True)
            continue
        variants = [v.id for v in term.variants]
        if variant_id not in variants:
            yield unknown(loc, "variant", variant_id, variants, of=f" of term '{term_id}'")


def terms(scenario: Scenario) -> Iterator[Issue]:
    """Term and variant ids are unique, and each term's default is one of its variants."""
    for index, proposal in enumerate(scenario.proposals):
        seen_terms: set[str] = set()
        for j, term in enumerate(proposal.terms):
            base: LocTuple = ("proposals", index, "terms", j)
            if term.id in seen_terms:
                yield Issue(
                    (*base, "id"), f"duplicate term id '{term.id}' in proposal '{proposal.id}'"
                )
            seen_terms.add(term.id)
            variants = [v.id for v in term.variants]
            seen: set[str] = set()
            for k, variant_id in enumerate(variants):
                if variant_id in seen:
                    yield Issue(
                        (*base, "variants", k, "id"),
                        f"duplicate variant id '{variant_id}' in term '{term.id}'",
                    )
                seen.add(variant_id)
            if term.default not in variants:
                message = f"the default '{term.default}' is not one of this term's variants"
                guess = did_you_mean(term.default, variants)
                message += f": did you mean '{guess}'?" if guess else f" ({', '.join(variants)})"
                yield Issue((*base, "default"), message)


def cycles(scenario: Scenario) -> Iterator[Issue]:
    """Prerequisites (`requires`) must not go round in a circle."""
    # With duplicate ids (reported elsewhere) the first proposal of an id is the one followed.
    index_of: dict[str, int] = {}
    for i, proposal in enumerate(scenario.proposals):
        index_of.setdefault(proposal.id, i)
    needs = {
        pid: [r for r in scenario.proposals[i].requires if r in index_of]
        for pid, i in index_of.items()
    }
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    reported: set[tuple[str, ...]] = set()
    for start in needs:
        if state.get(start):
            continue
        path: list[str] = [start]
        todo: list[Iterator[str]] = [iter(needs[start])]
        state[start] = 1
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                ring = path[path.index(nxt) :]
                low = ring.index(min(ring))
                ring = ring[low:] + ring[:low]
                if tuple(ring) not in reported:
                    reported.add(tuple(ring))
                    yield _cycle_issue(scenario, ring, index_of)
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(needs[nxt]))


def _cycle_issue(scenario: Scenario, ring: list[str], index_of: dict[str, int]) -> Issue:
    first = ring[0]
    second = ring[1] if len(ring) > 1 else ring[0]
    where = index_of[first]
    j = scenario.proposals[where].requires.index(second)
    names = " → ".join([*ring, first])
    return Issue(
        ("proposals", where, "requires", j),
        f"prerequisites form a cycle: {names}, so none of them can ever be tabled",
    )
