"""The trust-over-time chart, drawn with pygame: two lines told apart by colour, dash and marker."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import pygame

from game.engine import constants as C
from game.engine.state import TrustPoint
from game.ui.assets import Fonts
from game.ui.text import displayable
from game.ui.theme import Palette


def _dashed(
    surface: pygame.Surface,
    colour: pygame.Color,
    a: tuple[float, float],
    b: tuple[float, float],
    width: int,
    dash: int,
) -> None:
    length = max(1.0, ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5)
    steps = int(length // dash)
    for step in range(0, steps + 1, 2):
        t0, t1 = step * dash / length, min(1.0, (step + 1) * dash / length)
        start = (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0)
        end = (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1)
        pygame.draw.line(surface, colour, start, end, width)


def tick_labels(points: Sequence[TrustPoint], ended: bool) -> list[str]:
    """The x-axis labels: each point's round, and "end" for the trust the talks ended on."""
    labels = [str(point.round) for point in points]
    if ended and labels:
        labels[-1] = "end"
    return labels


def trust_chart(
    track: tuple[TrustPoint, ...],
    size: tuple[int, int],
    palette: Palette,
    fonts: Fonts,
    names: tuple[str, str],
    ended: bool = False,
) -> pygame.Surface:
    """Both directions of trust per round on a 0-100 scale, with the tier thresholds marked.

    With `ended`, the last point is the trust the talks ended on, marked "end" (it comes
    after the last round, not at the start of another)."""
    width, height = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    frame = surface.get_rect()
    pygame.draw.rect(surface, palette["panel"], frame, border_radius=8)
    pygame.draw.rect(surface, palette["border"], frame, width=1, border_radius=8)
    small = fonts.get(13)
    title = fonts.get(15, True).render("Trust over time, by round", True, palette["text"])
    surface.blit(title, (fonts.px(12), fonts.px(8)))
    line_h = small.get_linesize() + fonts.px(4)
    legend_w = sum(small.size(name)[0] + fonts.px(46) for name in names)
    # Side by side if both entries fit, else one under the other.
    legend_h = line_h * (1 if legend_w <= width - fonts.px(40) else 2) + fonts.px(4)
    left, right = fonts.px(40), width - fonts.px(16)
    top, bottom = fonts.px(14) + title.get_height(), height - fonts.px(24) - legend_h
    if bottom - top < 40 or right - left < 60:
        return surface

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * value / 100

    for value in (0, 25, 50, 75, 100):
        y = y_of(value)
        pygame.draw.line(surface, palette["border"], (left, y), (right, y), 1)
        label = small.render(str(value), True, palette["text_dim"])
        surface.blit(label, (left - label.get_width() - 6, y - label.get_height() / 2))
    for value, text in (
        (C.PARTNERSHIP_TRUST, "partnership"),
        (C.BREAKDOWN_TRUST, "breakdown below"),
    ):
        y = y_of(value)
        _dashed(surface, palette["text_dim"], (left, y), (right, y), 1, 4)
        if bottom - top >= 5 * small.get_linesize():
            label = small.render(f"{text} {value}", True, palette["text_dim"], palette["panel"])
            surface.blit(label, (left + 6, y - label.get_height() - 1))
    points = sorted(track, key=lambda p: p.round)
    if not points:
        return surface
    first, last = points[0].round, max(points[-1].round, points[0].round + 1)

    def x_of(round_number: float) -> float:
        return left + (right - left) * (round_number - first) / (last - first)

    for point, text in zip(points, tick_labels(points, ended), strict=True):
        label = small.render(text, True, palette["text_dim"])
        surface.blit(label, (x_of(point.round) - label.get_width() / 2, bottom + 4))
    series = (
        ([(x_of(p.round), y_of(p.nato_in_russia)) for p in points], palette["nato"], False),
        ([(x_of(p.round), y_of(p.russia_in_nato)) for p in points], palette["russia"], True),
    )
    line_w = max(2, fonts.px(3))
    for coords, colour, dashed in series:
        for a, b in pairwise(coords):
            if dashed:
                _dashed(surface, colour, a, b, line_w, fonts.px(7))
            else:
                pygame.draw.line(surface, colour, a, b, line_w)
        for x, y in coords:
            if dashed:
                box = pygame.Rect(0, 0, fonts.px(9), fonts.px(9))
                box.center = (round(x), round(y))
                pygame.draw.rect(surface, colour, box)
            else:
                pygame.draw.circle(surface, colour, (x, y), fonts.px(5))
    _legend(surface, series, names, fonts, palette, (left, height - legend_h), line_w)
    return surface


def _legend(
    surface: pygame.Surface,
    series: tuple[tuple[list[tuple[float, float]], pygame.Color, bool], ...],
    names: tuple[str, str],
    fonts: Fonts,
    palette: Palette,
    origin: tuple[float, float],
    line_w: int,
) -> None:
    """A sample of each line with its name, in a row when it fits, else stacked."""
    small = fonts.get(13)
    line_h = small.get_linesize() + fonts.px(4)
    x, y = origin
    for (_, colour, dashed), name in zip(series, names, strict=True):
        words = small.render(displayable(name, small), True, palette["text"])
        if x + fonts.px(34) + words.get_width() > surface.get_width() - fonts.px(8):
            x, y = origin[0], y + line_h
        middle = y + line_h / 2
        if dashed:
            _dashed(surface, colour, (x, middle), (x + fonts.px(28), middle), line_w, fonts.px(6))
        else:
            pygame.draw.line(surface, colour, (x, middle), (x + fonts.px(28), middle), line_w)
        surface.blit(words, (x + fonts.px(34), middle - words.get_height() / 2))
        x += fonts.px(46) + words.get_width()
