"""Saves in the first format (version 1) still load, migrated to the current one."""

from __future__ import annotations

import json

import pytest

from game.engine.moves import move_to_dict
from game.saves import FORMAT_VERSION, SaveError, load_save, migrate, scenario_hash, write_save
from game.scenario.models import SideId
from tests.saves.helpers import long_game, random_game, scenario_copy, use_data_folder


def version_1(scenario, path, state, side):
    """A save as version 1 wrote it: flat scenario fields, one side, moves as `turns`."""
    return {
        "format": "detente-save",
        "version": 1,
        "scenario_id": scenario.id,
        "scenario_sha256": scenario_hash(scenario),
        "scenario_file": str(path),
        "seed": state.seed,
        "mode": "solo" if side else "hotseat",
        "side": side,
        "difficulty": "easy",
        "saved_at": "2024-03-01T10:15:00+00:00",
        "turns": [move_to_dict(move) for move in state.moves],
    }


def test_migrate_nests_and_renames_the_fields(tmp_path):
    scenario, path = scenario_copy(tmp_path)
    state = random_game(scenario, 2, limit=6)
    new = migrate(version_1(scenario, path, state, "russia"))
    assert new["version"] == FORMAT_VERSION
    assert new["scenario"]["id"] == scenario.id
    assert new["scenario"]["file"] == str(path)
    assert new["scenario"]["shipped"] is False
    assert new["humans"] == ["russia"]
    assert new["moves"] == [move_to_dict(move) for move in state.moves]
    assert new["created"] == new["updated"] == "2024-03-01T10:15:00+00:00"
    assert new["check"] is None


def test_migrate_leaves_a_current_save_alone():
    data = {"format": "detente-save", "version": FORMAT_VERSION, "anything": 1}
    assert migrate(data) == data


@pytest.mark.parametrize("side", ["nato", None])
def test_a_version_1_file_loads_and_saves_as_the_current_version(side, tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    state = random_game(scenario, 4)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(version_1(scenario, path, state, side)), encoding="utf-8")
    loaded = load_save(old)
    assert loaded.migrated_from == 1
    assert loaded.state == state
    assert loaded.record.scenario.title == scenario.title
    assert loaded.record.mode == ("solo" if side else "hotseat")
    assert loaded.record.humans == ((SideId.NATO,) if side else (SideId.NATO, SideId.RUSSIA))
    again = write_save(loaded.record, loaded.state)
    data = json.loads(again.read_text(encoding="utf-8"))
    assert data["version"] == FORMAT_VERSION
    assert data["check"]["moves"] == len(state.moves)
    assert load_save(again).migrated_from is None


def test_a_version_1_file_with_an_illegal_move_still_gets_its_message(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    state = long_game(scenario)
    data = version_1(scenario, path, state, "nato")
    data["turns"] = data["turns"][1:]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="move 1 is not legal in this game"):
        load_save(old)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("turns", None, "'turns' should be a list"),
        ("scenario_id", 5, "'scenario_id' should be a text"),
        ("saved_at", 5, "'saved_at' should be a text"),
    ],
)
def test_a_damaged_version_1_file_names_its_own_fields(field, value, message, tmp_path):
    scenario, path = scenario_copy(tmp_path)
    data = version_1(scenario, path, random_game(scenario, 2, limit=4), "nato")
    if value is None:
        del data[field]
    else:
        data[field] = value
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        load_save(old)
    assert caught.value.message == f"the save file is damaged: {message}"
