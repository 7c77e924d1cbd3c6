"""Fitting text into a width: labels that drop their key hint, wrapped notes, tool-tip paths."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game.ui.assets import Fonts
from game.ui.text import break_path, fit_label, hint_words, tooltip_html, wrap_lines


@pytest.fixture
def font() -> Iterator[pygame.font.Font]:
    """The bundled regular font at 16 px."""
    pygame.font.init()
    yield Fonts().get(16)


def test_a_label_drops_its_key_hint_before_it_is_cut(font: pygame.font.Font) -> None:
    """'New game from round 4   (B' was cut mid-hint; the hint goes first, then words."""
    label = "New game from round 4   (B)"
    assert fit_label(label, font, font.size(label)[0]) == label
    assert fit_label(label, font, font.size(label)[0] - 1) == "New game from round 4"
    short = fit_label(label, font, font.size("New game from")[0])
    assert short.endswith("…") and "(" not in short
    assert font.size(short)[0] <= font.size("New game from")[0]
    assert fit_label("Menu  (Esc)", font, font.size("Menu")[0] + 2) == "Menu"


def test_hint_words_are_the_label_without_its_key(font: pygame.font.Font) -> None:
    """The footer's words for a key come from its button's label."""
    assert hint_words("Play again   (A)") == "play again"
    assert hint_words("Hand over to NATO   (Enter)") == "hand over to NATO"
    assert hint_words("Settings") == "settings"


def test_a_note_wraps_onto_two_lines_before_it_is_cut(font: pygame.font.Font) -> None:
    """The level's line wraps whole where two lines hold it; only a third line is cut."""
    text = "Asks much and concedes late, but takes a fair deal rather than lose a round."
    width = font.size(text)[0] * 6 // 10
    lines = wrap_lines(text, font, width)
    assert len(lines) == 2 and " ".join(lines) == text
    assert all(font.size(line)[0] <= width for line in lines)
    narrow = wrap_lines(text, font, width // 3)
    assert len(narrow) == 2 and narrow[-1].endswith("…")
    assert all(font.size(line)[0] <= width // 3 for line in narrow)
    assert wrap_lines("Short.", font, width) == ["Short."]


def test_a_path_breaks_after_a_slash_never_inside_a_name(font: pygame.font.Font) -> None:
    """A tool tip broke '2009-brussels.yaml' as '2009-brussel-' / '-s.yaml'."""
    path = "/tmp/qa-a11y/scenarios/user-scenarios/2009-brussels.yaml"
    width = font.size("/tmp/qa-a11y/scenarios/")[0] + 4
    lines = break_path(path, font, width)
    assert len(lines) > 1 and "".join(lines) == path
    assert all(font.size(line)[0] <= width for line in lines)
    assert lines[-1] == "2009-brussels.yaml"
    assert break_path("C:\\Users\\sam\\file.json", font, 1000) == ["C:\\Users\\sam\\file.json"]


def test_tooltip_lines_are_escaped() -> None:
    """pygame_gui reads tool tips as HTML: a '&' or '<' in a title must show as itself."""
    assert tooltip_html(["Sam & Ben <1>", "/a/b"]) == "Sam &amp; Ben &lt;1&gt;<br>/a/b"


def test_a_name_wider_than_a_line_breaks_after_a_dash_and_loses_nothing(
    font: pygame.font.Font,
) -> None:
    """A save's name wider than the tool tip was cut to '…-2cb4.js…'."""
    name = "2011-lisbon-to-chicago-20261123-090000-2cb4-table-3.autosave.json"
    path = f"/home/sam/saves/{name}"
    width = font.size("2011-lisbon-to-chicago-")[0] + 4
    lines = break_path(path, font, width)
    assert "".join(lines) == path
    assert all(font.size(line)[0] <= width for line in lines)
    assert all(line.endswith(("/", "-", ".")) for line in lines[:-1])
    assert not any("…" in line for line in lines)
    assert len(lines) >= 3  # the folders, then the name over two lines at least
