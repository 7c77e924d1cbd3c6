"""The report charts: the debrief's trust chart in print colours, and the tables' bars."""

from __future__ import annotations

import io

import pygame

from game.engine.state import TrustPoint
from game.report.chart import PAPER, ScoreBar, draw_score_bars, score_chart_png, trust_chart_png

TRACK = [TrustPoint(1, 30, 40), TrustPoint(2, 45, 35), TrustPoint(3, 60, 20)]


def _has(surface: pygame.Surface, colour: str) -> bool:
    target = pygame.Color(colour)
    width, height = surface.get_size()
    return any(
        surface.get_at((x, y))[:3] == target[:3]
        for x in range(0, width, 2)
        for y in range(0, height, 2)
    )


def _image(png: bytes) -> pygame.Surface:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return pygame.image.load(io.BytesIO(png), "chart.png")


def test_the_trust_chart_has_both_lines_on_white():
    image = _image(trust_chart_png(TRACK))
    assert image.get_size() == (900, 420)
    assert _has(image, PAPER["nato"])
    assert _has(image, PAPER["russia"])
    assert image.get_at((0, 0))[:3] == (255, 255, 255)


def test_an_empty_track_still_makes_a_picture():
    assert _image(trust_chart_png([])).get_size() == (900, 420)


def test_the_bars_stay_inside_their_rectangle():
    surface = pygame.Surface((600, 400))
    surface.fill((1, 2, 3))
    area = pygame.Rect(50, 60, 400, 250)
    draw_score_bars(surface, area, [ScoreBar("Table 1", 60, 40, 49.0)], PAPER)
    assert _has(surface, PAPER["nato"])
    assert _has(surface, PAPER["shared"])
    assert surface.get_at((10, 10))[:3] == (1, 2, 3)
    assert surface.get_at((area.right + 5, area.bottom + 5))[:3] == (1, 2, 3)


def test_the_bars_take_the_games_own_palette():
    from game.ui.theme import palette

    colours = palette("colour-blind safe")
    surface = pygame.Surface((500, 260))
    draw_score_bars(surface, surface.get_rect(), [ScoreBar("A", 40, 50, 44.7)], colours)
    assert _has(surface, colours.colours["nato"])


def test_the_class_chart_png():
    png = score_chart_png([ScoreBar("Table 1", 60, 40, 49.0), ScoreBar("Table 2", 20, 30, 24.5)])
    assert _image(png).get_size() == (800, 360)
    assert _image(score_chart_png([])).get_size() == (800, 360)


def test_each_scenario_gets_its_own_titled_chart_one_under_the_other():
    from game.report.chart import score_charts_png

    rows = [ScoreBar("Table 1", 60, 40, 49.0)]
    image = _image(score_charts_png([("Brussels", rows), ("Lisbon", rows)]))
    assert image.get_size() == (800, 720)
    untitled = _image(score_chart_png(rows))
    for top in (0, 360):
        panel = image.subsurface(pygame.Rect(0, top, 800, 360))
        assert _has(panel, PAPER["nato"]) and _has(panel, PAPER["shared"])
        # Each panel is the plain chart with a title on top: never two scenarios on one scale.
        assert pygame.image.tobytes(panel, "RGB") != pygame.image.tobytes(untitled, "RGB")
