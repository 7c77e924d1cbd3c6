"""Where saves live, and how a save finds its scenario file again."""

from __future__ import annotations

import os
from pathlib import Path

from game.paths import DATA_ENV, data_folder
from game.saves.errors import SaveError
from game.saves.fingerprint import rules_hash, scenario_hash
from game.saves.record import ScenarioRef
from game.scenario import Scenario, ScenarioError, load

__all__ = ["DATA_ENV", "data_folder", "saves_folder", "user_scenarios_folder"]


def saves_folder() -> Path:
    """The folder saves are written to and listed from."""
    return data_folder() / "saves"


def user_scenarios_folder() -> Path:
    """The folder of the player's own scenarios, under the same data folder."""
    return data_folder() / "scenarios"


def scenario_ref(scenario: Scenario, path: Path) -> ScenarioRef:
    """How a save names the scenario in `path`: a shipped file by name, others by full path."""
    from game.library import shipped_folder

    shipped = shipped_folder()
    resolved = path.resolve()
    is_shipped = shipped is not None and resolved.parent == shipped.resolve()
    return ScenarioRef(
        id=scenario.id,
        title=scenario.title,
        sha256=scenario_hash(scenario),
        file=resolved.name if is_shipped else str(resolved),
        shipped=is_shipped,
        rules_sha256=rules_hash(scenario),
    )


def _same_game(scenario: Scenario, ref: ScenarioRef) -> bool:
    """Whether the moves of a save were played on this scenario: the same content, or the
    same rules with only its coaching notes or debrief reworded since."""
    if scenario_hash(scenario) == ref.sha256:
        return True
    return ref.rules_sha256 is not None and rules_hash(scenario) == ref.rules_sha256


def _candidates(ref: ScenarioRef) -> list[Path]:
    """The files the reference points at, most likely first."""
    from game.library import shipped_folder

    shipped = shipped_folder()
    name = Path(ref.file).name
    paths = []
    if ref.shipped:
        if shipped is not None:
            paths.append(shipped / name)
    else:
        paths.append(Path(ref.file))
        paths.append(user_scenarios_folder() / name)
    return paths


def find_scenario(ref: ScenarioRef) -> tuple[Scenario, Path]:
    """The scenario a save was played on, checked against its hash, or SaveError.

    The file named in the save is tried first; if it is gone, every scenario the game
    offers is searched for one with the same id and content (the file was moved).
    """
    changed: Path | None = None
    broken: tuple[Path, str] | None = None
    for path in _candidates(ref):
        # os.path.isfile, not Path.is_file: a name the system cannot even look up (an edited
        # save's, too long for it) is no file either, where Path.is_file raises.
        if not os.path.isfile(path):
            continue
        try:
            scenario = load(path)
        except ScenarioError as error:
            broken = broken or (path, _first_problem(error))
            continue
        if scenario.id != ref.id:
            continue
        if _same_game(scenario, ref):
            return scenario, path
        changed = changed or path
    from game.library import available

    for entry in available(user=user_scenarios_folder()):
        found = entry.scenario
        if found is None or found.id != ref.id:
            continue
        if _same_game(found, ref):
            return found, entry.path
        changed = changed or entry.path
    if changed is not None:
        raise SaveError(
            f"the scenario file has changed since this game was saved ({changed}): the moves "
            "were played on the earlier version, so the game cannot be replayed"
        )
    if broken is not None:
        raise SaveError(
            f"the scenario file {broken[0]} no longer loads ({broken[1]}): fix it with "
            f"`detente validate {broken[0]}`"
        )
    # An edited save may name a file thousands of characters long: enough to recognise it.
    file = ref.file if len(ref.file) <= 100 else f"{ref.file[:99]}…"
    raise SaveError(
        f"the scenario '{ref.title}' ({file}) this game was played on was not found: "
        "put the scenario file back where it was, or in your scenarios folder"
    )


def _first_problem(error: ScenarioError) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else "it has errors"
