"""Shared helpers for save tests: a private data folder, a scenario file, scripted games."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from game.engine import Applied, State, apply, is_over, legal_moves, new_game, to_move
from game.saves import SaveRecord, new_record
from game.scenario import Scenario, load
from game.scenario.models import SideId

ROOT = Path(__file__).resolve().parents[2]
RULEBOOK = ROOT / "tests" / "engine" / "fixtures" / "rulebook.yaml"
BRUSSELS = ROOT / "scenarios" / "2009-brussels.yaml"


def use_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point DETENTE_DATA_DIR at a fresh folder so no test touches the real one."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("DETENTE_DATA_DIR", str(folder))
    return folder


def scenario_copy(tmp_path: Path, source: Path = RULEBOOK) -> tuple[Scenario, Path]:
    """A player's own scenario file (a copy in a temporary folder) and its scenario."""
    folder = tmp_path / "own"
    folder.mkdir(exist_ok=True)
    path = folder / source.name
    shutil.copyfile(source, path)
    return load(path), path


def random_game(scenario: Scenario, seed: int, limit: int | None = None) -> State:
    """Uniformly random legal moves to the end (or for `limit` moves)."""
    rng = random.Random(seed)
    state = new_game(scenario, seed)
    count = 0
    while not is_over(state) and (limit is None or count < limit):
        result = apply(state, rng.choice(legal_moves(state, to_move(state))))
        assert isinstance(result, Applied)
        state = result.state
        count += 1
    return state


def record_for(scenario: Scenario, path: Path, seed: int, mode: str = "solo") -> SaveRecord:
    """A record for a solo game as NATO, or a hot-seat game."""
    humans = (SideId.NATO,) if mode == "solo" else (SideId.NATO, SideId.RUSSIA)
    return new_record(scenario, path, seed, mode=mode, humans=humans, difficulty="medium")


def long_game(scenario: Scenario, min_moves: int = 6, first_seed: int = 1) -> State:
    """The first random game (by seed) with at least `min_moves` moves, so tests can cut it."""
    for seed in range(first_seed, first_seed + 200):
        state = random_game(scenario, seed)
        if len(state.moves) >= min_moves:
            return state
    raise AssertionError(f"no random game of {scenario.id} reached {min_moves} moves")
