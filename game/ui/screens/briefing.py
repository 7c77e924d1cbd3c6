"""A side's private briefing: its public brief, priorities, red lines and people at home."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.trust import trust_of
from game.scenario.models import SideId
from game.ui.screen import Screen
from game.ui.screens.common import margin, row_height
from game.ui.text import Block, Para, Rule

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session


def briefing_blocks(session: Session, side: SideId) -> list[Block]:
    """The private briefing of `side`, as text blocks."""
    scenario = session.scenario
    own = scenario.sides.of(side)
    other = scenario.sides.of(side.other)
    state = session.state
    blocks: list[Block] = [
        Para(f"{scenario.title} ({scenario.place}, {scenario.date:%B %Y})", 15, colour="text_dim"),
        Para(own.briefing, 16, gap=10),
        Rule(gap=12),
        Para("Your priorities (most important first)", 18, True, gap=10),
    ]
    blocks += [
        Para(f"{number}. {text}", 16, marker=side.value, gap=6)
        for number, text in enumerate(own.priorities, start=1)
    ]
    blocks.append(Para("Your red lines: never accept these", 18, True, gap=14))
    if own.red_lines:
        blocks += [Para(line.text, 16, marker="rejected", gap=6) for line in own.red_lines]
    else:
        blocks.append(Para("None: everything can be negotiated.", 16, colour="text_dim"))
    if own.constituencies:
        blocks.append(Para("People at home you must keep with you", 18, True, gap=14))
        for group in own.constituencies:
            blocks += [
                Para(group.name, 16, True, gap=6),
                Para(group.description, 15, indent=14, gap=0),
            ]
    blocks += [
        Rule(gap=12),
        Para(
            f"Support at home: {state.support.of(side)}. Your trust in {other.short}: "
            f"{trust_of(state, side)}. The talks end after round {state.rounds} "
            f"({scenario.deadline}), on a walk-out, or when both sides pass with something agreed.",
            15,
            colour="text_dim",
            gap=8,
        ),
        Para(
            f"{other.short} cannot see this briefing; it can only guess your priorities "
            "from what you do at the table.",
            15,
            colour="text_dim",
        ),
    ]
    return blocks


class BriefingScreen(Screen):
    """Full screen, for the side about to play (never shown during a hand-over).

    The arrow keys always scroll the text and Enter always goes to the table: the only
    thing to press here is that one button, so the text is no stop for the focus.
    """

    def __init__(self, app: App, session: Session, side: SideId) -> None:
        super().__init__(app)
        self.session = session
        self.side = side
        # Before the side's first turn it has never been at the table, so it is not "back".
        self.first = side not in session.briefed
        where = "go to the table" if self.first else "back to the table"
        self.footer_keys = "Arrows / Page Up / Page Down: read"
        self.footer_escape = f"Enter or Esc: {where}"

    def layout(self, rect: pygame.Rect) -> None:
        """Heading, the briefing pane and the button to the table."""
        pad = margin(self)
        name = self.session.scenario.sides.of(self.side).name
        width = min(rect.width - 2 * pad, self.px(900))
        x = (rect.width - width) // 2
        self.label(pygame.Rect(x, pad, width, self.px(40)), f"Private briefing: {name}", "#heading")
        self.label(
            pygame.Rect(x, pad + self.px(38), width, self.px(24)),
            f"For {name} only.",
            "#small",
        )
        bottom = rect.height - pad - row_height(self) - self.px(24)
        self.briefing_pane = self.pane(
            pygame.Rect(x, pad + self.px(70), width, bottom - pad - self.px(70)), focusable=False
        )
        self.briefing_pane.set_blocks(briefing_blocks(self.session, self.side))
        go = self.button(
            pygame.Rect(
                x + width - self.px(260), bottom + self.px(12), self.px(260), row_height(self)
            ),
            "Go to the table" if self.first else "Back to the table",
            self.done,
            object_id="#primary",
        )
        self.focus.focus(go)

    def handle(self, event: pygame.event.Event) -> None:
        """Arrows, Page Up / Down, Home and End scroll the text; the rest as usual."""
        if event.type == pygame.KEYDOWN and self.briefing_pane.scroll_key(event.key):
            return
        super().handle(event)

    def done(self) -> None:
        """Go to the table."""
        self.session.briefed.add(self.side)
        self.app.pop()

    def on_escape(self) -> None:
        """Escape also goes to the table."""
        self.done()
