"""Buttons whose labels always fit, and text panes that let the arrows move on at their ends."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from game.ui.app import App
from game.ui.screen import Screen
from game.ui.text import Para
from game.ui.widgets import FittedButton

BRANCH = "New game from round 4   (B)"


class Bare(Screen):
    """A screen with one button and one pane, for the widgets alone."""

    def layout(self, rect: pygame.Rect) -> None:
        """A narrow button over a short pane."""
        self.narrow = self.button(pygame.Rect(10, 10, self.px(180), 40), BRANCH, lambda: None)
        self.text = self.pane(pygame.Rect(10, 60, 300, 200))


def shown(button: FittedButton) -> int:
    """The width of the label as the button's own (theme) font draws it."""
    assert button.font is not None
    return int(button.font.size(button.text)[0])


@pytest.mark.parametrize("text_size", ["small", "normal", "large", "larger"])
def test_a_long_label_loses_its_key_hint_then_words(app: App, text_size: str) -> None:
    """Measured with the font the theme really uses at this text size, the label fits; the
    hint goes before any word, and the whole label is the tool tip."""
    app.apply_settings(replace(app.settings, text_size=text_size))
    screen = Bare(app)
    app.push(screen)
    button = screen.narrow
    assert isinstance(button, FittedButton)
    assert button.full_text == BRANCH
    assert shown(button) <= button.room
    assert "(" not in button.text, "the key hint is cut, not dropped"
    assert button.tool_tip_text == BRANCH
    button.set_text("Both sides   (V)")
    assert button.text == "Both sides   (V)" and button.tool_tip_text is None
    button.set_text(BRANCH)
    button.change_object_id("#primary")  # bold: wider
    assert shown(button) <= button.room
    button.set_dimensions((app.fonts.px(400), 40))
    assert button.text == BRANCH


def test_a_given_tool_tip_is_kept(app: App) -> None:
    """A button's own tool tip (a list entry's path) stays when its label is shortened."""
    screen = Bare(app)
    app.push(screen)
    button = screen.button(pygame.Rect(0, 0, 60, 40), BRANCH, lambda: None, tooltip="mine")
    assert button.text != BRANCH and button.tool_tip_text == "mine"


def test_arrows_scroll_a_pane_only_while_it_can_scroll(app: App) -> None:
    """Up at the top and Down at the bottom are left for the focus; Page keys always scroll."""
    screen = Bare(app)
    app.push(screen)
    pane = screen.text
    pane.set_blocks([Para(f"Line {n} of a long text.") for n in range(40)])
    assert pane.max_offset > 0
    assert not pane.scroll_key(pygame.K_UP)
    assert pane.scroll_key(pygame.K_DOWN) and pane.offset > 0
    assert pane.scroll_key(pygame.K_UP) and pane.offset == 0
    assert pane.scroll_key(pygame.K_PAGEUP), "Page Up at the top still belongs to the pane"
    assert pane.scroll_key(pygame.K_END) and pane.offset == pane.max_offset
    assert not pane.scroll_key(pygame.K_DOWN)
    assert pane.scroll_key(pygame.K_PAGEDOWN)
    assert not pane.scroll_key(pygame.K_TAB)
    pane.set_blocks([Para("Short.")], keep_offset=False)
    assert not pane.scroll_key(pygame.K_DOWN) and not pane.scroll_key(pygame.K_UP)
