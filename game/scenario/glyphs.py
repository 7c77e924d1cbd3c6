"""Text the game's fonts cannot draw, found with a test the caller passes in (the fonts are
the front end's business, so this package never opens them)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from game.scenario.locate import Node, format_path, leaves, locate
from game.scenario.lookalikes import ordinal
from game.scenario.problems import Finding, Severity

CanDraw = Callable[[str], bool]
"""Whether the game's fonts have a glyph for one character."""

_MOST_NAMED = 3


def undrawable(data: Any, root: Node, can_draw: CanDraw) -> list[Finding]:
    """A warning for each text value holding characters the fonts cannot draw."""
    findings = []
    for loc, value in leaves(data):
        if not isinstance(value, str):
            continue
        # A line break is laid out, not drawn.
        missing = [char for char in dict.fromkeys(value) if char != "\n" and not can_draw(char)]
        if missing:
            line, column = locate(root, loc)
            message = _message(value, missing)
            findings.append(
                Finding(line, column, format_path(loc, data), message, Severity.WARNING)
            )
    return findings


def _message(text: str, missing: list[str]) -> str:
    """`the game's fonts cannot draw '🚀' (U+1F680, rocket), the 12th character: ...`."""
    named = [
        f"'{char}' (U+{ord(char):04X}, {unicodedata.name(char, 'unnamed character').lower()})"
        for char in missing[:_MOST_NAMED]
    ]
    if len(missing) > _MOST_NAMED:
        named.append(f"{len(missing) - _MOST_NAMED} more")
    listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
    where = ordinal(text.index(missing[0]) + 1)
    first, them = ("the first is the ", "them") if len(missing) > 1 else ("the ", "it")
    return (
        f"the game's fonts cannot draw {listed} ({first}{where} character of this text), so "
        f"the game would show '?' in its place: remove {them}, or say {them} in words"
    )
