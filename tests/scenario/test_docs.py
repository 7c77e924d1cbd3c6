"""docs/scenario-format.md stays true: generated tables current, examples what the game prints."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from game.cli import main
from game.scenario import Scenario, SideId, check_text, load_text
from game.scenario.starter import starter_text

DOCS = Path(__file__).parents[2] / "docs"
DOC = (DOCS / "scenario-format.md").read_text(encoding="utf-8")
MINIMAL = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text("utf-8")


def field_tables_module() -> ModuleType:
    """docs/field_tables.py, imported from its path (docs/ is not a package)."""
    spec = importlib.util.spec_from_file_location("field_tables", DOCS / "field_tables.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def block_after(marker: str) -> str:
    """The fenced block that follows an HTML comment starting with `marker`."""
    match = re.search(rf"<!-- {marker}[^\n]*-->\n```[a-z]*\n(.*?)```", DOC, re.DOTALL)
    assert match is not None, marker
    return match.group(1)


def test_field_tables_are_current() -> None:
    assert field_tables_module().updated(DOC) == DOC, (
        "docs/scenario-format.md is out of date: run `python docs/field_tables.py`"
    )


def table_problems(document: str) -> list[str]:
    """Markdown table rows that are broken: split over lines, or with a wrong number of cells."""
    problems = []
    cells = 0  # the header's cell count while inside a table, else 0
    fenced = False
    for number, line in enumerate(document.splitlines(), start=1):
        if line.startswith("```"):
            fenced = not fenced
        if fenced:
            continue
        if not line.startswith("|"):
            if cells and line.strip():
                problems.append(f"line {number} continues a table row: {line[:40]!r}")
            cells = 0
            continue
        count = len(re.split(r"(?<!\\)\|", line.strip())) - 2
        if not line.rstrip().endswith("|"):
            problems.append(f"line {number} is a table row cut short: {line[-40:]!r}")
        elif cells and count != cells:
            problems.append(f"line {number} has {count} cells, its table {cells}")
        cells = cells or count
    return problems


def test_tables_have_whole_rows() -> None:
    assert table_problems(DOC) == []


def test_table_check_catches_a_split_row() -> None:
    split = "| key | example |\n| --- | --- |\n| `rounds` | `6\n...` |\n"
    assert len(table_problems(split)) == 2
    assert table_problems("| a | b |\n| --- | --- |\n| x \\| y | z |\n\ntext\n") == []


def test_numbers_in_the_tables_are_one_line() -> None:
    tables = field_tables_module().field_tables()
    assert "| `schema_version` | whole number | yes | `1` |" in tables
    assert table_problems(tables) == []


def test_every_key_is_documented() -> None:
    from game.scenario.models import Scenario

    for name, field in Scenario.model_fields.items():
        assert f"| `{name}` |" in DOC
        assert field.description is not None


def test_walk_through_scenario_validates() -> None:
    report = check_text(block_after("walk-through scenario"), "walk-through.yaml")
    assert report.valid and not report.warnings, report.problems


FIRST_MISTAKES = [
    ("title: ", "titel: "),
    ("rounds: 6 ", "rounds: six "),
    ("kind: promise ", "kind: promis "),
    ("against: [no-target-guarantee]", "against: [no-target-guarante]"),
]


@pytest.mark.parametrize(
    ("marker", "options", "changes"),
    [
        ("error example", [], FIRST_MISTAKES),
        # The same file as JSON: the docs once gave it a line the game never prints.
        ("json example", ["--json"], FIRST_MISTAKES),
        (
            "cross-check example",
            [],
            [
                ("against: [no-target-guarantee]", "against: [no-target-guarante]"),
                ("answers: [offer-inspections]", "answers: [offer-inspection]"),
            ],
        ),
    ],
)
def test_error_examples_are_what_the_game_prints(
    marker: str,
    options: list[str],
    changes: list[tuple[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = starter_text("lisbon", "lisbon.yaml", "../scenarios/scenario.schema.json")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    (tmp_path / "lisbon.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", *options, "lisbon.yaml"]) == 1
    command = " ".join(["$ detente validate", *options, "lisbon.yaml"])
    printed = f"{command}\n" + capsys.readouterr().out
    assert printed == block_after(marker)


def test_quotes_inside_quoted_text_are_as_the_docs_say() -> None:
    # The docs said double-quoted text cannot hold a double quote; it can, escaped.
    assert "cannot hold a double quote" not in DOC
    written = {
        '"Words \\"on paper\\" change nothing."': 'Words "on paper" change nothing.',
        "'Russia''s offer'": "Russia's offer",
        "'Arctic \"radar\" talks'": 'Arctic "radar" talks',
    }
    for value, meant in written.items():
        assert f"`{value}`" in DOC
        scenario = load_text(MINIMAL.replace("place: Lisbon", f"place: {value}"))
        assert scenario.place == meant


def test_balance_example_is_what_the_game_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tutorial = (Path(__file__).parents[2] / "scenarios" / "tutorial.yaml").read_text("utf-8")
    text = tutorial.replace("    support: 50\n", "    support: 52\n", 1)
    assert load_text(text).sides.nato.support == 52
    (tmp_path / "tutorial-52.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["sim", "--balance", "tutorial-52.yaml"]) == 0
    printed = "$ detente sim --balance tutorial-52.yaml\n" + capsys.readouterr().out
    assert printed == block_after("balance example")


def test_constituencies_are_briefing_text_only() -> None:
    # The docs say nothing in the rules reacts to them: the same game, move for move, without.
    from game.ai import Player, make_player
    from game.ai.match import play_game
    from game.scenario import load

    scenario = load(Path(__file__).parents[2] / "scenarios" / "2009-brussels.yaml")
    assert scenario.sides.nato.constituencies and scenario.sides.russia.constituencies
    sides = scenario.sides.model_copy(
        update={
            side: scenario.sides.of(SideId(side)).model_copy(update={"constituencies": []})
            for side in ("nato", "russia")
        }
    )
    without = scenario.model_copy(update={"sides": sides})

    def hard(side: SideId, seed: int) -> Player:
        """A hard computer player."""
        return make_player("hard", side, seed)

    def moves(played: Scenario) -> tuple[object, ...]:
        """The moves and log of one seeded game between hard players."""
        state = play_game(played, hard, hard, seed=3).state
        return state.moves, state.log

    assert moves(without) == moves(scenario)
