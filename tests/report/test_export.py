"""Exporting a game: Markdown, a self-contained HTML page, a CSV with one row per move."""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import replace
from html import escape, unescape

import pytest

from game.engine import Tier, replay
from game.engine.moves import Accept, Table
from game.engine.state import Status
from game.report.export import export_game
from game.report.transcript import build
from game.saves import LoadedGame, load_save, write_save
from game.saves.privacy import SECRETS_KEPT
from tests.report.helpers import external_resources, saved_game
from tests.saves.helpers import BRUSSELS, record_for, scenario_copy, use_data_folder


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
    rows = list(csv.DictReader(io.StringIO(files["moves.csv"].read_text(encoding="utf-8-sig"))))
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
    # A finished game's record is the whole record.
    assert "unfinished" not in text
    assert "## Outcome\n" in text and "## Each side's private instructions" in text


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
    assert "saved in round 1 of 4, before the end" in files[0].read_text(encoding="utf-8")


def unfinished_game(tmp_path, monkeypatch, mode: str) -> LoadedGame:
    """The rule-book scenario two moves in, one proposal agreed, saved in `mode`."""
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    first = scenario.first_move
    moves = [Table(first, "transparency"), Accept(first.other, "transparency")]
    state = replay(scenario, 2, moves)
    assert not state.over and state.proposal("transparency").status is Status.AGREED
    record = record_for(scenario, path, 2, "hotseat" if mode == "sim" else mode)
    if mode == "sim":
        record = replace(record, mode="sim", humans=())
    return load_save(write_save(record, state))


def written(game: LoadedGame, folder) -> dict[str, str]:
    """The text files of a game's record, by name (the HTML unescaped)."""
    files = {
        # utf-8-sig: the CSV file starts with a byte-order mark, for spreadsheets.
        p.name: p.read_text(encoding="utf-8-sig")
        for p in export_game(game, folder)
        if p.suffix != ".png"
    }
    files["transcript.html"] = unescape(files["transcript.html"])
    return files


@pytest.mark.parametrize("mode", ["solo", "hotseat"])
def test_an_unfinished_game_people_play_says_so_and_keeps_its_secrets(tmp_path, monkeypatch, mode):
    # The replay viewer's rule: mid-game, no one may read the other side's private values.
    game = unfinished_game(tmp_path, monkeypatch, mode)
    files = written(game, tmp_path / "out")
    text, page = files["transcript.md"], files["transcript.html"]
    assert (
        "- Outcome: **unfinished**, no scores until it is finished (the game was saved in " in text
    )
    assert "Outcome: unfinished (no scores until it is finished)" in page
    for shown in (text, page):
        assert SECRETS_KEPT[mode] in shown
        assert "Where the talks stand (unfinished)" in shown
        assert "Transparency on tests" in shown  # what was agreed is public
        for tier in Tier:  # a game in progress scores as a stalemate, which it is not
            assert f"**{tier.value}**" not in shown and f"Outcome: {tier.value}" not in shown
        assert not re.search(r"[+-]\d+\.\d to (NATO|Russia)", shown)  # no values in the moves
        assert "Package value" not in shown and "hared score" not in shown
        assert "private instructions" not in shown.replace("each side's private instructions:", "")
        for side in game.scenario.sides.nato, game.scenario.sides.russia:
            assert all(item not in shown for item in side.priorities)
            assert all(line.text not in shown for line in side.red_lines)
    rows = list(csv.DictReader(io.StringIO(files["moves.csv"])))
    assert rows[0]["proposal"] == "transparency"
    assert {row["value_to_nato"] + row["value_to_russia"] for row in rows} == {""}


def test_an_unfinished_computer_only_game_gives_its_scores_so_far(tmp_path, monkeypatch):
    game = unfinished_game(tmp_path, monkeypatch, "sim")
    files = written(game, tmp_path / "out")
    text, page = files["transcript.md"], files["transcript.html"]
    shared = build(game).outcome.shared
    assert f"- Outcome: **unfinished**, shared score so far {shared:.1f} (the game was" in text
    assert f"Outcome: unfinished (shared score so far {shared:.1f})" in page
    for shown in (text, page):
        assert "This game is not finished: the game was saved in round 2 of " in shown
        assert f"Shared score so far: {shared:.1f}" in shown.replace("<strong>", "").replace(
            "</strong>", ""
        )
        assert "Priority: Keep the system under NATO command." in shown
        for tier in Tier:
            assert f"**{tier.value}**" not in shown and f"Outcome: {tier.value}" not in shown
    rows = list(csv.DictReader(io.StringIO(files["moves.csv"])))
    assert rows[0]["value_to_nato"] != ""


def test_the_table_is_named_in_every_file(exported):
    """The record says whose game it is: a line of its own, and on every row of moves.csv
    (a class's files pasted into one sheet still say whose each move was)."""
    _, files = exported
    text = files["transcript.md"].read_text(encoding="utf-8")
    assert "- Table: Table \\<3> & friends" in text.splitlines()
    page = files["transcript.html"].read_text(encoding="utf-8")
    assert '<p class="facts">Table: Table &lt;3&gt; &amp; friends. ' in page
    rows = list(csv.DictReader(io.StringIO(files["moves.csv"].read_text(encoding="utf-8-sig"))))
    assert {row["table"] for row in rows} == {"Table <3> & friends"}


def test_an_unnamed_table_has_no_table_line(tmp_path):
    scenario, path = scenario_copy(tmp_path)
    game = load_save(saved_game(scenario, path, 2, tmp_path / "saves"))
    files = {file.name: file for file in export_game(game, tmp_path / "out")}
    assert "- Table:" not in files["transcript.md"].read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(files["moves.csv"].read_text(encoding="utf-8-sig"))))
    assert {row["table"] for row in rows} == {"table-2"}


def test_moves_csv_opens_in_a_spreadsheet_with_its_accents(tmp_path):
    # Excel on Windows reads a CSV file without a byte-order mark as its own code page:
    # "Zoë" showed as "ZoÃ«".
    scenario, path = scenario_copy(tmp_path)
    game = load_save(saved_game(scenario, path, 2, tmp_path / "saves", label="Zoë & Ben"))
    files = {file.name: file for file in export_game(game, tmp_path / "out")}
    data = files["moves.csv"].read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and data.count(codecs.BOM_UTF8) == 1
    assert data.decode("utf-8-sig").startswith("table,move,")
    assert "Zoë & Ben" in data.decode("utf-8-sig")


def test_the_result_is_at_the_top_of_the_record(exported):
    # Printed, the outcome section comes pages after the start: the result is said first.
    game, files = exported
    result = build(game).outcome
    state = game.state
    sides = game.scenario.sides
    scores = (
        f"Scores: {sides.nato.name} {result.nato.score:.1f}, "
        f"{sides.russia.name} {result.russia.score:.1f}"
    )
    text = files["transcript.md"].read_text(encoding="utf-8")
    top = text.split("## Opening")[0]
    assert "## Result" in top
    assert f"- Outcome: **{result.tier.value}**, shared score {result.shared:.1f}\n" in top
    assert f"- {scores}\n" in top
    assert f"- Rounds played: {state.round} of {state.rounds}\n" in top
    assert f"- How it ended: {build(game).ending}" in top
    assert "## Outcome" in text.split("## Opening")[1]  # the full debrief stays where it was
    page = unescape(files["transcript.html"].read_text(encoding="utf-8"))
    top = page.split("<h2>")[0]
    assert f"<li>{scores}</li>" in top
    assert f"<li>Rounds played: {state.round} of {state.rounds}</li>" in top
    assert "<h2>Outcome</h2>" in page


def test_printed_tables_repeat_their_headings_on_every_page(exported):
    _, files = exported
    page = files["transcript.html"].read_text(encoding="utf-8")
    assert "thead { display: table-header-group; }" in page
    assert page.count("<thead>") == page.count("<table") == 2  # the moves and the scores


def test_a_walk_out_says_what_was_agreed_before_it_still_counts(tmp_path, monkeypatch):
    # Rules §9: a walk-out ends the talks, but the package agreed so far scores.
    from game.engine.moves import WalkOut
    from game.report.markdown import WALKED_OUT
    from game.scenario.models import SideId

    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    nato, russia = SideId.NATO, SideId.RUSSIA
    moves = [Table(nato, "transparency"), Accept(russia, "transparency"), WalkOut(nato)]
    state = replay(scenario, 1, moves)
    game = load_save(write_save(record_for(scenario, path, 1, "hotseat"), state))
    assert build(game).outcome.package  # what was agreed before the walk-out
    files = written(game, tmp_path / "out")
    text, page = files["transcript.md"], files["transcript.html"]
    assert WALKED_OUT == "Agreements reached before the walk-out still count."
    result, outcome_section = text.split("## Opening")[0], text.split("## Outcome")[1]
    assert f"- {WALKED_OUT}\n" in result
    assert f"\n{WALKED_OUT}\n" in outcome_section.split("## ")[0]
    assert page.count(WALKED_OUT) == 2  # at the top, and with the scores in the outcome


def test_a_game_that_ended_otherwise_says_nothing_of_a_walk_out(exported):
    from game.report.markdown import WALKED_OUT

    game, files = exported
    assert build(game).outcome.ended_by != "walk_out"
    for name in ("transcript.md", "transcript.html"):
        assert WALKED_OUT not in files[name].read_text(encoding="utf-8")
