"""`detente sim`: figures for a series of games, and the balance table."""

from __future__ import annotations

import json

from game.cli import main
from tests.ai.helpers import FIXTURES

TABLE = str(FIXTURES / "table.yaml")


def test_json_has_the_promised_keys(capsys):
    code = main(
        [
            "sim",
            "--scenario",
            TABLE,
            "--nato",
            "hard",
            "--russia",
            "tft",
            "--games",
            "2",
            "--seed",
            "3",
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["games"] == 2
    for key in (
        "agreement_rate",
        "mean_shared_score",
        "tiers",
        "mean_rounds",
        "mean_nash_distance",
    ):
        assert key in data
    assert set(data["mean_score"]) == {"nato", "russia"}


def test_same_seed_same_figures(capsys):
    args = [
        "sim",
        "--scenario",
        TABLE,
        "--nato",
        "easy",
        "--russia",
        "medium",
        "--games",
        "2",
        "--json",
    ]
    main(args)
    first = capsys.readouterr().out
    main(args)
    assert capsys.readouterr().out == first


def test_plain_output_without_a_progress_bar_when_piped(capsys):
    assert main(["sim", "--scenario", TABLE, "--games", "1"]) == 0
    captured = capsys.readouterr()
    assert "agreement rate" in captured.out
    assert "Nash distance" in captured.out
    assert captured.err == ""


def test_an_unknown_level_is_refused(capsys):
    assert main(["sim", "--scenario", TABLE, "--nato", "grandmaster"]) == 2
    assert "unknown player 'grandmaster'" in capsys.readouterr().err


def test_a_missing_scenario_is_refused(capsys):
    assert main(["sim", "--scenario", "no-such-file.yaml"]) == 1
    assert "no-such-file.yaml" in capsys.readouterr().err


def test_the_balance_table_covers_every_pairing(capsys):
    assert main(["sim", "--balance", TABLE, "--games", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["cells"]) == 16
    assert isinstance(data["flags"], list)


def test_save_dir_writes_one_loadable_save_per_game(tmp_path, capsys):
    from game.saves import load_save

    folder = tmp_path / "class"
    code = main(
        ["sim", "--scenario", TABLE, "--games", "3", "--seed", "5", "--save-dir", str(folder)]
    )
    assert code == 0
    saves = sorted(folder.glob("*.json"))
    assert len(saves) == 3
    assert "wrote 3 save files" in capsys.readouterr().err
    loaded = load_save(saves[0])
    assert loaded.state.over
