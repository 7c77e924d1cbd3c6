"""`detente report`: exit 0 with the files written; a bad save is a message and exit 1."""

from __future__ import annotations

from game.cli import main
from tests.report.helpers import saved_game
from tests.saves.helpers import scenario_copy, use_data_folder


def test_report_one_save(tmp_path, monkeypatch, capsys):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    save = saved_game(scenario, path, 3, tmp_path / "saves")
    assert main(["report", str(save), "--out", str(tmp_path / "out")]) == 0
    assert "transcript.html" in capsys.readouterr().out
    assert (tmp_path / "out" / "moves.csv").is_file()


def test_a_bad_save_is_one_message_and_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "detente-save", "version": 7}', encoding="utf-8")
    assert main(["report", str(bad), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "made by a newer Détente" in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "out").exists()


def test_report_a_class(tmp_path, monkeypatch, capsys):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    for seed in (1, 2):
        saved_game(scenario, path, seed, tmp_path / "saves")
    assert main(["report", "--class", str(tmp_path / "saves"), "--out", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o" / "summary.html").is_file()
    capsys.readouterr()
    (tmp_path / "saves" / "empty.json").write_text("", encoding="utf-8")
    assert main(["report", "--class", str(tmp_path / "saves"), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "empty.json: the save file is empty" in err
    assert err.endswith("\n1 save could not be read (listed in the summary)\n")
    (tmp_path / "saves" / "cut.json").write_text("{", encoding="utf-8")
    assert main(["report", "--class", str(tmp_path / "saves"), "--out", str(tmp_path / "o")]) == 1
    assert "\n2 saves could not be read" in capsys.readouterr().err


def test_neither_save_nor_class(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        "nothing to report on: give a SAVE file for one game's transcript, or --class FOLDER "
        "for a class summary\n"
    )


def test_save_and_class_both(tmp_path, capsys):
    assert main(["report", "x.json", "--class", str(tmp_path), "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        "give a SAVE file or --class FOLDER, not both: one command writes one report\n"
    )


def test_class_folder_missing(tmp_path, capsys):
    assert main(["report", "--class", str(tmp_path / "none"), "--out", str(tmp_path)]) == 1
    assert "none: not a folder of saves" in capsys.readouterr().err
