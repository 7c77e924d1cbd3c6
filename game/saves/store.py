"""Writing saves atomically and loading them back, replayed and verified."""

from __future__ import annotations

import datetime
import json
import os
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from game.engine import State
from game.regular_file import open_regular
from game.saves.atomic import write_atomic
from game.saves.errors import SaveError
from game.saves.record import FORMAT_VERSION, Check, SaveRecord, from_data, to_data, version_of
from game.saves.replay import Replay
from game.saves.table_name import slug
from game.saves.unwritable import unwritable_reason
from game.saves.where import find_scenario, saves_folder, scenario_ref
from game.scenario.models import Scenario, SideId

SUFFIX = ".json"
AUTOSAVE_SUFFIX = ".autosave.json"
NOT_SAVED = "the game could not be saved: "
"""How the message of a failed write begins; the reason follows."""
MAX_BYTES = 2 * 1024 * 1024
"""The most a save file may hold (2 MiB, as for a scenario file); a long game's save is a few
KiB."""


def now_stamp() -> str:
    """The current time as ISO 8601 in UTC, to the second.

    SOURCE_DATE_EPOCH (the reproducible-builds convention), when set, stands in for the
    clock: `make screenshots` sets it so the load screen's save times never change.
    """
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "")
    if fixed.isdigit():
        moment = datetime.datetime.fromtimestamp(int(fixed), datetime.timezone.utc)
    else:
        moment = datetime.datetime.now(datetime.timezone.utc)
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class LoadedGame:
    """A save that was read, replayed on its scenario and checked."""

    record: SaveRecord
    scenario: Scenario
    scenario_path: Path
    replay: Replay
    path: Path | None = None
    migrated_from: int | None = None
    """The older format version the file was written in, if it was migrated."""

    @property
    def state(self) -> State:
        """The game as it stood when saved."""
        return self.replay.final


def new_record(
    scenario: Scenario,
    scenario_path: Path,
    seed: int,
    *,
    mode: str,
    humans: tuple[SideId, ...],
    difficulty: str | None = None,
    settings: dict[str, Any] | None = None,
    label: str | None = None,
    game_id: str | None = None,
) -> SaveRecord:
    """The record of a game about to start; `write_save` fills in its moves."""
    stamp = now_stamp()
    compact = stamp[:19].replace("-", "").replace(":", "").replace("T", "-")
    return SaveRecord(
        game_id=game_id or _fresh_id(f"{scenario.id}-{compact}{machine_tag()}", label),
        scenario=scenario_ref(scenario, scenario_path),
        seed=seed,
        mode=mode,
        humans=humans,
        created=stamp,
        updated=stamp,
        difficulty=difficulty,
        settings=dict(settings or {}),
        label=label,
    )


def machine_tag() -> str:
    """`-` and four random hex digits, so that games begun in the same second on different
    machines get different ids (a class's files gathered in one folder never overwrite each
    other); none while SOURCE_DATE_EPOCH fixes the clock, so `make screenshots` stays the
    same from run to run."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return ""
    return f"-{secrets.token_hex(2)}"


_issued: set[str] = set()
"""Game ids this process has handed out (their files may not be written yet)."""


def _fresh_id(base: str, label: str | None = None) -> str:
    """`base`, or `base-2`, `base-3`...: two games begun in the same second never share a
    file, so one can never overwrite the other's save (`label`: the table's name, which its
    files' names carry)."""
    folder = saves_folder()
    candidate, number = base, 1
    while candidate in _issued or any(
        _exists(folder / f"{_stem(candidate, label)}{suffix}")
        for suffix in (SUFFIX, AUTOSAVE_SUFFIX)
    ):
        number += 1
        candidate = f"{base}-{number}"
    _issued.add(candidate)
    return candidate


def _exists(path: Path) -> bool:
    """Whether a file is there; a folder we may not read counts as empty (saving into it
    will then say why it failed)."""
    try:
        return path.exists()
    except OSError:
        return False


def _stem(game_id: str, label: str | None) -> str:
    """A game's file name without its ending: its id, then its table's name if it has one."""
    short = slug(label or "")
    return f"{game_id}-{short}" if short else game_id


def file_stem(record: SaveRecord) -> str:
    """The start of every file name of a game: `2009-brussels-20261123-061619-7f3a`, with
    its table's name after it (`...-7f3a-table-3`) so that a class's files, gathered in one
    folder, say whose each one is."""
    return _stem(record.game_id, record.label)


def save_path(record: SaveRecord, folder: Path | None = None, autosave: bool = False) -> Path:
    """Where a game's save (or its autosave, kept apart so it never overwrites it) goes."""
    suffix = AUTOSAVE_SUFFIX if autosave else SUFFIX
    return (folder or saves_folder()) / f"{file_stem(record)}{suffix}"


def save_point_path(record: SaveRecord, state: State, folder: Path | None = None) -> Path:
    """A new file for a save the player makes by hand, named after the game and how far it
    got (`<game id>-round3.json`, `<game id>-table-3-round3.json` for a named table, `-end`
    once over; `-2`, `-3`... if taken): a fixed save point that no later save overwrites."""
    folder = folder or saves_folder()
    base = f"{file_stem(record)}-{'end' if state.over else f'round{state.round}'}"
    candidate, number = base, 1
    while _exists(folder / f"{candidate}{SUFFIX}"):
        number += 1
        candidate = f"{base}-{number}"
    return folder / f"{candidate}{SUFFIX}"


def continuing(game: LoadedGame, folder: Path | None = None) -> SaveRecord:
    """The record a loaded game goes on under: its own, so the game's autosave follows it.

    But going on from a save point after which the game was played further (its autosave
    holds moves this save does not) would overwrite that autosave: the game then goes on as
    a new one, `<game id>-from-round<N>`, with files of its own.
    """
    record = game.record
    autosave = save_path(record, folder, autosave=True)
    if game.path is not None and game.path == autosave:
        return record
    try:
        tracked, _version = read_record(autosave)
    except SaveError:
        return record  # no autosave (or only a damaged one): nothing to lose
    count = len(tracked.moves)
    if tracked.seed == record.seed and tracked.moves == record.moves[:count]:
        return record  # the autosave is this save or an earlier point of it
    return branched_record(record, game.state.round)


def branched_record(record: SaveRecord, round_number: int) -> SaveRecord:
    """The record a game goes on under when its own files hold another line of play:
    `<game id>-from-round<N>`, with files of its own."""
    branched = _fresh_id(f"{record.game_id}-from-round{round_number}", record.label)
    return replace(record, game_id=branched)


def encode(record: SaveRecord) -> bytes:
    """The save file's bytes."""
    data = to_data(record)
    text = json.dumps(data, indent=1, ensure_ascii=False)
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # A file name that is not UTF-8 (a scenario called b'\xfe.yaml') reaches us as a lone
        # surrogate, which UTF-8 cannot hold; written as a \udcfe escape, it loads back as
        # the same name.
        return (json.dumps(data, indent=1) + "\n").encode("ascii")


def write_save(
    record: SaveRecord,
    state: State,
    *,
    folder: Path | None = None,
    autosave: bool = False,
    path: Path | None = None,
) -> Path:
    """Save `state` under `record` atomically; returns the file, or raises SaveError."""
    target, data = prepare_save(record, state, folder=folder, autosave=autosave, path=path)
    return store_save(target, data)


def prepare_save(
    record: SaveRecord,
    state: State,
    *,
    folder: Path | None = None,
    autosave: bool = False,
    path: Path | None = None,
) -> tuple[Path, bytes]:
    """Where `write_save` would write, and the bytes: the part that reads the game, so that
    the writing itself (`store_save`) can be left to another thread."""
    if state.scenario_id != record.scenario.id:
        raise ValueError(f"state of {state.scenario_id!r} saved as {record.scenario.id!r}")
    target = path or save_path(record, folder, autosave)
    return target, encode(record.with_state(state, now_stamp()))


def store_save(target: Path, data: bytes) -> Path:
    """Write a prepared save atomically; returns the file, or raises SaveError."""
    try:
        write_atomic(target, data)
    except OSError as error:
        reason = unwritable_reason(target.parent, error) or error.strerror or str(error)
        raise SaveError(f"{NOT_SAVED}{reason}", str(target)) from None
    return target


def save_simulated_game(
    state: State,
    scenario_path: Path,
    folder: Path,
    *,
    difficulty: str | None = None,
    label: str | None = None,
    name: str | None = None,
) -> Path:
    """Write a computer-versus-computer game as a save (for `detente sim --save-dir`).

    `difficulty` names the players (e.g. "hard vs tft"); the file is `name`.json, by
    default `<scenario id>-seed<seed>.json`.
    """
    record = new_record(
        state.scenario,
        scenario_path,
        state.seed,
        mode="sim",
        humans=(),
        difficulty=difficulty,
        label=label,
        game_id=name or f"{state.scenario_id}-seed{state.seed}",
    )
    # The file is named as asked, whatever the label: `detente sim` names a series' files.
    return write_save(record, state, path=folder / f"{record.game_id}{SUFFIX}")


def branch_record(loaded: LoadedGame, round_number: int) -> tuple[SaveRecord, State]:
    """A new game's record and state, started from the start of a round of a saved game."""
    state = loaded.replay.branch(round_number)
    base = new_record(
        loaded.scenario,
        loaded.scenario_path,
        loaded.record.seed,
        mode=loaded.record.mode if loaded.record.mode != "sim" else "hotseat",
        humans=loaded.record.humans or (SideId.NATO, SideId.RUSSIA),
        difficulty=loaded.record.difficulty,
        settings=loaded.record.settings,
        # The same table plays on from the round it chose: the new game keeps its name.
        label=loaded.record.label,
    )
    record = replace(base, game_id=f"{base.game_id}-from-round{round_number}")
    return record, state


def _unclosed(text: str) -> bool:
    """Whether the text ends inside a string or an open bracket: a cut-short JSON file."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return in_string or depth > 0


def parse_save(raw: bytes) -> tuple[SaveRecord, int]:
    """The record in a save file's bytes and the version it was written in, or SaveError."""
    if not raw.strip():
        raise SaveError("the save file is empty: it was probably cut off while being written")
    try:
        # utf-8-sig: a text editor on Windows may put a byte-order mark before the JSON.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SaveError("this is not a Détente save file (it is not text)") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise SaveError("this is not a Détente save file (it is nested far too deeply)") from None
    except json.JSONDecodeError as error:
        if text.lstrip().startswith("{") and _unclosed(text):
            raise SaveError(
                "the save file is cut short (truncated): it ends in the middle of the game "
                "record, so it cannot be loaded"
            ) from None
        raise SaveError(
            f"this is not a Détente save file, or it is damaged (not valid JSON at line "
            f"{error.lineno}, column {error.colno})"
        ) from None
    except ValueError:
        # Python refuses to read a whole number thousands of digits long.
        raise SaveError(
            "the save file is damaged: it holds a number thousands of digits long"
        ) from None
    version = version_of(data)
    return from_data(data), version


def _read_capped(path: Path) -> bytes:
    """A save file's bytes, or SaveError if it cannot be read or is far too big for one."""
    try:
        with open_regular(path) as file:
            # The listing reads every file in the folder: a huge one (a film dropped there, say)
            # is turned away on its size before a byte of it is read.
            size = os.fstat(file.fileno()).st_size
            raw = b"" if size > MAX_BYTES else file.read(MAX_BYTES + 1)
    except OSError as error:
        raise SaveError(f"cannot read the save: {error.strerror or error}", str(path)) from None
    # The read catches what fstat cannot: a file that grew meanwhile, or a device.
    if size > MAX_BYTES or len(raw) > MAX_BYTES:
        big = f"{size:,} bytes" if size > MAX_BYTES else "more"
        raise SaveError(
            f"this is not a Détente save file, or it is damaged: a save is never more than "
            f"{MAX_BYTES:,} bytes ({MAX_BYTES // 1048576} MiB), and this file holds {big}",
            str(path),
        )
    return raw


def read_record(path: Path) -> tuple[SaveRecord, int]:
    """Read a save's record without replaying it (for listings), or SaveError."""
    raw = _read_capped(path)
    try:
        return parse_save(raw)
    except SaveError as error:
        raise SaveError(error.message, str(path)) from None


def open_record(record: SaveRecord, path: Path | None = None, version: int = 0) -> LoadedGame:
    """Find the record's scenario, replay its moves and check the result, or SaveError."""
    scenario, scenario_path = find_scenario(record.scenario)
    replay = Replay(scenario, record.seed, record.moves)
    if record.check is not None:
        actual = Check.of(replay.final)
        if actual != record.check:
            raise SaveError(
                "the saved game does not replay to the same result: the file was edited, or "
                "it was saved by a version of Détente with different rules"
            )
    if record.scenario.title != scenario.title:
        record = replace(record, scenario=replace(record.scenario, title=scenario.title))
    migrated = version if 0 < version < FORMAT_VERSION else None
    return LoadedGame(record, scenario, scenario_path, replay, path, migrated)


def load_save(path: Path) -> LoadedGame:
    """Read, migrate, replay and verify a save file; every failure is a SaveError."""
    record, version = read_record(path)
    try:
        return open_record(record, path, version)
    except SaveError as error:
        raise SaveError(error.message, str(path)) from None
    except OSError as error:
        # Looking for the scenario reads folders and files the save names: a failure there
        # is this save's problem, told in words, never a traceback on the load screen.
        reason = error.strerror or str(error)
        raise SaveError(f"cannot look for the game's scenario: {reason}", str(path)) from None
