"""Save and load give back the same game, after every kind of move, in both modes."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from game.engine import State, replay
from game.engine.moves import MOVE_TYPES, move_type
from game.saves import (
    FORMAT_VERSION,
    continuing,
    load_save,
    save_path,
    save_point_path,
    state_digest,
    write_save,
)
from game.scenario import Scenario
from tests.saves.helpers import (
    long_game,
    random_game,
    record_for,
    scenario_copy,
    use_data_folder,
)


def games_ending_in_each_kind(scenario: Scenario) -> dict[str, State]:
    """For each move type, a game whose last move is of that type."""
    found: dict[str, State] = {}
    for seed in range(400):
        final = random_game(scenario, seed)
        for index, move in enumerate(final.moves):
            kind = move_type(move)
            if kind not in found:
                found[kind] = replay(scenario, seed, final.moves[: index + 1])
        if len(found) == len(MOVE_TYPES):
            break
    return found


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory):
    scenario, path = scenario_copy(tmp_path_factory.mktemp("scenario"))
    return scenario, path, games_ending_in_each_kind(scenario)


def test_random_games_reach_every_kind_of_move(kinds):
    assert set(kinds[2]) == set(MOVE_TYPES)


@pytest.mark.parametrize("mode", ["solo", "hotseat"])
@pytest.mark.parametrize("kind", sorted(MOVE_TYPES))
def test_round_trip_after_each_kind_of_move(kind, mode, kinds, tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path, games = kinds
    state = games[kind]
    record = record_for(scenario, path, state.seed, mode)
    saved = write_save(record, state)
    loaded = load_save(saved)
    assert loaded.state == state
    assert state_digest(loaded.state) == state_digest(state)
    assert loaded.record.mode == mode
    assert loaded.record.humans == record.humans
    assert loaded.record.seed == state.seed
    assert loaded.record.moves == state.moves
    assert loaded.scenario_path == path
    assert loaded.migrated_from is None


def test_the_file_holds_the_documented_fields(kinds, tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path, games = kinds
    state = games["accept"]
    saved = write_save(record_for(scenario, path, state.seed), state)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "detente-save"
    assert data["version"] == FORMAT_VERSION
    assert data["scenario"]["id"] == scenario.id
    assert len(data["scenario"]["sha256"]) == 64
    assert data["scenario"]["file"] == str(path)
    assert data["scenario"]["shipped"] is False
    assert data["seed"] == state.seed
    assert data["humans"] == ["nato"]
    assert len(data["moves"]) == len(state.moves)
    assert data["check"]["digest"] == state_digest(state)
    assert saved.parent == tmp_path / "data" / "saves"


def test_a_shipped_scenario_is_named_by_file_name(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    from game.saves.fingerprint import rules_hash
    from game.scenario import load
    from tests.saves.helpers import BRUSSELS

    scenario = load(BRUSSELS)
    state = random_game(scenario, 3, limit=5)
    saved = write_save(record_for(scenario, BRUSSELS, 3, "hotseat"), state)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["scenario"] == {
        "id": scenario.id,
        "title": scenario.title,
        "sha256": data["scenario"]["sha256"],
        "file": BRUSSELS.name,
        "shipped": True,
        "rules_sha256": rules_hash(scenario),
    }
    assert load_save(saved).state == state


def one_game_at_two_points(kinds, tmp_path, monkeypatch, early_moves: int = 2):
    """A long game's record, the game after `early_moves` moves and at its end, with saves
    going to a temporary folder."""
    use_data_folder(tmp_path, monkeypatch)
    scenario, path, _games = kinds
    final = long_game(scenario, first_seed=11)
    record = record_for(scenario, path, final.seed)
    return record, replay(scenario, final.seed, final.moves[:early_moves]), final


def test_saving_again_overwrites_the_same_file_and_keeps_created(kinds, tmp_path, monkeypatch):
    record, early, final = one_game_at_two_points(kinds, tmp_path, monkeypatch)
    first = write_save(record, early)
    second = write_save(record, final)
    assert first == second
    loaded = load_save(second)
    assert loaded.state == final
    assert loaded.record.created == record.created


def test_an_autosave_goes_beside_the_save(kinds, tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path, games = kinds
    state = games["pass"]
    record = record_for(scenario, path, state.seed)
    manual = write_save(record, state)
    auto = write_save(record, state, autosave=True)
    assert manual != auto
    assert auto.name.endswith(".autosave.json")
    assert load_save(auto).state == state


def test_a_simulated_game_is_saved_for_reports(kinds, tmp_path):
    from game.saves import save_simulated_game

    scenario, path, games = kinds
    state = games["accept"]
    saved = save_simulated_game(state, path, tmp_path / "sims", difficulty="hard vs tft")
    assert saved == tmp_path / "sims" / f"{scenario.id}-seed{state.seed}.json"
    loaded = load_save(saved)
    assert loaded.state == state
    assert (loaded.record.mode, loaded.record.humans) == ("sim", ())
    assert loaded.record.difficulty == "hard vs tft"
    named = save_simulated_game(state, path, tmp_path / "sims", name="table-a", label="A")
    assert named.name == "table-a.json"
    assert load_save(named).record.label == "A"


def test_two_games_begun_in_the_same_second_never_share_a_file(kinds, tmp_path, monkeypatch):
    # The clock stands still (as it may between two quick restarts): each game still gets
    # its own save and autosave, and neither overwrites the other.
    use_data_folder(tmp_path, monkeypatch)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    scenario, path, games = kinds
    first, second = games["pass"], games["accept"]
    one = record_for(scenario, path, first.seed)
    two = record_for(scenario, path, second.seed)
    assert one.created == two.created
    assert one.game_id != two.game_id
    saved = [write_save(one, first), write_save(two, second)]
    autosaved = [write_save(one, first, autosave=True), write_save(two, second, autosave=True)]
    assert len(set(saved + autosaved)) == 4
    assert [load_save(p).state for p in saved] == [first, second]
    assert [load_save(p).state for p in autosaved] == [first, second]


def test_source_date_epoch_stands_in_for_the_clock(kinds, tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    scenario, path, games = kinds
    record = record_for(scenario, path, games["pass"].seed)
    assert record.created == "2026-11-18T11:06:40+00:00"
    saved = load_save(write_save(record, games["pass"]))
    assert saved.record.updated == record.created


def test_a_saves_folder_that_cannot_be_looked_into_does_not_stop_a_new_game(
    kinds, tmp_path, monkeypatch
):
    # Choosing a fresh file name looks into the saves folder; when that is refused (no
    # permission) the game still starts, and saving later reports its own error.
    data = use_data_folder(tmp_path, monkeypatch)
    saves = data / "saves"
    real_exists = Path.exists

    def refuse(self: Path, *args, **kwargs) -> bool:
        if saves in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return real_exists(self, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", refuse)
    scenario, path, games = kinds
    record = record_for(scenario, path, games["pass"].seed)
    assert record.game_id.startswith(scenario.id)


def test_the_passes_on_time_are_kept_and_an_older_file_without_them_loads(
    kinds, tmp_path, monkeypatch
):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path, games = kinds
    state = games["pass"]
    last = len(state.moves)
    record = replace(record_for(scenario, path, state.seed), timed_out=(last,))
    saved = write_save(record, state)
    assert json.loads(saved.read_text(encoding="utf-8"))["timed_out"] == [last]
    assert load_save(saved).record.timed_out == (last,)
    data = json.loads(saved.read_text(encoding="utf-8"))
    del data["timed_out"]  # as saves made before it was kept
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert load_save(saved).record.timed_out == ()


def test_a_pass_on_time_that_no_longer_stands_is_not_written(kinds, tmp_path, monkeypatch):
    # A number left over from moves since taken back would make the file unreadable.
    use_data_folder(tmp_path, monkeypatch)
    scenario, path, games = kinds
    state = games["pass"]
    count = len(state.moves)
    record = replace(record_for(scenario, path, state.seed), timed_out=(count, count + 1))
    early = replay(scenario, state.seed, state.moves[: count - 1])
    assert load_save(write_save(record, early)).record.timed_out == ()
    assert load_save(write_save(record, state)).record.timed_out == (count,)


def test_each_save_point_gets_a_file_of_its_own(kinds, tmp_path, monkeypatch):
    record, early, final = one_game_at_two_points(kinds, tmp_path, monkeypatch)
    first = write_save(record, early, path=save_point_path(record, early))
    second = write_save(record, early, path=save_point_path(record, early))
    end = write_save(record, final, path=save_point_path(record, final))
    assert first.name == f"{record.game_id}-round{early.round}.json"
    assert second.name == f"{record.game_id}-round{early.round}-2.json"
    assert end.name == f"{record.game_id}-end.json"
    assert save_path(record) not in (first, second, end)
    assert [load_save(p).state for p in (first, second, end)] == [early, early, final]


def test_a_save_goes_on_as_its_own_game_unless_that_would_overwrite_a_further_autosave(
    kinds, tmp_path, monkeypatch
):
    record, point, final = one_game_at_two_points(kinds, tmp_path, monkeypatch, early_moves=3)
    saved = write_save(record, point, path=save_point_path(record, point))
    assert continuing(load_save(saved)) == load_save(saved).record  # no autosave yet
    behind = replay(kinds[0], final.seed, final.moves[:2])
    autosave = write_save(record, behind, autosave=True)
    assert continuing(load_save(saved)).game_id == record.game_id
    assert continuing(load_save(autosave)).game_id == record.game_id
    write_save(record, final, autosave=True)  # the game went on after the save point
    branched = continuing(load_save(saved))
    assert branched.game_id == f"{record.game_id}-from-round{point.round}"
    assert branched.moves == point.moves
    assert continuing(load_save(autosave)).game_id == record.game_id


def test_a_withdrawn_objection_is_saved_and_loads_to_the_agreement_it_made(
    kinds, tmp_path, monkeypatch
):
    from game.engine.moves import Accept, Pass, RaiseObjection, Table, WithdrawObjection
    from game.scenario.models import SideId

    use_data_folder(tmp_path, monkeypatch)
    scenario, path, _games = kinds
    nato, russia = SideId.NATO, SideId.RUSSIA
    state = replay(
        scenario,
        1,
        [
            Table(nato, "guarantee", (("form", "treaty"),)),
            RaiseObjection(russia, "aimed-at-russia", "guarantee"),
            Pass(nato),
            Accept(russia, "guarantee"),
            Pass(nato),
            WithdrawObjection(russia, "aimed-at-russia", "guarantee"),
        ],
    )
    saved = write_save(record_for(scenario, path, 1, "hotseat"), state)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["moves"][-1] == {
        "type": "withdraw_objection",
        "side": "russia",
        "objection": "aimed-at-russia",
        "proposal": "guarantee",
    }
    loaded = load_save(saved)
    assert loaded.state == state
    assert loaded.state.proposal("guarantee").status.value == "agreed"


NOT_UTF8 = os.fsdecode(b"\xfe")
"""A file name byte that is not UTF-8: Python holds it as a lone surrogate ('\\udcfe')."""


def test_a_scenario_file_named_in_no_utf8_saves_and_loads_back(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, source = scenario_copy(tmp_path)
    path = source.with_name(f"{NOT_UTF8}.yaml")
    source.rename(path)
    state = random_game(scenario, 3, limit=5)
    saved = write_save(record_for(scenario, path, 3), state, folder=tmp_path / "saves")
    loaded = load_save(saved)
    assert loaded.scenario_path == path.resolve()
    assert loaded.record.scenario.file == str(path.resolve())
    assert loaded.state == state
