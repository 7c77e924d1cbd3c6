"""The look: the pygame_gui theme from assets/theme.json, coloured by a palette and scaled."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pygame

from game.ui.assets import FONT_BOLD, FONT_REGULAR, asset


@lru_cache(maxsize=4)
def _read_json(name: str) -> Any:
    return json.loads(asset(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Palette:
    """Named colours for what the front end draws itself (chart, meters, status marks)."""

    name: str
    colours: dict[str, str]

    def __getitem__(self, key: str) -> pygame.Color:
        return pygame.Color(self.colours[key])

    def side(self, side: str) -> pygame.Color:
        """The colour of a side ('nato' or 'russia')."""
        return self[side]


def palette(name: str) -> Palette:
    """The palette of this name from assets/palettes.json (the standard one if unknown)."""
    palettes = _read_json("palettes.json")
    key = name if name in palettes else "standard"
    return Palette(key, dict(palettes[key]))


def _substitute(node: Any, colours: dict[str, str]) -> Any:
    """Replace "$name" strings by the palette's colours, everywhere in the theme."""
    if isinstance(node, dict):
        return {key: _substitute(value, colours) for key, value in node.items()}
    if isinstance(node, str) and node.startswith("$"):
        return colours[node[1:]]
    return node


def font_sizes(theme: dict[str, Any]) -> set[tuple[int, bool]]:
    """Every (size, bold) the theme uses, for preloading."""
    sizes = set()
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font:
            sizes.add((int(font["size"]), font.get("bold") == "1"))
    return sizes


def build_theme(colours: Palette, scale: float) -> dict[str, Any]:
    """The theme dictionary for pygame_gui: palette colours, scaled sizes, the bundled font."""
    theme = _substitute(copy.deepcopy(_read_json("theme.json")), colours.colours)
    regular, bold = str(asset(*FONT_REGULAR)), str(asset(*FONT_BOLD))
    for block in theme.values():
        font = block.get("font")
        if font:
            font["size"] = str(max(8, round(int(font["size"]) * scale)))
            font["regular_path"] = regular
            font["bold_path"] = bold
        misc = block.get("misc", {})
        if "rect_width" in misc:
            # A tool tip as wide for large text as for normal text would hold few words.
            misc["rect_width"] = str(round(int(misc["rect_width"]) * max(1.0, scale)))
    return dict(theme)
