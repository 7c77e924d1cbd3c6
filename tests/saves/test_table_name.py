"""A table's name: kept in the save, in its files' names, through branches; a bad one is a
damaged save said in words."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from game.saves import (
    SaveError,
    branch_record,
    continuing,
    list_saves,
    load_save,
    save_path,
    save_point_path,
    write_save,
)
from game.saves.table_name import TABLE_NAME_MAX, is_table_name, slug, tidy
from tests.saves.helpers import long_game, record_for, scenario_copy, use_data_folder


@pytest.fixture
def game(tmp_path, monkeypatch):
    """A finished game on a player's own scenario, with saves going to a temporary folder."""
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    state = long_game(scenario)
    return scenario, path, state


def test_a_name_is_tidied_and_checked():
    assert tidy("  Anna   &  Ben ") == "Anna & Ben"
    assert tidy("   ") == ""
    assert is_table_name("Table 3") and is_table_name("Стол 3") and is_table_name("")
    assert is_table_name("x" * TABLE_NAME_MAX + "   ")  # spaces at the end are dropped
    assert not is_table_name("x" * (TABLE_NAME_MAX + 1))
    assert not is_table_name("Anna\nBen") and not is_table_name("Anna\tBen")
    assert not is_table_name(3) and not is_table_name(None)


def test_a_names_short_form_is_safe_in_any_file_name():
    assert slug("Table 3") == "table-3"
    assert slug("Anna & Ben") == "anna-ben"
    assert slug("Müller / Öz: Ça va?") == "muller-oz-ca-va"
    assert slug("../../etc") == "etc"
    assert slug("Стол") == ""  # nothing of it in plain letters: no short form at all
    assert len(slug("a" * TABLE_NAME_MAX)) <= 24


def test_the_name_is_saved_and_read_back_and_names_the_files(game):
    scenario, path, state = game
    record = replace(record_for(scenario, path, state.seed, "hotseat"), label="Anna & Ben")
    autosave = write_save(record, state, autosave=True)
    point = write_save(record, state, path=save_point_path(record, state))
    # The game's id is as it always was; its files say whose they are.
    assert record.game_id.startswith(f"{scenario.id}-") and "anna" not in record.game_id
    assert autosave.name == f"{record.game_id}-anna-ben.autosave.json"
    assert point.name == f"{record.game_id}-anna-ben-end.json"
    assert json.loads(autosave.read_text(encoding="utf-8"))["label"] == "Anna & Ben"
    assert load_save(autosave).record.label == "Anna & Ben"
    infos = {info.path: info for info in list_saves()}
    assert infos[autosave].table == "Anna & Ben"
    # A game without a name keeps the names it always had.
    unnamed = record_for(scenario, path, state.seed, "hotseat")
    assert save_path(unnamed).name == f"{unnamed.game_id}.json"


def test_a_save_without_a_name_still_loads(game):
    scenario, path, state = game
    saved = write_save(record_for(scenario, path, state.seed), state)
    data = json.loads(saved.read_text(encoding="utf-8"))
    del data["label"]  # as a save from before the field was written
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert load_save(saved).record.label is None


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_name_is_no_name(game, blank):
    scenario, path, state = game
    saved = write_save(record_for(scenario, path, state.seed), state)
    data = json.loads(saved.read_text(encoding="utf-8"))
    saved.write_text(json.dumps(dict(data, label=blank)), encoding="utf-8")
    assert load_save(saved).record.label is None


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("x" * 500, '"' + "x" * 58 + "…"),
        ("Anna\nBen", '"Anna\\nBen"'),
        (7, None),
    ],
)
def test_a_damaged_name_is_a_damaged_save_in_words(game, label, shown):
    scenario, path, state = game
    saved = write_save(record_for(scenario, path, state.seed), state)
    data = json.loads(saved.read_text(encoding="utf-8"))
    saved.write_text(json.dumps(dict(data, label=label)), encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        load_save(saved)
    message = caught.value.message
    if shown is None:
        assert message == "the save file is damaged: 'label' should be a text"
    else:
        assert message == (
            "the save file is damaged: 'label' should be the table's name, text of at most "
            f"{TABLE_NAME_MAX} characters, on one line, not {shown}"
        )
    # The load list shows the file with its problem, as for any damaged save.
    (info,) = [info for info in list_saves() if info.path == saved]
    assert info.record is None and info.problem == message


def test_a_branch_and_a_game_going_on_from_a_save_point_keep_the_name(game):
    from game.engine import replay

    scenario, path, state = game
    record = replace(record_for(scenario, path, state.seed, "hotseat"), label="Table 3")
    early = replay(scenario, state.seed, state.moves[:2])
    point = write_save(record, early, path=save_point_path(record, early))
    write_save(record, state, autosave=True)  # the game went on after the save point
    # The autosave is found under its named file: going on from the point is a new game.
    going_on = continuing(load_save(point))
    assert going_on.game_id == f"{record.game_id}-from-round{early.round}"
    assert going_on.label == "Table 3"
    branched, _state = branch_record(load_save(point), 1)
    assert branched.label == "Table 3"
    assert save_path(branched).name.endswith("-from-round1-table-3.json")
