"""Settings: window size, full screen, text size, colour-blind-safe palette, sound."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from game.settings import PALETTES, TEXT_SIZES, Settings
from game.ui.screen import Screen
from game.ui.screens.common import Choice, button_column, column_height, dialog

if TYPE_CHECKING:
    from game.ui.app import App


def _cycle(options: list[object], current: object, step: int) -> object:
    index = options.index(current) if current in options else -1
    return options[(index + step) % len(options)]


class SettingsScreen(Screen):
    """A dialog over the screen beneath; every change applies at once and is remembered."""

    modal = True
    help_text = "Tab / arrows: move   Enter or Left/Right: change   Esc: done"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.row = 0

    def rows(self, settings: Settings) -> list[tuple[str, str]]:
        """(label, value) for each setting, in order."""
        size = f"{settings.width} × {settings.height}"
        actual = self.app.window_size
        if actual != (settings.width, settings.height):
            # Resized by hand or by a smaller screen: say what is shown, beside what is chosen.
            size += f" (now {actual[0]} × {actual[1]})"
        return [
            ("Window size", "(full screen)" if settings.fullscreen else size),
            ("Full screen", "On" if settings.fullscreen else "Off"),
            ("Text size", settings.text_size.capitalize()),
            ("Colours", settings.palette.capitalize()),
            ("Sound", "On" if settings.sound else "Off"),
        ]

    def layout(self, rect: pygame.Rect) -> None:
        """A dialog with one button per setting and a Done button."""
        settings = self.app.settings
        count = len(self.rows(settings)) + 1
        width = self.px(460)
        height = self.px(70) + column_height(self, count) + self.px(60)
        inner = dialog(self, width + self.px(60), height)
        self.label(
            pygame.Rect(self.px(24), self.px(14), inner.width, self.px(34)), "Settings", "#heading"
        )
        choices = [
            Choice(f"{name}:  {value}", self._changer(index))
            for index, (name, value) in enumerate(self.rows(settings))
        ]
        choices.append(Choice("Done", self.app.pop, None, "#primary"))
        buttons = button_column(self, choices, inner.centerx, self.px(60), width)
        self.focus.focus(buttons[min(self.row, len(buttons) - 1)])
        self.label(
            pygame.Rect(
                self.px(24), inner.height - self.px(40), inner.width - self.px(48), self.px(28)
            ),
            "Settings are saved for next time.",
            "#small",
        )

    def _changer(self, index: int) -> Callable[[], None]:
        return lambda: self.change(index, 1)

    def change(self, index: int, step: int) -> None:
        """Move setting `index` to its next (or previous) value and apply it."""
        settings = self.app.settings
        if index == 0:
            if settings.fullscreen:
                return
            size = _cycle(list(self.app.window_sizes()), (settings.width, settings.height), step)
            new = replace(settings, width=size[0], height=size[1])  # type: ignore[index]
        elif index == 1:
            new = replace(settings, fullscreen=not settings.fullscreen)
        elif index == 2:
            new = replace(
                settings, text_size=str(_cycle(list(TEXT_SIZES), settings.text_size, step))
            )
        elif index == 3:
            new = replace(settings, palette=str(_cycle(list(PALETTES), settings.palette, step)))
        else:
            new = replace(settings, sound=not settings.sound)
        self.row = index
        self.app.apply_settings(new)
        self.build()

    def handle(self, event: pygame.event.Event) -> None:
        """Left and Right change the focused setting; everything else as usual."""
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            index = self.focus.index
            if 0 <= index < len(self.rows(self.app.settings)):
                self.change(index, 1 if event.key == pygame.K_RIGHT else -1)
                return
        super().handle(event)

    def on_escape(self) -> None:
        """Escape closes the dialog."""
        self.app.pop()
