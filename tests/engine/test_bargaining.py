"""The Nash bargaining solution: checked against brute force on small and shipped scenarios."""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Any

import pytest

from game.engine.bargaining import nash_distance, nash_solution, package_point, proposal_options
from game.scenario import load
from game.scenario.models import Scenario

ROOT = Path(__file__).resolve().parents[2]


def _scenario(
    proposals: list[dict[str, Any]], red_lines: dict[str, list[Any]] | None = None, rounds: int = 8
) -> Scenario:
    red_lines = red_lines or {}
    side = {"briefing": "b", "priorities": ["p"], "support": 50}
    return Scenario.model_validate(
        {
            "schema_version": 1,
            "id": "tiny",
            "title": "Tiny",
            "date": "2011-01-01",
            "place": "Here",
            "summary": "s",
            "rounds": rounds,
            "deadline": "d",
            "sources": [{"id": "src", "title": "t", "author": "a", "date": "2011-01-01"}],
            "sides": {
                "nato": {**side, "name": "NATO", "red_lines": red_lines.get("nato", [])},
                "russia": {**side, "name": "Russia", "red_lines": red_lines.get("russia", [])},
            },
            "trust": {"nato_in_russia": 60, "russia_in_nato": 60},
            "proposals": proposals,
            "debrief": {"what_happened": ["w"], "questions": ["q"]},
        }
    )


def _proposal(pid: str, nato: int, russia: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": pid,
        "title": pid,
        "summary": "s",
        "tabled_by": ["nato", "russia"],
        "kind": "verifiable",
        "value": {"nato": nato, "russia": russia},
        **extra,
    }


def _brute_force(scenario: Scenario, limit: int) -> float:
    """The best Nash product over every package, by enumeration."""
    trust = (scenario.trust.nato_in_russia, scenario.trust.russia_in_nato)
    choices = [
        [None, *[terms for terms, _, _ in proposal_options(scenario, p, trust)]]
        for p in scenario.proposals
    ]
    best = 0.0
    for combo in itertools.product(*choices):
        package = [
            (p.id, terms)
            for p, terms in zip(scenario.proposals, combo, strict=True)
            if terms is not None
        ]
        ids = {pid for pid, _ in package}
        if len(package) > limit:
            continue
        if any(req not in ids for pid in ids for req in scenario.proposal(pid).requires):
            continue
        nato, russia = package_point(scenario, package)
        if nato > 0 and russia > 0:
            best = max(best, nato * russia)
    return best


def test_a_logroll_is_in_the_solution():
    scenario = _scenario(
        [_proposal("joint", 4, 4), _proposal("ask-nato", 5, -2), _proposal("ask-russia", -2, 5)]
    )
    solution = nash_solution(scenario)
    assert {pid for pid, _ in solution.package} == {"joint", "ask-nato", "ask-russia"}
    # Best totals are 4 + 5 = 9 each; the package gives each side 4 + 5 - 2 = 7.
    assert solution.point == pytest.approx((7 / 9, 7 / 9), abs=1e-4)


def test_a_proposal_bad_for_both_is_left_out():
    scenario = _scenario([_proposal("joint", 4, 4), _proposal("bad", -1, -1)])
    assert [pid for pid, _ in nash_solution(scenario).package] == ["joint"]


def test_prerequisites_and_red_lines_are_respected():
    scenario = _scenario(
        [
            _proposal("base", -1, -1),
            _proposal("next", 6, 6, requires=["base"]),
            _proposal(
                "form",
                2,
                2,
                terms=[
                    {
                        "id": "how",
                        "label": "How",
                        "default": "loose",
                        "variants": [
                            {"id": "loose", "label": "Loose"},
                            {"id": "tight", "label": "Tight", "value": {"nato": 3, "russia": 3}},
                        ],
                    }
                ],
            ),
        ],
        red_lines={
            "russia": [{"text": "never tight", "proposal": "form", "terms": {"how": "tight"}}]
        },
    )
    package = dict(nash_solution(scenario).package)
    assert "base" in package and "next" in package
    assert package["form"] == (("how", "loose"),)


def test_the_package_holds_no_more_proposals_than_the_limit():
    scenario = _scenario([_proposal(f"p{i}", 2 + i, 3) for i in range(4)], rounds=2)
    solution = nash_solution(scenario)
    assert len(solution.package) == 2
    assert {pid for pid, _ in solution.package} == {"p2", "p3"}
    assert len(nash_solution(scenario, limit=4).package) == 4


def test_nothing_agreeable_gives_the_disagreement_point():
    scenario = _scenario([_proposal("nato-only", 5, -5)])
    solution = nash_solution(scenario)
    assert solution.package == ()
    assert solution.point == (0.0, 0.0)


@pytest.mark.parametrize("name", ["tutorial.yaml", "2009-brussels.yaml"])
def test_shipped_solutions_match_brute_force(name):
    scenario = load(ROOT / "scenarios" / name)
    solution = nash_solution(scenario)
    assert solution.product == pytest.approx(_brute_force(scenario, scenario.rounds), abs=1e-5)
    assert package_point(scenario, solution.package) == pytest.approx(solution.point, abs=1e-4)


def test_distance_is_euclidean_on_the_package_scale():
    assert nash_distance((0.5, 0.2), (0.2, 0.6)) == pytest.approx(0.5)
    assert nash_distance((0.3, 0.3), (0.3, 0.3)) == 0.0
    assert math.isclose(nash_distance((0.0, 0.0), (1.0, 1.0)), math.sqrt(2))
