"""Markdown output: scenario and player text shows as itself, never as Markdown marks."""

from __future__ import annotations

import re

import pytest

from game.report import markdown
from game.report.markdown import markdown_text
from game.report.transcript import build
from game.saves import load_save
from game.scenario.models import SideId
from tests.report.helpers import marked_scenario, saved_game
from tests.saves.helpers import use_data_folder


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Arctic | talks", "Arctic \\| talks"),
        ("# Invented", "\\# Invented"),
        ("1984. A year", "1984\\. A year"),
        ("2) Two", "2\\) Two"),
        ("73.6", "73.6"),
        ("1.", "1\\."),
        ("- a dash", "\\- a dash"),
        ("+ plus", "\\+ plus"),
        ("> quoted", "\\> quoted"),
        ("---", "\\---"),
        ("*really* _so_ `code` ~gone~", "\\*really\\* \\_so\\_ \\`code\\` \\~gone\\~"),
        ("[link](x) <b>bold</b>", "\\[link\\](x) \\<b>bold\\</b>"),
        ("back\\slash", "back\\\\slash"),
        ("&amp; and R&D", "\\&amp; and R&D"),
        ("two\nlines  and   spaces ", "two lines and spaces"),
        (
            "Russia's trust in NATO rose 3 to 56 (a -> b).",
            "Russia's trust in NATO rose 3 to 56 (a -> b).",
        ),
    ],
)
def test_markdown_text(text, shown):
    assert markdown_text(text) == shown


def unescaped_pipes(line: str) -> int:
    """How many pipes of a line split table cells (a pipe after an odd run of \\ does not)."""
    return sum(1 for m in re.finditer(r"(\\*)\|", line) if len(m.group(1)) % 2 == 0)


def check_markdown(text: str, headings: set[str]) -> None:
    """Tables keep their columns; the only headings are the page's own."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("| ---"):
            columns = unescaped_pipes(line)
            table = number - 1
            while table < len(lines) and lines[table].startswith("|"):
                assert unescaped_pipes(lines[table]) == columns, lines[table]
                table += 1
    found = {line for line in lines if re.match(r"#+ ", line)}
    assert found <= headings, found - headings
    for line in lines:
        # Nothing from the scenario starts a list, a quote or a rule of its own.
        assert not re.match(r"(1984\.|---|> )", line), line


def test_scenario_text_in_the_transcript_is_escaped(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = marked_scenario(tmp_path)
    game = load_save(saved_game(scenario, path, 2, tmp_path / "saves", label="A | B"))
    text = markdown.render(build(game))
    rounds = {f"### Round {n}" for n in range(1, scenario.rounds + 2)}
    titles = {f"### {markdown_text(scenario.sides.of(side).name)}" for side in SideId}
    page = f"# {markdown_text(scenario.title)} — A \\| B"
    sections = {
        "## Result",
        "## Opening",
        "## Moves",
        "## Outcome",
        "## Each side's private instructions",
        "## What really happened",
        "## Questions for discussion",
    }
    check_markdown(text, {page, *rounds, *titles, *sections})
    assert "\\# Invented \\*really\\* \\<b>bold\\</b>" in text
    assert "1984\\. Not a list" in text
    assert "1. \\- What \\| would \\[have\\](x) built?" in text
    assert "- Priority: \\# A written guarantee." in text
