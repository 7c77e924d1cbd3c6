"""Charts for reports, drawn with pygame off-screen (no display needed).

The trust chart is the debrief screen's own (game.ui.chart) in print colours; the class
chart of the tables' scores is drawn here by a plain function any surface can take.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import pygame

from game.engine.state import TrustPoint


class Colours(Protocol):
    """Anything that maps a colour name to a colour (a dict, or the UI's Palette)."""

    def __getitem__(self, key: str) -> pygame.Color | str | tuple[int, int, int]: ...


PAPER: Mapping[str, str] = {
    "background": "#ffffff",
    "panel": "#ffffff",
    "border": "#b9c2cc",
    "grid": "#e3e8ee",
    "text": "#1d2733",
    "text_dim": "#5b6b7b",
    "nato": "#1f6fb5",
    "russia": "#c2452d",
    "shared": "#4d7a3a",
}
"""Colours for printed reports: dark ink on white, sides as in the game but darker."""


def _colour(colours: Colours, key: str, fallback: str) -> pygame.Color:
    try:
        return pygame.Color(colours[key])
    except (KeyError, ValueError):
        return pygame.Color(colours[fallback])


def chart_font(size: int) -> pygame.font.Font:
    """The game's Noto Sans at `size` pixels (pygame's own font if the file is missing)."""
    if not pygame.font.get_init():
        pygame.font.init()
    from game.ui.assets import FONT_REGULAR, asset

    path = asset(*FONT_REGULAR)
    return pygame.font.Font(str(path) if path.is_file() else None, size)


@dataclass(frozen=True)
class ScoreBar:
    """One table's scores for the class chart."""

    label: str
    nato: float
    russia: float
    shared: float


def draw_score_bars(
    surface: pygame.Surface,
    rect: pygame.Rect,
    rows: Sequence[ScoreBar],
    palette: Colours,
    font: pygame.font.Font | None = None,
    title: str | None = None,
) -> None:
    """Each table's NATO, Russia and shared scores as grouped bars on a 0-100 scale, under
    `title` if given."""
    font = font or chart_font(max(11, rect.height // 24))
    text, dim = _colour(palette, "text", "text"), _colour(palette, "text_dim", "text")
    grid = _colour(palette, "grid", "border")
    pygame.draw.rect(surface, _colour(palette, "background", "background"), rect)
    line_height = font.get_linesize()
    if title:
        font.set_bold(True)
        label = font.render(_fit(font, title, rect.width - 16), True, text)
        font.set_bold(False)
        surface.blit(label, (rect.left + 8, rect.top + 8))
        below = line_height + 16
        rect = pygame.Rect(rect.left, rect.top + below, rect.width, rect.height - below)
    left = rect.left + font.size("100")[0] + 10
    top = rect.top + 2 * line_height
    plot = pygame.Rect(left, top, rect.right - left - 12, rect.bottom - top - line_height - 12)
    for level in (0, 25, 50, 75, 100):
        y = plot.bottom - round(plot.height * level / 100)
        pygame.draw.line(surface, grid, (plot.left, y), (plot.right, y), 1)
        label = font.render(str(level), True, dim)
        surface.blit(label, (plot.left - label.get_width() - 6, y - label.get_height() // 2))
    series = (("nato", "NATO"), ("russia", "Russia"), ("shared", "shared"))
    x = plot.left
    for key, name in series:
        colour = _colour(palette, key, "accent" if key == "shared" else "text")
        box = pygame.Rect(x, rect.top + 4, line_height - 6, line_height - 6)
        pygame.draw.rect(surface, colour, box)
        label = font.render(name, True, text)
        surface.blit(label, (box.right + 6, rect.top + 2))
        x = box.right + 6 + label.get_width() + 24
    if not rows:
        return
    slot = plot.width / len(rows)
    bar = max(2, int(slot * 0.8 / 3))
    for index, row in enumerate(rows):
        start = plot.left + round(index * slot + (slot - 3 * bar) / 2)
        for offset, (key, _name) in enumerate(series):
            value = max(0.0, min(100.0, getattr(row, key)))
            height = round(plot.height * value / 100)
            colour = _colour(palette, key, "accent" if key == "shared" else "text")
            pygame.draw.rect(
                surface,
                colour,
                pygame.Rect(start + offset * bar, plot.bottom - height, bar - 1, height),
            )
        label = font.render(_fit(font, row.label, int(slot) - 4), True, text)
        surface.blit(
            label,
            (plot.left + round(index * slot + (slot - label.get_width()) / 2), plot.bottom + 4),
        )
    pygame.draw.line(
        surface, _colour(palette, "border", "border"), plot.bottomleft, plot.bottomright, 1
    )


def _fit(font: pygame.font.Font, text: str, width: int) -> str:
    if font.size(text)[0] <= width:
        return text
    while len(text) > 1 and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text + "…"


def png_bytes(surface: pygame.Surface) -> bytes:
    """The surface as PNG bytes."""
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "chart.png")
    return buffer.getvalue()


def trust_chart_png(
    track: Sequence[TrustPoint],
    names: tuple[str, str] = ("NATO's trust in Russia", "Russia's trust in NATO"),
    size: tuple[int, int] = (900, 420),
    ended: bool = False,
) -> bytes:
    """The debrief screen's trust chart, in print colours, as PNG bytes (`ended`: the game
    is over, so the last point is marked "end")."""
    if not pygame.font.get_init():
        pygame.font.init()
    from game.ui.assets import Fonts
    from game.ui.chart import trust_chart
    from game.ui.theme import Palette

    palette = Palette("paper", dict(PAPER))
    chart = trust_chart(tuple(track), size, palette, Fonts(1.25), names, ended=ended)
    surface = pygame.Surface(size)
    surface.fill(pygame.Color(PAPER["background"]))
    surface.blit(chart, (0, 0))
    return png_bytes(surface)


def score_chart_png(
    rows: Sequence[ScoreBar], size: tuple[int, int] = (800, 360), title: str | None = None
) -> bytes:
    """A chart of some tables' scores, as PNG bytes."""
    surface = pygame.Surface(size)
    draw_score_bars(surface, surface.get_rect(), rows, PAPER, title=title)
    return png_bytes(surface)


def score_charts_png(
    panels: Sequence[tuple[str, Sequence[ScoreBar]]], size: tuple[int, int] = (800, 360)
) -> bytes:
    """One titled chart of `size` per (title, tables) panel, one under the other, as PNG
    bytes: scores of different scenarios are not comparable, so they never share a chart."""
    width, height = size
    surface = pygame.Surface((width, height * max(1, len(panels))))
    surface.fill(pygame.Color(PAPER["background"]))
    for index, (title, rows) in enumerate(panels):
        area = pygame.Rect(0, index * height, width, height)
        draw_score_bars(surface, area, rows, PAPER, title=title)
        if index:
            # A rule between scenarios, so no one reads two panels as one scale.
            pygame.draw.line(
                surface, pygame.Color(PAPER["border"]), area.topleft, (area.right, area.top), 2
            )
    return png_bytes(surface)
