"""Charts for reports, drawn with pygame off-screen (no display needed).

The trust chart is the debrief screen's own (game.ui.chart) in print colours; the class
chart of the tables' scores is drawn here by a plain function any surface can take.
"""

from __future__ import annotations

import io
from collections import Counter
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


LABEL_MAX_WIDTH = 340
"""The longest a bar's label may be when labels stand upright (a 40-character table name at
the chart's font): longer ones are shortened, still told apart."""


def _shorten(font: pygame.font.Font, text: str, width: int, keep_end: bool = False) -> str:
    """`text` cut to `width` with '…': at the end, or (`keep_end`) in the middle, so that
    the end that tells two labels apart ('…, 14:05:09' and '…, 14:06:30') stays."""
    if font.size(text)[0] <= width:
        return text
    if not keep_end:
        return _fit(font, text, width)
    tail = text[-min(12, len(text) // 2) :]
    head = text[: len(text) - len(tail)]
    while len(head) > 1 and font.size(head + "…" + tail)[0] > width:
        head = head[:-1]
    return head + "…" + tail


def bar_labels(
    font: pygame.font.Font, labels: Sequence[str], slot: float
) -> tuple[list[str], bool]:
    """The tables' labels as drawn under their bars, and whether they stand upright.

    Labels that fit across their bars are drawn so; otherwise all stand upright (14
    tables' names never fit across an 800-pixel chart), shortened only past LABEL_MAX_WIDTH.
    Labels that differ are drawn differently: a table is never known only as 'Anna…'.
    """
    if all(font.size(label)[0] <= int(slot) - 4 for label in labels):
        return list(labels), False
    drawn = [_shorten(font, label, LABEL_MAX_WIDTH) for label in labels]
    for middle in (True, False):
        counts = Counter(drawn)
        if len(counts) == len(drawn):
            break
        for index, label in enumerate(labels):
            if counts[drawn[index]] == 1:
                continue
            if middle:
                drawn[index] = _shorten(font, label, LABEL_MAX_WIDTH, keep_end=True)
            else:
                # Alike even so (two long names differing only in the middle): numbered.
                number = f" #{index + 1}"
                width = LABEL_MAX_WIDTH - font.size(number)[0]
                drawn[index] = _shorten(font, label, width) + number
    return drawn, True


def _axis_left(rect: pygame.Rect, font: pygame.font.Font) -> int:
    return rect.left + font.size("100")[0] + 10


def label_room(rows: Sequence[ScoreBar], width: int, font: pygame.font.Font) -> int:
    """How much taller than usual a chart `width` wide must be for its bars' labels to stand
    upright under them (0 when they fit across)."""
    if not rows:
        return 0
    plot_width = width - (_axis_left(pygame.Rect(0, 0, width, 1), font) + 12)
    drawn, upright = bar_labels(font, [row.label for row in rows], plot_width / len(rows))
    if not upright:
        return 0
    return max(font.size(text)[0] for text in drawn) - font.get_linesize()


def draw_score_bars(
    surface: pygame.Surface,
    rect: pygame.Rect,
    rows: Sequence[ScoreBar],
    palette: Colours,
    font: pygame.font.Font | None = None,
    title: str | None = None,
) -> None:
    """Each table's NATO, Russia and shared scores as grouped bars on a 0-100 scale, under
    `title` if given; each bar's label under it, upright if they do not fit across."""
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
    left = _axis_left(rect, font)
    top = rect.top + 2 * line_height
    width = rect.right - left - 12
    slot = width / max(1, len(rows))
    drawn, upright = bar_labels(font, [row.label for row in rows], slot)
    under = max((font.size(t)[0] for t in drawn), default=0) if upright else line_height
    plot = pygame.Rect(left, top, width, max(10, rect.bottom - top - under - 12))
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
    bar = max(2, int(slot * 0.8 / 3))
    for index, (row, name) in enumerate(zip(rows, drawn, strict=True)):
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
        if upright:
            # Read from the bottom up, its end against the axis under its bars.
            label = pygame.transform.rotate(font.render(name, True, text), 90)
            x = plot.left + round(index * slot + (slot - label.get_width()) / 2)
            surface.blit(label, (x, plot.bottom + 4))
        else:
            label = font.render(_fit(font, name, int(slot) - 4), True, text)
            x = plot.left + round(index * slot + (slot - label.get_width()) / 2)
            surface.blit(label, (x, plot.bottom + 4))
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


def _panel_font(height: int) -> pygame.font.Font:
    """The font of a chart panel of the usual `height` (a taller one for upright labels
    keeps it)."""
    return chart_font(max(11, height // 24))


def score_chart_png(
    rows: Sequence[ScoreBar], size: tuple[int, int] = (800, 360), title: str | None = None
) -> bytes:
    """A chart of some tables' scores, as PNG bytes (taller than `size` when the tables'
    labels must stand upright)."""
    font = _panel_font(size[1])
    surface = pygame.Surface((size[0], size[1] + label_room(rows, size[0], font)))
    draw_score_bars(surface, surface.get_rect(), rows, PAPER, font=font, title=title)
    return png_bytes(surface)


def score_charts_png(
    panels: Sequence[tuple[str, Sequence[ScoreBar]]], size: tuple[int, int] = (800, 360)
) -> bytes:
    """One titled chart of `size` per (title, tables) panel, one under the other, as PNG
    bytes: scores of different scenarios are not comparable, so they never share a chart.
    A panel whose labels must stand upright is taller."""
    width, height = size
    font = _panel_font(height)
    heights = [height + label_room(rows, width, font) for _, rows in panels]
    surface = pygame.Surface((width, sum(heights) or height))
    surface.fill(pygame.Color(PAPER["background"]))
    top = 0
    for index, ((title, rows), tall) in enumerate(zip(panels, heights, strict=True)):
        area = pygame.Rect(0, top, width, tall)
        draw_score_bars(surface, area, rows, PAPER, font=font, title=title)
        if index:
            # A rule between scenarios, so no one reads two panels as one scale.
            pygame.draw.line(
                surface, pygame.Color(PAPER["border"]), area.topleft, (area.right, area.top), 2
            )
        top += tall
    return png_bytes(surface)
