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
