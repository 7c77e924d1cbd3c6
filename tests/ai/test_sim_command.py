"""`detente sim`: figures for a series of games, and the balance table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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


def test_a_shipped_scenario_can_be_named(capsys):
    assert main(["sim", "--scenario", "tutorial", "--games", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"] == "tutorial"


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


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--seed", "-5", "must be from 0 to"),
        ("--seed", "seven", "'seven' is not a whole number"),
        ("--games", "0", "must be from 1 to"),
    ],
)
def test_a_bad_number_gets_a_plain_message(capsys, option, value, message):
    with pytest.raises(SystemExit) as exit_:
        main(["sim", "--scenario", TABLE, option, value])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}: {message}" in err
    assert "Traceback" not in err


def test_balance_refuses_players_it_would_ignore(capsys):
    assert main(["sim", "--balance", TABLE, "--nato", "tft"]) == 2
    assert "leave out" in capsys.readouterr().err


def test_balance_json_figures_are_rounded(capsys):
    assert main(["sim", "--balance", TABLE, "--games", "3", "--json"]) == 0
    for cell in json.loads(capsys.readouterr().out)["cells"]:
        assert cell["nato"] == round(cell["nato"], 2)
        assert cell["agreement_rate"] == round(cell["agreement_rate"], 4)


def test_one_game_is_one_game(tmp_path, capsys):
    code = main(["sim", "--scenario", TABLE, "--games", "1", "--save-dir", str(tmp_path)])
    assert code == 0
    captured = capsys.readouterr()
    assert "1 game\n" in captured.out
    assert "wrote 1 save file to" in captured.err


def test_a_broken_scenario_lists_each_problem_on_its_own_line(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nrounds: many\n", encoding="utf-8")
    assert main(["sim", "--scenario", str(broken)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"{broken} is not a valid scenario")
    assert len(lines) > 2
    assert all(line.startswith(f"  {broken}:") for line in lines[1:])


def test_a_closed_pipe_ends_quietly(monkeypatch):
    """`detente sim ... | head` stops without a traceback when the reader goes away."""
    import game.commands.sim as sim

    def closed(*args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr(sim, "_series", closed)
    monkeypatch.setattr("os.dup2", lambda *args: None)
    assert main(["sim", "--scenario", TABLE, "--games", "1"]) == 1


def test_seeds_past_the_last_one_are_refused(capsys):
    from game.setup_limits import SEED_MAX

    assert main(["sim", "--scenario", TABLE, "--games", "3", "--seed", str(SEED_MAX - 1)]) == 2
    assert f"use a seed of at most {SEED_MAX - 2}" in capsys.readouterr().err


def test_the_figures_and_the_balance_table_use_the_scenarios_names(tmp_path, capsys):
    from tests.engine.helpers import OLD_NAMES, renamed_text

    path = tmp_path / "renamed.yaml"
    path.write_text(renamed_text(), encoding="utf-8")
    assert main(["sim", "--scenario", str(path), "--games", "1"]) == 0
    figures = capsys.readouterr().out
    assert "(The Alliance) against hard (Moscow delegation)" in figures
    assert "mean score          The Alliance " in figures
    assert main(["sim", "--balance", str(path), "--games", "1"]) == 0
    table = capsys.readouterr().out
    assert not OLD_NAMES.search(figures + table)
    lines = table.splitlines()
    assert lines[0].endswith("mean scores The Alliance / Moscow delegation, 1 game a cell")
    # The corner is wider than the levels' column: every row still lines up under it.
    assert lines[1].startswith("The Alliance \\ Moscow delegation ")
    assert len({len(line) for line in lines[1:6]}) == 1, lines[1:6]
    assert "easy against easy: The Alliance wins " in table


def test_a_flag_names_the_side_as_the_scenario_does():
    from game.commands.sim import _flags

    cells = {("easy", "easy"): {"nato_wins": 1.0, "russia_wins": 4.0, "margin": -0.8}}
    names = ("The Alliance", "Moscow delegation")
    assert _flags(cells, ("easy",), names) == [
        "Moscow delegation wins 4 of 5 decided games at easy against easy "
        "(Moscow delegation ahead by 0.80 points on average)"
    ]
    # Four narrow wins and one heavy loss: the flag must not call the loser's lead its own.
    cells[("easy", "easy")]["margin"] = 1.5
    assert _flags(cells, ("easy",), names) == [
        "Moscow delegation wins 4 of 5 decided games at easy against easy "
        "(The Alliance ahead by 1.50 points on average)"
    ]


def test_the_balance_table_says_who_ends_ahead_and_by_how_much(tmp_path, capsys):
    """Ten wins by a third of a point each are flagged like ten wins by ten points; the
    lead on average tells them apart. Two points of starting support are 0.4 of a score
    point, so NATO's lead over an even tutorial is about that much."""
    tutorial = Path(__file__).parents[2] / "scenarios" / "tutorial.yaml"
    text = tutorial.read_text(encoding="utf-8").replace("    support: 50\n", "    support: 52\n", 1)
    path = tmp_path / "tutorial-52.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["sim", "--balance", str(path), "--games", "2", "--json"]) == 0
    cells = json.loads(capsys.readouterr().out)["cells"]
    for cell in cells:
        # The means are rounded to hundredths, the margin is taken before rounding.
        assert abs(cell["margin"] - (cell["nato"] - cell["russia"])) <= 0.01
    hard = next(c for c in cells if c["nato_level"] == c["russia_level"] == "hard")
    assert 0.2 < hard["margin"] < 0.6
    assert main(["sim", "--balance", str(path), "--games", "2"]) == 0
    printed = capsys.readouterr().out
    assert (
        f"hard against hard: NATO wins 2, Russia wins 0; NATO ahead by {hard['margin']:.2f} "
        "points on average" in printed
    )
    assert (
        f"FLAG: NATO wins 2 of 2 decided games at hard against hard (NATO ahead by "
        f"{hard['margin']:.2f} points on average)" in printed
    )


def test_a_lead_too_small_to_show_is_even():
    from game.commands.sim import _lead

    names = ("NATO", "Russia")
    assert _lead(0.004, names) == "even on average"
    assert _lead(-1.234, names) == "Russia ahead by 1.23 points on average"


def test_a_save_dir_that_cannot_be_a_folder_is_refused_before_any_game(
    tmp_path, monkeypatch, capsys
):
    blocker = tmp_path / "passwd"
    blocker.write_text("not a folder")

    def never(*args, **kwargs):
        raise AssertionError("a game was played")

    monkeypatch.setattr("game.ai.match.play_series", never)
    argv = ["sim", "--scenario", TABLE, "--games", "2", "--save-dir", str(blocker)]
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        f"cannot write saves to {blocker}: the folder {blocker} is a file, not a folder. "
        "Move or rename that file.\n"
    )


def test_the_figures_are_printed_even_when_the_saves_fail(tmp_path, monkeypatch, capsys):
    from game.saves import SaveError

    def full(*args, **kwargs):
        raise SaveError("the game could not be saved: No space left on device")

    monkeypatch.setattr("game.saves.save_simulated_game", full)
    argv = ["sim", "--scenario", TABLE, "--games", "2", "--json", "--save-dir", str(tmp_path)]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["games"] == 2
    assert "No space left on device" in captured.err
