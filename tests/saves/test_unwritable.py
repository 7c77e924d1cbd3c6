"""A save that cannot be written names the folder and says what to do, not the system's words."""

from __future__ import annotations

import errno

import pytest

from game.engine import new_game
from game.saves import SaveError, saves_folder, write_save
from game.saves.unwritable import unwritable_reason
from tests.saves.helpers import record_for, scenario_copy, use_data_folder


def save_fails(tmp_path, monkeypatch) -> str:
    scenario, path = scenario_copy(tmp_path)
    with pytest.raises(SaveError) as caught:
        write_save(record_for(scenario, path, 1), new_game(scenario, 1))
    return caught.value.message


def test_a_file_where_the_saves_folder_should_be(tmp_path, monkeypatch):
    data = use_data_folder(tmp_path, monkeypatch)
    (data / "saves").write_text("", encoding="utf-8")
    message = save_fails(tmp_path, monkeypatch)
    assert message == (
        f"the game could not be saved: the saves folder {data / 'saves'} is a file, not a "
        "folder. Move or rename that file, or set DETENTE_DATA_DIR to another folder for "
        "Détente to keep its files in."
    )


def test_a_file_where_the_data_folder_should_be(tmp_path, monkeypatch):
    data = use_data_folder(tmp_path, monkeypatch)
    data.rmdir()
    data.write_text("", encoding="utf-8")
    message = save_fails(tmp_path, monkeypatch)
    assert f"the saves folder {data / 'saves'} cannot be made, because {data} is a file" in message
    assert "DETENTE_DATA_DIR" in message
    assert "Not a directory" not in message and "File exists" not in message


def test_a_folder_that_may_not_be_written(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    saves_folder().mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("game.saves.atomic.tempfile.mkstemp", refuse)
    message = save_fails(tmp_path, monkeypatch)
    assert f"the saves folder {saves_folder()} is not writable (Permission denied)" in message
    assert "DETENTE_DATA_DIR" in message


def test_other_failures_keep_the_systems_words(tmp_path):
    full = OSError(errno.ENOSPC, "No space left on device")
    assert unwritable_reason(tmp_path, full) is None


def test_a_folder_outside_the_data_folder_names_no_setting(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    elsewhere = tmp_path / "class-drive"
    elsewhere.write_text("", encoding="utf-8")
    reason = unwritable_reason(elsewhere, FileExistsError(errno.EEXIST, "File exists"))
    assert reason == f"the folder {elsewhere} is a file, not a folder. Move or rename that file."
