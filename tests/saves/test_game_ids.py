"""A new game's id: unique across machines within one second, reproducible for screenshots."""

from __future__ import annotations

import re

import pytest

from game.saves import store
from tests.saves.helpers import record_for, scenario_copy, use_data_folder


def fresh_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the ids this process handed out, as another machine never saw them."""
    monkeypatch.setattr(store, "_issued", set())


def ids_on_machines(count, scenario, path, tmp_path, monkeypatch) -> set[str]:
    """The ids of a new game begun on each of `count` machines, each with its own data folder."""
    ids = set()
    for machine in range(count):
        (tmp_path / f"machine{machine}").mkdir()
        use_data_folder(tmp_path / f"machine{machine}", monkeypatch)
        fresh_machine(monkeypatch)
        ids.add(record_for(scenario, path, seed=3).game_id)
    return ids


def test_games_begun_the_same_second_on_two_machines_get_different_ids(tmp_path, monkeypatch):
    scenario, path = scenario_copy(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(store, "now_stamp", lambda: "2026-11-23T09:00:00Z")
    ids = ids_on_machines(8, scenario, path, tmp_path, monkeypatch)
    assert len(ids) == 8
    for game_id in ids:
        assert re.fullmatch(rf"{re.escape(scenario.id)}-20261123-090000-[0-9a-f]{{4}}", game_id)


def test_a_fixed_clock_gives_the_same_id_every_run(tmp_path, monkeypatch):
    scenario, path = scenario_copy(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795167000")
    ids = ids_on_machines(3, scenario, path, tmp_path, monkeypatch)
    assert ids == {f"{scenario.id}-20261120-093000"}
