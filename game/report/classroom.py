"""A class's games in one summary: each table's outcome and scores, and each scenario's totals."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from game.engine import Outcome, Tier, outcome
from game.report.standing import standing
from game.saves import LoadedGame, SaveError, load_save, read_record
from game.saves.fingerprint import rules_hash
from game.saves.privacy import keeps_secrets
from game.saves.store import AUTOSAVE_SUFFIX, SUFFIX


@dataclass(frozen=True)
class TableResult:
    """One table's game and how it ended."""

    label: str
    path: Path
    game: LoadedGame
    outcome: Outcome

    @property
    def finished(self) -> bool:
        """Whether the game reached its end (a saved game in progress is scored as it stands)."""
        return self.outcome.ended_by != "in_progress"

    @property
    def standing(self) -> str:
        """Its tier, or 'unfinished (saved in round 3 of 8)'."""
        return standing(self.game.state, self.outcome)

    @property
    def secrets_kept(self) -> bool:
        """Whether its scores stay out of the summary: they come from each side's private
        values, which a game people are still playing keeps hidden (as the replay viewer
        and the game's own record do)."""
        return keeps_secrets(self.game.record.mode, self.finished)


@dataclass(frozen=True)
class ProposalCount:
    """How many tables agreed one proposal."""

    title: str
    agreed: int
    tables: int


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
        agreed = Counter(item.proposal for t in tables for item in t.outcome.package)
        rows = [
            ProposalCount(proposal.title, agreed[proposal.id], len(tables))
            for proposal in tables[0].game.scenario.proposals
        ]
        return sorted(rows, key=lambda row: (-row.agreed, row.title))


@dataclass(frozen=True)
class ClassSummary(TableGroup):
    """Every table of a class, the saves that could not be read, and the totals."""

    problems: tuple[tuple[Path, str], ...] = ()

    @cached_property
    def by_scenario(self) -> tuple[ScenarioTables, ...]:
        """The tables grouped by the scenario they played, in order of first appearance.

        Two files with one title but different rules are two scenarios: they are told
        apart by their file names.
        """
        groups: dict[str, list[TableResult]] = {}
        for table in self.tables:
            groups.setdefault(rules_hash(table.game.scenario), []).append(table)
        titles = Counter(tables[0].game.scenario.title for tables in groups.values())
        result = []
        for tables in groups.values():
            game = tables[0].game
            title = game.scenario.title
            if titles[title] > 1:
                title = f"{title} ({game.scenario_path.name})"
            result.append(ScenarioTables(tuple(tables), title))
        return tuple(result)

    @property
    def scenarios(self) -> list[str]:
        """The titles of the scenarios played, in order of first appearance."""
        return [group.title for group in self.by_scenario]


def _game_key(path: Path) -> str:
    name = path.name
    return name[: -len(AUTOSAVE_SUFFIX)] if name.endswith(AUTOSAVE_SUFFIX) else name[: -len(SUFFIX)]


def _updated(path: Path) -> str:
    try:
        return read_record(path)[0].updated
    except SaveError:
        return ""


def save_files(folder: Path) -> list[Path]:
    """The saves in a folder, one per game: of a save and its autosave, the newer one."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(SUFFIX))
    chosen: dict[str, Path] = {}
    for path in files:
        key = _game_key(path)
        other = chosen.get(key)
        # The autosave is newer when the game went on after the last save (or ended).
        if other is None or _updated(path) > _updated(other):
            chosen[key] = path
    return sorted(chosen.values())


def collect(folder: Path) -> ClassSummary:
    """Load every save in `folder`; unreadable ones are kept with their message."""
    tables = []
    problems = []
    for path in save_files(folder):
        try:
            game = load_save(path)
        except SaveError as error:
            problems.append((path, error.message))
            continue
        label = game.record.label or path.name.removesuffix(SUFFIX)
        tables.append(TableResult(label, path, game, outcome(game.state)))
    return ClassSummary(tuple(tables), tuple(problems))
