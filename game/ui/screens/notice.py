"""A short message in a dialog over the current screen, closed with Enter or Escape."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.screen import Screen
from game.ui.screens.common import dialog, row_height
from game.ui.text import Block, Para

if TYPE_CHECKING:
    from game.ui.app import App


class NoticeScreen(Screen):
    """A title, a few lines and an OK button."""

    modal = True
    help_text = "Enter or Esc: close"

    def __init__(self, app: App, heading: str, lines: list[str]) -> None:
        super().__init__(app)
        self.heading = heading
        self.lines = lines

    def layout(self, rect: pygame.Rect) -> None:
        """The dialog."""
        inner = dialog(self, self.px(620), self.px(300))
        pad = self.px(20)
        body = self.pane(
            pygame.Rect(pad, pad, inner.width - 2 * pad, inner.height - 2 * pad - row_height(self)),
            background=None,
            padding=0,
        )
        blocks: list[Block] = [Para(self.heading, 20, True)]
        blocks += [Para(line, 15, gap=8) for line in self.lines]
        body.set_blocks(blocks)
        ok = self.button(
            pygame.Rect(
                inner.width - pad - self.px(140),
                inner.height - pad - row_height(self),
                self.px(140),
                row_height(self),
            ),
            "OK",
            self.app.pop,
            object_id="#primary",
        )
        self.focus.focus(ok)

    def on_escape(self) -> None:
        """Escape closes it."""
        self.app.pop()
