"""The three shipped scenarios load cleanly, are complete enough to play, and can end well."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from game import engine
from game.engine.constants import PARTNERSHIP_VALUE
from game.engine.moves import Accept, Amend, Answer, Move, RaiseObjection, Table
from game.engine.outcome import Tier
from game.engine.values import best_total, effective_value, raw_value
from game.scenario import (
    Argument,
    Event,
    Objection,
    Proposal,
    Scenario,
    ScenarioError,
    SideId,
    Trigger,
    check_text,
    load,
)

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
MODELINE = "# yaml-language-server: $schema=./scenario.schema.json"
TUTORIAL = "tutorial"
DOCUMENT_SCENARIOS = ("2009-brussels", "2011-lisbon-to-chicago")
ALL = (TUTORIAL, *DOCUMENT_SCENARIOS)
NATO, RUSSIA = SideId.NATO, SideId.RUSSIA

Terms = tuple[tuple[str, str], ...]


def path_of(scenario_id: str) -> Path:
    """The shipped file of a scenario."""
    return SCENARIOS / f"{scenario_id}.yaml"


def scenario_of(scenario_id: str) -> Scenario:
    """Load a shipped scenario with the real loader."""
    return load(path_of(scenario_id))


def allowed_terms(scenario: Scenario, proposal: Proposal) -> list[Terms]:
    """Every choice of variants that neither side's red lines rule out."""
    ordered = sorted(proposal.terms, key=lambda term: term.id)
    choices = [[(term.id, v.id) for v in term.variants] for term in ordered]
    allowed = []
    for combo in itertools.product(*choices):
        chosen = dict(combo)
        crosses = any(
            line.proposal == proposal.id
            and all(chosen.get(term) == variant for term, variant in line.terms.items())
            for side in SideId
            for line in scenario.sides.of(side).red_lines
        )
        if not crosses:
            allowed.append(tuple(combo))
    return allowed


def packages(scenario: Scenario) -> Iterator[list[tuple[Proposal, Terms]]]:
    """Every non-empty package closed under `requires`, with every allowed choice of terms."""
    for size in range(1, len(scenario.proposals) + 1):
        for subset in itertools.combinations(scenario.proposals, size):
            ids = {p.id for p in subset}
            if any(req not in ids for p in subset for req in p.requires):
                continue
            options = [allowed_terms(scenario, p) for p in subset]
            if not all(options):
                continue
            for terms in itertools.product(*options):
                yield list(zip(subset, terms, strict=True))


def starting_trust(scenario: Scenario, side: SideId) -> int:
    """A side's starting trust in the other side."""
    trust = scenario.trust
    return trust.nato_in_russia if side is NATO else trust.russia_in_nato


@pytest.mark.parametrize("scenario_id", ALL)
def test_first_line_is_the_schema_modeline(scenario_id: str) -> None:
    """Editors find the schema through the modeline on the first line."""
    first = path_of(scenario_id).read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE


@pytest.mark.parametrize("scenario_id", ALL)
def test_loads_without_errors_or_warnings(scenario_id: str) -> None:
    """The real checker finds nothing at all to report, and the id matches the file name."""
    report = check_text(path_of(scenario_id).read_bytes(), path_of(scenario_id).name)
    assert [str(problem) for problem in report.problems] == []
    assert report.scenario is not None
    assert report.scenario.id == scenario_id


def test_load_refuses_a_broken_copy(tmp_path: Path) -> None:
    """The checks above can fail: a copy with a dangling reference does not load."""
    text = path_of("2011-lisbon-to-chicago").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("- transparency\n", "- transparancy\n", 1), encoding="utf-8")
    with pytest.raises(ScenarioError, match="transparancy"):
        load(broken)


@pytest.mark.parametrize("scenario_id", ALL)
def test_ids_are_unique_across_the_scenario(scenario_id: str) -> None:
    """No id is used twice among sources, proposals, objections, arguments and events."""
    scenario = scenario_of(scenario_id)
    ids = [
        item.id
        for group in (
            scenario.sources,
            scenario.proposals,
            scenario.objections,
            scenario.arguments,
            scenario.events,
        )
        for item in group
    ]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("scenario_id", ALL)
def test_citations_point_at_sources_with_short_quotes(scenario_id: str) -> None:
    """Every quote names a listed source and is a sentence or less (320 characters)."""
    scenario = scenario_of(scenario_id)
    sources = {source.id for source in scenario.sources}
    items: list[Proposal | Objection | Argument | Event] = [
        *scenario.proposals,
        *scenario.objections,
        *scenario.arguments,
        *scenario.events,
    ]
    citations = [item.citation for item in items if item.citation is not None]
    assert citations
    for citation in citations:
        assert citation.source in sources
        assert 0 < len(citation.quote) <= 320
        # A quote is the source's own words; quotation marks around it would be ours.
        assert citation.quote[0] not in "\"'“‘"


@pytest.mark.parametrize("scenario_id", DOCUMENT_SCENARIOS)
def test_document_scenarios_are_big_enough_to_play(scenario_id: str) -> None:
    """At least 8 proposals, 6 answerable objections, 4 events of every trigger, a debrief."""
    scenario = scenario_of(scenario_id)
    assert len(scenario.proposals) >= 8
    assert len(scenario.objections) >= 6
    assert all(objection.answers for objection in scenario.objections)
    assert len(scenario.events) >= 4
    assert {event.trigger for event in scenario.events} == set(Trigger)
    assert scenario.debrief.what_happened
    assert 4 <= len(scenario.debrief.questions) <= 6
    kinds = {p.kind for p in scenario.proposals} | {
        v.kind for p in scenario.proposals for t in p.terms for v in t.variants if v.kind
    }
    assert len(kinds) == 4
    assert any(p.requires for p in scenario.proposals)
    assert any(a.condition is not None for a in scenario.arguments)


@pytest.mark.parametrize("scenario_id", DOCUMENT_SCENARIOS)
def test_each_side_briefing_is_complete(scenario_id: str) -> None:
    """Both sides have priorities, red lines and constituencies."""
    scenario = scenario_of(scenario_id)
    for side in SideId:
        delegation = scenario.sides.of(side)
        assert delegation.priorities
        assert delegation.red_lines
        assert delegation.constituencies


@pytest.mark.parametrize("scenario_id", ALL)
def test_each_side_can_table_something_at_the_start(scenario_id: str) -> None:
    """Each side has a proposal it may table in round 1 (no prerequisites)."""
    scenario = scenario_of(scenario_id)
    for side in SideId:
        assert any(side in p.tabled_by and not p.requires for p in scenario.proposals)


@pytest.mark.parametrize("scenario_id", ALL)
def test_a_package_both_sides_value_positively_exists(scenario_id: str) -> None:
    """Some package that respects `requires` and red lines is worth more than 0 to both."""
    scenario = scenario_of(scenario_id)

    def worth(package: list[tuple[Proposal, Terms]], side: SideId) -> float:
        trust = starting_trust(scenario, side)
        return sum(effective_value(p, terms, side, trust) for p, terms in package)

    assert any(
        worth(package, NATO) > 0 and worth(package, RUSSIA) > 0 for package in packages(scenario)
    )


@pytest.mark.parametrize("scenario_id", DOCUMENT_SCENARIOS)
def test_a_partnership_package_exists(scenario_id: str) -> None:
    """At full trust some allowed package reaches the partnership share for both sides."""
    scenario = scenario_of(scenario_id)
    scale = {side: best_total(scenario, side) for side in SideId}

    def share(package: list[tuple[Proposal, Terms]], side: SideId) -> float:
        return sum(raw_value(p, terms, side) for p, terms in package) / scale[side]

    assert any(
        min(share(package, NATO), share(package, RUSSIA)) >= PARTNERSHIP_VALUE
        for package in packages(scenario)
    )


@pytest.mark.parametrize("scenario_id", DOCUMENT_SCENARIOS)
def test_each_side_has_something_to_trade(scenario_id: str) -> None:
    """Each side values some proposal that the other side dislikes."""
    scenario = scenario_of(scenario_id)
    for side in SideId:
        assert any(
            raw_value(p, (), side) > 0 and raw_value(p, (), side.other) < 0
            for p in scenario.proposals
        )


@pytest.mark.parametrize("scenario_id", DOCUMENT_SCENARIOS)
def test_some_objections_need_trust_to_answer(scenario_id: str) -> None:
    """At least one answer only works once trust is high enough."""
    scenario = scenario_of(scenario_id)
    assert any(
        a.condition is not None and a.condition.trust_at_least is not None
        for a in scenario.arguments
    )


@pytest.mark.parametrize("opponent", ["random", "easy", "medium", "hard", "tft"])
def test_tutorial_coaches_both_sides_every_turn(opponent: str) -> None:
    """3 or 4 rounds, and whatever happens, the side to move has a note on every turn."""
    from game.ai import make_player

    scenario = scenario_of(TUTORIAL)
    assert 3 <= scenario.rounds <= 4
    for seed in range(4):
        players = {
            side: make_player(opponent, side, seed + side.value.count("r")) for side in SideId
        }
        state = engine.new_game(scenario, seed)
        while not engine.is_over(state):
            side = state.to_move
            seen = engine.view(state, side)
            assert seen.hints, (opponent, seed, state.round, side)
            move = players[side].choose(seen, engine.legal_moves(state, side)).move
            state = engine.apply(state, move).state  # type: ignore[union-attr]
        # Once the talks are over, no round's advice is left showing.
        assert not any(engine.view(state, side).hints for side in SideId)


def _tutorial_hints(moves: list[Move], side: SideId) -> str:
    state = engine.new_game(scenario_of(TUTORIAL), seed=7)
    for move in moves:
        state = engine.apply(state, move).state  # type: ignore[union-attr]
    return " ".join(engine.view(state, side).hints)


def test_tutorial_coaching_follows_the_game() -> None:
    """The notes react to what happened: an objection to answer, or the next step to table."""
    tabled = Table(NATO, "watch-tests", (("how-often", "every-test"),))
    objected = _tutorial_hints(
        [tabled, RaiseObjection(RUSSIA, "only-watching", "watch-tests")], NATO
    )
    assert "answer the objection" in objected
    assert "Now table the Joint exercise" not in objected
    agreed = _tutorial_hints([tabled, Accept(RUSSIA, "watch-tests")], NATO)
    assert "Now table the Joint exercise" in agreed
    assert "answer the objection" not in agreed
    # Russia is told to object only while there is something to object to.
    assert "raising the objection" in _tutorial_hints([tabled], RUSSIA)
    from game.engine.moves import Pass

    assert "raising the objection" not in _tutorial_hints([Pass(NATO)], RUSSIA)
    # A treaty tabled in round 1 is named as crossing NATO's red line at once, not in round 4.
    treaty = Table(RUSSIA, "guarantee", (("form", "treaty"),))
    assert "crosses your red line" in _tutorial_hints([tabled, treaty], NATO)
    # The computer may table a declaration instead: the note must not call it a treaty.
    declaration = Table(RUSSIA, "guarantee", (("form", "declaration"),))
    note = _tutorial_hints([tabled, declaration], NATO)
    assert "If it is already a Political declaration, you can accept it." in note
    assert "As a treaty it crosses" not in note


@pytest.mark.parametrize(
    "word",
    [
        "table",
        "amend",
        "objection",
        "answer",
        "withdraw your objection",
        "accept",
        "reject",
        "statement",
        "gesture",
        "pass",
        "walking out",
    ],
)
def test_tutorial_hints_explain_every_move(word: str) -> None:
    """Every kind of move is named in the tutorial's notes."""
    text = " ".join(hint.text for hint in scenario_of(TUTORIAL).hints).lower()
    assert word in text


def test_tutorial_debrief_points_to_the_real_scenarios() -> None:
    """The tutorial ends by naming both real scenarios and explaining the score."""
    scenario = scenario_of(TUTORIAL)
    text = " ".join(scenario.debrief.what_happened)
    assert "60 points" in text
    for scenario_id in DOCUMENT_SCENARIOS:
        title = scenario_of(scenario_id).title
        assert title.split(":")[0] in text


def test_tutorial_coached_line_plays_in_the_engine() -> None:
    """The moves the notes suggest are legal, the red line holds, and two deals are signed."""
    scenario = scenario_of(TUTORIAL)
    state = engine.new_game(scenario, seed=7)
    coached: list[Move] = [
        Table(NATO, "watch-tests", (("how-often", "every-test"),)),
        RaiseObjection(RUSSIA, "only-watching", "watch-tests"),
        Answer(NATO, "only-watching", "watch-tests", "fix-a-date"),
        Accept(RUSSIA, "watch-tests"),
        Table(NATO, "joint-exercise"),
        Table(RUSSIA, "guarantee", (("form", "treaty"),)),
    ]
    for move in coached:
        result = engine.apply(state, move)
        assert isinstance(result, engine.Applied), result
        state = result.state
    assert isinstance(engine.apply(state, Accept(NATO, "guarantee")), engine.Rejected)
    amended: list[Move] = [
        Amend(NATO, "guarantee", "form", "declaration"),
        Accept(RUSSIA, "guarantee"),
    ]
    for move in amended:
        result = engine.apply(state, move)
        assert isinstance(result, engine.Applied), result
        state = result.state
    assert engine.is_over(state)
    final = engine.outcome(state)
    assert {item.proposal for item in final.package} == {"watch-tests", "guarantee"}
    assert final.tier in (Tier.LIMITED, Tier.PARTNERSHIP)


def test_tutorial_objection_to_watching_is_raised_only_against_watching() -> None:
    """The objection "Watching is not the same as working together" made no sense against
    the joint exercise, which is working together."""
    scenario = scenario_of(TUTORIAL)
    watching = next(o for o in scenario.objections if "Watching" in o.text)
    assert watching.against == ["watch-tests"]
