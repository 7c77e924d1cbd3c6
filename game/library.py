"""The scenarios the game offers: the shipped ones and the player's own, each checked."""

from __future__ import annotations

import contextlib
import datetime
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from game import APP_NAME
from game.paths import data_folder
from game.regular_file import open_regular
from game.scenario import Problem, Report, Scenario, check_text
from game.scenario.glyphs import CanDraw
from game.scenario.problems import Finding
from game.scenario.safeyaml import MAX_BYTES, too_big

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Entry:
    """One scenario file: the scenario if it loads, otherwise its problems."""

    path: Path
    shipped: bool
    scenario: Scenario | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when the scenario loads."""
        return self.scenario is not None

    @property
    def title(self) -> str:
        """The scenario's title, or the file's name when it does not load."""
        return self.scenario.title if self.scenario is not None else self.path.name

    @property
    def is_tutorial(self) -> bool:
        """True for the tutorial, which the list shows first."""
        name = self.scenario.id if self.scenario is not None else self.path.stem
        return "tutorial" in name


def check_file(path: Path, can_draw: CanDraw | None = None) -> Report:
    """Check one file; an unreadable or over-size file is a report with one problem.

    `can_draw` tells which characters the game's fonts have (see `check_text`)."""
    name = str(path)
    try:
        with open_regular(path) as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_BYTES:
                return Report(name, None, [too_big(size).at(name)])
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        return Report(name, None, [Finding(1, 1, "", f"cannot read the file: {reason}").at(name)])
    return check_text(raw, name, can_draw)


def shipped_folder() -> Path | None:
    """The folder of scenarios that come with the game, if this installation has one."""
    package = Path(__file__).resolve().parent
    candidates = [
        package.parent / "scenarios",  # a checkout of the repository (or an editable install)
        Path(sys.prefix) / "share" / APP_NAME / "scenarios",  # data files of a wheel install
    ]
    for folder in candidates:
        if folder.is_dir():
            return folder
    return None


def user_folder(create: bool = True) -> Path:
    """The folder where players put their own scenarios (created on demand)."""
    folder = data_folder() / "scenarios"
    if create:
        # A read-only home still lets the game offer its shipped scenarios.
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
    return folder


def scan(folder: Path, shipped: bool, can_draw: CanDraw | None = None) -> list[Entry]:
    """Every scenario file in a folder, checked (a broken file is listed with its problems)."""
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except OSError:
        return []
    entries = []
    for path in paths:
        report = check_file(path, can_draw)
        entries.append(Entry(path, shipped, report.scenario, tuple(report.problems)))
    return entries


def _order(entry: Entry) -> tuple[int, datetime.date, str]:
    date = entry.scenario.date if entry.scenario is not None else datetime.date.max
    rank = 0 if entry.is_tutorial and entry.ok else 1 if entry.ok else 2
    return rank, date, entry.path.name


def available(
    shipped: Path | None = None, user: Path | None = None, can_draw: CanDraw | None = None
) -> list[Entry]:
    """The scenarios to offer: tutorial first, then by date, broken files last (with
    `can_draw`, text the fonts cannot draw is warned about, as `detente validate` does)."""
    shipped = shipped if shipped is not None else shipped_folder()
    user = user if user is not None else user_folder()
    entries = scan(shipped, True, can_draw) if shipped is not None else []
    if user.is_dir() and (shipped is None or user.resolve() != shipped.resolve()):
        entries += scan(user, False, can_draw)
    return sorted(entries, key=_order)
