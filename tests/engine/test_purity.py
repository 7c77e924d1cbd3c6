"""The rules never touch the screen, the clock, files, the environment or global randomness."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[2] / "game"
PURE_PACKAGES = ("engine", "scenario", "ai")
FORBIDDEN_MODULES = {
    # the screen
    "pygame",
    "pygame_gui",
    # the clock
    "time",
    "datetime",
    # files, the environment and other programs
    "os",
    "sys",
    "io",
    "pathlib",
    "shutil",
    "tempfile",
    "glob",
    "subprocess",
    "platformdirs",
    # the network
    "socket",
    "urllib",
    "http",
    "ssl",
    # randomness that no seed governs
    "random",
    "secrets",
    "uuid",
    # importing by name, which hides every other import from this check
    "importlib",
}
FORBIDDEN_BUILTINS = {"open", "__import__", "exec", "eval", "input", "breakpoint"}
FORBIDDEN_METHODS = {
    # files (a Path handed in from outside is as impure as one made here)
    "open",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "exists",
    "is_file",
    "is_dir",
    "iterdir",
    "glob",
    "rglob",
    "mkdir",
    "unlink",
    "rmdir",
    "touch",
    "stat",
    "lstat",
    "fstat",
    "resolve",
    "listdir",
    "scandir",
    "walk",
    # the clock
    "now",
    "utcnow",
    "today",
    "fromtimestamp",
    "utcfromtimestamp",
    "perf_counter",
    "monotonic",
    "time_ns",
    # the environment, randomness and imports by name
    "getenv",
    "putenv",
    "urandom",
    "getrandbits",
    "import_module",
}
SEEDED_NUMPY = {"default_rng", "Generator"}
"""The only parts of numpy.random the rules may use: a generator made from a seed, and its
type for annotations."""

# The named exemptions, each as narrow as the need. Issue 3 names `game.scenario.load(path)`:
# it opens the file, checks its size with os.fstat and hands the bytes to the pure
# `load_text`. The scenario models type their dates as `datetime.date`, which reads no clock.
ALLOWED_MODULES: dict[tuple[str, str], dict[str, str | None]] = {
    # (module, forbidden module it imports): {attribute it may use: only in this function}
    ("scenario/loader.py", "os"): {"PathLike": None, "fstat": "load"},
    ("scenario/models.py", "datetime"): {"date": None},
}
ALLOWED_CALLS: dict[tuple[str, str], set[str]] = {
    # (module, function): the forbidden calls its own body may make
    ("scenario/loader.py", "load"): {"open", "fstat"},
}


class _Checker:
    """Walks every node of one module, keeping track of the function whose body it is in."""

    def __init__(self, relative: str) -> None:
        self.relative = relative
        self.found: list[str] = []
        self.modules: dict[str, str] = {}
        """Local names bound by `import`, and the module each stands for."""
        self.parents: dict[ast.AST, ast.AST] = {}

    def check(self, tree: ast.Module) -> list[str]:
        """Every breach in the module, as 'module:line: what it does'."""
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, ast.Import):
                for alias in node.names:
                    bound = alias.asname or alias.name.split(".")[0]
                    self.modules[bound] = alias.name if alias.asname else bound
        self._visit(tree, "")
        return self.found

    def _report(self, node: ast.AST, what: str) -> None:
        self.found.append(f"{self.relative}:{getattr(node, 'lineno', 0)}: {what}")

    def _visit(self, node: ast.AST, scope: str) -> None:
        """Check `node` as code running in `scope` (a function's qualified name, or '')."""
        self._check(node, scope)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            # Decorators, defaults and annotations run where the definition is, not inside it.
            inner = f"{scope}.{node.name}" if scope else node.name
            for field, value in ast.iter_fields(node):
                children = value if isinstance(value, list) else [value]
                for child in children:
                    if isinstance(child, ast.AST):
                        self._visit(child, inner if field == "body" else scope)
            return
        for child in ast.iter_child_nodes(node):
            self._visit(child, scope)

    def _check(self, node: ast.AST, scope: str) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                self._check_import(node, alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            root = node.module.split(".")[0]
            if root in FORBIDDEN_MODULES or node.module.startswith("numpy.random"):
                self._report(node, f"imports from {node.module}")
            elif node.module == "numpy" and any(a.name == "random" for a in node.names):
                self._report(node, "imports numpy.random")
        elif isinstance(node, ast.Attribute):
            self._check_attribute(node, scope)
        elif isinstance(node, ast.Name) and node.id in self._allowed_modules():
            parent = self.parents.get(node)
            if not (isinstance(parent, ast.Attribute) and parent.value is node):
                self._report(node, f"uses the module {node.id} itself")
        elif isinstance(node, ast.Call):
            self._check_call(node, scope)

    def _allowed_modules(self) -> dict[str, dict[str, str | None]]:
        return {
            name: ALLOWED_MODULES[(self.relative, module)]
            for name, module in self.modules.items()
            if (self.relative, module) in ALLOWED_MODULES
        }

    def _check_import(self, node: ast.AST, name: str) -> None:
        forbidden = name.split(".")[0] in FORBIDDEN_MODULES or name.startswith("numpy.random")
        if forbidden and (self.relative, name) not in ALLOWED_MODULES:
            self._report(node, f"imports {name}")

    def _check_attribute(self, node: ast.Attribute, scope: str) -> None:
        if node.attr == "environ":
            self._report(node, "reads the environment (environ)")
        value = node.value
        if not isinstance(value, ast.Name):
            return
        allowed = self._allowed_modules().get(value.id)
        if allowed is not None:
            where = allowed.get(node.attr, "")
            if where == "" or (where is not None and where != scope):
                self._report(node, f"uses {value.id}.{node.attr}")
        if node.attr == "random" and self.modules.get(value.id) == "numpy":
            self._check_numpy_random(node)

    def _check_numpy_random(self, node: ast.Attribute) -> None:
        """Only np.random.Generator and np.random.default_rng(seed) are seeded."""
        parent = self.parents.get(node)
        if not isinstance(parent, ast.Attribute) or parent.attr not in SEEDED_NUMPY:
            used = parent.attr if isinstance(parent, ast.Attribute) else "itself"
            self._report(node, f"uses numpy.random {used}, which no seed governs")
            return
        if parent.attr == "default_rng":
            call = self.parents.get(parent)
            seeded = (
                isinstance(call, ast.Call)
                and call.func is parent
                and bool(call.args or call.keywords)
                and not any(
                    isinstance(arg, ast.Constant) and arg.value is None
                    for arg in [*call.args, *(k.value for k in call.keywords)]
                )
            )
            if not seeded:
                self._report(node, "makes a numpy generator without a seed")

    def _check_call(self, node: ast.Call, scope: str) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in FORBIDDEN_BUILTINS:
            name = func.id
        elif isinstance(func, ast.Attribute) and func.attr in FORBIDDEN_METHODS:
            name = func.attr
        else:
            return
        if name not in ALLOWED_CALLS.get((self.relative, scope), set()):
            self._report(node, f"calls {name}()")


def problems(source: str, relative: str) -> list[str]:
    """Every way the module `relative` (under game/) with this source breaks purity."""
    return _Checker(relative).check(ast.parse(source))


def pure_modules() -> list[Path]:
    """Every module of the pure packages."""
    return [path for package in PURE_PACKAGES for path in sorted((GAME / package).rglob("*.py"))]


def test_there_are_pure_modules_to_check():
    assert len(pure_modules()) >= 10


@pytest.mark.parametrize("path", pure_modules(), ids=lambda p: str(p.relative_to(GAME)))
def test_pure_packages_touch_no_screen_clock_files_environment_or_random(path: Path):
    relative = path.relative_to(GAME).as_posix()
    assert problems(path.read_text(encoding="utf-8"), relative) == []


def test_every_exemption_names_a_real_module():
    named = {module for module, _ in [*ALLOWED_MODULES, *ALLOWED_CALLS]}
    assert all((GAME / module).is_file() for module in named)


OFFENDERS = {
    "the screen": "import pygame\n",
    "an environment variable": "import os\nHOME = os.environ['HOME']\n",
    "environ.get": "import os\nHOME = os.environ.get('HOME')\n",
    "getenv": "import os\nHOME = os.getenv('HOME')\n",
    "environ imported by name": "from os import environ\n",
    "utcnow": "import datetime\nNOW = datetime.datetime.utcnow()\n",
    "fromtimestamp": "from datetime import date\nDAY = date.fromtimestamp(0)\n",
    "time": "import time\n",
    "perf_counter": "def spent(clock):\n    return clock.perf_counter()\n",
    "unseeded numpy generator": "import numpy as np\nRNG = np.random.default_rng()\n",
    "numpy generator seeded with None": "import numpy as np\nRNG = np.random.default_rng(None)\n",
    "numpy global random": "import numpy as np\nX = np.random.rand()\n",
    "numpy global random, full name": "import numpy\nX = numpy.random.random()\n",
    "numpy.random itself": "import numpy as np\nSOURCE = np.random\n",
    "numpy.random by from-import": "from numpy import random\nX = random.rand()\n",
    "numpy.random imported": "import numpy.random\n",
    "from numpy.random": "from numpy.random import default_rng\n",
    "random": "import random\n",
    "a Path that is checked": "from pathlib import Path\nTHERE = Path('x').exists()\n",
    "a path handed in and read": "def rules(path):\n    return path.read_text()\n",
    "walk": "import os\nFILES = list(os.walk('.'))\n",
    "urandom": "import os\nKEY = os.urandom(8)\n",
    "secrets": "import secrets\n",
    "urllib": "import urllib.request\n",
    "socket": "import socket\n",
    "uuid": "import uuid\nID = uuid.uuid4()\n",
    "import by name": "import importlib\nCLOCK = importlib.import_module('time')\n",
    "__import__": "CLOCK = __import__('time')\n",
    "open in a class body": "class Rules:\n    text = open('rules.txt').read()\n",
    "open as a default": "def rules(text=open('rules.txt').read()):\n    return text\n",
    "open in a decorator": "@cache(open('x'))\ndef rules():\n    return 1\n",
    "sys": "import sys\nARGS = sys.argv\n",
}


@pytest.mark.parametrize("relative", ["engine/example.py", "scenario/loader.py"])
@pytest.mark.parametrize("kind", sorted(OFFENDERS))
def test_the_purity_check_catches_every_kind_of_offender(kind: str, relative: str):
    """Each offence is caught anywhere, including in the module with the exemptions."""
    assert problems(OFFENDERS[kind], relative), kind


CLEAN = """
import numpy as np
import numpy.typing as npt
from dataclasses import dataclass


@dataclass
class Player:
    rng: np.random.Generator
    weights: npt.NDArray[np.float64]


def player(seed: int) -> Player:
    return Player(np.random.default_rng([seed, 1]), np.zeros(3))


def another(seed: int) -> Player:
    return Player(np.random.default_rng(seed=seed), np.ones(3))
"""

LOADER = """
import os


def load(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        return file.read(size)
"""


def test_clean_code_passes():
    assert problems(CLEAN, "ai/example.py") == []


def test_the_loader_exemption_covers_only_the_loaders_load():
    assert problems(LOADER, "scenario/loader.py") == []
    # The same code anywhere else is caught, and so is each thing the exemption does not name.
    assert problems(LOADER, "scenario/other.py")
    assert problems(LOADER.replace("def load", "def read"), "scenario/loader.py")
    assert problems(LOADER.replace("def load", "class Loader:\n  def load"), "scenario/loader.py")
    assert problems(LOADER + "\nMODE = os.stat('.')\n", "scenario/loader.py")
    assert problems(LOADER + "\nSEP = os.sep\n", "scenario/loader.py")
    assert problems(LOADER + "\nMODULE = os\n", "scenario/loader.py")
    assert problems(LOADER + "\nimport datetime\n", "scenario/loader.py")
    for inside in ("os.environ.get('X')", "os.urandom(8)", "os.walk('.')", "path.exists()"):
        body = LOADER.replace("file.read(size)", inside)
        assert problems(body, "scenario/loader.py"), inside


def test_the_date_exemption_allows_only_the_date_type():
    assert problems("import datetime\nDay = datetime.date\n", "scenario/models.py") == []
    assert problems("import datetime\nNOW = datetime.date.today()\n", "scenario/models.py")
    assert problems("import datetime\nKind = datetime.datetime\n", "scenario/models.py")
    assert problems("import datetime\nDay = datetime.date\n", "scenario/checks.py")
