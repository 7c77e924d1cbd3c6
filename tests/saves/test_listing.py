"""The load screen's list: scenario, side, mode, round and date; damaged files flagged."""

from __future__ import annotations

import os
import time

from game.engine import replay
from game.engine.moves import Statement, Tone
from game.saves import list_saves, write_save
from game.scenario.models import SideId
from tests.saves.helpers import random_game, record_for, scenario_copy, use_data_folder


def test_listing_shows_each_save(tmp_path, monkeypatch):
    data = use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    final = random_game(scenario, 1)
    solo = record_for(scenario, path, 1, "solo")
    talk = [Statement(SideId.NATO, Tone.CONCILIATORY), Statement(SideId.RUSSIA, Tone.CONCILIATORY)]
    write_save(solo, replay(scenario, 1, talk), autosave=True)
    hotseat = record_for(scenario, path, 1, "hotseat")
    hotseat = type(hotseat)(**{**hotseat.__dict__, "game_id": "class-table-2"})
    write_save(hotseat, final)
    (data / "saves" / "broken.json").write_text("{", encoding="utf-8")
    (data / "saves" / "notes.txt").write_text("not a save", encoding="utf-8")

    infos = list_saves()
    assert len(infos) == 3
    by_name = {info.path.name: info for info in infos}
    auto = by_name[f"{solo.game_id}.autosave.json"]
    assert (auto.scenario, auto.side, auto.mode, auto.round) == (
        scenario.title,
        "NATO",
        "single player",
        "2",
    )
    assert auto.autosave
    assert len(auto.date) == len("2024-01-01 10:00")
    table = by_name["class-table-2.json"]
    assert (table.side, table.mode, table.round, table.autosave) == (
        "both",
        "hot seat",
        "finished",
        False,
    )
    broken = by_name["broken.json"]
    assert broken.record is None
    assert "cut short" in (broken.problem or "")
    assert infos[-1] is broken


def test_an_empty_or_missing_folder_lists_nothing(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    assert list_saves() == []
    assert list_saves(tmp_path / "nowhere") == []


def test_listing_removes_temporary_files_a_crash_left_behind(tmp_path, monkeypatch):
    # `kill -9` mid-save leaves `.NAME.json.XXXXXXXX.tmp`; listing the folder removes one
    # older than a minute, but never a save, a write still going on, or anything else.
    data = use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    record = record_for(scenario, path, 1, "solo")
    saved = write_save(record, random_game(scenario, 1, limit=2))
    folder = data / "saves"
    stale = folder / f".{saved.name}.k2x_9q0a.tmp"
    fresh = folder / f".{saved.name}.p0w3r8yz.tmp"
    others = [folder / ".notes.tmp", folder / ".notes.abcdefgh.tmp", folder / f".{saved.name}.tmp"]
    for file in (stale, fresh, *others):
        file.write_bytes(b'{"format": "detente-')
    an_hour_ago = time.time() - 3600
    for file in (stale, saved, *others):
        os.utime(file, (an_hour_ago, an_hour_ago))
    (folder / ".old.json.abcdefgh.tmp").mkdir()  # a folder of that name is not ours

    assert [info.path for info in list_saves()] == [saved]
    assert not stale.exists()
    assert fresh.exists() and saved.exists()
    assert all(file.exists() for file in others)
    assert (folder / ".old.json.abcdefgh.tmp").is_dir()


def test_a_huge_file_is_listed_as_damaged(tmp_path, monkeypatch):
    from game.saves.store import MAX_BYTES

    data = use_data_folder(tmp_path, monkeypatch)
    folder = data / "saves"
    folder.mkdir()
    huge = folder / "holiday-film.json"
    with huge.open("wb") as file:
        file.truncate(50 * MAX_BYTES)  # sparse: no disk space taken
    infos = list_saves()
    assert [info.path for info in infos] == [huge]
    assert infos[0].record is None
    assert "a save is never more than" in (infos[0].problem or "")
