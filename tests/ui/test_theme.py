"""The palettes: in the colour-blind safe one, every role that sits side by side looks apart."""

from __future__ import annotations

import itertools

from game.ui.theme import palette

ROLES = ("nato", "russia", "agreed", "tabled", "rejected", "focus")
"""Colours a player must tell apart at a glance: the sides, a proposal's state, the focus."""


def _distance(a: str, b: str) -> float:
    rgb = [tuple(int(code[i : i + 2], 16) for i in (1, 3, 5)) for code in (a, b)]
    return float(sum((x - y) ** 2 for x, y in zip(*rgb, strict=True)) ** 0.5)


def test_colour_blind_roles_each_have_their_own_colour() -> None:
    colours = palette("colour-blind safe").colours
    for first, second in itertools.combinations(ROLES, 2):
        # The Okabe-Ito colours are at least this far apart; a shared colour is 0.
        assert _distance(colours[first], colours[second]) >= 60, (first, second)
