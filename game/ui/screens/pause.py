"""The pause menu (Escape): resume, entries other modules add (save, load), settings, quit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui import hooks
from game.ui.screen import Screen
from game.ui.screens.common import Choice, button_column, column_height, dialog
from game.ui.widgets import set_enabled

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session


class PauseScreen(Screen):
    """A dialog over the dimmed game; the game (and its timer) waits while it is open."""

    modal = True
    footer_escape = "Esc: resume"

    def __init__(self, app: App, session: Session | None) -> None:
        super().__init__(app)
        self.session = session
        self.confirm_quit = False

    def layout(self, rect: pygame.Rect) -> None:
        """Title and a column of buttons."""
        choices = [Choice("Resume", self.app.pop, None, "#primary")]
        unavailable: list[int] = []
        if self.session is not None:
            for item in hooks.registry.menu(hooks.PAUSE):
                reason = item.unavailable(self.session) if item.unavailable else None
                if reason:
                    # Greyed out with the reason as its label, as the replay's and the load
                    # screen's buttons are; no shortcut, so the key cannot run it either.
                    unavailable.append(len(choices))
                    choices.append(Choice(reason, _nothing))
                else:
                    choices.append(Choice(item.label, self._hook(item), item.shortcut))
        choices.append(Choice("Settings", self.settings))
        quit_label = (
            "Really leave this game?  Press again" if self.confirm_quit else "Quit to title"
        )
        choices.append(Choice(quit_label, self.quit, None, "#danger"))
        width = self.px(380)
        inner = dialog(
            self, width + self.px(60), self.px(80) + column_height(self, len(choices)) + self.px(24)
        )
        self.label(
            pygame.Rect(self.px(24), self.px(14), inner.width, self.px(34)), "Paused", "#heading"
        )
        buttons = button_column(self, choices, inner.centerx, self.px(64), width)
        for index in unavailable:
            set_enabled(buttons[index], False)
        self.focus.focus(buttons[-1] if self.confirm_quit else buttons[0])

    def _hook(self, item: hooks.MenuItem) -> Callable[[], None]:
        return lambda: item.action(self.app, self.session)

    def settings(self) -> None:
        """Open the settings over the menu."""
        from game.ui.screens.settings_screen import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def on_uncover(self) -> None:
        """Coming back from a screen opened over the menu (load, settings) ends the wait for
        a second press: the next Enter must not leave the game at once."""
        if self.confirm_quit:
            self.confirm_quit = False
            self.needs_build = True

    def quit(self) -> None:
        """Back to the title, after a second press (the autosave keeps the game to go on)."""
        in_game = self.session is not None and not self.session.over
        if in_game and not self.confirm_quit:
            self.confirm_quit = True
            self.build()
            return
        from game.ui.flow import to_title

        to_title(self.app)

    def on_escape(self) -> None:
        """Escape resumes."""
        self.app.pop()


def _nothing() -> None:
    """The action of a greyed-out entry (a disabled button never runs it)."""
