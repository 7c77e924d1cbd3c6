"""Hot-seat hand-over: a screen with nothing private on it until the incoming side confirms."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton

from game.saves.timeouts import with_timeouts
from game.scenario.models import SideId
from game.ui.screen import Screen
from game.ui.screens.common import row_height
from game.ui.text import Para
from game.ui.widgets import set_enabled

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session


CONFIRM_DELAY = 1.0
"""Seconds before the incoming side can confirm: a quick second press of Enter by the side
that has just handed over (or a key repeat) must not open the other side's table to it."""


class HandoverScreen(Screen):
    """Covers the table between turns; shows only public facts and whose turn it is."""

    help_text = "Enter: I am at the keyboard   Esc: menu"

    def __init__(self, app: App, session: Session, side: SideId) -> None:
        super().__init__(app)
        self.session = session
        self.side = side
        self.wait = CONFIRM_DELAY
        self.confirm_button: UIButton | None = None

    @property
    def ready(self) -> bool:
        """Whether the confirm button takes presses yet."""
        return self.wait <= 0

    def busy(self) -> bool:
        """Frames are needed until the confirm button wakes up."""
        return not self.ready

    def update(self, dt: float) -> None:
        """Count down the confirm delay; then the button takes presses."""
        if self.ready:
            return
        self.wait -= dt
        if self.ready and self.confirm_button is not None:
            set_enabled(self.confirm_button, True)
            self.focus.focus(self.confirm_button)

    def public_lines(self) -> list[str]:
        """What anyone in the room may see: the round and the last public move."""
        state = self.session.state
        name = self.session.scenario.sides.of(self.side).name
        lines = [f"Round {state.round} of {state.rounds}. {name} to move."]
        log = with_timeouts(self.session.scenario, state.log, self.session.timed_out)
        last = next((e for e in reversed(log) if e.kind == "move"), None)
        if last is not None:
            lines.append(f"Last move: {last.text}")
        return lines

    def layout(self, rect: pygame.Rect) -> None:
        """A centred message and one confirm button."""
        name = self.session.scenario.sides.of(self.side).name
        width = min(self.px(720), rect.width - 40)
        x = (rect.width - width) // 2
        top = rect.height // 2 - self.px(170)
        self.label(pygame.Rect(0, top, rect.width, self.px(64)), f"Hand over to {name}", "#title")
        info = self.pane(
            pygame.Rect(x, top + self.px(80), width, self.px(170)), focusable=False, background=None
        )
        blocks = [
            Para(
                f"Pass the keyboard to {name}. The other side's screen is "
                "hidden; nothing private is shown until you confirm.",
                17,
            ),
        ]
        blocks += [Para(line, 15, colour="text_dim", gap=8) for line in self.public_lines()]
        info.set_blocks(blocks)
        confirm = self.button(
            pygame.Rect(
                rect.centerx - width // 4, top + self.px(260), width // 2, row_height(self)
            ),
            f"I am {name}: show my table",
            self.confirm,
            object_id="#primary",
        )
        self.confirm_button = confirm
        set_enabled(confirm, self.ready)
        self.focus.focus(confirm)

    def confirm(self) -> None:
        """Reveal the incoming side's table (after its private briefing the first time),
        then any news that came while the other side was at the keyboard."""
        from game.ui.flow import brief

        if not self.ready:
            return
        # Only here does the table change sides: closing a pop-up or the menu must not.
        self.session.sit_down(self.side)
        self.app.pop()
        if self.side not in self.session.briefed:
            brief(self.app, self.session, self.side)

    def on_escape(self) -> None:
        """The pause menu (it shows nothing private either)."""
        from game.ui.screens.pause import PauseScreen

        self.app.push(PauseScreen(self.app, self.session))
