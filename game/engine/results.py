"""What `apply` returns: the new state and its log lines, or a rejection with a reason."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.state import LogEntry, State


@dataclass(frozen=True)
class Applied:
    """The move was legal: the new state and the log entries it added."""

    state: State
    log: tuple[LogEntry, ...]


@dataclass(frozen=True)
class Rejected:
    """The move was not legal; the state is unchanged.

    `reason` is a stable code (e.g. `not_your_turn`, `red_line`); `message` is a sentence
    for the player.
    """

    reason: str
    message: str
