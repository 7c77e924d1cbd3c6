"""The player's settings: read forgivingly, written atomically, kept where the player says."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game import settings as settings_store
from game.settings import (
    SETTINGS_ENV,
    WINDOW_SIZES,
    Settings,
    fitted_size,
    settings_path,
    sizes_that_fit,
)


def test_damaged_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    """A broken or odd settings file never stops the game from starting."""
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert settings_store.load(path) == Settings()
    path.write_text('{"width": 1, "text_size": "huge", "sound": "yes"}', encoding="utf-8")
    loaded = settings_store.load(path)
    assert loaded.width >= 800 and loaded.text_size == "normal" and loaded.sound is True


def test_a_missing_file_or_one_that_is_no_mapping_gives_the_defaults(tmp_path: Path) -> None:
    assert settings_store.load(tmp_path / "none.json") == Settings()
    path = tmp_path / "settings.json"
    path.write_text("[1, 2]", encoding="utf-8")
    assert settings_store.load(path) == Settings()


def test_saved_settings_come_back_as_saved(tmp_path: Path) -> None:
    chosen = Settings(1600, 900, True, "larger", "colour-blind safe", False)
    path = tmp_path / "new" / "folder" / "settings.json"
    assert settings_store.save(chosen, path)
    assert settings_store.load(path) == chosen
    assert json.loads(path.read_text(encoding="utf-8"))["palette"] == "colour-blind safe"


def test_a_failed_write_keeps_the_settings_that_were_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that cannot be finished (the sync fails, as on a full disk) leaves the old
    file whole and no temporary file beside it; the game plays on without saving."""
    path = tmp_path / "settings.json"
    assert settings_store.save(Settings(text_size="large"), path)
    before = path.read_bytes()

    def fail(handle: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    assert settings_store.save(Settings(text_size="small"), path) is False
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    assert settings_store.save(Settings(), blocked / "settings.json") is False


def test_the_settings_file_can_be_put_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SETTINGS_ENV, str(tmp_path / "portable.json"))
    assert settings_path() == tmp_path / "portable.json"
    assert settings_store.save(Settings(sound=False))
    assert settings_store.load() == Settings(sound=False)


@pytest.mark.parametrize("value", [None, ""])
def test_otherwise_the_settings_live_in_the_users_config_folder(
    value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_config_path

    if value is None:
        monkeypatch.delenv(SETTINGS_ENV, raising=False)
    else:
        monkeypatch.setenv(SETTINGS_ENV, value)
    expected = user_config_path("detente", appauthor=False) / "settings.json"
    assert settings_path() == expected


def test_window_sizes_go_from_smallest_to_largest() -> None:
    """Right from 1280 x 720 made the window smaller (1024 x 640 came next)."""
    assert list(WINDOW_SIZES) == sorted(WINDOW_SIZES)


def test_only_sizes_the_screen_shows_whole_are_offered() -> None:
    """A 1440 x 810 window on a 1280 x 800 screen put the table's buttons off the screen."""
    assert sizes_that_fit((1280, 800)) == [(1024, 640), (1280, 720)]
    assert sizes_that_fit((1366, 768)) == [(1024, 640), (1280, 720)]
    assert sizes_that_fit((800, 600)) == [(1024, 640)]  # the least there is
    assert sizes_that_fit(None) == list(WINDOW_SIZES)
    assert fitted_size((1920, 1080), (1280, 800)) == (1280, 720)
    assert fitted_size((1440, 810), (1920, 1080)) == (1440, 810)
    assert fitted_size((1440, 810), None) == (1440, 810)
