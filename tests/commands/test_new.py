"""`detente new`: odd names are refused in words, and a failed write leaves no file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.cli import main
from game.library import check_file


@pytest.mark.parametrize("name", ["", ".", "..", "foo/", "dir/.."])
def test_a_name_that_is_no_file_name_is_refused(name, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dir").mkdir()
    assert main(["new", name]) == 2
    err = capsys.readouterr().err
    assert err.startswith("detente new: ") and "nothing was written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir"]


def test_a_folder_is_refused_not_given_a_yaml_beside_it(tmp_path, capsys):
    folder = tmp_path / "place"
    folder.mkdir()
    assert main(["new", str(folder)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert not (tmp_path / "place.yaml").exists()


def test_a_name_in_no_utf8_writes_a_readable_file_once(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"\xff\xfe")  # not UTF-8: held as lone surrogates
    assert main(["new", name]) == 0
    written = tmp_path / f"{name}.yaml"
    assert check_file(written).valid
    assert main(["new", name]) == 1
    assert "already exists" in capfd.readouterr().err


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)

    def full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("game.commands.new.write_atomic", full)
    assert main(["new", "arctic"]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
