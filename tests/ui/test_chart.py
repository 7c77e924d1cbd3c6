"""The trust chart: its axis, threshold labels clear of the lines, its legend and least height."""

from __future__ import annotations

import io

import pygame
import pytest

from game.engine.state import TrustPoint
from game.library import Entry
from game.report.chart import PAPER, trust_chart_png
from game.settings import Settings
from game.ui.app import App
from game.ui.assets import Fonts
from game.ui.chart import (
    MIN_PLOT_HEIGHT,
    Legend,
    chart_height,
    label_spot,
    threshold_labels,
    tick_labels,
    trust_chart,
)
from game.ui.flow import finish
from game.ui.screens.debrief import DebriefScreen
from game.ui.session import HOTSEAT, Session, Setup
from game.ui.theme import Palette
from tests.ui.conftest import entry_named

TRACK = [TrustPoint(1, 50, 50), TrustPoint(2, 53, 55), TrustPoint(3, 55, 58)]


def test_a_finished_game_ends_its_axis_with_end_not_another_round():
    assert tick_labels(TRACK, ended=True) == ["1", "2", "end"]
    assert tick_labels(TRACK, ended=False) == ["1", "2", "3"]
    assert tick_labels([], ended=True) == []


def test_the_end_label_is_drawn():
    # The same track drawn as a finished and as an unfinished game differs only in the
    # last label, below the plot.
    ended = pygame.image.load(io.BytesIO(trust_chart_png(TRACK, ended=True)), "a.png")
    going = pygame.image.load(io.BytesIO(trust_chart_png(TRACK, ended=False)), "b.png")
    width, height = ended.get_size()
    differing = [
        (x, y)
        for x in range(0, width, 2)
        for y in range(0, height, 2)
        if ended.get_at((x, y)) != going.get_at((x, y))
    ]
    assert differing
    assert min(x for x, _ in differing) > width * 3 // 4


# Trust hugging partnership's 50 from the first round (the tutorial's game), lines
# crossing both thresholds, and lines leaving breakdown's 20.
TRACKS = {
    name: [TrustPoint(number, nato, russia) for number, (nato, russia) in enumerate(pairs, 1)]
    for name, pairs in {
        "at 50": [(50, 50), (50, 50), (50, 52), (52, 56), (58, 62)],
        "crossing": [(20, 50), (35, 40), (50, 22), (60, 18), (48, 21)],
        "from 20": [(21, 19), (28, 30), (45, 40)],
    }.items()
}
NAMES = ("NATO's trust in Russia", "Russia's trust in NATO")


@pytest.mark.parametrize("name", TRACKS)
@pytest.mark.parametrize(
    ("size", "scale"),
    # The report's; the debrief's at its least in normal text; the replay's in larger text.
    [((900, 420), 1.25), ((470, 200), 1.0), ((522, 252), 1.3)],
)
def test_no_trust_line_passes_through_a_threshold_label(
    name: str, size: tuple[int, int], scale: float
):
    """The labels once sat at the left end above their lines, on the lines whenever trust
    was near 50; now no line or marker crosses them (one running along the threshold, at
    50 from the first round, may graze an edge: it is drawn over the label, not under)."""
    track = TRACKS[name]
    fonts = Fonts(scale)
    labels = threshold_labels(track, size, fonts, NAMES)
    assert [text for text, _ in labels] == ["partnership 50", "breakdown below 20"]
    image = trust_chart(tuple(track), size, Palette("paper", dict(PAPER)), fonts, NAMES, True)
    lines = [pygame.Color(PAPER[side])[:3] for side in ("nato", "russia")]
    for text, spot in labels:
        assert image.get_rect().contains(spot)
        words = spot.inflate(-8, -8)  # the words, within the label's edges
        inked = [
            (x, y)
            for x in range(words.left, words.right)
            for y in range(words.top, words.bottom)
            if image.get_at((x, y))[:3] in lines
        ]
        assert not inked, (name, text, spot)
    assert not labels[0][1].colliderect(labels[1][1])


def test_a_label_keeps_by_its_own_line():
    """Where lines crowd a threshold all along, its label may stand a little off it, but
    never nearer another level's line, where it would be read as that one's."""
    plot = pygame.Rect(40, 30, 400, 100)
    y = plot.bottom - 50  # the 50 line
    crowded = [[(float(x), float(y + (3 if x % 80 else -3))) for x in range(40, 441, 40)]]
    others = [plot.bottom - 25.0, plot.bottom - 75.0, plot.bottom - 20.0]
    spot = label_spot((120, 18), y, plot, crowded, [], (2, 6), True, others)
    own = min(abs(spot.top - y), abs(spot.bottom - y))
    assert all(min(abs(spot.top - o), abs(spot.bottom - o)) > own for o in others)
    # With room along the line, the label goes against it, at an end clear of the lines.
    clear_right = [[(40.0, float(y)), (240.0, float(y))]]
    spot = label_spot((120, 18), y, plot, clear_right, [], (2, 6), True, others)
    assert spot.bottom == y - 1 and spot.right == plot.right - 6


def test_a_narrow_chart_keeps_its_legend_to_one_row():
    """Full names side by side if they fit, else short ones, and only then two rows."""
    fonts = Fonts(1.3)
    legend = Legend.of("NATO", "Russian Federation")
    assert legend.rows(1200, fonts) == (legend.full, 1)
    assert legend.rows(520, fonts) == (("NATO's trust", "Russian Federation's trust"), 1)
    assert legend.rows(300, fonts) == (legend.full, 2)
    # Two rows of legend take room from the plot: the chart is taller for the same plot.
    assert chart_height(300, fonts, legend) > chart_height(520, fonts, legend)


def test_a_chart_of_its_least_height_has_room_for_the_threshold_labels():
    fonts = Fonts(1.3)
    legend = Legend.of("NATO", "Russian Federation")
    for width in (300, 520, 900):
        size = (width, chart_height(width, fonts, legend))
        assert len(threshold_labels(TRACK, size, fonts, legend)) == 2
        flatter = (width, size[1] - fonts.px(MIN_PLOT_HEIGHT) // 2)
        assert threshold_labels(TRACK, flatter, fonts, legend) == []


@pytest.mark.parametrize(
    ("size", "text_size"),
    [
        ((1280, 720), "normal"),
        ((1024, 640), "normal"),
        ((1024, 640), "large"),
        ((1024, 640), "larger"),
        ((800, 560), "larger"),
    ],
)
def test_the_debrief_chart_is_never_flatter_than_the_least(
    app: App, entries: list[Entry], size: tuple[int, int], text_size: str
):
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    app.apply_settings(Settings(width=size[0], height=size[1], text_size=text_size, sound=False))
    session = Session.start(entry.scenario, Setup(mode=HOTSEAT, seed=2), entry.path)
    while not session.over:
        session.play(session.legal()[0])
    finish(app, session)
    app.step([], 1 / 60)
    screen = app.top
    assert isinstance(screen, DebriefScreen)
    sides = entry.scenario.sides
    width, height = screen.chart_size
    assert height >= chart_height(width, app.fonts, Legend.of(sides.nato.name, sides.russia.name))


@pytest.mark.parametrize("scale", [1.0, 1.3])
def test_equal_trust_keeps_both_lines_and_markers_in_sight(scale: float):
    """With both sides' trust at 50 all game (the tutorial's replay), Russia's dashed line
    and square markers hid NATO's line and circles; now they run side by side."""
    pygame.font.init()
    track = tuple(TrustPoint(number, 50, 50) for number in range(1, 6))
    fonts = Fonts(scale)
    image = trust_chart(track, (522, 252), Palette("paper", dict(PAPER)), fonts, NAMES, True)
    nato, russia = (pygame.Color(PAPER[side])[:3] for side in ("nato", "russia"))
    middle = image.get_height() // 2

    def colours(x: int) -> set[tuple[int, ...]]:
        return {tuple(image.get_at((x, y))[:3]) for y in range(middle - 60, middle + 60)}

    columns = [x for x in range(image.get_width()) if nato in colours(x) or russia in colours(x)]
    plot = range(columns[0] + fonts.px(8), columns[-1] - fonts.px(8))
    hidden = [x for x in plot if nato not in colours(x)]
    assert not hidden, "NATO's line shows all along, not only between Russia's dashes"
    line_w = max(2, fonts.px(3))  # a square shows more of Russia's colour than its line
    markers = [
        x for x in plot if sum(image.get_at((x, y))[:3] == russia for y in range(252)) > line_w
    ]
    assert len(markers) >= 3, "Russia's squares show"
    assert all(nato in colours(x) and russia in colours(x) for x in markers)
    labels = threshold_labels(list(track), (522, 252), fonts, NAMES)
    assert labels[0][0] == "partnership 50", "the label is still placed"
