"""Each bad fixture file gives exactly the expected problems, at the expected places."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import ScenarioError, Severity, check_text, load

BAD = Path(__file__).parent / "fixtures" / "bad"


def expected(name: str) -> list[str]:
    """The problems a fixture must give, from NAME.expected beside it.

    One line per problem, as `line:col: path: message` (the file name left off).
    """
    return (BAD / f"{name}.expected").read_text(encoding="utf-8").splitlines()


FIXTURES = sorted(path.stem for path in BAD.glob("*.yaml"))


def test_every_fixture_has_expectations() -> None:
    assert len(FIXTURES) >= 22
    assert sorted(path.stem for path in BAD.glob("*.expected")) == FIXTURES


@pytest.mark.parametrize("name", FIXTURES)
def test_bad_file(name: str, loader: type) -> None:
    file = f"{name}.yaml"
    report = check_text((BAD / file).read_bytes(), file)
    assert report.scenario is None
    assert [str(problem).removeprefix(f"{file}:") for problem in report.problems] == expected(name)


@pytest.mark.parametrize("name", FIXTURES)
def test_load_raises_one_scenario_error_with_the_errors(name: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        load(BAD / f"{name}.yaml")
    errors = [p for p in caught.value.problems if p.severity is Severity.ERROR]
    assert errors == caught.value.problems
    assert str(caught.value) == "\n".join(str(problem) for problem in errors)
    assert all(problem.file == str(BAD / f"{name}.yaml") for problem in errors)
