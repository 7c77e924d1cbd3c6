"""The data folder: $DETENTE_DATA_DIR when set, else the platform's user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.paths import DATA_ENV, data_folder


def test_the_data_folder_can_be_put_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "class"))
    assert data_folder() == tmp_path / "class"
    assert not (tmp_path / "class").exists()  # named only: made when something is saved


@pytest.mark.parametrize("value", [None, ""])
def test_otherwise_it_is_the_users_data_folder(
    value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_data_path

    if value is None:
        monkeypatch.delenv(DATA_ENV, raising=False)
    else:
        monkeypatch.setenv(DATA_ENV, value)
    assert data_folder() == user_data_path("detente", appauthor=False)


def test_saves_reports_and_own_scenarios_share_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.library import user_folder
    from game.saves import saves_folder

    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert saves_folder() == tmp_path / "saves"
    assert user_folder(create=False) == tmp_path / "scenarios"
