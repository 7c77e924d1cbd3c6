"""Wrapped, styled text drawn straight with pygame fonts: fast enough to redraw every move."""

from __future__ import annotations

import datetime
import html
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

import pygame

from game.ui.assets import Fonts
from game.ui.theme import Palette


@dataclass(frozen=True)
class Para:
    """A paragraph in one style; `marker` draws a coloured bar at its left (status cues)."""

    text: str
    size: int = 16
    bold: bool = False
    colour: str = "text"
    indent: int = 0
    gap: int = 4
    marker: str | None = None


@dataclass(frozen=True)
class Meter:
    """A labelled 0-100 bar, e.g. a trust level, with a short note under it."""

    label: str
    value: int
    colour: str
    note: str = ""
    gap: int = 6


@dataclass(frozen=True)
class Rule:
    """A thin separating line."""

    gap: int = 8


@dataclass(frozen=True, eq=False)
class Picture:
    """A ready-drawn surface (e.g. a chart) placed in the flow of text."""

    surface: pygame.Surface
    gap: int = 8


Block = Para | Meter | Rule | Picture


def quote_para(text: str, size: int = 13, indent: int = 0, gap: int = 4) -> Para:
    """A source's quote with its attribution, set apart from the game's own words: dimmed,
    with the accent bar, as the news shows it."""
    return Para(text, size, colour="text_dim", indent=indent, gap=gap, marker="accent")


def plain_text(blocks: list[Block]) -> list[str]:
    """The words a list of blocks shows, for tests and screen readers of the log."""
    words: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            words.append(block.text)
        elif isinstance(block, Meter):
            words.extend([block.label, str(block.value), block.note])
    return words


def render(
    blocks: list[Block], width: int, fonts: Fonts, palette: Palette
) -> tuple[pygame.Surface, list[str]]:
    """Draw the blocks one under another at `width`; returns the surface and its words."""
    width = max(40, width)
    pieces: list[tuple[int, pygame.Surface | None, Block]] = []
    height = 0
    for block in blocks:
        height += fonts.px(block.gap)
        surface = _render_block(block, width, fonts, palette)
        pieces.append((height, surface, block))
        height += surface.get_height() if surface else fonts.px(1)
    out = pygame.Surface((width, max(1, height + fonts.px(4))), pygame.SRCALPHA)
    for top, surface, block in pieces:
        if isinstance(block, Rule):
            pygame.draw.line(out, palette["border"], (0, top), (width, top))
            continue
        if surface is None:
            continue
        left = fonts.px(block.indent) if isinstance(block, Para) else 0
        if isinstance(block, Para) and block.marker:
            bar = pygame.Rect(left, top + 2, fonts.px(4), surface.get_height() - 4)
            pygame.draw.rect(out, palette[block.marker], bar, border_radius=2)
            left += fonts.px(10)
        out.blit(surface, (left, top))
    return out, plain_text(blocks)


_CACHE: OrderedDict[tuple[object, ...], pygame.Surface | None] = OrderedDict()
_CACHE_SIZE = 600


def _render_block(
    block: Block, width: int, fonts: Fonts, palette: Palette
) -> pygame.Surface | None:
    """A block drawn at `width`; recently drawn blocks come from a cache (screens rebuild)."""
    key = (block, width, fonts.scale, palette.name)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    surface = _draw_block(block, width, fonts, palette)
    _CACHE[key] = surface
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return surface


def _draw_block(block: Block, width: int, fonts: Fonts, palette: Palette) -> pygame.Surface | None:
    if isinstance(block, Rule):
        return None
    if isinstance(block, Picture):
        return block.surface
    if isinstance(block, Para):
        inner = width - fonts.px(block.indent) - (fonts.px(10) if block.marker else 0)
        font = fonts.get(block.size, block.bold)
        return font.render(
            displayable(block.text, font), True, palette[block.colour], wraplength=max(20, inner)
        )
    return _render_meter(block, width, fonts, palette)


def _render_meter(block: Meter, width: int, fonts: Fonts, palette: Palette) -> pygame.Surface:
    label_font, note_font = fonts.get(15, True), fonts.get(14)
    value_text = label_font.render(str(block.value), True, palette["text"])
    label = label_font.render(
        displayable(block.label, label_font),
        True,
        palette["text"],
        wraplength=max(20, width - value_text.get_width() - 8),
    )
    bar_h = fonts.px(8)
    note = (
        note_font.render(
            displayable(block.note, note_font), True, palette["text_dim"], wraplength=width
        )
        if block.note
        else None
    )
    height = label.get_height() + fonts.px(4) + bar_h + (note.get_height() + 2 if note else 0)
    out = pygame.Surface((width, height), pygame.SRCALPHA)
    out.blit(label, (0, 0))
    out.blit(value_text, (width - value_text.get_width(), 0))
    bar = pygame.Rect(0, label.get_height() + fonts.px(2), width, bar_h)
    pygame.draw.rect(out, palette["border"], bar, border_radius=bar_h // 2)
    filled = bar.copy()
    filled.width = max(bar_h, round(width * max(0, min(100, block.value)) / 100))
    pygame.draw.rect(out, palette[block.colour], filled, border_radius=bar_h // 2)
    if note:
        out.blit(note, (0, bar.bottom + 2))
    return out


class Measure(Protocol):
    """Anything that measures a line of text: a pygame font, or the one a theme made."""

    def size(self, text: str, /) -> tuple[int, int]:
        """The width and height of `text` on one line."""
        ...


def ellipsize(text: str, font: Measure, width: int) -> str:
    """The text cut with '…' so it fits in `width` pixels on one line."""
    if font.size(text)[0] <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.size(text[:middle].rstrip() + "…")[0] <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


KEY_HINT = re.compile(r"\s{2,}\([^()]*\)$")
"""A button's key hint at the end of its label: 'Start   (S)', 'Menu  (Esc)'."""


def without_key_hint(label: str) -> str:
    """A button's label without the key hint at its end."""
    return KEY_HINT.sub("", label)


def hint_words(label: str) -> str:
    """What a footer says a button's key does, from its label: 'Play again   (A)' gives
    'play again'."""
    words = without_key_hint(label)
    return words[:1].lower() + words[1:]


def fit_label(label: str, font: Measure, width: int) -> str:
    """A button's label as it fits in `width` pixels: whole; else without its key hint
    (the footer names the key too); else that shortened with '…'."""
    if font.size(label)[0] <= width:
        return label
    return ellipsize(without_key_hint(label), font, width)


def wrap_lines(text: str, font: Measure, width: int, most: int = 2) -> list[str]:
    """The text broken at spaces into lines of at most `width` pixels, `most` lines at the
    most (the last one then shortened with '…'); a word longer than a line is shortened."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and font.size(f"{line} {words[0]}")[0] <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = ellipsize(f"{lines[-1]} {' '.join(words)}", font, width)
    return [ellipsize(line, font, width) for line in lines]


def break_path(path: str, font: Measure, width: int, shorten: bool = True) -> list[str]:
    """A file path as lines of at most `width` pixels, broken after a '/' (or '\\'): a tool
    tip would otherwise break it anywhere, with a hyphen that is not in the name. A name
    wider than a line is broken after a '-', '_' or '.' in it; a part still too wide is
    shortened with '…', or with `shorten` False kept whole (a pane then wraps just that
    part)."""
    pieces: list[str] = []
    for part in re.findall(r"[^/\\]*[/\\]|[^/\\]+$", path):
        fits = font.size(part)[0] <= width
        pieces.extend([part] if fits else re.findall(r"[^-_.]*[-_.]|[^-_.]+$", part))
    lines: list[str] = []
    for piece in pieces:
        if lines and font.size(lines[-1] + piece)[0] <= width:
            lines[-1] += piece
        else:
            lines.append(piece)
    return [ellipsize(line, font, width) for line in lines] if shorten else lines


def tooltip_html(lines: list[str]) -> str:
    """Tool tip text (pygame_gui reads it as HTML): each line on its own, escaped."""
    return "<br>".join(html.escape(line, quote=False) for line in lines)


_FALLBACK = {"→": "›", "←": "‹", "≥": ">=", "≤": "<=", "✓": "yes", "✗": "no", "●": "•"}
_missing: dict[str, bool] = {}


def displayable(text: str, font: pygame.font.Font) -> str:
    """The text with characters the bundled font lacks replaced, so none shows as a box."""
    if text.isascii():
        return text
    tofu = font.metrics("\ue000")
    out = []
    for char in text:
        if char.isascii():
            out.append(char)
            continue
        missing = _missing.get(char)
        if missing is None:
            missing = _missing[char] = font.metrics(char) == tofu
        out.append(_FALLBACK.get(char, "?") if missing else char)
    return "".join(out)


def long_date(day: datetime.date) -> str:
    """'6 December 2011' (strftime's day without a zero is not portable)."""
    return f"{day.day} {day:%B %Y}"
