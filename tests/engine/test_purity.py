"""The rules never touch the screen, the clock, files or global randomness."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[2] / "game"
PURE_PACKAGES = ("engine", "scenario", "ai")
FORBIDDEN_MODULES = {
    "pygame",
    "pygame_gui",
    "time",
    "random",
    "io",
    "shutil",
    "socket",
    "subprocess",
    "platformdirs",
}
FORBIDDEN_CALLS = {
    "open",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "listdir",
    "scandir",
    "now",
    "today",
    "perf_counter",
}
# The one sanctioned file read: issue 3 names `game.scenario.load(path)`; it reads the bytes
# (size-capped) and hands them to the pure `load_text`.
FILE_READERS = {("scenario/loader.py", "load")}


def pure_modules() -> list[Path]:
    return [path for package in PURE_PACKAGES for path in sorted((GAME / package).rglob("*.py"))]


def test_there_are_pure_modules_to_check():
    assert len(pure_modules()) >= 10


@pytest.mark.parametrize("path", pure_modules(), ids=lambda p: str(p.relative_to(GAME)))
def test_pure_packages_import_no_screen_clock_files_or_random(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert name.split(".")[0] not in FORBIDDEN_MODULES, f"{path.name} imports {name}"


@pytest.mark.parametrize("path", pure_modules(), ids=lambda p: str(p.relative_to(GAME)))
def test_pure_packages_read_no_files_and_no_clock(path: Path):
    relative = str(path.relative_to(GAME))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in [tree, *[n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]]:
        allowed = (
            isinstance(function, ast.FunctionDef) and (relative, function.name) in FILE_READERS
        )
        if allowed:
            continue
        body = (
            function.body
            if isinstance(function, ast.FunctionDef)
            else [n for n in tree.body if not isinstance(n, (ast.FunctionDef, ast.ClassDef))]
        )
        for statement in body:
            for node in ast.walk(statement):
                if isinstance(node, ast.Call):
                    func = node.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    assert name not in FORBIDDEN_CALLS, f"{relative} calls {name}()"


def test_the_purity_check_catches_an_offender(tmp_path: Path):
    offender = "import pygame\n"
    tree = ast.parse(offender)
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert imported[0].split(".")[0] in FORBIDDEN_MODULES
