"""The class summary: one row per table, averages, proposals agreed, a chart, bad saves listed."""

from __future__ import annotations

import codecs
import csv
import io
import json
import shutil
from html import escape

import pygame
import pytest

from game.report.classpage import (
    APART,
    averages,
    class_chart,
    render_csv,
    render_html,
    render_markdown,
    terms_agreed,
    write_summary,
)
from game.report.classroom import collect
from tests.report.helpers import external_resources, marked_scenario, saved_game
from tests.report.test_markdown import check_markdown, unescaped_pipes
from tests.saves.helpers import BRUSSELS, scenario_copy


@pytest.fixture(scope="module")
def summary_folder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("class")
    scenario, path = scenario_copy(tmp)
    saves = tmp / "saves"
    files = [
        saved_game(scenario, path, seed, saves, label=f"Table {seed}") for seed in (1, 2, 3, 4)
    ]
    assert files[0].name == "table-1-table-1.json"  # the game's id, then the table's name
    # A copy of one game is counted once; a broken file is listed, not fatal.
    shutil.copyfile(files[0], saves / "table-1-table-1.autosave.json")
    (saves / "table-9.json").write_text('{"format": "detente-save", "vers', encoding="utf-8")
    return tmp, saves


def test_collect_reads_every_table_and_lists_the_broken_one(summary_folder):
    _, saves = summary_folder
    summary = collect(saves)
    assert [t.label for t in summary.tables] == ["Table 1", "Table 2", "Table 3", "Table 4"]
    assert [(p.name, "truncated" in m) for p, m in summary.problems] == [("table-9.json", True)]
    (group,) = summary.by_scenario
    assert group.tables == summary.tables
    shared = [t.outcome.shared for t in summary.tables]
    assert group.average("shared") == pytest.approx(sum(shared) / 4)
    assert sum(count for _, count in summary.tiers()) == 4
    agreed = sum(len(t.outcome.package) for t in summary.tables)
    assert sum(row.agreed for row in group.proposals()) == agreed
    assert all(row.tables == 4 for row in group.proposals())


def test_the_summary_files(summary_folder):
    tmp, saves = summary_folder
    summary = collect(saves)
    files = {p.name: p for p in write_summary(summary, tmp / "out")}
    assert sorted(files) == ["results.png", "summary.html", "summary.md", "tables.csv"]
    page = files["summary.html"].read_text(encoding="utf-8")
    assert external_resources(page) == []
    assert "data:image/png;base64," in page
    assert "table-9.json" in page
    rows = list(csv.DictReader(io.StringIO(files["tables.csv"].read_text(encoding="utf-8-sig"))))
    assert [row["table"] for row in rows] == ["Table 1", "Table 2", "Table 3", "Table 4"]
    for row, table in zip(rows, summary.tables, strict=True):
        assert row["tier"] == table.outcome.tier.value
        assert float(row["shared"]) == pytest.approx(table.outcome.shared, abs=0.05)
    text = files["summary.md"].read_text(encoding="utf-8")
    assert "### Proposals agreed" in text
    assert f"shared {summary.by_scenario[0].average('shared'):.1f}" in text
    # One scenario: nothing to keep apart, and no line over all scenarios.
    assert APART not in text and "All scenarios together" not in text


def test_a_newer_autosave_wins_over_an_older_save(tmp_path):
    scenario, path = scenario_copy(tmp_path)
    saves = tmp_path / "saves"
    saved = saved_game(scenario, path, 5, saves, label="Table 5")
    data = json.loads(saved.read_text(encoding="utf-8"))
    newer = dict(data, updated="2999-01-01T00:00:00+00:00", label="Table 5, later")
    autosave = saves / "table-5-table-5.autosave.json"
    autosave.write_text(json.dumps(newer), encoding="utf-8")
    assert [t.label for t in collect(saves).tables] == ["Table 5, later"]
    older = dict(data, updated="1999-01-01T00:00:00+00:00", label="Table 5, earlier")
    autosave.write_text(json.dumps(older), encoding="utf-8")
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
    assert "## Rule \\| book \\*table\\*" in lines
    table = [line for line in lines if line.startswith("| Transparency")]
    assert table, "no proposal rows"
    # Two columns a row: the pipes in the titles are escaped, the cells' own are not.
    assert all(unescaped_pipes(line) == 4 for line in table)
    assert "| Transparency \\| tests \\<b>now\\</b> | " in text
    assert unescaped_pipes(next(line for line in lines if line.startswith("| Table \\|"))) == 9
    assert "| Table \\| 1 | " in text
    assert "- broken # \\| one.json: the save file is cut short" in text
    page = render_html(summary)
    assert '<p class="facts">1 table; scenario: Rule | book *table*</p>' in page
    assert "<h2>Rule | book *table*</h2>" in page


def test_two_scenarios_are_scenarios(summary_folder, tmp_path):
    _, saves = summary_folder
    scenario, path = marked_scenario(tmp_path)
    folder = tmp_path / "mixed"
    shutil.copytree(saves, folder)
    saved_game(scenario, path, 11, folder, label="Marked")
    assert render_markdown(collect(folder)).splitlines()[2] == (
        "5 tables; scenarios: Rule-book table, Rule \\| book \\*table\\*"
    )


def test_each_scenario_is_averaged_and_charted_on_its_own(summary_folder, tmp_path):
    # Scores of different scenarios are not comparable: no average mixes them.
    _, saves = summary_folder
    scenario, path = scenario_copy(tmp_path, BRUSSELS)
    folder = tmp_path / "mixed"
    shutil.copytree(saves, folder)
    for seed in (21, 22):
        saved_game(scenario, path, seed, folder, label=f"Brussels {seed}")
    summary = collect(folder)
    rulebook, brussels = summary.by_scenario
    assert (rulebook.title, brussels.title) == ("Rule-book table", scenario.title)
    assert [t.label for t in brussels.tables] == ["Brussels 21", "Brussels 22"]
    assert len(rulebook.tables) == 4
    for group in (rulebook, brussels):
        shared = [t.outcome.shared for t in group.tables]
        assert group.average("shared") == pytest.approx(sum(shared) / len(shared))
        assert all(row.tables == len(group.tables) for row in group.proposals())
    assert {row.title for row in brussels.proposals()} == {p.title for p in scenario.proposals}
    text = render_markdown(summary)
    check_markdown(
        text,
        {
            "# Détente: class summary",
            "## Rule-book table",
            f"## {scenario.title}",
            "### Proposals agreed",
            "## All scenarios together",
            "## Saves that could not be read",
            "## Files of a game already counted",
        },
    )
    assert APART in text
    one = text.index("## Rule-book table")
    two = text.index(f"## {scenario.title}")
    overall_at = text.index("## All scenarios together")
    assert one < two < overall_at
    assert averages(rulebook) in text[one:two] and averages(brussels) in text[two:overall_at]
    # The one line over both names outcomes only, and says why there is no average.
    last = text[overall_at:].split("\n\n")[1]
    assert last.startswith("Outcomes of the 6 finished games in both scenarios: ")
    assert "Scores are not averaged across scenarios" in last
    assert "Averages" not in text[overall_at:]
    page = render_html(summary)
    assert page.count('<img class="chart"') == 2
    assert page.index(f"<h2>{escape(scenario.title)}</h2>") < page.rindex('<img class="chart"')
    assert escape(APART) in page and "<h2>All scenarios together</h2>" in page
    rows = list(csv.DictReader(io.StringIO(render_csv(summary))))
    assert [row["scenario"] for row in rows] == ["Rule-book table"] * 4 + [scenario.title] * 2
    chart = class_chart(summary)
    assert pygame.image.load(io.BytesIO(chart), "c.png").get_size() == (800, 720)


def test_one_title_with_two_sets_of_rules_is_two_scenarios(tmp_path):
    scenario, path = scenario_copy(tmp_path)
    saves = tmp_path / "saves"
    saved_game(scenario, path, 1, saves, label="Table 1")
    changed = tmp_path / "changed"
    changed.mkdir()
    other = changed / "rulebook-harder.yaml"
    other.write_text(
        path.read_text(encoding="utf-8").replace("support: 60", "support: 40"), encoding="utf-8"
    )
    from game.scenario import load

    saved_game(load(other), other, 2, saves, label="Table 2")
    titles = [group.title for group in collect(saves).by_scenario]
    assert titles == ["Rule-book table (rulebook.yaml)", "Rule-book table (rulebook-harder.yaml)"]


def unfinished_save(scenario, path, folder, mode: str, label: str):
    """A game left at round 1 (a "Play again" nobody played), saved in `mode`."""
    from dataclasses import replace

    from game.engine import new_game
    from game.saves import write_save
    from tests.saves.helpers import record_for

    record = replace(
        record_for(scenario, path, 7, "hotseat" if mode == "sim" else mode),
        game_id=label.lower(),
        label=label,
    )
    if mode == "sim":
        record = replace(record, mode="sim", humans=())
    return write_save(record, new_game(scenario, 7), folder=folder)


def test_an_unfinished_game_is_listed_but_not_counted(tmp_path):
    scenario, path = scenario_copy(tmp_path)
    saves = tmp_path / "saves"
    saved_game(scenario, path, 1, saves, label="Table 1")
    # Saved at round 1, a game scores as a stalemate as it stands: it is no stalemate.
    unfinished_save(scenario, path, saves, "hotseat", "Left")
    summary = collect(saves)
    assert [t.label for t in summary.tables] == ["Left", "Table 1"]
    (group,) = summary.by_scenario
    finished = summary.tables[1]
    assert group.average("shared") == pytest.approx(finished.outcome.shared)
    assert sum(count for _, count in summary.tiers()) == 1
    assert all(row.tables == 1 for row in group.proposals())
    text = render_markdown(summary)
    assert "Averages over the 1 finished game:" in text
    assert "1 unfinished game is listed but not counted." in text
    assert "; unfinished 1." in text
    # Its row says it is unfinished, in the single game's record's words, and (a hot-seat
    # game still being played) shows none of the scores its private values make.
    row = next(line for line in text.splitlines() if line.startswith("| Left"))
    assert row == "| Left | hot seat | unfinished (saved in round 1 of 4) | — | — | — | 35.0 | 0 |"
    assert "stalemate" not in row
    assert "A dash (—) stands for the scores of a game still being played" in text
    page = render_html(summary)
    assert "<td>unfinished (saved in round 1 of 4)</td>" in page
    assert page.count('<td class="num">—</td>') == 3
    csv_row = next(
        r for r in csv.DictReader(io.StringIO(render_csv(summary))) if r["table"] == "Left"
    )
    assert (csv_row["tier"], csv_row["nato"], csv_row["shared"]) == ("unfinished", "", "")


def test_an_unfinished_computer_only_game_shows_its_scores_so_far(tmp_path):
    scenario, path = scenario_copy(tmp_path)
    saves = tmp_path / "saves"
    unfinished_save(scenario, path, saves, "sim", "Bots")
    summary = collect(saves)
    (table,) = summary.tables
    text = render_markdown(summary)
    row = next(line for line in text.splitlines() if line.startswith("| Bots"))
    assert row.startswith(
        f"| Bots | computer only (medium) | unfinished (saved in round 1 of 4) | "
        f"{table.outcome.nato.score:.1f} |"
    )
    assert "A dash" not in text


def test_no_finished_game_means_no_averages(tmp_path):
    scenario, path = scenario_copy(tmp_path)
    unfinished_save(scenario, path, tmp_path / "saves", "hotseat", "Left")
    summary = collect(tmp_path / "saves")
    assert summary.by_scenario[0].average("nato") is None
    assert summary.by_scenario[0].proposals() == []
    assert "No game has finished yet, so there are no averages." in render_markdown(summary)
    assert '<img class="chart"' not in render_html(summary)
    assert class_chart(summary).startswith(b"\x89PNG")


def guarantee_games(tmp_path, forms: tuple[str, ...]):
    """A class folder of games that each agreed only the rule-book's guarantee, in `forms`
    (Russia's red line against a mere declaration taken out, so either form can be agreed)."""
    from dataclasses import replace

    from game.engine import replay
    from game.engine.moves import Accept, Pass, Table
    from game.saves import write_save
    from game.scenario import load
    from game.scenario.models import SideId
    from tests.saves.helpers import record_for

    _, path = scenario_copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    red_line = "proposal: guarantee\n        terms: {form: declaration}"
    assert red_line in text
    path.write_text(text.replace(red_line, "proposal: joint-command"), encoding="utf-8")
    scenario = load(path)
    nato, russia = SideId.NATO, SideId.RUSSIA
    saves = tmp_path / "saves"
    for number, form in enumerate(forms, start=1):
        moves = [
            Table(nato, "guarantee", (("form", form),)),
            Accept(russia, "guarantee"),
            Pass(nato),
            Pass(russia),
        ]
        record = replace(record_for(scenario, path, number, "hotseat"), game_id=f"g{number}")
        write_save(
            replace(record, label=f"Table {number}"), replay(scenario, number, moves), folder=saves
        )
    return saves


def test_agreed_proposals_are_broken_down_by_their_terms(tmp_path):
    # Discussion asks about the guarantee's form: the summary says which form each table chose.
    summary = collect(guarantee_games(tmp_path, ("declaration", "treaty", "declaration")))
    rows = {row.title: row for row in summary.by_scenario[0].proposals()}
    guarantee = rows["Guarantee of non-targeting"]
    assert (guarantee.agreed, guarantee.tables) == (3, 3)
    shown = "Form: Political declaration 2, Legally binding treaty 1"
    assert terms_agreed(guarantee) == shown
    assert terms_agreed(rows["Transparency on tests"]) == ""  # not agreed (and no terms)
    text = render_markdown(summary)
    assert "| Proposal | Tables that agreed it | On what terms |" in text
    assert f"| Guarantee of non-targeting | 3 of 3 | {shown} |" in text
    assert f'<td class="num">3 of 3</td><td>{shown}</td>' in render_html(summary)


def test_tables_csv_opens_in_a_spreadsheet_with_its_accents(tmp_path):
    # Excel on Windows reads a CSV file without a byte-order mark as its own code page:
    # "Zoë" showed as "ZoÃ«".
    scenario, path = scenario_copy(tmp_path)
    saved_game(scenario, path, 1, tmp_path / "saves", label="Zoë & Ben")
    write_summary(collect(tmp_path / "saves"), tmp_path / "out")
    data = (tmp_path / "out" / "tables.csv").read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and data.count(codecs.BOM_UTF8) == 1
    assert data.decode("utf-8-sig").startswith("table,table_name,")
    assert "Zoë & Ben" in data.decode("utf-8-sig")


def test_printed_summary_tables_repeat_their_headings_on_every_page(summary_folder):
    # Printed, a class's table runs onto page 2: its column headings must come too.
    _, saves = summary_folder
    page = render_html(collect(saves))
    assert "thead { display: table-header-group; }" in page
    assert page.count("<table>") == page.count("<thead>") == 2  # the tables, the proposals
    head = "".join(f"<th>{name}</th>" for name in ("Table", "Mode", "Outcome"))
    assert f"<table><thead><tr>{head}" in page
