"""The saves the load screen lists: read without replaying, newest first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from game.saves.atomic import remove_stale_temporaries
from game.saves.errors import SaveError
from game.saves.record import SaveRecord
from game.saves.store import AUTOSAVE_SUFFIX, SUFFIX, read_record
from game.saves.where import saves_folder
from game.scenario.models import SideId

SIDE_NAMES = {SideId.NATO: "NATO", SideId.RUSSIA: "Russia"}
MODE_NAMES = {"solo": "single player", "hotseat": "hot seat", "sim": "computer vs computer"}


@dataclass(frozen=True)
class SaveInfo:
    """One file in the saves folder: its record, or why it cannot be read."""

    path: Path
    record: SaveRecord | None
    problem: str | None

    @property
    def autosave(self) -> bool:
        """Whether this is a game's automatic save from the start of a round."""
        return self.path.name.endswith(AUTOSAVE_SUFFIX)

    @property
    def scenario(self) -> str:
        """The scenario's title (the file name for an unreadable save)."""
        return self.record.scenario.title if self.record else self.path.name

    @property
    def table(self) -> str:
        """The table's name, or "" when the game has none (or cannot be read)."""
        return (self.record.label or "") if self.record else ""

    @property
    def side(self) -> str:
        """Who the human played: a side, both, or nobody."""
        if self.record is None:
            return ""
        if not self.record.humans:
            return "none"
        if len(self.record.humans) == 2:
            return "both"
        return SIDE_NAMES[self.record.humans[0]]

    @property
    def mode(self) -> str:
        """The mode in words."""
        return MODE_NAMES.get(self.record.mode, self.record.mode) if self.record else ""

    @property
    def round(self) -> str:
        """The round the game had reached, or 'finished'."""
        check = self.record.check if self.record else None
        if check is None:
            return "?"
        return "finished" if check.over else str(check.round)

    @property
    def date(self) -> str:
        """When it was last saved, in local time."""
        if self.record is None:
            return ""
        return local_time(self.record.updated)

    @property
    def sort_key(self) -> str:
        """Newest first when sorted in reverse; unreadable files sort last."""
        return self.record.updated if self.record else ""


def local_time(stamp: str) -> str:
    """An ISO time as 'YYYY-MM-DD HH:MM' in the local time zone (as stored if unreadable)."""
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def list_saves(folder: Path | None = None) -> list[SaveInfo]:
    """Every save in the folder, newest first; damaged ones are listed with their problem."""
    folder = folder or saves_folder()
    # A crash mid-save leaves a hidden temporary file; listing the folder is when to tidy up.
    remove_stale_temporaries(folder, SUFFIX)
    try:
        paths = sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file())
    except OSError:
        return []
    infos = []
    for path in paths:
        try:
            record, _version = read_record(path)
        except SaveError as error:
            infos.append(SaveInfo(path, None, error.message))
            continue
        infos.append(SaveInfo(path, record, None))
    return sorted(infos, key=lambda info: info.sort_key, reverse=True)
