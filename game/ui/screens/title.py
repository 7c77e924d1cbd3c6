"""The title screen: new game, entries other modules add (load, replays), settings, quit."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui import hooks
from game.ui.screen import Screen
from game.ui.screens.common import Choice, button_column, column_height


class TitleScreen(Screen):
    """The first screen: what the game is, and where to go from here."""

    footer_escape = ""  # Escape does nothing here: Q quits

    def layout(self, rect: pygame.Rect) -> None:
        """Title, a line about the game, and a column of buttons."""
        choices = [Choice("New game", self.new_game, "n", "#primary")]
        for item in hooks.registry.menu(hooks.TITLE):
            choices.append(Choice(item.label, self._hook(item), item.shortcut))
        choices += [Choice("Settings", self.settings, "s"), Choice("Quit", self.quit, "q")]
        width = min(self.px(360), rect.width - 40)
        title_h, sub_h = self.px(64), self.px(56)
        block = title_h + sub_h + self.px(30) + column_height(self, len(choices))
        top = max(self.px(20), (rect.height - block) // 2 - self.px(20))
        self.label(pygame.Rect(0, top, rect.width, title_h), "Détente", "#title")
        self.label(
            pygame.Rect(20, top + title_h, rect.width - 40, self.px(28)),
            "Two delegations, one table, a deadline: negotiate missile-defence cooperation",
            "#subtitle",
        )
        self.label(
            pygame.Rect(20, top + title_h + self.px(28), rect.width - 40, self.px(28)),
            "as NATO or Russia, against the computer or face to face.",
            "#subtitle",
        )
        button_column(self, choices, rect.centerx, top + title_h + sub_h + self.px(30), width)

    def _hook(self, item: hooks.MenuItem) -> Callable[[], None]:
        return lambda: item.action(self.app, None)

    def new_game(self) -> None:
        """Choose a scenario."""
        from game.ui.screens.scenario_list import ScenarioListScreen

        self.app.push(ScenarioListScreen(self.app))

    def settings(self) -> None:
        """Open the settings."""
        from game.ui.screens.settings_screen import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def quit(self) -> None:
        """Close the game."""
        self.app.running = False
