"""The class summary as a teacher meets it: Export folders, files handed in twice, tables
with and without names, computer-only runs, and the chart's labels."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.engine import replay
from game.report.chart import bar_labels, chart_font
from game.report.classpage import (
    CSV_COLUMNS,
    averages,
    class_chart,
    render_csv,
    render_markdown,
    write_summary,
)
from game.report.classroom import collect, save_files, table_labels
from game.saves import load_save, save_point_path, write_save
from tests.report.helpers import saved_game
from tests.saves.helpers import long_game, record_for, scenario_copy, use_data_folder


@pytest.fixture
def rulebook(tmp_path, monkeypatch):
    """The rule-book scenario (a player's own copy), with saves going to a temporary folder."""
    use_data_folder(tmp_path, monkeypatch)
    return scenario_copy(tmp_path)


def one_game(rulebook, seed: int, cut: int, label: str | None = None):
    """A finished hot-seat game's record, the game after `cut` moves, and at its end."""
    scenario, path = rulebook
    final = long_game(scenario, first_seed=seed)
    record = replace(record_for(scenario, path, final.seed, "hotseat"), label=label)
    return record, replay(scenario, final.seed, final.moves[:cut]), final


def exported(game_path, name: str):
    """The debrief's Export of a saved game: its report folder, with a copy of the save."""
    from game.ui.saving import export_game

    return export_game(replace(load_save(game_path), path=None))


def test_export_folders_copied_into_one_folder_make_a_summary(rulebook, tmp_path, capsys):
    from game.cli import main

    scenario, path = rulebook
    saves = tmp_path / "handed-in"
    for seed, name in ((1, "Anna & Ben"), (2, "Table 2")):
        game = saved_game(scenario, path, seed, tmp_path / "machine", label=name)
        shutil.copytree(exported(game, name), saves / f"from-{seed}")
    assert not list(saves.glob("*.json"))  # only folders, as Export writes them
    out = saves / "summary"  # the summary written inside the class folder
    assert main(["report", "--class", str(saves), "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO((out / "tables.csv").read_text(encoding="utf-8-sig"))))
    assert [row["table"] for row in rows] == ["Anna & Ben", "Table 2"]
    assert [row["file"].split("/")[0] for row in rows] == ["from-1", "from-2"]
    # Run again: the summary's own folder is not read (nor would a save left in it be).
    shutil.copyfile(saves / rows[0]["file"], out / "stray.json")
    assert main(["report", "--class", str(saves), "--out", str(out)]) == 0
    assert "stray" not in (out / "summary.md").read_text(encoding="utf-8")
    assert "files of a game already counted" not in capsys.readouterr().out


def test_hidden_folders_links_and_loops_are_read_once(rulebook, tmp_path):
    scenario, path = rulebook
    folder = tmp_path / "class"
    game = saved_game(scenario, path, 1, folder / "a", label="Table 1")
    os.symlink(folder, folder / "a" / "loop")  # a link back up: no endless walk
    os.symlink(folder / "a", folder / "again")  # the same folder twice
    for hidden in (".git", "__MACOSX"):
        (folder / hidden).mkdir()
        shutil.copyfile(game, folder / hidden / "copy.json")
    (folder / "._mac-metadata.json").write_bytes(b"\x00\x05\x16\x07")
    assert save_files(folder) == [game]
    assert [t.label for t in collect(folder).tables] == ["Table 1"]


def test_a_subfolder_that_cannot_be_read_is_listed_and_the_rest_summed_up(
    rulebook, tmp_path, monkeypatch
):
    scenario, path = rulebook
    folder = tmp_path / "class"
    saved_game(scenario, path, 1, folder / "open", label="Table 1")
    saved_game(scenario, path, 2, folder / "locked", label="Table 2")
    real = os.scandir

    def scandir(where):
        if Path(where).name == "locked":
            raise PermissionError(13, "Permission denied", str(where))
        return real(where)

    monkeypatch.setattr(os, "scandir", scandir)
    summary = collect(folder)
    assert [t.label for t in summary.tables] == ["Table 1"]
    assert summary.problems == ((folder / "locked", "cannot read the folder: Permission denied"),)


def test_a_folder_with_no_saves_says_so(tmp_path, capsys):
    from game.cli import main

    (tmp_path / "empty" / "sub").mkdir(parents=True)
    assert main(["report", "--class", str(tmp_path / "empty"), "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err.endswith(
        "empty: no save files (.json) in it or below, nothing written\n"
    )


def test_a_save_point_and_the_autosave_of_one_game_are_one_table(rulebook, tmp_path):
    folder = tmp_path / "class"
    record, middle, final = one_game(rulebook, 3, 4, label="Table 3")
    point = write_save(record, middle, path=save_point_path(record, middle, folder))
    autosave = write_save(record, final, folder=folder, autosave=True)
    # The save point is also handed in a second time, from a USB stick.
    (folder / "usb").mkdir()
    copy = folder / "usb" / point.name
    shutil.copyfile(point, copy)
    # A game branched from the save point is a game of its own.
    from game.saves import branch_record

    branched, start = branch_record(load_save(point), 1)
    branch = write_save(branched, start, folder=folder)
    summary = collect(folder)
    assert [t.path for t in summary.tables] == [autosave, branch]
    table = summary.tables[0]
    assert table.finished and table.label == "Table 3"
    assert sorted(table.folded) == sorted([point.name, f"usb/{point.name}"])
    assert summary.folded == 2
    assert summary.tables[1].label == "Table 3, from round 1"
    text = render_markdown(summary)
    assert "unfinished (saved in round 1" in text  # the branch, not the save point
    assert f"unfinished (saved in round {middle.round}" not in text
    assert "2 more files were of a game already listed" in text
    assert f"- usb/{point.name}: Table 3 (counted from {autosave.name})" in text


def test_the_command_says_how_many_files_it_folded(rulebook, tmp_path, capsys):
    from game.cli import main

    scenario, path = rulebook
    folder = tmp_path / "class"
    game = saved_game(scenario, path, 1, folder, label="Table 1")
    shutil.copyfile(game, folder / "copy.json")
    assert main(["report", "--class", str(folder), "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.endswith(
        "1 file of a game already counted, counted once (listed in the summary)\n"
    )


def test_the_furthest_file_is_counted_even_when_it_is_not_the_newest(rulebook, tmp_path):
    folder = tmp_path / "class"
    record, early, final = one_game(rulebook, 5, 2)
    end = write_save(record, final, folder=folder, autosave=True)
    later = write_save(record, early, path=folder / "resaved-later.json")
    data = json.loads(later.read_text(encoding="utf-8"))
    later.write_text(json.dumps(dict(data, updated="2999-01-01T00:00:00+00:00")), "utf-8")
    (table,) = collect(folder).tables
    assert table.path == end and table.folded == ("resaved-later.json",)


def test_a_damaged_furthest_file_is_listed_and_the_game_counted_from_the_next(rulebook, tmp_path):
    folder = tmp_path / "class"
    record, early, final = one_game(rulebook, 5, 2, label="T")
    point = write_save(record, early, path=save_point_path(record, early, folder))
    end = write_save(record, final, folder=folder, autosave=True)
    data = json.loads(end.read_text(encoding="utf-8"))
    data["check"]["digest"] = "0" * 64
    end.write_text(json.dumps(data), encoding="utf-8")
    summary = collect(folder)
    assert [t.path for t in summary.tables] == [point]
    assert [p for p, _ in summary.problems] == [end]


def test_fourteen_unnamed_tables_get_short_labels_all_different(rulebook, tmp_path):
    scenario, path = rulebook
    folder = tmp_path / "class"
    for seed in range(1, 15):
        record = record_for(scenario, path, 100 + seed, "hotseat")
        saved = write_save(record, long_game(scenario, first_seed=seed), folder=folder)
        # Autosaves, as a class hands them in; some saved in one minute, two in one second.
        data = json.loads(saved.read_text(encoding="utf-8"))
        second = min(seed, 13)
        data.update(seed=long_game(scenario, first_seed=seed).seed, game_id=f"g{seed}")
        data["updated"] = f"2026-11-23T06:16:{second:02d}+00:00"
        (folder / f"g{seed}.autosave.json").write_text(json.dumps(data), encoding="utf-8")
        saved.unlink()
    summary = collect(folder)
    labels = [t.label for t in summary.tables]
    assert len(labels) == 14 and len(set(labels)) == 14
    assert all(label.startswith("Rule-book table, ") for label in labels)
    assert not any("autosave" in label or ".json" in label for label in labels)
    # One minute for all: told apart by the second; the two in one second by a number.
    assert sum(1 for label in labels if label.endswith(")")) == 2
    chart = pygame.image.load(io.BytesIO(class_chart(summary)), "c.png")
    assert chart.get_width() == 800 and chart.get_height() > 360  # upright labels


def test_names_label_the_tables_and_alike_names_are_told_apart(rulebook, tmp_path):
    scenario, path = rulebook
    folder = tmp_path / "class"
    for seed, name in ((1, "Table 10"), (2, "Table 2"), (3, "Table 2"), (4, "Anna & Ben")):
        saved_game(scenario, path, seed, folder, label=name)
    labels = [t.label for t in collect(folder).tables]
    assert labels[0] == "Anna & Ben"
    assert labels[1].startswith("Table 2") and labels[2].startswith("Table 2")
    assert labels[1] != labels[2] and labels[3] == "Table 10"  # 2 before 10


def test_the_charts_labels_stay_different_however_long(rulebook):
    font = chart_font(15)
    names = [f"Anna Schmidt & Benjamin Müller-{n:02d}" for n in range(14)]
    names += ["Anna Schmidt & Benjamin Müller-Lüdenscheid-Oberhausen, 14:05:09"] * 1
    names += ["Anna Schmidt & Benjamin Müller-Lüdenscheid-Oberhausen, 14:06:30"]
    drawn, upright = bar_labels(font, names, 800 / len(names))
    assert upright and len(set(drawn)) == len(names)
    assert drawn[:14] == names[:14]  # a 40-character name is drawn whole
    short, across = bar_labels(font, ["Table 1", "Table 2"], 300)
    assert short == ["Table 1", "Table 2"] and not across


def test_tables_csv_says_how_each_game_was_played_and_when(rulebook, tmp_path):
    from game.saves import save_simulated_game

    scenario, path = rulebook
    folder = tmp_path / "class"
    saved_game(scenario, path, 1, folder, label="Hot seat table")
    final = long_game(scenario, first_seed=2)
    solo = replace(record_for(scenario, path, final.seed, "solo"), game_id="solo")
    write_save(replace(solo, difficulty="hard"), final, folder=folder)
    save_simulated_game(long_game(scenario, first_seed=3), path, folder, difficulty="hard vs tft")
    summary = collect(folder)
    rows = {row["table"]: row for row in csv.DictReader(io.StringIO(render_csv(summary)))}
    assert list(next(iter(rows.values()))) == CSV_COLUMNS
    hot = rows["Hot seat table"]
    assert (hot["table_name"], hot["mode"], hot["level"], hot["people_played"]) == (
        "Hot seat table",
        "hot seat",
        "",
        "both sides",
    )
    assert hot["saved"] == summary.tables[0].saved and len(hot["saved"]) == 16
    (solo_row,) = [row for row in rows.values() if row["mode"] == "against the computer"]
    assert (solo_row["table_name"], solo_row["level"], solo_row["people_played"]) == (
        "",
        "hard",
        "NATO",
    )
    (sim,) = [row for row in rows.values() if row["mode"] == "computer only"]
    # Which side each computer player played: NATO's is named first by `detente sim`.
    assert sim["table"].startswith("NATO hard vs Russia tft, seed ")
    assert (sim["level"], sim["people_played"]) == ("NATO hard vs Russia tft", "neither side")
    text = render_markdown(summary)
    assert text.splitlines()[2] == (
        "2 tables, and 1 computer-only game kept apart as a computer benchmark (not counted "
        "in the class's figures); scenario: Rule-book table"
    )
    assert "| against the computer at hard, as NATO |" in text
    assert "| computer only (NATO hard vs Russia tft) |" in text


def test_labels_never_repeat_even_for_the_same_name_in_the_same_second(rulebook, tmp_path):
    scenario, path = rulebook
    folder = tmp_path / "class"
    for seed in (1, 2, 3):
        saved = saved_game(scenario, path, seed, folder, label="Table 1 (2)")
        data = json.loads(saved.read_text(encoding="utf-8"))
        saved.write_text(json.dumps(dict(data, updated="2026-11-23T06:16:19+00:00")), "utf-8")
    games = [t.game for t in collect(folder).tables]
    labels = table_labels(games)
    assert len(set(labels)) == 3


def save_sims(scenario, path, folder, seeds) -> None:
    """Computer-only games (as `detente sim --save-dir` writes them), one per seed."""
    from game.saves import save_simulated_game

    for seed in seeds:
        save_simulated_game(
            long_game(scenario, first_seed=seed),
            path,
            folder,
            difficulty="hard vs tft",
            name=f"sim-{seed}",
        )


def test_computer_only_games_are_a_benchmark_never_counted_with_the_class(rulebook, tmp_path):

    scenario, path = rulebook
    folder = tmp_path / "class"
    saved_game(scenario, path, 1, folder, label="Table 1")
    # A game against the computer is a person's game: it counts with the class.
    final = long_game(scenario, first_seed=2)
    solo = replace(record_for(scenario, path, final.seed, "solo"), game_id="solo", label="Solo")
    write_save(solo, final, folder=folder)
    save_sims(scenario, path, folder, (3, 4, 5))
    summary = collect(folder)
    (people,) = summary.by_scenario
    (computer,) = summary.benchmark
    assert [t.label for t in people.tables] == ["Solo", "Table 1"]
    assert len(computer.tables) == 3 and all(t.computer_only for t in computer.tables)
    shared = [t.outcome.shared for t in people.tables]
    assert people.average("shared") == pytest.approx(sum(shared) / 2)
    assert all(row.tables == 2 for row in people.proposals())
    assert all(row.tables == 3 for row in computer.proposals())
    text = render_markdown(summary)
    class_part, benchmark = text.split("## Computer benchmark")
    assert averages(people) in class_part and averages(computer) in benchmark
    assert "computer only" not in class_part  # not one row of the class is the computer's
    assert "| Tables that agreed it |" in class_part and "| Games that agreed it |" in benchmark
    assert "counted in none of the class's figures" in benchmark
    rows = list(csv.DictReader(io.StringIO(render_csv(summary))))
    assert [row["counted_as"] for row in rows] == ["class"] * 2 + ["computer benchmark"] * 3
    # The class's chart has the class's tables only; the computer's have their own.
    class_only = replace(summary, tables=people.tables)
    assert class_chart(summary) == class_chart(class_only)
    names = {p.name for p in write_summary(summary, tmp_path / "out")}
    assert "benchmark.png" in names
    page = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    assert page.count('<img class="chart"') == 2
    assert page.index("<h2>Computer benchmark</h2>") < page.rindex('<img class="chart"')


def test_a_folder_of_computer_only_games_says_so(rulebook, tmp_path):

    scenario, path = rulebook
    folder = tmp_path / "sims"
    save_sims(scenario, path, folder, (3, 4))
    summary = collect(folder)
    assert summary.by_scenario == () and len(summary.benchmark) == 1
    text = render_markdown(summary)
    assert text.splitlines()[2] == (
        "No game played by people: only 2 computer-only games, shown as a computer benchmark, "
        "not a class's results; scenario: Rule-book table"
    )
    assert "Averages" not in text.split("## Computer benchmark")[0]


def test_games_begun_from_a_round_of_another_are_played_at_its_table(rulebook, tmp_path):
    from game.saves import branch_record
    from game.saves.store import continuing

    scenario, path = rulebook
    folder = tmp_path / "class"
    record, middle, final = one_game(rulebook, 3, 4, label="Table 3")
    point = write_save(record, middle, path=save_point_path(record, middle, folder))
    write_save(record, final, folder=folder, autosave=True)
    # Going on from the save point after the game went further: a game of its own.
    going_on = continuing(load_save(point), folder)
    assert going_on.game_id == f"{record.game_id}-from-round{middle.round}"
    write_save(going_on, middle, folder=folder, autosave=True)
    # Begun again from round 1 in the replay viewer: an id of its own, the same table.
    branched, start = branch_record(load_save(point), 1)
    write_save(branched, start, folder=folder)
    saved_game(scenario, path, 5, folder, label="Table 5")
    summary = collect(folder)
    assert len(summary.tables) == 4 and summary.people.at_tables == 2
    assert render_markdown(summary).splitlines()[2] == (
        "4 games at 2 tables; scenario: Rule-book table"
    )
