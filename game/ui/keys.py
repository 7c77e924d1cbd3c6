"""The keyboard in one table: keys map to named commands that every screen understands."""

from __future__ import annotations

from collections.abc import Callable

import pygame

NEXT, PREVIOUS, ACTIVATE, BACK = "next", "previous", "activate", "back"
PAGE_UP, PAGE_DOWN = "page_up", "page_down"

_COMMANDS: dict[int, str] = {
    pygame.K_TAB: NEXT,
    pygame.K_DOWN: NEXT,
    pygame.K_RIGHT: NEXT,
    pygame.K_UP: PREVIOUS,
    pygame.K_LEFT: PREVIOUS,
    pygame.K_RETURN: ACTIVATE,
    pygame.K_KP_ENTER: ACTIVATE,
    pygame.K_SPACE: ACTIVATE,
    pygame.K_ESCAPE: BACK,
    pygame.K_PAGEUP: PAGE_UP,
    pygame.K_PAGEDOWN: PAGE_DOWN,
}

FOCUS_KEYS = "Tab / arrows: move   Enter: choose"
"""The key hint most screens' footers start with."""


GAP = "   "
"""What stands between two key hints in a footer."""


def footer(*parts: str) -> str:
    """A footer's key hints, in order, three spaces apart (empty parts left out)."""
    return GAP.join(part for part in parts if part)


def hints(text: str) -> list[str]:
    """The key hints a footer's text is made of ('Home / End: first / last' is one)."""
    return [hint.strip() for hint in text.split(GAP) if hint.strip()]


def fit(ranked: list[tuple[int, str]], width: Callable[[str], int], room: int) -> str:
    """The footer that fits in `room` pixels: the hints in their order, leaving out whole
    hints of the highest rank (the least needed) until the rest fits; never part of one.

    `ranked` holds (rank, hint) in reading order; `width` measures a footer's text.
    """
    kept: set[int] = set()
    for index in sorted(range(len(ranked)), key=lambda i: ranked[i][0]):
        trial = kept | {index}
        if width(footer(*(ranked[i][1] for i in sorted(trial)))) <= room:
            kept = trial
    return footer(*(ranked[i][1] for i in sorted(kept)))


def command_for(event: pygame.event.Event) -> str | None:
    """The named command for a key press (Shift+Tab goes back), or None."""
    if event.type != pygame.KEYDOWN:
        return None
    if event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT:
        return PREVIOUS
    return _COMMANDS.get(event.key)


def letter(event: pygame.event.Event) -> str | None:
    """The plain letter or digit of a key press without Ctrl or Alt, for shortcuts."""
    if event.type != pygame.KEYDOWN or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        return None
    name = pygame.key.name(event.key)
    return name.lower() if len(name) == 1 else None
