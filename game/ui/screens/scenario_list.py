"""Scenario choice: every scenario with its sources; broken files with their errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton, UIScrollingContainer

from game.scenario import Severity
from game.ui.screens.common import ListWithDetails, margin, rounds_and_deadline, row_height
from game.ui.text import Block, Para, Rule, displayable, ellipsize, long_date
from game.ui.widgets import set_enabled, set_selected

if TYPE_CHECKING:
    from game.library import Entry
    from game.ui.app import App


def entry_blocks(entry: Entry) -> list[Block]:
    """What the details pane shows for a scenario file."""
    scenario = entry.scenario
    if scenario is None:
        blocks: list[Block] = [
            Para(entry.path.name, 22, True),
            Para(str(entry.path), 14, colour="text_dim"),
            Para(
                "This file cannot be played until these problems are fixed "
                "(then press R to check the list again):",
                gap=12,
            ),
        ]
        for problem in entry.problems:
            where = f"line {problem.line}, column {problem.column}"
            path = f" ({problem.path})" if problem.path else ""
            warning = problem.severity is Severity.WARNING
            colour = "tabled" if warning else "rejected"
            # Said in words too, not by the marker's colour alone.
            kind = "Warning" if warning else "Error"
            blocks.append(
                Para(f"{kind}: {where}{path}: {problem.message}", 15, marker=colour, gap=8)
            )
        return blocks
    blocks = [
        Para(scenario.title, 22, True),
        Para(f"{long_date(scenario.date)} · {scenario.place}", 15, colour="text_dim"),
        Para(rounds_and_deadline(scenario), 15, colour="text_dim"),
        Para(scenario.summary, gap=12),
        Rule(gap=12),
        Para("Sources", 17, True, gap=10),
    ]
    for source in scenario.sources:
        blocks.append(
            Para(f"{source.title}", 15, True, marker="accent", gap=8),
        )
        line = f"{source.author}, {long_date(source.date)}"
        blocks.append(
            Para(
                line + (f". {source.note}" if source.note else ""),
                14,
                colour="text_dim",
                indent=14,
                gap=0,
            )
        )
    warnings = [p for p in entry.problems if p.severity is Severity.WARNING]
    if warnings:
        blocks += [Rule(gap=12), Para("Warnings from the scenario check", 17, True, gap=10)]
        for problem in warnings:
            blocks.append(Para(f"line {problem.line}: {problem.message}", 14, marker="tabled"))
    if not entry.shipped:
        blocks.append(
            Para(f"From your scenario folder: {entry.path}", 14, colour="text_dim", gap=14)
        )
    return blocks


class ScenarioListScreen(ListWithDetails):
    """The list on the left, the chosen scenario's details and sources on the right."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.entries: list[Entry] = app.scenarios()
        self.chosen = next((i for i, e in enumerate(self.entries) if e.ok), 0)
        self.list_buttons: list[UIButton] = []

    def layout(self, rect: pygame.Rect) -> None:
        """Heading, the scrolling list, the details pane and the buttons."""
        pad = margin(self)
        self.label(
            pygame.Rect(pad, pad, rect.width - 2 * pad, self.px(36)),
            "Choose a scenario",
            "#heading",
        )
        top = pad + self.px(44)
        bottom = rect.height - pad - row_height(self) - self.px(24)
        list_w = max(self.px(280), rect.width * 36 // 100)
        list_rect = pygame.Rect(pad, top, list_w, bottom - top)
        scroller = UIScrollingContainer(
            list_rect, self.manager, container=self.container, allow_scroll_x=False
        )
        height, gap = self.px(44), self.px(6)
        inner_w = list_w - 24
        font = self.app.fonts.get(16, True)
        self.list_buttons = []
        for index, entry in enumerate(self.entries):
            label = ellipsize(displayable(self._label(entry), font), font, inner_w - self.px(30))
            button = self.button(
                pygame.Rect(0, index * (height + gap), inner_w, height),
                label,
                self._chooser(index),
                container=scroller,
                scroller=scroller,
                object_id="#entry",
                tooltip=self.list_tooltip(self._label(entry), entry.path),
            )
            set_selected(button, index == self.chosen)
            self.list_buttons.append(button)
        scroller.set_scrollable_area_dimensions((inner_w, len(self.entries) * (height + gap)))
        details = pygame.Rect(
            list_rect.right + pad, top, rect.width - list_rect.right - 2 * pad, bottom - top
        )
        self.details = self.pane(details)
        buttons_y = bottom + self.px(12)
        width = self.px(200)
        # Made left to right, so Tab follows them in reading order.
        self.button(
            pygame.Rect(pad, buttons_y, self.px(140), row_height(self)), "Back", self.app.pop
        )
        self.button(
            pygame.Rect(pad + self.px(150), buttons_y, self.px(200), row_height(self)),
            "Check again",
            self.rescan,
            shortcut="r",
            hint="check the list again",
        )
        self.go = self.button(
            pygame.Rect(rect.width - pad - width, buttons_y, width, row_height(self)),
            "Continue",
            self.proceed,
            object_id="#primary",
        )
        if not self.entries:
            self.details.set_blocks(
                [Para("No scenarios were found.", 18, True), Para(self._folder_note())]
            )
            set_enabled(self.go, False)
        else:
            self.show_details()
        if self.list_buttons:
            self.focus.focus(self.list_buttons[self.chosen])

    def _label(self, entry: Entry) -> str:
        if entry.scenario is None:
            return f"Cannot load: {entry.path.name}"
        return f"{entry.scenario.date.year}  ·  {entry.scenario.title}"

    def _folder_note(self) -> str:
        from game.library import user_folder

        return f"Your own scenarios go in: {user_folder(create=False)}"

    def _chooser(self, index: int) -> Callable[[], None]:
        return lambda: self.choose(index)

    def choose(self, index: int) -> None:
        """Show a scenario's details; choosing it again continues."""
        if index == self.chosen and self.entries[index].ok and self.details.blocks:
            self.proceed()
            return
        self.chosen = index
        for number, button in enumerate(self.list_buttons):
            set_selected(button, number == index)
        self.show_details()

    def show_details(self) -> None:
        """Fill the details pane for the chosen entry."""
        entry = self.entries[self.chosen]
        blocks = entry_blocks(entry)
        blocks.append(Para(self._folder_note(), 13, colour="text_dim", gap=16))
        self.details.set_blocks(blocks, keep_offset=False)
        set_enabled(self.go, entry.ok)

    def rescan(self) -> None:
        """Check the scenario folders again (after editing a file)."""
        self.entries = self.app.scenarios()
        self.chosen = next((i for i, e in enumerate(self.entries) if e.ok), 0)
        self.build()

    def proceed(self) -> None:
        """Go to the game set-up with the chosen scenario."""
        if not self.entries or not self.entries[self.chosen].ok:
            return
        from game.ui.screens.setup import SetupScreen

        self.app.push(SetupScreen(self.app, self.entries[self.chosen]))

    def on_escape(self) -> None:
        """Back to the title."""
        self.app.pop()
