"""Game set-up: side, mode (against the computer at a difficulty, or hot-seat), round timer."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from game.scenario.models import SideId
from game.ui.screen import Screen
from game.ui.screens.common import margin, rounds_and_deadline, row_height
from game.ui.session import HOTSEAT, SOLO, Session, Setup
from game.ui.text import Block, Para, Rule

if TYPE_CHECKING:
    from game.library import Entry
    from game.ui.app import App

TIMERS = (0, 60, 120, 180, 300)


def _levels() -> tuple[tuple[str, str], ...]:
    """(level, its title) for each difficulty, easiest first."""
    from game.ai import LEVEL_NAMES, LEVELS

    return tuple((level, LEVEL_NAMES.get(level, level)) for level in LEVELS)


def timer_label(seconds: int) -> str:
    """'Off' or 'N min'."""
    return "Off" if seconds == 0 else f"{seconds // 60} min"


class SetupScreen(Screen):
    """Choices in rows of buttons on the left, both sides' public briefings on the right."""

    help_text = "Tab / arrows: move   Enter: choose   S: start   Esc: back"

    def __init__(self, app: App, entry: Entry) -> None:
        super().__init__(app)
        assert entry.scenario is not None
        self.entry = entry
        self.scenario = entry.scenario
        self.setup = Setup(seed=random.SystemRandom().randrange(1, 2**31))

    def layout(self, rect: pygame.Rect) -> None:
        """Option rows, the briefings pane, Back and Start."""
        pad = margin(self)
        self.label(
            pygame.Rect(pad, pad, rect.width - 2 * pad, self.px(36)),
            f"Set up: {self.scenario.title}",
            "#heading",
        )
        left_w = min(max(self.px(420), rect.width * 45 // 100), rect.width - 2 * pad)
        y = pad + self.px(52)
        sides = self.scenario.sides
        y = self._row(
            "Mode",
            [
                ("Against the computer", self.setup.mode == SOLO, self._set(mode=SOLO)),
                ("Hot-seat: two players", self.setup.mode == HOTSEAT, self._set(mode=HOTSEAT)),
            ],
            pad,
            y,
            left_w,
        )
        if self.setup.mode == SOLO:
            y = self._row(
                "Your side",
                [
                    (
                        sides.nato.name,
                        self.setup.human is SideId.NATO,
                        self._set(human=SideId.NATO),
                    ),
                    (
                        sides.russia.name,
                        self.setup.human is SideId.RUSSIA,
                        self._set(human=SideId.RUSSIA),
                    ),
                ],
                pad,
                y,
                left_w,
            )
            titles = dict(_levels())
            y = self._row(
                f"Computer's skill: {titles.get(self.setup.difficulty, '')}",
                [
                    (
                        level.capitalize(),
                        self.setup.difficulty == level,
                        self._set(difficulty=level),
                    )
                    for level in titles
                ],
                pad,
                y,
                left_w,
            )
            from game.ai import LEVEL_STYLES

            style = LEVEL_STYLES.get(self.setup.difficulty, "")
            self.label(pygame.Rect(pad, y - self.px(10), left_w, self.px(26)), style, "#small")
            y += self.px(22)
        y = self._row(
            "Round timer (per side, per turn)",
            [(timer_label(t), self.setup.timer == t, self._set(timer=t)) for t in TIMERS],
            pad,
            y,
            left_w,
        )
        note = (
            "When a side's time runs out, it passes. Use it to keep a lesson on schedule."
            if self.setup.timer
            else "No timer: each side takes as long as it needs."
        )
        self.label(pygame.Rect(pad, y, left_w, self.px(26)), note, "#small")
        bottom = rect.height - pad - row_height(self) - self.px(24)
        pane_x = pad * 2 + left_w
        self.briefings = self.pane(
            pygame.Rect(
                pane_x, pad + self.px(52), rect.width - pane_x - pad, bottom - pad - self.px(52)
            )
        )
        self.briefings.set_blocks(self.public_briefings())
        buttons_y = bottom + self.px(12)
        self.button(
            pygame.Rect(pad, buttons_y, self.px(140), row_height(self)), "Back", self.app.pop
        )
        start = self.button(
            pygame.Rect(rect.width - pad - self.px(220), buttons_y, self.px(220), row_height(self)),
            "Start   (S)",
            self.start,
            object_id="#primary",
            shortcut="s",
        )
        if self.focus.index < 0:
            self.focus.focus(start)

    def public_briefings(self) -> list[Block]:
        """Both delegations' public briefings: what each side may know of the other."""
        sides = self.scenario.sides
        blocks: list[Block] = [Para("The delegations (public briefings)", 18, True)]
        for side in SideId:
            delegation = sides.of(side)
            blocks += [
                Para(delegation.name, 17, True, marker=side.value, gap=12),
                Para(delegation.briefing, 15),
            ]
        blocks += [
            Rule(gap=14),
            Para(
                f"{rounds_and_deadline(self.scenario)} Each side's own priorities and red "
                "lines are shown to it alone, in a private briefing.",
                14,
                colour="text_dim",
            ),
        ]
        return blocks

    def _row(
        self,
        title: str,
        options: list[tuple[str, bool, Callable[[], None]]],
        x: int,
        y: int,
        width: int,
    ) -> int:
        self.label(pygame.Rect(x, y, width, self.px(26)), title, "#small")
        y += self.px(28)
        gap = self.px(8)
        count = len(options)
        each = (width - gap * (count - 1)) // count
        for index, (text, chosen, action) in enumerate(options):
            rect = pygame.Rect(x + index * (each + gap), y, each, row_height(self))
            self.button(rect, text, action, object_id="#option_chosen" if chosen else "#option")
        return y + row_height(self) + self.px(16)

    def _set(self, **changes: object) -> Callable[[], None]:
        def change() -> None:
            index = self.focus.index
            self.setup = replace(self.setup, **changes)  # type: ignore[arg-type]
            self.build()
            self.focus.index = min(index, len(self.focus.items) - 1)

        return change

    def start(self) -> None:
        """Begin the game: the briefing (after a hand-over in hot-seat), then the table."""
        from game.ui.flow import begin

        session = Session.start(self.scenario, self.setup, self.entry.path)
        begin(self.app, session)

    def on_escape(self) -> None:
        """Back to the scenario list."""
        self.app.pop()
