"""The game's fonts are asked which characters they can draw."""

from __future__ import annotations

import pytest

from game.ui.glyphs import can_draw


@pytest.mark.parametrize("char", ["a", "é", "ł", "Ж", "α", "—", "“", "€", "\u00a0"])
def test_the_fonts_draw_the_letters_and_marks_of_european_text(char: str) -> None:
    assert can_draw(char)


@pytest.mark.parametrize("char", ["\U0001f680", "\U0001f600", "中", "→", "✓"])
def test_they_have_no_emoji_chinese_or_arrows(char: str) -> None:
    # Each of these is drawn as '?' in the game.
    assert not can_draw(char)


def test_the_fonts_are_loaded_again_after_pygame_quits() -> None:
    import pygame

    assert can_draw("a")
    pygame.quit()  # as a closed game window does; it unloads every font
    can_draw.cache_clear()
    assert can_draw("b") and not can_draw("\U0001f680")
