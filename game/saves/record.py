"""The save format: a versioned JSON record of a game as scenario, seed and move list.

Version 2 (current)::

    {"format": "detente-save", "version": 2, "game_id": "...",
     "scenario": {"id", "title", "sha256", "file", "shipped", "rules_sha256"},
     "seed": 42, "mode": "solo" | "hotseat" | "sim", "humans": ["nato"],
     "difficulty": "medium" | null, "settings": {"timer": 0}, "label": null,
     "created": ISO time, "updated": ISO time,
     "moves": [move_to_dict(...), ...], "timed_out": [7],
     "check": {"moves": 16, "round": 8, "over": true, "log": 58, "digest": sha256 of to_dict}}

`label` is the table's name ("Table 3", "Anna & Ben"; null when unnamed): text on one line
of at most 40 characters (game.saves.table_name). Named games' files carry it in their names
too (`<game id>-table-3.autosave.json`); the game id itself never changes with it.

`timed_out` lists the numbers (1 for the first move) of the passes the turn timer made when
a side's time ran out. It came later within version 2: a file without it has none.

Version 1 (the first layout, still read): flat scenario fields, one `side` (null in hot
seat), moves under `turns`, one `saved_at` time and no check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from typing import Any

from game.engine import State
from game.engine.moves import MOVE_TYPES, Move, Pass, Tone, move_from_dict, move_to_dict
from game.saves.errors import SaveError
from game.saves.fingerprint import state_digest
from game.saves.table_name import TABLE_NAME_IN_WORDS, is_table_name, tidy
from game.scenario.models import SideId
from game.setup_limits import (
    SEED_IN_WORDS,
    TIMER_IN_WORDS,
    is_level,
    is_seed,
    is_timer,
    levels_in_words,
)

KIND = "detente-save"
FORMAT_VERSION = 2
MODES = ("solo", "hotseat", "sim")


@dataclass(frozen=True)
class ScenarioRef:
    """Which scenario a save is for, and where to find it again."""

    id: str
    title: str
    sha256: str
    file: str
    """A shipped scenario's file name, or the full path of a player's own file."""
    shipped: bool
    rules_sha256: str | None = None
    """The hash without coaching notes and debrief (saves before it have none)."""


@dataclass(frozen=True)
class Check:
    """What replaying the moves must give: the final state's size, place and digest."""

    moves: int
    round: int
    over: bool
    log: int
    digest: str

    @staticmethod
    def of(state: State) -> Check:
        """The check of a state."""
        return Check(len(state.moves), state.round, state.over, len(state.log), state_digest(state))


@dataclass(frozen=True)
class SaveRecord:
    """One saved game: what was played, by whom, on what, and how to check it."""

    game_id: str
    scenario: ScenarioRef
    seed: int
    mode: str
    humans: tuple[SideId, ...]
    created: str
    updated: str
    moves: tuple[Move, ...] = ()
    difficulty: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    label: str | None = None
    """The table's name, or None when it has none."""
    check: Check | None = None
    timed_out: tuple[int, ...] = ()
    """The numbers (1 for the first move) of the passes made because time ran out."""

    def with_state(self, state: State, now: str) -> SaveRecord:
        """A copy holding the state's moves and check, stamped `now`."""
        # Only passes among these moves can have been forced by the timer: a stale number
        # (from moves since taken back) would make the file unreadable, so it is dropped.
        timed_out = tuple(n for n in self.timed_out if _is_pass(state.moves, n))
        return replace(
            self, moves=state.moves, check=Check.of(state), updated=now, timed_out=timed_out
        )


def _is_pass(moves: tuple[Move, ...], number: int) -> bool:
    """Whether move `number` (1 for the first) is among `moves` and is a pass."""
    return 1 <= number <= len(moves) and isinstance(moves[number - 1], Pass)


def to_data(record: SaveRecord) -> dict[str, Any]:
    """The record as JSON-ready data in the current format."""
    ref = record.scenario
    return {
        "format": KIND,
        "version": FORMAT_VERSION,
        "game_id": record.game_id,
        "scenario": {
            "id": ref.id,
            "title": ref.title,
            "sha256": ref.sha256,
            "file": ref.file,
            "shipped": ref.shipped,
            **({"rules_sha256": ref.rules_sha256} if ref.rules_sha256 else {}),
        },
        "seed": record.seed,
        "mode": record.mode,
        "humans": [side.value for side in record.humans],
        "difficulty": record.difficulty,
        "settings": dict(record.settings),
        "label": record.label,
        "created": record.created,
        "updated": record.updated,
        "moves": [move_to_dict(move) for move in record.moves],
        "timed_out": list(record.timed_out),
        "check": None
        if record.check is None
        else {
            "moves": record.check.moves,
            "round": record.check.round,
            "over": record.check.over,
            "log": record.check.log,
            "digest": record.check.digest,
        },
    }


def version_of(data: Any) -> int:
    """The format version of parsed JSON, or SaveError if it is not a Détente save."""
    if not isinstance(data, dict) or data.get("format") != KIND:
        raise SaveError("this is not a Détente save file")
    version = data.get("version")
    if version is None:
        raise SaveError("the save file is damaged: its format version is missing")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(
            f"the save file is damaged: its format version should be a whole number, "
            f"not {_shown(version)}"
        )
    if version < 1:
        raise SaveError(
            f"the save file is damaged: its format version should be 1 or more, not {version}"
        )
    if version > FORMAT_VERSION:
        raise SaveError(
            f"this save was made by a newer Détente (save format {version}; this version "
            f"reads formats up to {FORMAT_VERSION}): update the game to open it"
        )
    return version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring parsed save data of any older version up to the current format."""
    version = version_of(data)
    if version == 1:
        data = _from_version_1(data)
    return data


def _from_version_1(old: dict[str, Any]) -> dict[str, Any]:
    """Version 1 -> 2: nest the scenario fields, list the humans, rename `turns`."""
    if "turns" not in old and isinstance(old.get("moves"), list):
        # A newer file with its version number edited down: say so, not "moves missing".
        raise SaveError(
            "the save file is damaged: it says it is in save format 1, but it is laid out "
            "in a later format (its moves are under 'moves', where format 1 has 'turns')"
        )
    side = old.get("side")
    mode = old.get("mode", "solo")
    humans = [side] if side is not None else ["nato", "russia"]
    scenario_id = old.get("scenario_id")
    saved_at = old.get("saved_at")
    file = old.get("scenario_file")
    return {
        "format": KIND,
        "version": 2,
        "game_id": f"{scenario_id}-{_compact(saved_at)}",
        "scenario": {
            "id": scenario_id,
            # Version 1 kept no title; the loaded scenario supplies it.
            "title": scenario_id,
            "sha256": old.get("scenario_sha256"),
            "file": file,
            "shipped": isinstance(file, str) and "/" not in file and "\\" not in file,
        },
        "seed": old.get("seed"),
        "mode": mode,
        "humans": humans,
        "difficulty": old.get("difficulty"),
        "settings": {},
        "label": None,
        "created": saved_at,
        "updated": saved_at,
        "moves": old.get("turns"),
        "check": None,
    }


def _compact(stamp: Any) -> str:
    text = stamp if isinstance(stamp, str) else "unknown"
    return "".join(ch for ch in text if ch.isalnum())[:15] or "unknown"


def from_data(data: Any) -> SaveRecord:
    """Check parsed JSON and build the record (migrating older versions), or SaveError."""
    # The field names a damaged-field message gives are those the file itself uses.
    names = _VERSION_1_NAMES if version_of(data) == 1 else {}
    data = migrate(data)
    reader = _Reader(data, names=names)
    scenario = _Reader(reader.get("scenario", dict), "scenario", names)
    mode = reader.get("mode", str)
    if mode not in MODES:
        raise reader.damaged("mode", f"one of {', '.join(MODES)}")
    humans = reader.get("humans", list)
    if not all(h in ("nato", "russia") for h in humans) or len(set(humans)) != len(humans):
        raise reader.damaged("humans", "a list of sides (nato, russia)")
    raw_moves = reader.get("moves", list)
    moves = [_read_move(raw, number) for number, raw in enumerate(raw_moves, start=1)]
    seed = reader.get("seed", int)
    if not is_seed(seed):
        # The computer player's generator refuses a negative seed: caught here, not on Continue.
        raise reader.damaged("seed", f"{SEED_IN_WORDS}, not {_shown(seed)}")
    difficulty = reader.get("difficulty", str, optional=True)
    if mode == "solo" and difficulty is not None and not is_level(difficulty):
        # The level the computer plays at (a computer-only game names its players here).
        raise reader.damaged("difficulty", f"{levels_in_words()}, not {_shown(difficulty)}")
    settings = reader.get("settings", dict)
    if "timer" in settings and not is_timer(settings["timer"]):
        raise _Reader(settings, "settings", names).damaged(
            "timer", f"{TIMER_IN_WORDS}, not {_shown(settings['timer'])}"
        )
    label = reader.get("label", str, optional=True)
    if label is not None and not is_table_name(label):
        # A name is shown on the load list, in reports and in file names: one line, short.
        raise reader.damaged(
            "label", f"the table's name, text of {TABLE_NAME_IN_WORDS}, not {_shown(label)}"
        )
    timed_out = reader.get("timed_out", list, optional=True) or []
    played = tuple(moves)
    if not all(type(n) is int and _is_pass(played, n) for n in timed_out):
        raise reader.damaged(
            "timed_out", "a list of the numbers of moves that were passes because time ran out"
        )
    raw_check = reader.get("check", dict, optional=True)
    check = None
    if raw_check is not None:
        checker = _Reader(raw_check, "check")
        check = Check(
            checker.get("moves", int),
            checker.get("round", int),
            checker.get("over", bool),
            checker.get("log", int),
            checker.get("digest", str),
        )
    return SaveRecord(
        game_id=reader.get("game_id", str),
        scenario=ScenarioRef(
            id=scenario.get("id", str),
            title=scenario.get("title", str),
            sha256=scenario.get("sha256", str),
            file=scenario.get("file", str),
            shipped=scenario.get("shipped", bool),
            rules_sha256=scenario.get("rules_sha256", str, optional=True),
        ),
        seed=seed,
        mode=mode,
        humans=tuple(SideId(h) for h in humans),
        created=reader.get("created", str),
        updated=reader.get("updated", str),
        moves=tuple(moves),
        difficulty=difficulty,
        settings=settings,
        label=tidy(label or "") or None,
        check=check,
        timed_out=tuple(sorted(set(timed_out))),
    )


_VERSION_1_NAMES = {
    "moves": "turns",
    "scenario.id": "scenario_id",
    "scenario.sha256": "scenario_sha256",
    "scenario.file": "scenario_file",
    "created": "saved_at",
    "updated": "saved_at",
}
"""Format 1's names for the fields format 2 renamed or nested."""


def _shown(value: Any) -> str:
    """A value from a save as it is written in the file (JSON), cut short if long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def _read_move(raw: Any, number: int) -> Move:
    """Move `number` of a save, or SaveError saying in words what is wrong with it."""

    def damaged(problem: str) -> SaveError:
        return SaveError(f"move {number} of the save is damaged: {problem}")

    if not isinstance(raw, dict):
        raise damaged(f"it should be a move with a type and a side, not {_shown(raw)}")
    kind = raw.get("type")
    if kind is None:
        raise damaged("it has no type (such as table, accept or pass)")
    if not isinstance(kind, str) or kind not in MOVE_TYPES:
        raise damaged(
            f"its type {_shown(kind)} is not a kind of move (the kinds are {', '.join(MOVE_TYPES)})"
        )
    side = raw.get("side")
    sides = [item.value for item in SideId]
    if side not in sides:
        found = "it has no side" if side is None else f"its side is {_shown(side)}"
        raise damaged(f"{found}; it should be {' or '.join(sides)}")
    # The move's own fields (beyond its side) are what the engine's move type declares.
    for name in (f.name for f in fields(MOVE_TYPES[kind]) if f.name != "side"):
        problem = _move_field_problem(name, raw.get(name), kind)
        if problem:
            raise damaged(problem)
    try:
        return move_from_dict(raw)
    except ValueError:
        # Every field was checked above; this is a safety net, never a Python message.
        raise damaged("it cannot be read as a move") from None


def _move_field_problem(name: str, value: Any, kind: str) -> str | None:
    """What is wrong with one field of a move, in words, or None."""
    what = kind.replace("_", " ")
    if name == "terms":
        # Terms may be left out (the proposal's defaults); given, they map term to option.
        if value is None:
            return None
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            return None
        return f"its terms should map each term to an option, not {_shown(value)}"
    if value is None:
        return f"it has no {name} (every {what} move names one)"
    if name == "tone":
        tones = [tone.value for tone in Tone]
        if value in tones:
            return None
        return f"its tone {_shown(value)} should be {' or '.join(tones)}"
    if not isinstance(value, str):
        return f"its {name} should be a text (an id), not {_shown(value)}"
    return None


_TYPE_WORDS = {
    str: "a text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
}


class _Reader:
    """Typed access to one mapping of a save, with a clear message for a wrong field."""

    def __init__(
        self, data: dict[str, Any], where: str = "", names: dict[str, str] | None = None
    ) -> None:
        self.data = data
        self.where = where
        self.names = names or {}

    def damaged(self, key: str, expected: str) -> SaveError:
        name = f"{self.where}.{key}" if self.where else key
        name = self.names.get(name, name)
        return SaveError(f"the save file is damaged: '{name}' should be {expected}")

    def get(self, key: str, kind: type, optional: bool = False) -> Any:
        value = self.data.get(key)
        if value is None and optional:
            return None
        # bool is an int in Python; a save never means one for the other.
        wrong_bool = kind is int and isinstance(value, bool)
        if not isinstance(value, kind) or wrong_bool:
            raise self.damaged(key, _TYPE_WORDS[kind])
        return value
