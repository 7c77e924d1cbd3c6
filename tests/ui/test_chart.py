"""The trust chart's axis: rounds, and "end" for the trust the talks ended on."""

from __future__ import annotations

import io

import pygame

from game.engine.state import TrustPoint
from game.report.chart import trust_chart_png
from game.ui.chart import tick_labels

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
