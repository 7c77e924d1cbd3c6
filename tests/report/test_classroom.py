"""The class summary: one row per table, averages, proposals agreed, a chart, bad saves listed."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from game.report.classpage import render_html, render_markdown, write_summary
from game.report.classroom import collect
from tests.report.helpers import external_resources, marked_scenario, saved_game
from tests.report.test_markdown import unescaped_pipes
from tests.saves.helpers import scenario_copy


@pytest.fixture(scope="module")
def summary_folder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("class")
    scenario, path = scenario_copy(tmp)
    saves = tmp / "saves"
    for seed in (1, 2, 3, 4):
        saved_game(scenario, path, seed, saves, label=f"Table {seed}")
    # An autosave as old as its save is skipped; a broken file is listed, not fatal.
    shutil.copyfile(saves / "table-1.json", saves / "table-1.autosave.json")
    (saves / "table-9.json").write_text('{"format": "detente-save", "vers', encoding="utf-8")
    return tmp, saves


def test_collect_reads_every_table_and_lists_the_broken_one(summary_folder):
    _, saves = summary_folder
    summary = collect(saves)
    assert [t.label for t in summary.tables] == ["Table 1", "Table 2", "Table 3", "Table 4"]
    assert [(p.name, "truncated" in m) for p, m in summary.problems] == [("table-9.json", True)]
    shared = [t.outcome.shared for t in summary.tables]
    assert summary.average("shared") == pytest.approx(sum(shared) / 4)
    assert sum(count for _, count in summary.tiers()) == 4
    agreed = sum(len(t.outcome.package) for t in summary.tables)
    assert sum(row.agreed for row in summary.proposals()) == agreed
    assert all(row.tables == 4 for row in summary.proposals())


def test_the_summary_files(summary_folder):
    tmp, saves = summary_folder
    summary = collect(saves)
    files = {p.name: p for p in write_summary(summary, tmp / "out")}
    assert sorted(files) == ["results.png", "summary.html", "summary.md", "tables.csv"]
    page = files["summary.html"].read_text(encoding="utf-8")
    assert external_resources(page) == []
    assert "data:image/png;base64," in page
    assert "table-9.json" in page
    rows = list(csv.DictReader(io.StringIO(files["tables.csv"].read_text(encoding="utf-8"))))
    assert [row["table"] for row in rows] == ["Table 1", "Table 2", "Table 3", "Table 4"]
    for row, table in zip(rows, summary.tables, strict=True):
        assert row["tier"] == table.outcome.tier.value
        assert float(row["shared"]) == pytest.approx(table.outcome.shared, abs=0.05)
    text = files["summary.md"].read_text(encoding="utf-8")
    assert "## Proposals agreed" in text
    assert f"shared {summary.average('shared'):.1f}" in text


def test_a_newer_autosave_wins_over_an_older_save(tmp_path):
    scenario, path = scenario_copy(tmp_path)
    saves = tmp_path / "saves"
    saved = saved_game(scenario, path, 5, saves, label="Table 5")
    data = json.loads(saved.read_text(encoding="utf-8"))
    newer = dict(data, updated="2999-01-01T00:00:00+00:00", label="Table 5, later")
    (saves / "table-5.autosave.json").write_text(json.dumps(newer), encoding="utf-8")
    assert [t.label for t in collect(saves).tables] == ["Table 5, later"]
    older = dict(data, updated="1999-01-01T00:00:00+00:00", label="Table 5, earlier")
    (saves / "table-5.autosave.json").write_text(json.dumps(older), encoding="utf-8")
    assert [t.label for t in collect(saves).tables] == ["Table 5"]


def test_scenario_text_in_the_summary_is_escaped_and_one_table_is_one(tmp_path):
    scenario, path = marked_scenario(tmp_path)
    saves = tmp_path / "saves"
    saved_game(scenario, path, 1, saves, label="Table | 1")
    (saves / "broken # | one.json").write_text("{", encoding="utf-8")
    summary = collect(saves)
    text = render_markdown(summary)
    lines = text.splitlines()
    assert lines[2] == "1 table; scenario: Rule \\| book \\*table\\*"
    table = [line for line in lines if line.startswith("| Rule")]
    assert table, "no proposal rows"
    # Three columns a row: the pipes in the titles are escaped, the cells' own are not.
    assert all(unescaped_pipes(line) == 4 for line in table)
    assert "| Rule \\| book \\*table\\* | Transparency \\| tests \\<b>now\\</b> |" in text
    assert "| Table \\| 1 | Rule \\| book \\*table\\* |" in text
    assert "- broken # \\| one.json: the save file is cut short" in text
    assert '<p class="facts">1 table; scenario: Rule | book *table*</p>' in render_html(
        summary, b""
    )


def test_two_scenarios_are_scenarios(summary_folder, tmp_path):
    _, saves = summary_folder
    scenario, path = marked_scenario(tmp_path)
    folder = tmp_path / "mixed"
    shutil.copytree(saves, folder)
    saved_game(scenario, path, 11, folder, label="Marked")
    assert render_markdown(collect(folder)).splitlines()[2] == (
        "5 tables; scenarios: Rule-book table, Rule \\| book \\*table\\*"
    )


def test_an_unfinished_game_is_listed_but_not_counted(tmp_path):
    from dataclasses import replace

    from game.engine import new_game
    from game.saves import write_save
    from tests.saves.helpers import record_for

    scenario, path = scenario_copy(tmp_path)
    saves = tmp_path / "saves"
    saved_game(scenario, path, 1, saves, label="Table 1")
    # A "Play again" nobody played: saved at round 1, scored as it stands (a stalemate).
    fresh = new_game(scenario, 7)
    record = replace(record_for(scenario, path, 7, "hotseat"), game_id="left", label="Left")
    write_save(record, fresh, folder=saves)
    summary = collect(saves)
    assert [t.label for t in summary.tables] == ["Left", "Table 1"]
    finished = summary.tables[1]
    assert summary.average("shared") == pytest.approx(finished.outcome.shared)
    assert sum(count for _, count in summary.tiers()) == 1
    assert all(row.tables == 1 for row in summary.proposals())
    text = render_markdown(summary)
    assert "Averages over the 1 finished game:" in text
    assert "1 unfinished game is listed but not counted." in text
    assert "- unfinished: 1" in text


def test_no_finished_game_means_no_averages(tmp_path):
    from dataclasses import replace

    from game.engine import new_game
    from game.saves import write_save
    from tests.saves.helpers import record_for

    scenario, path = scenario_copy(tmp_path)
    record = replace(record_for(scenario, path, 7, "hotseat"), game_id="left")
    write_save(record, new_game(scenario, 7), folder=tmp_path / "saves")
    summary = collect(tmp_path / "saves")
    assert summary.average("nato") is None
    assert "No game has finished yet, so there are no averages." in render_markdown(summary)
