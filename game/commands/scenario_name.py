"""A scenario named on the command line: a file's path, or the name of a scenario the game
ships or the player keeps in their scenario folder (`tutorial`, `2009-brussels.yaml`)."""

from __future__ import annotations

from pathlib import Path


def scenario_path(text: str | Path) -> Path:
    """The file `text` names: itself when it exists, else the shipped or user scenario of
    that name (with or without `.yaml`), else `text` unchanged (loading it says it is
    missing, and `known_names` can list what there is)."""
    from game.library import SUFFIXES, shipped_folder, user_folder

    given = Path(text)
    if given.exists() or given.parent != Path("."):
        return given
    stem = given.stem if given.suffix in SUFFIXES else given.name
    for folder in (shipped_folder(), user_folder(create=False)):
        if folder is None:
            continue
        for suffix in SUFFIXES:
            candidate = folder / f"{stem}{suffix}"
            if candidate.is_file():
                return candidate
    return given


def known_names() -> list[str]:
    """The names of the shipped and the player's scenarios, as `scenario_path` takes them."""
    from game.library import SUFFIXES, shipped_folder, user_folder

    names: list[str] = []
    for folder in (shipped_folder(), user_folder(create=False)):
        if folder is None or not folder.is_dir():
            continue
        names += sorted(p.stem for p in folder.iterdir() if p.suffix in SUFFIXES)
    return list(dict.fromkeys(names))


def missing_hint(path: Path) -> str | None:
    """For a scenario file that does not exist: the names that can be given instead."""
    if path.exists():
        return None
    names = known_names()
    if not names:
        return None
    return f"no such file: {path}; the game's scenarios can be named: {', '.join(names)}"
