"""`detente screenshots DIR`: a folder that cannot be written is a message; a private staging
folder of its own each run."""

from __future__ import annotations

import argparse
import os
import stat
import tempfile
from pathlib import Path

import pytest

import game.ui.screenshots
from game.commands.screenshots import run
from game.paths import DATA_ENV


def screenshots(directory: Path) -> int:
    return run(argparse.Namespace(directory=str(directory)))


@pytest.fixture
def no_rendering(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Stands in for the rendering (seconds of it): records each staging folder it is given."""
    staged: list[Path] = []

    def render(directory: Path, settings: object, entries: object, look: object) -> list[Path]:
        folder = Path(os.environ[DATA_ENV])
        assert folder.is_dir() and not any(folder.iterdir())
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # private to this user
        staged.append(folder)
        return []

    monkeypatch.setattr(game.ui.screenshots, "_render", render)
    return staged


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("a-file", "it is a file, not a folder"),
        ("a-file/shots", "Not a directory"),
    ],
)
def test_a_folder_that_cannot_be_made_is_a_message(where, reason, tmp_path, capsys, no_rendering):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    assert screenshots(tmp_path / where) == 1
    captured = capsys.readouterr()
    assert captured.err == f"cannot write the screenshots to {tmp_path / where}: {reason}\n"
    assert captured.out == ""
    assert no_rendering == []  # said before any rendering


def test_each_run_stages_in_a_new_private_folder_and_removes_it(
    tmp_path, monkeypatch, no_rendering
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    # Another user's (or an older version's) folder of the old fixed name is left alone.
    theirs = tmp_path / "detente-screenshots"
    theirs.mkdir()
    (theirs / "their-save.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "class-data"))
    assert screenshots(tmp_path / "one") == 0
    assert screenshots(tmp_path / "two") == 0
    first, second = no_rendering
    assert first != second
    assert first.parent == second.parent == tmp_path
    assert not first.exists() and not second.exists()
    assert (theirs / "their-save.json").is_file()
    assert os.environ[DATA_ENV] == str(tmp_path / "class-data")
