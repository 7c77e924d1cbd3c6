"""The scenario list: shipped and user folders, sorting, and broken files listed with problems."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from game import library

MINIMAL = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text("utf-8")


def write(folder: Path, name: str, scenario_id: str, date: str) -> Path:
    """Write the minimal scenario with another id and date."""
    path = folder / name
    text = MINIMAL.replace("id: minimal", f"id: {scenario_id}").replace(
        "date: 2010-11-19", f"date: {date}"
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_tutorial_first_then_by_date_then_broken(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    user = tmp_path / "user"
    shipped.mkdir()
    user.mkdir()
    write(shipped, "b.yaml", "late", "2012-05-20")
    write(shipped, "a.yaml", "early", "2009-12-04")
    write(shipped, "z-tutorial.yaml", "tutorial", "2015-01-01")
    write(user, "mine.yml", "mine", "2010-06-01")
    (user / "broken.yaml").write_text("rounds: [\n", encoding="utf-8")
    (user / "notes.txt").write_text("not a scenario", encoding="utf-8")

    entries = library.available(shipped=shipped, user=user)

    assert [e.path.name for e in entries] == [
        "z-tutorial.yaml",
        "a.yaml",
        "mine.yml",
        "b.yaml",
        "broken.yaml",
    ]
    assert [e.shipped for e in entries] == [True, True, False, True, False]
    broken = entries[-1]
    assert not broken.ok
    assert broken.title == "broken.yaml"
    assert [p.message for p in broken.problems] == [
        "the '[' here is not closed with ']' (or a comma is missing)"
    ]
    assert entries[0].is_tutorial
    assert entries[1].title == "A minimal scenario"


def test_user_folder_is_created_on_demand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_user_data_path(appname: str, appauthor: object) -> Path:
        """platformdirs' answer, inside the test's folder."""
        assert appname == "detente"
        assert appauthor is False
        return tmp_path / "data" / appname

    monkeypatch.setattr(platformdirs, "user_data_path", fake_user_data_path)
    monkeypatch.delenv("DETENTE_DATA_DIR", raising=False)
    folder = library.user_folder()
    assert folder == tmp_path / "data" / "detente" / "scenarios"
    assert folder.is_dir()
    assert library.available(shipped=tmp_path / "none", user=folder) == []


def test_user_folder_honours_the_data_folder_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "portable"))
    assert library.user_folder() == tmp_path / "portable" / "scenarios"


def test_shipped_folder_is_the_repositorys() -> None:
    folder = library.shipped_folder()
    assert folder == Path(library.__file__).resolve().parent.parent / "scenarios"


def test_no_shipped_folder_is_handled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(library, "__file__", str(tmp_path / "site" / "game" / "library.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    assert library.shipped_folder() is None
    user = tmp_path / "user"
    user.mkdir()
    write(user, "x.yaml", "x", "2010-01-01")
    monkeypatch.setattr(library, "user_folder", lambda create=True: user)
    assert [e.path.name for e in library.available()] == ["x.yaml"]


def test_unreadable_entries_do_not_crash(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    report = library.check_file(tmp_path / "folder.yaml")
    assert not report.valid
    assert report.problems[0].message == "cannot read the file: Is a directory"
    assert library.scan(tmp_path / "missing", shipped=False) == []


def test_the_shipped_scenarios_are_all_offered() -> None:
    folder = library.shipped_folder()
    assert folder is not None
    entries = library.scan(folder, shipped=True)
    assert entries, "the repository ships scenarios"
    for entry in entries:
        assert entry.ok, "\n".join(str(p) for p in entry.problems)
