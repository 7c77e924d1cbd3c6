"""`detente report`: a save that cannot be read is blamed on the save, never on the output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.cli import main
from tests.report.helpers import saved_game
from tests.saves.helpers import scenario_copy, use_data_folder

TOO_LONG = "/tmp/" + "x" * 5000 + ".yaml"
"""A scenario file name no system can look up (Errno 36, file name too long)."""


def naming_a_scenario_too_long(save: Path) -> None:
    data = json.loads(save.read_text(encoding="utf-8"))
    data["scenario"]["file"] = TOO_LONG
    save.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A class's folder: two good saves and one naming a scenario file too long to look up."""
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    folder = tmp_path / "saves"
    for seed in (1, 2):
        saved_game(scenario, path, seed, folder)
    naming_a_scenario_too_long(saved_game(scenario, path, 3, folder))
    return folder


def test_a_save_naming_a_scenario_too_long_is_a_message(saves, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["report", str(saves / "table-3.json"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "table-3.json: the scenario 'Rule-book table'" in err
    assert "was not found" in err
    assert "cannot write" not in err and "Traceback" not in err
    assert not out.exists()


def test_the_class_summary_skips_a_bad_save_with_a_note(saves, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["report", "--class", str(saves), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "table-3.json: the scenario 'Rule-book table'" in captured.err
    assert captured.err.endswith("\n1 save could not be read (listed in the summary)\n")
    assert "cannot write" not in captured.err
    summary = (out / "summary.md").read_text(encoding="utf-8")
    # Two tables without a name, each with a label of its own, and the file that failed.
    rows = [line for line in summary.splitlines() if line.startswith("| Rule-book table, ")]
    assert len(rows) == 2 and rows[0] != rows[1]
    assert "table-3.json" in summary


def test_an_output_that_cannot_be_written_is_said_so(saves, tmp_path, capsys):
    out = tmp_path / "a-file"
    out.write_text("", encoding="utf-8")
    assert main(["report", str(saves / "table-1.json"), "--out", str(out)]) == 1
    assert capsys.readouterr().err.startswith(f"cannot write to {out}: ")
    assert main(["report", "--class", str(saves), "--out", str(out)]) == 1
    assert f"cannot write to {out}: " in capsys.readouterr().err


def test_a_class_folder_that_cannot_be_read_is_not_blamed_on_the_output(
    saves, tmp_path, capsys, monkeypatch
):
    import game.report.classroom

    def refuse(folder: Path, skip: Path | None = None) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(game.report.classroom, "collect", refuse)
    assert main(["report", "--class", str(saves), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"{saves}: cannot read the folder: Permission denied\n"


def test_a_class_folder_name_too_long_is_no_folder(tmp_path, capsys):
    folder = tmp_path / ("x" * 5000)
    assert main(["report", "--class", str(folder), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.endswith(": not a folder of saves\n")


def test_names_in_no_utf8_are_written_into_the_reports(tmp_path, monkeypatch, capsys):
    use_data_folder(tmp_path, monkeypatch)
    scenario, source = scenario_copy(tmp_path)
    odd = os.fsdecode(b"\xfe")  # not UTF-8: Python holds the byte as a lone surrogate
    path = source.with_name(f"{odd}.yaml")
    source.rename(path)
    folder = tmp_path / "saves"
    save = saved_game(scenario, path, 1, folder)
    save = save.rename(save.with_name(f"s{odd}.json"))
    out = tmp_path / "out"
    assert main(["report", str(save), "--out", str(out)]) == 0
    assert main(["report", "--class", str(folder), "--out", str(tmp_path / "class")]) == 0
    for written in [*out.iterdir(), *(tmp_path / "class").iterdir()]:
        if written.suffix != ".png":
            written.read_text(encoding="utf-8")  # readable: the odd byte became a mark
    assert "Traceback" not in capsys.readouterr().err
