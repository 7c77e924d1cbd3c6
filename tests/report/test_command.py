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


def test_report_on_an_unfinished_game_says_so_and_keeps_its_secrets(tmp_path, monkeypatch, capsys):
    from game.engine import replay
    from game.engine.moves import Accept, Table
    from game.saves import write_save
    from tests.saves.helpers import record_for

    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    first = scenario.first_move
    state = replay(scenario, 2, [Table(first, "transparency"), Accept(first.other, "transparency")])
    save = write_save(record_for(scenario, path, 2, "hotseat"), state)
    assert main(["report", str(save), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        f"{save.name}: unfinished (saved in round 2 of {state.rounds}); the record says so and "
        "leaves out both sides' scores, private values and instructions until it is finished\n"
    )
    text = (tmp_path / "out" / "transcript.md").read_text(encoding="utf-8")
    assert "- Outcome: **unfinished**, no scores until it is finished" in text
    assert "stalemate" not in text and "Shared score" not in text
    assert "Red line" not in text and "Priority" not in text
    assert scenario.sides.russia.red_lines[0].text not in text
    # A finished game's report says nothing of the kind.
    finished = saved_game(scenario, path, 3, tmp_path / "saves")
    assert main(["report", str(finished), "--out", str(tmp_path / "done")]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("wrote ")
    assert "Red line" in (tmp_path / "done" / "transcript.md").read_text(encoding="utf-8")


def test_report_a_class_of_two_scenarios_and_an_unfinished_game(tmp_path, monkeypatch, capsys):
    from dataclasses import replace

    from game.engine import new_game
    from game.saves import write_save
    from tests.saves.helpers import BRUSSELS, record_for

    use_data_folder(tmp_path, monkeypatch)
    rulebook, rulebook_path = scenario_copy(tmp_path)
    brussels, brussels_path = scenario_copy(tmp_path, BRUSSELS)
    saves = tmp_path / "saves"
    for seed in (1, 2):  # saved as table-1.json to table-4.json
        saved_game(rulebook, rulebook_path, seed, saves, label=f"Rule {seed}")
        saved_game(brussels, brussels_path, seed + 2, saves, label=f"Brussels {seed}")
    left = replace(record_for(rulebook, rulebook_path, 7, "hotseat"), game_id="left", label="Left")
    write_save(left, new_game(rulebook, 7), folder=saves)
    assert main(["report", "--class", str(saves), "--out", str(tmp_path / "o")]) == 0
    text = (tmp_path / "o" / "summary.md").read_text(encoding="utf-8")
    sections = text.split("\n## ")[1:]
    assert [s.splitlines()[0] for s in sections] == [
        rulebook.title,  # left.json comes first
        brussels.title,
        "All scenarios together",
    ]
    # Each scenario has its own averages; the line over both has none.
    assert all(s.count("Averages") == 1 for s in sections[:2])
    assert "Averages" not in sections[2] and "not averaged across scenarios" in sections[2]
    assert "| Left | hot seat | unfinished (saved in round 1 of 4) | — | — | — |" in sections[0]
    assert "stalemate (unfinished)" not in text
