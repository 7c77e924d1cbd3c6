"""The palettes and the theme: roles look apart, and every text reaches AA contrast."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from game.ui.theme import build_theme, palette

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


# -- contrast --------------------------------------------------------------------------------

TEXT_RATIO = 4.5
"""WCAG 2 AA for normal-sized text."""
OUTLINE_RATIO = 3.0
"""WCAG 2 AA for a non-text cue such as the focus outline."""
KINDS = {
    "#primary": "button",
    "#danger": "button",
    "#move": "button",
    "#option": "button",
    "#option_chosen": "button",
    "#entry": "button",
    "#entry_chosen": "button",
    "#title": "label",
    "#subtitle": "label",
    "#heading": "label",
    "#small": "label",
    "#topic": "label",
    "#timer": "label",
    "#timer_warning": "label",
    "#bare": "panel",
    "#dim": "panel",
    "#dialog": "panel",
}
"""The element each of the theme's object ids styles (pygame_gui falls back from the id to
the element's block, then to the defaults)."""
BUTTON_STATES = ("normal", "hovered", "selected", "active", "disabled")
"""Every state a button is drawn in; a disabled one still says why (e.g. 'Undo: no move of
yours yet')."""
SURFACES = ("background", "panel", "panel_raised")
"""What a label without a background of its own can sit on: the window, a pane, a dialog."""


def _luminance(code: str) -> float:
    """WCAG relative luminance of '#rrggbb'."""
    channels = [int(code[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _colours(theme: dict[str, Any], block: str) -> dict[str, str]:
    """A block's colours with what it inherits filled in, as pygame_gui resolves them."""
    kind = KINDS.get(block, block)
    merged = dict(theme["defaults"]["colours"])
    for name in (kind, block):
        merged.update(theme.get(name, {}).get("colours", {}))
    return merged


def _backgrounds(colour: str, colours: dict[str, str]) -> list[str]:
    """The colours a background really shows: itself, or where it is see-through (an alpha
    of 00) whatever it sits on."""
    if len(colour) == 9 and colour.endswith("00"):
        return [colours[surface] for surface in SURFACES]
    return [colour[:7]]


def _text_pairs(theme: dict[str, Any], colours: dict[str, str]) -> list[tuple[str, str, str]]:
    """Every (where, text, background) the themed widgets can show."""
    pairs = []
    for block in theme:
        kind = KINDS.get(block, block)
        merged = _colours(theme, block)
        if kind == "button":
            states = [(f"{state}_text", f"{state}_bg") for state in BUTTON_STATES]
        elif kind in ("label", "text_box", "tool_tip"):
            states = [("normal_text", "dark_bg")]
        elif kind == "text_entry_line":
            states = [("normal_text", "dark_bg"), ("selected_text", "selected_bg")]
        else:
            continue  # panels, containers and scroll bars show no text
        for text, background in states:
            for shown in _backgrounds(merged[background], colours):
                pairs.append((f"{block} {text}", merged[text], shown))
    return pairs


@pytest.mark.parametrize("name", ["standard", "colour-blind safe"])
def test_every_text_the_theme_shows_has_aa_contrast(name: str) -> None:
    """Normal, hovered, selected, pressed and disabled buttons, labels on every surface, text
    boxes, tool tips and the text field all reach 4.5:1 in both palettes (a hovered primary
    button once showed white on light blue at 2.8:1)."""
    colours = palette(name).colours
    theme = build_theme(palette(name), 1.0)
    assert set(KINDS) == {block for block in theme if block.startswith("#")}, "classify new ids"
    pairs = _text_pairs(theme, colours)
    assert len(pairs) > 40
    low = [(where, round(_ratio(text, bg), 2)) for where, text, bg in pairs]
    failing = [item for item in low if item[1] < TEXT_RATIO]
    assert not failing, failing


@pytest.mark.parametrize("name", ["standard", "colour-blind safe"])
def test_panes_dim_text_and_the_focus_outline_stand_out(name: str) -> None:
    """The panes' dim notes read at 4.5:1 on every surface, and the keyboard focus outline
    stands out at 3:1 from every surface and button it is drawn round."""
    colours = palette(name).colours
    for surface in SURFACES:
        assert _ratio(colours["text_dim"], colours[surface]) >= TEXT_RATIO, surface
    for surface in (*SURFACES, "button", "button_hover", "button_selected", "accent_dark"):
        assert _ratio(colours["focus"], colours[surface]) >= OUTLINE_RATIO, surface
