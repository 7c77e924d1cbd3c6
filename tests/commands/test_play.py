"""`detente play FILE --table NAME`: the table's name goes with the game; a bad one is a
plain message and exit 2, never a window."""

from __future__ import annotations

import pytest

from game.cli import build_parser, main
from game.saves.table_name import TABLE_NAME_MAX


def test_the_name_goes_into_the_games_set_up():
    from game.commands.play import _session

    parser, _handlers = build_parser()
    args = parser.parse_args(["play", "tutorial", "--mode", "hotseat", "--table", " Table  3 "])
    session = _session(args)
    assert session is not None
    assert session.setup.table == "Table 3"  # tidied, as the set-up screen keeps it
    assert parser.parse_args(["play", "tutorial"]).table == ""


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x" * (TABLE_NAME_MAX + 1), f"(this one has {TABLE_NAME_MAX + 1})"),
        ("Anna\nBen", "on one line"),
    ],
)
def test_a_name_that_cannot_be_one_is_said_so(name, message, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["play", "tutorial", "--table", name])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "argument --table: a table's name is at most 40 characters, on one line" in err
    assert message in err and "Traceback" not in err


def test_a_name_without_a_scenario_is_not_dropped_silently(capsys):
    assert main(["play", "--table", "Table 3"]) == 2
    assert capsys.readouterr().err == (
        "detente play: --table goes with a scenario FILE; on the set-up screen, type the "
        "name into its Table name field\n"
    )


@pytest.fixture
def no_window(monkeypatch):
    """A window that would open is a failure here, not a test that never ends."""

    def opened() -> None:
        raise AssertionError("the window opened")

    monkeypatch.setattr("game.ui.app.App", opened)


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--timer", "30"], "--timer goes"),
        (["--side", "russia", "--seed", "3"], "--side and --seed go"),
        (["--difficulty", "hard", "--mode", "solo", "--seed", "0"], "--mode, --difficulty and "),
    ],
)
def test_game_options_without_a_scenario_are_not_dropped_silently(argv, named, no_window, capsys):
    assert main(["play", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"detente play: {named}")
    assert "with a scenario FILE; without one, choose on the set-up screen" in err


@pytest.mark.parametrize(
    ("options", "left_out"),
    [
        (["--side", "russia"], "--side"),
        (["--difficulty", "hard"], "--difficulty"),
        (["--side", "nato", "--difficulty", "easy"], "--side and --difficulty"),
    ],
)
def test_a_hot_seat_game_has_no_computer_side_or_level(options, left_out, no_window, capsys):
    assert main(["play", "tutorial", "--mode", "hotseat", *options]) == 2
    assert capsys.readouterr().err == (
        f"detente play: a hot-seat game has two players and no computer: leave out {left_out}\n"
    )


def test_the_defaults_still_set_up_a_solo_game():
    from game.commands.play import _session

    parser, _handlers = build_parser()
    session = _session(parser.parse_args(["play", "tutorial"]))
    setup = session.setup
    assert (setup.mode, setup.human, setup.difficulty, setup.timer) == ("solo", "nato", "medium", 0)
