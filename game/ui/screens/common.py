"""Layout helpers shared by the screens: margins, a centred column of buttons, a dialog box."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame
from pygame_gui.core import UIContainer
from pygame_gui.elements import UIButton, UIImage

from game.ui.screen import Screen
from game.ui.widgets import Action

if TYPE_CHECKING:
    from game.scenario.models import Scenario


@dataclass(frozen=True)
class Choice:
    """A menu button: label, action, optional shortcut letter and theme id."""

    label: str
    action: Action
    shortcut: str | None = None
    object_id: str | None = None


def rounds_and_deadline(scenario: Scenario) -> str:
    """'The talks last 8 rounds. Deadline after round 8: <the scenario's deadline>.'

    The deadline is a scenario's free text ("End of the practice session"), so it stands
    after a colon, where any wording reads naturally.
    """
    rounds, deadline = scenario.rounds, scenario.deadline.rstrip(". ")
    return f"The talks last {rounds} rounds. Deadline after round {rounds}: {deadline}."


class ListWithDetails(Screen):
    """A screen with a list of buttons and a details pane that follows the keyboard focus
    through the list, not only a click (the scenario list, the saves)."""

    list_buttons: list[UIButton]
    chosen: int

    def choose(self, index: int) -> None:
        """Show the details of list entry `index` (choosing it again goes on)."""
        raise NotImplementedError

    def handle(self, event: pygame.event.Event) -> None:
        """As usual; then the details follow the keyboard focus through the list."""
        super().handle(event)
        if self.app.top is not self or event.type != pygame.KEYDOWN:
            return
        current = self.focus.current
        if current is None:
            return
        index = next(
            (i for i, button in enumerate(self.list_buttons) if button is current.widget), None
        )
        if index is not None and index != self.chosen:
            self.choose(index)


def margin(screen: Screen) -> int:
    """The outer margin, a little wider on big windows."""
    return max(screen.px(16), screen.app.size[0] // 60)


def row_height(screen: Screen) -> int:
    """The height of a standard button."""
    return screen.px(40)


def button_column(
    screen: Screen, choices: list[Choice], centre_x: int, top: int, width: int
) -> list[UIButton]:
    """Buttons one under another, centred on `centre_x`, starting at `top`."""
    height, gap = row_height(screen), screen.px(10)
    buttons = []
    for index, choice in enumerate(choices):
        rect = pygame.Rect(centre_x - width // 2, top + index * (height + gap), width, height)
        label = f"{choice.label}   ({choice.shortcut.upper()})" if choice.shortcut else choice.label
        buttons.append(
            screen.button(
                rect,
                label,
                choice.action,
                shortcut=choice.shortcut,
                object_id=choice.object_id,
            )
        )
    return buttons


def column_height(screen: Screen, count: int) -> int:
    """The height `button_column` takes for `count` buttons."""
    return count * row_height(screen) + max(0, count - 1) * screen.px(10)


def dialog(screen: Screen, width: int, height: int) -> pygame.Rect:
    """A raised, centred dialog panel; later widgets go inside it.

    Returns the area inside the panel in the panel's own coordinates.
    """
    window_w, window_h = screen.app.size
    width, height = min(width, window_w - 40), min(height, window_h - 40)
    rect = pygame.Rect(0, 0, width, height)
    rect.center = (window_w // 2, window_h // 2)
    box = UIContainer(rect, screen.manager, container=screen.container)
    palette = screen.app.palette
    surface = pygame.Surface(rect.size, pygame.SRCALPHA)
    # Drawn here rather than themed: pygame_gui builds large rounded panels slowly.
    pygame.draw.rect(surface, palette["panel_raised"], surface.get_rect(), border_radius=10)
    pygame.draw.rect(surface, palette["accent"], surface.get_rect(), width=2, border_radius=10)
    UIImage(pygame.Rect((0, 0), rect.size), surface, screen.manager, container=box)
    screen.content = box
    return pygame.Rect(0, 0, rect.width, rect.height)
