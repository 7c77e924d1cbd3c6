"""A pop-up for news from outside the room, over the dimmed table."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenario.citations import quoted
from game.scenario.models import Event, SideId
from game.ui.screen import Screen
from game.ui.screens.common import dialog, row_height
from game.ui.text import Block, Para, quote_para, render

if TYPE_CHECKING:
    from game.scenario.models import Scenario
    from game.ui.app import App


def event_blocks(event: Event, scenario: Scenario, viewer: SideId | None = None) -> list[Block]:
    """The news, its source, its public effects (trust, support, deadline) and, for the side
    it is shown to, what it changes in that side's own values (private, like them)."""
    blocks: list[Block] = [Para(event.title, 22, True), Para(event.text, 16, gap=10)]
    effect = event.effect
    changes = []
    nato, russia = scenario.sides.nato.short, scenario.sides.russia.short
    if effect.trust is not None:
        if effect.trust.nato_in_russia:
            changes.append(f"{nato}'s trust in {russia} {effect.trust.nato_in_russia:+d}")
        if effect.trust.russia_in_nato:
            changes.append(f"{russia}'s trust in {nato} {effect.trust.russia_in_nato:+d}")
    if effect.support is not None:
        for side in SideId:
            if effect.support.of(side):
                changes.append(
                    f"support for {scenario.sides.of(side).short} {effect.support.of(side):+d}"
                )
    if effect.deadline:
        changes.append(f"the deadline moves {deadline_shift(effect.deadline)}")
    if changes:
        blocks.append(Para("Effect: " + "; ".join(changes) + ".", 15, colour="text_dim", gap=10))
    own = [
        (change.proposal, change.nato if viewer is SideId.NATO else change.russia)
        for change in effect.values
    ]
    own = [(proposal, points) for proposal, points in own if points and viewer is not None]
    if own:
        # Values are private: each side is told only how its own change, when it sees the news.
        worth = "; ".join(
            f"'{scenario.proposal(proposal).title}' is worth {abs(points)} "
            f"{'more' if points > 0 else 'less'} to you"
            for proposal, points in own
        )
        blocks.append(Para(f"For you (private): {worth}.", 15, gap=6))
    if event.citation is not None:
        blocks.append(quote_para(quoted(scenario, event.citation), 14, gap=12))
    return blocks


def deadline_shift(rounds: int) -> str:
    """'1 round later', '2 rounds earlier': how far a deadline effect moves the deadline, as
    the log says it when it moves."""
    steps = abs(rounds)
    return f"{steps} round{'s' if steps > 1 else ''} {'later' if rounds > 0 else 'earlier'}"


class EventPopup(Screen):
    """Shows one event; Enter or the button closes it."""

    modal = True
    help_text = "Enter or Esc: back to the table"

    def __init__(self, app: App, event: Event, viewer: SideId | None = None) -> None:
        super().__init__(app)
        self.event = event
        self.viewer = viewer
        """The side it is shown to: it also sees what the news does to its own values."""

    def layout(self, rect: pygame.Rect) -> None:
        """A dialog with the news and one button."""
        scenario = self._scenario()
        blocks = [
            Para("News from outside the room", 14, colour="text_dim"),
            *event_blocks(self.event, scenario, self.viewer),
        ]
        width = min(self.px(640), rect.width - 40)
        pad = self.px(20)
        # Measured at the pane's own wrapping width, so the pane reuses these renderings.
        content, _ = render(blocks, width - 2 * pad - 10, self.app.fonts, self.app.palette)
        inner = dialog(self, width, content.get_height() + self.px(100))
        body = self.pane(
            pygame.Rect(pad, pad, inner.width - 2 * pad, inner.height - self.px(90)),
            background=None,
            padding=0,
        )
        body.set_blocks(blocks)
        ok = self.button(
            pygame.Rect(
                inner.width - pad - self.px(200),
                inner.height - pad - row_height(self),
                self.px(200),
                row_height(self),
            ),
            "Back to the table",
            self.app.pop,
            object_id="#primary",
        )
        self.focus.focus(ok)

    def _scenario(self) -> Scenario:
        for screen in reversed(self.app.stack):
            session = getattr(screen, "session", None)
            if session is not None:
                return session.scenario  # type: ignore[no-any-return]
        raise RuntimeError("an event pop-up needs a game beneath it")

    def on_escape(self) -> None:
        """Escape closes the pop-up."""
        self.app.pop()
