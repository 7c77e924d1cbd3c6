"""A class's games in one summary: each table's outcome and scores, and each scenario's totals.

The saves may be anywhere under the class folder (Export writes a folder per game), and one
game may be handed in as several files: each game is counted once, as far as it got.
"""

from __future__ import annotations

import datetime
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from game.engine import Outcome, Tier, outcome
from game.engine.moves import Terms
from game.report.standing import standing
from game.report.transcript import computer_players
from game.saves import LoadedGame, SaveError, SaveRecord, load_save, read_record
from game.saves.fingerprint import rules_hash
from game.saves.listing import SIDE_NAMES, local_time
from game.saves.privacy import keeps_secrets
from game.saves.store import SUFFIX
from game.scenario.models import Proposal, Scenario


@dataclass(frozen=True)
class TableResult:
    """One table's game and how it ended."""

    label: str
    """What the summary calls the table: its name, or a short label distinct from every
    other table's (see `table_labels`)."""
    path: Path
    game: LoadedGame
    outcome: Outcome
    file: str = ""
    """The save file the table's game was read from, as found under the class folder."""
    folded: tuple[str, ...] = ()
    """The game's other files (a save point, a copy of its autosave), as found: read, but
    not counted, since this file holds the game as far as it got."""

    @property
    def name(self) -> str:
        """The table's name as its players gave it ("" when they gave none)."""
        return self.game.record.label or ""

    @property
    def mode(self) -> str:
        """How it was played, in words: 'hot seat', 'against the computer at medium, as
        NATO', 'computer only (hard vs tft)'."""
        return mode_in_words(self.game.record, self.game.scenario)

    @property
    def saved(self) -> str:
        """When the game was last saved, in local time ('2026-11-23 14:05')."""
        return local_time(self.game.record.updated)

    @property
    def finished(self) -> bool:
        """Whether the game reached its end (a saved game in progress is scored as it stands)."""
        return self.outcome.ended_by != "in_progress"

    @property
    def standing(self) -> str:
        """Its tier, or 'unfinished (saved in round 3 of 8)'."""
        return standing(self.game.state, self.outcome)

    @property
    def computer_only(self) -> bool:
        """Whether the computer played both sides (see `computer_only`)."""
        return computer_only(self.game.record)

    @property
    def secrets_kept(self) -> bool:
        """Whether its scores stay out of the summary: they come from each side's private
        values, which a game people are still playing keeps hidden (as the replay viewer
        and the game's own record do)."""
        return keeps_secrets(self.game.record.mode, self.finished)


MODES = {"hotseat": "hot seat", "solo": "against the computer", "sim": "computer only"}
"""Each mode in the class summary's words (tables.csv's `mode` column)."""


def mode_in_words(record: SaveRecord, scenario: Scenario | None = None) -> str:
    """'hot seat', 'against the computer at medium, as NATO' or 'computer only (NATO hard vs
    Russia tft)' (in `scenario`'s side names, if given)."""
    mode = MODES.get(record.mode, record.mode)
    if record.mode == "sim":
        # A computer-only game's "difficulty" names both players (`detente sim`).
        if not record.difficulty:
            return mode
        return f"{mode} ({computer_players(record.difficulty, scenario)})"
    if record.mode == "solo" and len(record.humans) == 1:
        side = SIDE_NAMES[record.humans[0]]
        return f"{mode} at {record.difficulty or 'medium'}, as {side}"
    return mode


def computer_only(record: SaveRecord) -> bool:
    """Whether no person played either side (`detente sim --save-dir`): a benchmark of the
    computer's players, not a class's result. A game against the computer is a person's
    game, and counts with the class like a hot-seat one."""
    return record.mode == "sim" or not record.humans


def level_of(record: SaveRecord, scenario: Scenario | None = None) -> str:
    """The computer's level ('medium'), a computer-only game's players ('NATO hard vs Russia
    tft', in `scenario`'s side names if given), or '' for a game people played on both
    sides."""
    if record.mode == "hotseat":
        # A hot-seat game taken over from a computer-only one keeps the old players' names.
        return ""
    if record.mode == "sim":
        return computer_players(record.difficulty, scenario) if record.difficulty else ""
    return record.difficulty or "medium"


def people_played(record: SaveRecord) -> str:
    """Which sides people played: 'both sides', 'NATO', 'Russia' or 'neither side'."""
    if not record.humans:
        return "neither side"
    if len(record.humans) == 2:
        return "both sides"
    return SIDE_NAMES[record.humans[0]]


@dataclass(frozen=True)
class TermCount:
    """How many of the tables that agreed a proposal chose each variant of one of its terms."""

    label: str
    """The term's label ('Form of the guarantee')."""
    variants: tuple[tuple[str, int], ...]
    """Each variant chosen at least once, with how many times, in the scenario's order."""


@dataclass(frozen=True)
class ProposalCount:
    """How many tables agreed one proposal, and on what terms."""

    title: str
    agreed: int
    tables: int
    terms: tuple[TermCount, ...] = ()
    """For a proposal with terms that some table agreed: how each term was settled."""


def term_counts(proposal: Proposal, chosen: list[Terms]) -> tuple[TermCount, ...]:
    """How the tables that agreed `proposal` settled each of its terms (`chosen`: each
    table's terms; a term left out was agreed at its default)."""
    if not chosen:
        return ()
    result = []
    for term in proposal.terms:
        counts = Counter(dict(terms).get(term.id, term.default) for terms in chosen)
        variants = tuple((v.label, counts[v.id]) for v in term.variants if counts[v.id])
        result.append(TermCount(term.label, variants))
    return tuple(result)


@dataclass(frozen=True)
class TableGroup:
    """Some tables, and how many of them finished and how."""

    tables: tuple[TableResult, ...]

    @property
    def finished(self) -> tuple[TableResult, ...]:
        """The tables whose game reached its end: the only ones the totals count.

        A game left at round 1 (a "Play again" nobody played) would drag every average down.
        """
        return tuple(t for t in self.tables if t.finished)

    @property
    def unfinished(self) -> int:
        """How many tables saved a game still in progress (listed, but not counted)."""
        return len(self.tables) - len(self.finished)

    @property
    def at_tables(self) -> int:
        """How many tables played these games (see `count_tables`)."""
        return count_tables([t.game.record for t in self.tables])

    def tiers(self) -> list[tuple[Tier, int]]:
        """How many finished tables ended in each tier, best first."""
        counts = Counter(t.outcome.tier for t in self.finished)
        return [(tier, counts[tier]) for tier in reversed(list(Tier))]


@dataclass(frozen=True)
class ScenarioTables(TableGroup):
    """The tables that played one scenario: the only ones whose scores compare, since each
    scenario's proposals, values and red lines make its own scale."""

    title: str = ""

    def average(self, part: str) -> float | None:
        """The mean over finished games of 'nato', 'russia' or 'shared' score, or of 'trust'
        (mean trust); None when no game has finished."""
        tables = self.finished
        if not tables:
            return None
        if part == "shared":
            values = [t.outcome.shared for t in tables]
        elif part == "trust":
            values = [t.outcome.nato.trust for t in tables]
        else:
            values = [getattr(t.outcome, part).score for t in tables]
        return sum(values) / len(values)

    def proposals(self) -> list[ProposalCount]:
        """Every proposal of the scenario, with how many finished tables agreed it (none
        when no table finished)."""
        tables = self.finished
        if not tables:
            return []
        chosen: dict[str, list[Terms]] = {}
        for table in tables:
            for item in table.outcome.package:
                chosen.setdefault(item.proposal, []).append(item.terms)
        rows = [
            ProposalCount(
                proposal.title,
                len(chosen.get(proposal.id, [])),
                len(tables),
                term_counts(proposal, chosen.get(proposal.id, [])),
            )
            for proposal in tables[0].game.scenario.proposals
        ]
        return sorted(rows, key=lambda row: (-row.agreed, row.title))


@dataclass(frozen=True)
class ClassSummary(TableGroup):
    """Every game found in a class's folder, the saves that could not be read, and the
    totals. The class's figures count only games people played (`people`); games the
    computer played against itself are kept apart, as a benchmark (`benchmark`)."""

    problems: tuple[tuple[Path, str], ...] = ()
    folder: Path | None = None
    """The class folder the saves were found in (file names are shown from there)."""

    @property
    def folded(self) -> int:
        """How many files were another file of a game already counted (a save point beside
        the game's autosave, a copy handed in twice), so were not counted again."""
        return sum(len(t.folded) for t in self.tables)

    def shown(self, path: Path) -> str:
        """A file's name as found under the class folder ('anna-ben/2009-....json')."""
        return shown_path(path, self.folder)

    @property
    def people(self) -> TableGroup:
        """The games people played (hot seat, or against the computer): the class's own."""
        return TableGroup(tuple(t for t in self.tables if not t.computer_only))

    @property
    def computer(self) -> TableGroup:
        """The games the computer played against itself."""
        return TableGroup(tuple(t for t in self.tables if t.computer_only))

    @cached_property
    def titles(self) -> dict[str, str]:
        """Each scenario's title by its rules, in order of first appearance.

        Two files with one title but different rules are two scenarios: they are told
        apart by their file names.
        """
        games: dict[str, LoadedGame] = {}
        for table in self.tables:
            games.setdefault(rules_hash(table.game.scenario), table.game)
        count = Counter(game.scenario.title for game in games.values())
        return {
            rules: game.scenario.title
            if count[game.scenario.title] == 1
            else f"{game.scenario.title} ({game.scenario_path.name})"
            for rules, game in games.items()
        }

    def _by_scenario(self, group: TableGroup) -> tuple[ScenarioTables, ...]:
        """A group's tables by the scenario they played, in order of first appearance."""
        groups: dict[str, list[TableResult]] = {}
        for table in group.tables:
            groups.setdefault(rules_hash(table.game.scenario), []).append(table)
        return tuple(
            ScenarioTables(tuple(tables), self.titles[rules]) for rules, tables in groups.items()
        )

    @cached_property
    def by_scenario(self) -> tuple[ScenarioTables, ...]:
        """The class's tables (games people played) grouped by scenario."""
        return self._by_scenario(self.people)

    @cached_property
    def benchmark(self) -> tuple[ScenarioTables, ...]:
        """The computer-only games grouped by scenario: never counted with the class."""
        return self._by_scenario(self.computer)

    @property
    def scenarios(self) -> list[str]:
        """The titles of the scenarios played, people's games or the computer's, in order
        of first appearance."""
        return list(self.titles.values())


def shown_path(path: Path, folder: Path | None) -> str:
    """`path` from `folder` ('export/x.json'); its name alone if it is not under it."""
    if folder is not None:
        try:
            return path.relative_to(folder).as_posix()
        except ValueError:
            pass
    return path.name


SKIPPED_FOLDERS = ("__MACOSX",)
"""Folders that hold no saves, only copies of other files' metadata (a zip file made on a
Mac, unpacked elsewhere, has one beside each folder)."""


def _identity(path: Path) -> tuple[int, int] | None:
    """What tells one folder from another, however it was reached (device and inode)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def save_files(folder: Path, skip: Path | None = None) -> list[Path]:
    """Every save file in a folder and its subfolders (see `find_saves`), in name order."""
    return find_saves(folder, skip)[0]


def find_saves(folder: Path, skip: Path | None = None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Every save file in a folder and its subfolders (the debrief's Export writes a folder
    per game), hidden ones left out, in name order; and the subfolders that could not be
    read, with why (the class folder itself not readable is an OSError).

    A folder linked from inside itself, or linked twice, is read once; `skip` (the folder
    the summary is written to, when it is inside `folder`) is not read at all.
    """
    top = _identity(folder)
    seen = {top} if top is not None else set()
    skipped = _identity(skip) if skip is not None else None
    unread: list[tuple[Path, str]] = []

    def refuse(error: OSError) -> None:
        where = Path(error.filename or "")
        if where == folder:
            raise error  # the class folder itself: said in one line by the command
        # The other folders still make a summary; this one is listed, as a bad save is.
        unread.append((where, f"cannot read the folder: {error.strerror or error}"))

    found = []
    for root, folders, files in os.walk(folder, onerror=refuse, followlinks=True):
        here = Path(root)
        keep = []
        for name in sorted(folders):
            if name.startswith(".") or name in SKIPPED_FOLDERS:
                continue
            identity = _identity(here / name)
            # Links are followed (a teacher may link in a shared drive's folder), but a
            # folder already read, or linked back to from inside, is never read again.
            if identity is None or identity in seen or identity == skipped:
                continue
            seen.add(identity)
            keep.append(name)
        folders[:] = keep
        found += [
            here / name
            for name in files
            if name.endswith(SUFFIX) and not name.startswith(".") and os.path.isfile(here / name)
        ]
    return sorted(found), unread


def _furthest(record: SaveRecord) -> tuple[bool, int, str]:
    """How far a file's game got, to sort by: finished, then more moves, then saved later."""
    over = record.check.over if record.check is not None else False
    return over, len(record.moves), record.updated


def _games(paths: list[Path]) -> tuple[list[list[Path]], list[tuple[Path, str]]]:
    """The files grouped by game, each group furthest first; and the files that could not
    be read.

    One game's files share its id and seed: a save point and the autosave, or a copy.
    A game branched from a save point has an id of its own (`-from-round3`), so is a game
    of its own; so are two games begun in the same second on two machines (one id, but
    each its own random seed).
    """
    groups: dict[tuple[str, int], list[tuple[SaveRecord, Path]]] = {}
    problems = []
    for path in paths:
        try:
            record, _version = read_record(path)
        except SaveError as error:
            problems.append((path, error.message))
            continue
        groups.setdefault((record.game_id, record.seed), []).append((record, path))
    ordered = [
        [path for _, path in sorted(group, key=lambda item: (_furthest(item[0]), str(item[1])))]
        for group in groups.values()
    ]
    return [list(reversed(group)) for group in ordered], problems


def _local(stamp: str) -> datetime.datetime | None:
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo is not None else moment


def short_title(title: str) -> str:
    """A scenario's title up to its colon: 'Brussels 2009: a fresh start...' -> 'Brussels
    2009'."""
    short = title.split(":", 1)[0].strip() or title
    return short if len(short) <= 24 else short[:23].rstrip() + "…"


BRANCHED = re.compile(r"-from-round(\d+)")
"""How the id of a game begun from a round of another ends (`game.saves.continuing`)."""


def first_game_id(game_id: str) -> str:
    """The id of the game a table began with: `game_id` up to its first `-from-round`."""
    match = BRANCHED.search(game_id)
    return game_id[: match.start()] if match else game_id


def count_tables(records: Sequence[SaveRecord]) -> int:
    """How many tables played these games. A game begun from a round of another was played
    by the table that played that one, found by the other's id (going on from a save point
    keeps it) or, for a game begun in the replay viewer (an id of its own), by the same
    seed and table name."""
    firsts: set[tuple[str, int]] = set()
    names: set[tuple[int, str]] = set()
    branches = []
    for record in records:
        if BRANCHED.search(record.game_id):
            branches.append(record)
            continue
        firsts.add((record.game_id, record.seed))
        if record.label:
            names.add((record.seed, record.label))
    for record in branches:
        first = (first_game_id(record.game_id), record.seed)
        if first in firsts or (record.label and (record.seed, record.label) in names):
            continue
        # The game it was begun from was not handed in: its table is counted once.
        firsts.add(first)
        if record.label:
            names.add((record.seed, record.label))
    return len(firsts)


def _labels(game: LoadedGame) -> list[str]:
    """A table's possible labels, the shortest first, each telling it apart from more
    tables: its name (or for a table without one, the scenario and when it was saved),
    then with the time, then the time to the second and the date. A game begun from a round
    of another says so: the same table played it, so it has the same name."""
    record = game.record
    moment = _local(record.updated)
    times = (
        [f"{moment:%H:%M}", f"{moment:%H:%M:%S}", f"{moment:%Y-%m-%d %H:%M:%S}"]
        if moment is not None
        else [record.updated]
    )
    branched = BRANCHED.findall(record.game_id)
    since = f", from round {branched[-1]}" if branched else ""
    if record.label:
        name = f"{record.label}{since}"
        return [name, *(f"{name}, {time}" for time in times)]
    if record.mode == "sim":
        # A computer-only series is saved all in one second: its seeds tell it apart.
        players = (
            computer_players(record.difficulty, game.scenario)
            if record.difficulty
            else "computer only"
        )
        players = f"{players}, seed {record.seed}{since}"
        return [players, f"{players}, {times[0]}"]
    short = short_title(game.scenario.title)
    return [f"{short}, {time}{since}" for time in times]


def table_labels(games: list[LoadedGame]) -> list[str]:
    """A label for each game, no two alike (the chart and the tables name each table once):
    the shortest of its labels no other game shares, else its first, numbered."""
    choices = [_labels(game) for game in games]
    level = [0] * len(games)
    while True:
        labels = [options[n] for options, n in zip(choices, level, strict=True)]
        counts = Counter(labels)
        bumped = False
        for index, label in enumerate(labels):
            if counts[label] > 1 and level[index] + 1 < len(choices[index]):
                level[index] += 1
                bumped = True
        if not bumped:
            break
    taken = set(labels)
    numbered = Counter[str]()
    result = []
    for index, label in enumerate(labels):
        if counts[label] == 1:
            result.append(label)
            continue
        # The same name twice, saved in the same second: told apart by a number.
        first = choices[index][0]
        numbered[first] += 1
        candidate = f"{first} ({numbered[first]})"
        while candidate in taken:
            numbered[first] += 1
            candidate = f"{first} ({numbered[first]})"
        taken.add(candidate)
        result.append(candidate)
    return result


def _natural(text: str) -> list[tuple[int, int | str]]:
    """A sort key in which 'Table 2' comes before 'Table 10'."""
    parts = re.split(r"(\d+)", text.casefold())
    return [(0, int(part)) if part.isdigit() else (1, part) for part in parts if part]


def collect(folder: Path, skip: Path | None = None) -> ClassSummary:
    """Load every game saved in `folder` and its subfolders, each once, as far as it got;
    unreadable files are kept with their message. `skip`: a folder inside not to read
    (where the summary goes)."""
    files, unread = find_saves(folder, skip)
    games, problems = _games(files)
    problems += unread
    found: list[tuple[LoadedGame, Path, tuple[Path, ...]]] = []
    for paths in games:
        for index, path in enumerate(paths):
            try:
                game = load_save(path)
            except SaveError as error:
                # The furthest file may be the damaged one: the game is counted from the
                # next, and the damaged file is listed.
                problems.append((path, error.message))
                continue
            found.append((game, path, tuple(p for p in paths[index + 1 :])))
            break
    labels = table_labels([game for game, _, _ in found])
    tables = [
        TableResult(
            label,
            path,
            game,
            outcome(game.state),
            shown_path(path, folder),
            tuple(shown_path(p, folder) for p in others),
        )
        for label, (game, path, others) in zip(labels, found, strict=True)
    ]
    # Scenarios in the order their files come; within each, tables by name, Table 2
    # before Table 10.
    first: dict[str, int] = {}
    for table in sorted(tables, key=lambda table: table.file):
        first.setdefault(rules_hash(table.game.scenario), len(first))
    tables.sort(key=lambda t: (first[rules_hash(t.game.scenario)], _natural(t.label), t.file))
    problems.sort(key=lambda problem: str(problem[0]))
    return ClassSummary(tuple(tables), tuple(problems), folder)
