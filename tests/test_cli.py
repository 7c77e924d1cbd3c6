"""The `detente` command line itself: options that belong to no subcommand."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from game.cli import main


@pytest.mark.parametrize("argv", [["--version"], ["-h"]])
def test_top_level_options_exit_cleanly(argv: list[str], capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 0
    assert capsys.readouterr().out


def test_version_prints_the_installed_packages_version(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"detente {version('detente')}"


def test_a_file_name_in_no_utf8_is_printed_as_its_bytes(tmp_path):
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    minimal = Path(__file__).parent / "scenario" / "fixtures" / "good" / "minimal.yaml"
    odd = tmp_path / os.fsdecode(b"\xfe.yaml")
    shutil.copyfile(minimal, odd)
    # A strict UTF-8 stdout, as under a UTF-8 locale such as en_US.UTF-8.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(odd)], capture_output=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == os.fsencode(odd) + b": valid (0 warnings)\n"


@pytest.mark.parametrize("argv", [["schema"], ["validate", "x.yaml"], ["sim", "--scenario", "x"]])
def test_a_closed_stdout_is_said_on_stderr(argv, monkeypatch, capsys):
    err = capsys.readouterr  # the captured stderr stays; stdout is closed as by `>&-`
    monkeypatch.setattr("sys.stdout", None)
    assert main(argv) == 1
    assert err().err == f"detente {argv[0]}: the output (stdout) is closed\n"


def test_ctrl_c_is_a_word_and_status_130_not_a_traceback(monkeypatch, capsys):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr("game.commands.sim.run", interrupted)
    assert main(["sim", "--scenario", "tutorial"]) == 130
    assert capsys.readouterr().err == "interrupted\n"


@pytest.mark.parametrize("command", ["play", "sim"])
def test_the_seed_help_gives_the_last_seed(command, capsys):
    from game.setup_limits import SEED_MAX

    with pytest.raises(SystemExit):
        main([command, "-h"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"seed (a whole number from 0 to {SEED_MAX})" in help_text
