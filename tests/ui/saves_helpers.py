"""Helpers for the save screens' tests: a private data folder and saved games to list."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from game.engine import State, replay
from game.library import Entry
from game.saves import SaveRecord, new_record, write_save
from game.scenario.models import SideId
from tests.saves.helpers import long_game
from tests.ui.conftest import entry_named


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every save these tests write goes to a temporary folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("DETENTE_DATA_DIR", str(folder))
    return folder


def saved(
    entries: list[Entry],
    seed: int,
    moves: int | None = None,
    mode: str = "solo",
    game_id: str | None = None,
) -> tuple[SaveRecord, State]:
    """A random game on the Brussels scenario (cut to `moves` moves), saved; record and state."""
    entry = entry_named(entries, "2009-brussels")
    assert entry.scenario is not None
    final = long_game(entry.scenario, first_seed=seed)
    seed = final.seed
    state = final if moves is None else replay(entry.scenario, seed, final.moves[:moves])
    humans = (SideId.NATO,) if mode == "solo" else (SideId.NATO, SideId.RUSSIA)
    record = new_record(entry.scenario, entry.path, seed, mode=mode, humans=humans)
    if game_id:
        record = replace(record, game_id=game_id)
    write_save(record, state)
    return record, state
