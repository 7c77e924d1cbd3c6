"""Exporting a game: Markdown, a self-contained HTML page, a CSV with one row per move."""

from __future__ import annotations

import csv
import io
from html import escape

import pytest

from game.report.export import export_game
from game.report.transcript import build
from game.saves import load_save
from tests.report.helpers import external_resources, saved_game
from tests.saves.helpers import BRUSSELS, scenario_copy, use_data_folder


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    scenario, path = scenario_copy(tmp, BRUSSELS)
    save = saved_game(scenario, path, 1, tmp / "saves", label="Table <3> & friends")
    game = load_save(save)
    files = export_game(game, tmp / "out")
    return game, {file.name: file for file in files}


def test_the_folder_holds_every_file(exported):
    _, files = exported
    assert sorted(files) == ["moves.csv", "transcript.html", "transcript.md", "trust.png"]
    assert files["trust.png"].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_the_html_needs_nothing_outside_itself(exported):
    _, files = exported
    page = files["transcript.html"].read_text(encoding="utf-8")
    assert external_resources(page) == []
    assert '<img class="chart"' in page
    assert 'src="data:image/png;base64,' in page


def test_a_link_outside_would_be_caught():
    assert external_resources('<img src="chart.png">') == [("img", "src", "chart.png")]
    assert external_resources('<link rel="stylesheet" href="x.css">')
    assert external_resources("<style>body{background:url(x.png)}</style>")


def test_the_html_has_every_move_the_outcome_the_history_and_the_questions(exported):
    game, files = exported
    page = files["transcript.html"].read_text(encoding="utf-8")
    transcript = build(game)
    for row in transcript.rows:
        assert escape(row.happened) in page
        for reason in row.reasons:
            assert escape(reason) in page
    assert escape(transcript.outcome.tier.value.capitalize()) in page
    for paragraph in game.scenario.debrief.what_happened:
        assert escape(paragraph) in page
    for question in game.scenario.debrief.questions:
        assert escape(question) in page
    assert "Table &lt;3&gt; &amp; friends" in page
    assert "<3>" not in page


def test_the_csv_has_one_row_per_move(exported):
    game, files = exported
    rows = list(csv.DictReader(io.StringIO(files["moves.csv"].read_text(encoding="utf-8"))))
    assert len(rows) == len(game.state.moves) > 0
    assert [int(row["move"]) for row in rows] == list(range(1, len(rows) + 1))
    assert [row["side"] for row in rows] == [m.side.value for m in game.state.moves]
    last = game.state.trust_track[-1]
    assert int(rows[-1]["trust_nato_in_russia"]) == last.nato_in_russia
    for row, move in zip(rows, game.state.moves, strict=True):
        proposal = getattr(move, "proposal", None)
        assert row["proposal"] == (proposal or "")
        assert (row["value_to_nato"] != "") == (proposal is not None)


def test_the_markdown_lists_every_move_by_round(exported):
    game, files = exported
    text = files["transcript.md"].read_text(encoding="utf-8")
    transcript = build(game)
    for row in transcript.rows:
        assert f"{row.number}. **{row.side_name}**" in text
    rounds = {row.round for row in transcript.rows}
    assert all(f"### Round {r}" in text for r in rounds)
    assert "## Questions for discussion" in text


def test_an_unfinished_game_exports_too(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    from game.engine import replay
    from game.engine.moves import Statement, Tone
    from game.saves import write_save
    from game.scenario.models import SideId
    from tests.saves.helpers import record_for

    scenario, path = scenario_copy(tmp_path)
    state = replay(scenario, 2, [Statement(SideId.NATO, Tone.FIRM)])
    game = load_save(write_save(record_for(scenario, path, 2), state))
    files = export_game(game, tmp_path / "out")
    assert "saved before the end" in files[0].read_text(encoding="utf-8")
