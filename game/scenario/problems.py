"""Problems found in a scenario file, the error that carries them, and a checking report."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario.models import Scenario


class Severity(str, Enum):
    """An error stops the file from loading; a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem at one place in a file; line and column count from 1."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        """`file:line:col: path: message`, with `warning:` before the path of a warning."""
        where = f"{self.file}:{self.line}:{self.column}: "
        if self.severity is Severity.WARNING:
            where += "warning: "
        if self.path:
            where += f"{self.path}: "
        return where + self.message

    def as_dict(self) -> dict[str, str | int]:
        """The problem as plain data, for `detente validate --json`."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "severity": self.severity.value,
        }


@dataclass(frozen=True)
class Finding:
    """A problem before the file's name is attached to it."""

    line: int
    column: int
    path: str
    message: str
    severity: Severity = Severity.ERROR

    def at(self, file: str) -> Problem:
        """The problem in a named file."""
        return Problem(file, self.line, self.column, self.path, self.message, self.severity)


class ScenarioError(ValueError):
    """A scenario file that cannot be loaded; `.problems` lists every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        """Carry the problems; the message is one line per problem."""
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass
class Report:
    """What checking a file found: the scenario if it loads, and every error and warning."""

    file: str
    scenario: Scenario | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the file from loading."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The problems worth a look that do not stop the file from loading."""
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def valid(self) -> bool:
        """True when the file loads (warnings allowed)."""
        return self.scenario is not None and not self.errors
