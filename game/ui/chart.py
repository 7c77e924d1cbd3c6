"""The trust-over-time chart, drawn with pygame: two lines told apart by colour, dash and marker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import pygame

from game.engine import constants as C
from game.engine.state import TrustPoint
from game.ui.assets import Fonts
from game.ui.text import displayable
from game.ui.theme import Palette

TITLE = "Trust over time, by round"
MIN_PLOT_HEIGHT = 110
"""The least height of the plot itself, before text scaling: in a flatter one a change of a
few points of trust, the size most moves make, cannot be seen."""

Line = list[tuple[float, float]]
"""A trust line's points on the chart's surface, round by round."""
Series = tuple[Line, pygame.Color, bool]
"""One line of the chart: its points, its colour, and whether it is dashed."""


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


@dataclass(frozen=True)
class Legend:
    """The two lines' names: in full, and short for a chart too narrow for the full ones
    side by side (the legend stays one row, leaving the plot its height)."""

    full: tuple[str, str]
    short: tuple[str, str]

    @classmethod
    def of(cls, nato: str, russia: str) -> Legend:
        """The names for two sides: "NATO's trust in Russia", short "NATO's trust"."""
        return cls(
            (f"{nato}'s trust in {russia}", f"{russia}'s trust in {nato}"),
            (f"{nato}'s trust", f"{russia}'s trust"),
        )

    def rows(self, width: int, fonts: Fonts) -> tuple[tuple[str, str], int]:
        """The names a chart `width` wide shows, and in how many rows: the full names in one
        row, else the short ones, else the full ones one under the other."""
        small = fonts.get(13)
        room = width - fonts.px(12) - fonts.px(8)
        for names in (self.full, self.short):
            if sum(small.size(name)[0] for name in names) + 2 * fonts.px(46) <= room:
                return names, 1
        return self.full, 2


@dataclass(frozen=True)
class _Frame:
    """Where the parts of a chart of one size go: the plot and the legend."""

    plot: pygame.Rect
    legend_top: int
    names: tuple[str, str]
    rows: int


def _legend_height(rows: int, fonts: Fonts) -> int:
    return rows * (fonts.get(13).get_linesize() + fonts.px(4)) + fonts.px(4)


def _top(fonts: Fonts) -> int:
    """Where the plot starts: under the title."""
    return fonts.px(14) + fonts.get(15, True).size(TITLE)[1]


def _frame(size: tuple[int, int], fonts: Fonts, legend: Legend) -> _Frame:
    """The layout of a chart of `size`: title, plot, the round numbers, the legend."""
    width, height = size
    names, rows = legend.rows(width, fonts)
    legend_top = height - _legend_height(rows, fonts)
    left, right = fonts.px(40), width - fonts.px(16)
    top, bottom = _top(fonts), legend_top - fonts.px(24)
    return _Frame(pygame.Rect(left, top, right - left, bottom - top), legend_top, names, rows)


def _as_legend(names: tuple[str, str] | Legend) -> Legend:
    return names if isinstance(names, Legend) else Legend(names, names)


def chart_height(
    width: int, fonts: Fonts, names: tuple[str, str] | Legend, plot_height: int | None = None
) -> int:
    """How tall a chart `width` wide must be for its plot to be `plot_height` tall (by
    default MIN_PLOT_HEIGHT, scaled with the text)."""
    plot = fonts.px(MIN_PLOT_HEIGHT) if plot_height is None else plot_height
    _names, rows = _as_legend(names).rows(width, fonts)
    return _top(fonts) + plot + fonts.px(24) + _legend_height(rows, fonts)


THRESHOLDS = (
    (C.PARTNERSHIP_TRUST, "partnership", True),
    (C.BREAKDOWN_TRUST, "breakdown below", False),
)
"""Each tier threshold's level, its label's words, and whether the label goes above its
line when it can: partnership is at or above its level, breakdown below its own."""
LEVELS = (0, 25, 50, 75, 100)
"""The levels with a grid line and a number on the axis."""


def _points(track: Sequence[TrustPoint]) -> list[TrustPoint]:
    return sorted(track, key=lambda p: p.round)


def _lines(points: Sequence[TrustPoint], plot: pygame.Rect, apart: float) -> tuple[Line, Line]:
    """Both lines' points on the surface: NATO's trust in Russia, then Russia's in NATO;
    where the two are nearer than `apart` pixels (equal trust), they are drawn that far
    apart about their middle, NATO's above, so neither hides the other."""
    first = points[0].round if points else 1
    last = max(points[-1].round, first + 1) if points else first + 1

    def x_of(round_number: float) -> float:
        return plot.left + plot.width * (round_number - first) / (last - first)

    nato: Line = []
    russia: Line = []
    for point in points:
        x = x_of(point.round)
        high, low = _y_of(plot, point.nato_in_russia), _y_of(plot, point.russia_in_nato)
        if abs(high - low) < apart:
            middle = (high + low) / 2
            # NATO's goes above unless its trust is the lower of the two.
            sign = -1 if high <= low else 1
            high, low = middle + sign * apart / 2, middle - sign * apart / 2
        nato.append((x, high))
        russia.append((x, low))
    return nato, russia


def _y_of(plot: pygame.Rect, value: float) -> float:
    return plot.bottom - plot.height * value / 100


def _line_width(fonts: Fonts) -> int:
    return max(2, fonts.px(3))


def threshold_labels(
    track: Sequence[TrustPoint],
    size: tuple[int, int],
    fonts: Fonts,
    names: tuple[str, str] | Legend,
) -> list[tuple[str, pygame.Rect]]:
    """Each threshold's label and where the chart of `track` at `size` draws it: by its
    line, where no trust line passes if anywhere along it will do (none in a chart too
    short for them to stand clear of the grid)."""
    plot = _frame(size, fonts, _as_legend(names)).plot
    small = fonts.get(13)
    if plot.height < max(40, 5 * small.get_linesize()) or plot.width < 60:
        return []
    lines = _lines(_points(track), plot, _line_width(fonts))
    reach = (_line_width(fonts) // 2 + 1, fonts.px(5) + 1)
    placed: list[tuple[str, pygame.Rect]] = []
    for value, words, above in THRESHOLDS:
        text = f"{words} {value}"
        # Every level line but its own, so that a label moved off its line is not read
        # as another's.
        levels = {*LEVELS, *(level for level, _, _ in THRESHOLDS)} - {value}
        others = [_y_of(plot, level) for level in levels]
        spot = label_spot(
            small.size(text),
            round(_y_of(plot, value)),
            plot,
            lines,
            [rect for _, rect in placed],
            reach,
            above,
            others,
        )
        placed.append((text, spot))
    return placed


def trust_chart(
    track: tuple[TrustPoint, ...],
    size: tuple[int, int],
    palette: Palette,
    fonts: Fonts,
    names: tuple[str, str] | Legend,
    ended: bool = False,
) -> pygame.Surface:
    """Both directions of trust per round on a 0-100 scale, with the tier thresholds marked,
    over a legend of the two lines' `names`.

    With `ended`, the last point is the trust the talks ended on, marked "end" (it comes
    after the last round, not at the start of another)."""
    surface = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(surface, palette["panel"], surface.get_rect(), border_radius=8)
    pygame.draw.rect(surface, palette["border"], surface.get_rect(), width=1, border_radius=8)
    small = fonts.get(13)
    title = fonts.get(15, True).render(TITLE, True, palette["text"])
    surface.blit(title, (fonts.px(12), fonts.px(8)))
    layout = _frame(size, fonts, _as_legend(names))
    plot = layout.plot
    if plot.height < 40 or plot.width < 60:
        return surface
    for value in LEVELS:
        y = _y_of(plot, value)
        pygame.draw.line(surface, palette["border"], (plot.left, y), (plot.right, y), 1)
        label = small.render(str(value), True, palette["text_dim"])
        surface.blit(label, (plot.left - label.get_width() - 6, y - label.get_height() / 2))
    # The thresholds go under the trust lines, their labels where no line passes.
    for value, _words, _above in THRESHOLDS:
        y = _y_of(plot, value)
        _dashed(surface, palette["text_dim"], (plot.left, y), (plot.right, y), 1, 4)
    for text, spot in threshold_labels(track, size, fonts, names):
        surface.blit(small.render(text, True, palette["text_dim"], palette["panel"]), spot)
    points = _points(track)
    line_w = _line_width(fonts)
    nato, russia = _lines(points, plot, line_w)
    for (x, _y), text in zip(nato, tick_labels(points, ended), strict=True):
        label = small.render(text, True, palette["text_dim"])
        surface.blit(label, (x - label.get_width() / 2, plot.bottom + 4))
    series: tuple[Series, Series] = (
        (nato, palette["nato"], False),
        (russia, palette["russia"], True),
    )
    # Russia's line and squares first, NATO's over them: where trust is equal the lines run
    # side by side, and NATO's circle sits smaller on Russia's square.
    for coords, colour, dashed in reversed(series):
        for a, b in pairwise(coords):
            if dashed:
                _dashed(surface, colour, a, b, line_w, fonts.px(7))
            else:
                pygame.draw.line(surface, colour, a, b, line_w)
        _markers(surface, coords, russia if coords is nato else nato, colour, dashed, fonts)
    _legend(surface, series, layout, fonts, palette, line_w)
    return surface


def _markers(
    surface: pygame.Surface,
    coords: Line,
    other: Line,
    colour: pygame.Color,
    square: bool,
    fonts: Fonts,
) -> None:
    """A line's marker at each round: squares (Russia's), or circles (NATO's), drawn smaller
    where the `other` line's square is close enough to be covered (equal trust)."""
    size = fonts.px(9)
    for (x, y), (_, beside) in zip(coords, other, strict=True):
        if square:
            box = pygame.Rect(0, 0, size, size)
            box.center = (round(x), round(y))
            pygame.draw.rect(surface, colour, box)
        else:
            crowded = abs(y - beside) < size
            pygame.draw.circle(surface, colour, (x, y), fonts.px(3 if crowded else 5))


def label_spot(
    size: tuple[int, int],
    y: int,
    plot: pygame.Rect,
    lines: Sequence[Line],
    taken: Sequence[pygame.Rect],
    reach: tuple[int, int],
    above: bool = True,
    others: Sequence[float] = (),
) -> pygame.Rect:
    """Where a threshold's label of `size` goes: just above or below its line at `y`, inside
    the plot and never on a label already `taken`.

    Where the fewest of the `lines` and their markers touch it (none, if anywhere will do;
    `reach` is how far a line's and a marker's ink reaches from its points); of those,
    where they keep furthest off; against the line unless lines crowd it all along, and
    then never nearer another of the chart's level lines (at `others`) than its own. When
    that is a tie, the ends of the line come first, and the side of it `above` says."""
    width, height = size
    clearance = sum(reach)  # room to keep beyond the ink
    inset = 6
    xs = [plot.left + inset, max(plot.left + inset, plot.right - inset - width)]
    slots = max(0, (plot.width - 2 * inset - width) // max(1, width // 2))
    xs += [plot.left + inset + (xs[1] - xs[0]) * n // (slots + 1) for n in range(1, slots + 1)]
    over, under = y - height - 1, y + 2
    # Against the line first; a little way off it only where lines crowd it everywhere.
    tops = [over, under, over - clearance, under + clearance]
    if not above:
        tops = [under, over, under + clearance, over - clearance]
    spots = [
        (far, pygame.Rect(x, top, width, height))
        for far, pair in enumerate((tops[:2], tops[2:]))
        for x in xs
        for top in pair
        if plot.top <= top and top + height <= plot.bottom - 1
        if not far or all(_gap(o, top, height) > _gap(y, top, height) for o in others)
    ]
    spots = [(far, spot) for far, spot in spots if spot.collidelist(list(taken)) == -1] or [
        (0, pygame.Rect(xs[0], tops[0], width, height))
    ]
    # Touching no line comes first, then room around it, then against its own line.
    _, best = min(
        spots,
        key=lambda item: (
            _covered(item[1], lines, reach),
            _covered(item[1], lines, (reach[0] + clearance, reach[1] + clearance)),
            item[0],
            _covered(item[1], lines, (reach[0] + 2 * clearance, reach[1] + 2 * clearance)),
        ),
    )
    return best


def _gap(line: float, top: int, height: int) -> float:
    """How far a level line at `line` passes from a label `height` tall from `top` down."""
    return max(0.0, top - line, line - (top + height))


def _covered(area: pygame.Rect, lines: Sequence[Line], reach: tuple[int, int]) -> float:
    """How much of the `lines` and their markers come within `reach` (from a line, from a
    marker) of `area`, in pixels of line."""
    total = 0.0
    near_line = area.inflate(2 * reach[0], 2 * reach[0])
    near_marker = area.inflate(2 * reach[1], 2 * reach[1])
    for coords in lines:
        for a, b in pairwise(coords):
            clipped = near_line.clipline(a, b)
            if clipped:
                (x0, y0), (x1, y1) = clipped
                total += 1 + ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        total += sum(10 for point in coords if near_marker.collidepoint(point))
    return total


def _legend(
    surface: pygame.Surface,
    series: Sequence[Series],
    layout: _Frame,
    fonts: Fonts,
    palette: Palette,
    line_w: int,
) -> None:
    """A sample of each line with its name, in the layout's one row or two."""
    small = fonts.get(13)
    line_h = small.get_linesize() + fonts.px(4)
    # From the title's left edge rather than the plot's: more charts keep it to one row.
    x, y = fonts.px(12), layout.legend_top
    for number, ((_, colour, dashed), name) in enumerate(zip(series, layout.names, strict=True)):
        words = small.render(displayable(name, small), True, palette["text"])
        if number and layout.rows > 1:
            x, y = fonts.px(12), y + line_h
        middle = y + line_h / 2
        if dashed:
            _dashed(surface, colour, (x, middle), (x + fonts.px(28), middle), line_w, fonts.px(6))
        else:
            pygame.draw.line(surface, colour, (x, middle), (x + fonts.px(28), middle), line_w)
        surface.blit(words, (x + fonts.px(34), middle - words.get_height() / 2))
        x += fonts.px(46) + words.get_width()
