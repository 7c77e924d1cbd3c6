"""A side's short name: optional, at most 20 characters, and not the other side's."""

from __future__ import annotations

import pytest

from game.scenario import check_text
from tests.ai.helpers import ROOT

TUTORIAL = (ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")
SHORT = "    short_name: Russia\n"


def _problems(short_name_line: str) -> list[tuple[str, str]]:
    """(path, message) of each problem of the tutorial with Russia's short name line
    replaced."""
    assert TUTORIAL.count(SHORT) == 1
    report = check_text(TUTORIAL.replace(SHORT, short_name_line), "t.yaml")
    return [(p.path, p.message) for p in report.problems]


def test_without_a_short_name_sentences_use_the_name():
    assert _problems("") == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("    short_name: Delegation of the Russian Federation\n", "is too long: at most 20"),
        ('    short_name: "  "\n', ""),
        ("    short_name: nato\n", "both sides are called 'nato' in sentences"),
    ],
)
def test_a_bad_short_name_is_an_error_at_its_line(line, message):
    problems = _problems(line)
    assert len(problems) == 1, problems
    path, said = problems[0]
    assert path == "sides.russia.short_name"
    assert said.startswith(message), said


def test_two_sides_with_one_name_and_no_short_names_are_an_error_at_the_name():
    text = TUTORIAL.replace(SHORT, "").replace("name: Russian Federation", "name: NATO")
    report = check_text(text, "t.yaml")
    assert [(p.path, p.message) for p in report.problems] == [
        (
            "sides.russia.name",
            "both sides are called 'NATO' in sentences such as the log's: give one of them a "
            "different `short_name`",
        )
    ]
