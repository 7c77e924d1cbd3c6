"""Saved games: a versioned JSON format, atomic writes, verified loading, and listing."""

from game.saves.atomic import write_atomic
from game.saves.errors import SaveError
from game.saves.fingerprint import scenario_hash, state_digest
from game.saves.listing import SaveInfo, list_saves
from game.saves.record import FORMAT_VERSION, Check, SaveRecord, ScenarioRef, migrate
from game.saves.replay import ProposalValues, Replay, Step
from game.saves.store import (
    LoadedGame,
    branch_record,
    branched_record,
    continuing,
    load_save,
    new_record,
    parse_save,
    read_record,
    save_path,
    save_point_path,
    save_simulated_game,
    write_save,
)
from game.saves.undo import undo, undo_point
from game.saves.where import DATA_ENV, data_folder, find_scenario, saves_folder

__all__ = [
    "DATA_ENV",
    "FORMAT_VERSION",
    "Check",
    "LoadedGame",
    "ProposalValues",
    "Replay",
    "SaveError",
    "SaveInfo",
    "SaveRecord",
    "ScenarioRef",
    "Step",
    "branch_record",
    "branched_record",
    "continuing",
    "data_folder",
    "find_scenario",
    "list_saves",
    "load_save",
    "migrate",
    "new_record",
    "parse_save",
    "read_record",
    "save_path",
    "save_point_path",
    "save_simulated_game",
    "saves_folder",
    "scenario_hash",
    "state_digest",
    "undo",
    "undo_point",
    "write_atomic",
    "write_save",
]
