"""Which characters the game's bundled fonts can draw, asked of the font files themselves."""

from __future__ import annotations

from functools import cache, lru_cache

import pygame
import pygame.freetype

from game.ui.assets import FONT_BOLD, FONT_REGULAR, asset


@lru_cache(maxsize=1)
def _faces() -> tuple[pygame.freetype.Font, ...]:
    """The regular and bold fonts (the size does not matter: a glyph is there or not)."""
    pygame.freetype.init()
    return tuple(pygame.freetype.Font(str(asset(*font)), 12) for font in (FONT_REGULAR, FONT_BOLD))


@cache
def can_draw(char: str) -> bool:
    """True when both fonts have a glyph for the character (without one, it shows as '?')."""
    try:
        return _in_all(char, _faces())
    except pygame.error:
        # pygame.quit() (when a game window closes) unloads the fonts: load them again.
        _faces.cache_clear()
        return _in_all(char, _faces())


def _in_all(char: str, faces: tuple[pygame.freetype.Font, ...]) -> bool:
    """Whether every font has a glyph for the character (freetype gives no metrics if not)."""
    return all(face.get_metrics(char)[0] is not None for face in faces)
