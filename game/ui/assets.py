"""Where the front end's files live (fonts, theme, palettes) and the fonts it draws with."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

import pygame

ASSETS_ENV = "DETENTE_ASSETS"


@lru_cache(maxsize=1)
def assets_dir() -> Path:
    """The assets folder: $DETENTE_ASSETS, else `assets/` beside the `game` package."""
    override = os.environ.get(ASSETS_ENV)
    if override:
        return Path(override)
    # The repository root holds both `game/` and `assets/`; an editable install keeps it so.
    beside = Path(__file__).resolve().parents[2] / "assets"
    if beside.is_dir():
        return beside
    # A wheel install puts them with its data files (see pyproject.toml).
    return Path(sys.prefix) / "share" / "detente" / "assets"


def asset(*parts: str) -> Path:
    """A path inside the assets folder."""
    return assets_dir().joinpath(*parts)


FONT_REGULAR = ("fonts", "NotoSans-Regular.ttf")
FONT_BOLD = ("fonts", "NotoSans-Bold.ttf")


class Fonts:
    """The Noto Sans fonts at the sizes the custom-drawn panels use, scaled by text size."""

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The font for a base size (before scaling), regular or bold."""
        key = (max(8, round(size * self.scale)), bold)
        font = self._cache.get(key)
        if font is None:
            path = asset(*(FONT_BOLD if bold else FONT_REGULAR))
            font = pygame.font.Font(str(path), key[0])
            self._cache[key] = font
        return font

    def px(self, base: int) -> int:
        """A length in pixels that grows with the text size (row heights, paddings)."""
        return round(base * self.scale)
