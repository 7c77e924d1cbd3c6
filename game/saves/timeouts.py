"""Passes the turn timer forced, in the words every record and screen gives them.

The engine logs such a pass as any other ("Russia passed."): it knows no clock. A save
keeps which moves they were, and the log is reworded only where it is shown.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from game.engine.state import LogEntry
from game.scenario.models import Scenario


def timed_out_text(name: str) -> str:
    """What a pass the turn timer made says in place of the log's plain "X passed."."""
    return f"{name} passed: time ran out."


def with_timeouts(
    scenario: Scenario,
    entries: Sequence[LogEntry],
    timed_out: Collection[int],
    first: int = 1,
) -> tuple[LogEntry, ...]:
    """The log lines with each pass on time in `timed_out` (move numbers, 1 for the first)
    said as such; `first` is the number of the first move whose lines `entries` hold.

    Every move logs exactly one line of kind "move", its first, so counting them finds
    the move a line belongs to, in a whole log or in one move's lines.
    """
    if not timed_out:
        return tuple(entries)
    shown = []
    number = first - 1
    for entry in entries:
        if entry.kind == "move":
            number += 1
            if number in timed_out and entry.side is not None:
                entry = replace(entry, text=timed_out_text(scenario.sides.of(entry.side).short))
        shown.append(entry)
    return tuple(shown)
