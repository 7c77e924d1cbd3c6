"""The debrief: tier, both scores and the shared score, the package, the trust chart, history."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIImage

from game.engine import constants as C
from game.engine import outcome
from game.engine.outcome import Outcome, Tier
from game.engine.state import Status
from game.engine.values import all_terms, raw_value, signable
from game.scenario.models import SideId
from game.ui.chart import Legend, chart_height, trust_chart
from game.ui.screen import Screen
from game.ui.screens.common import margin, row_height
from game.ui.text import Block, Para, Picture, Rule

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session

TIER_COLOURS = {
    Tier.BREAKDOWN: "rejected",
    Tier.STALEMATE: "neutral",
    Tier.LIMITED: "tabled",
    Tier.PARTNERSHIP: "agreed",
}
ENDINGS = {
    "signed": "Both sides passed with proposals agreed: the package was signed.",
    "deadline": "The deadline came before the talks could go further.",
    "walk_out": "{walker} walked out of the talks.",
    "in_progress": "The talks were left unfinished.",
}


def result_blocks(session: Session, result: Outcome, chart: Picture | None = None) -> list[Block]:
    """The tier, how the game ended, each side's score and the shared score, the `chart`
    if given, then how each score is made up and the agreed package."""
    scenario, state = session.scenario, session.state
    walker = scenario.sides.of(state.walked_out).name if state.walked_out else ""
    blocks: list[Block] = [
        Para(result.tier.value.capitalize(), 24, True, marker=TIER_COLOURS[result.tier]),
        Para(ENDINGS[result.ended_by].format(walker=walker), 15, colour="text_dim", gap=4),
    ]
    if result.ended_by == "walk_out" and result.package:
        blocks.append(
            Para("Agreements reached before the walk-out still count.", 14, colour="text_dim")
        )
    # The scores before anything long (the chart, the details), the player's own first, so
    # it is never below the fold: a Russia player's came after NATO's details and the chart.
    for number, side in enumerate(sides_in_order(session)):
        words = f"{score_owner(session, side)}: {result.of(side).score:.1f}"
        blocks.append(Para(words, 17, True, marker=side.value, gap=2 if number else 10))
    blocks += [
        Para(f"Shared score: {result.shared:.1f} of 100", 18, True, gap=10),
        Para(
            "The geometric mean of both scores: it is high only when both sides do well.",
            14,
            colour="text_dim",
            gap=2,
        ),
    ]
    if chart is not None:
        blocks.append(chart)
    blocks.append(Para("How each score is made up", 17, True, gap=12))
    for side in sides_in_order(session):
        score = result.of(side)
        blocks.append(
            Para(
                # The same figures, rounded the same way, as the report's score table, so
                # that the sum can be checked by hand: 60 x 0.70 + 20 x 0.49 + 20 x 0.565.
                f"{scenario.sides.of(side).name}: {score.score:.1f}. "
                f"Package {score.package:+.2f} of its best possible (×{C.PACKAGE_WEIGHT}), "
                f"support at home {score.support}/100 (×{C.SUPPORT_WEIGHT}), "
                f"mean trust {score.trust:.1f}/100 "
                f"(×{C.TRUST_WEIGHT}).",
                14,
                colour="text_dim",
                marker=side.value,
                gap=6,
            )
        )
    blocks += [Rule(gap=12), Para("The agreed package", 17, True, gap=8)]
    if not result.package:
        blocks.append(Para("Nothing was agreed.", 15, colour="text_dim"))
    for item in sorted(result.package, key=lambda agreed: agreed.round):
        proposal = scenario.proposal(item.proposal)
        chosen = dict(item.terms)
        terms = "; ".join(
            f"{t.label}: {next(v.label for v in t.variants if v.id == chosen.get(t.id, t.default))}"
            for t in proposal.terms
        )
        text = f"{item.title} (round {item.round})" + (f": {terms}" if terms else "")
        blocks.append(Para(text, 15, marker="agreed", gap=6))
    blocks += left_on_the_table(session)
    blocks += [
        Rule(gap=12),
        Para(
            f"Partnership needs both sides at {C.PARTNERSHIP_VALUE:.0%} of their best package "
            f"and mean trust of {C.PARTNERSHIP_TRUST} or more; mean trust below "
            f"{C.BREAKDOWN_TRUST} or a walk-out is a breakdown; nothing agreed is a stalemate.",
            13,
            colour="text_dim",
        ),
    ]
    return blocks


def left_on_the_table(session: Session) -> list[Block]:
    """What could still have been agreed and was not: each proposal both sides could sign
    that was worth something to either, with its best worth to each (the game is over, so
    both sides' values are shown, as in the replay), largest first. Where a student sees
    what to try next time."""
    state = session.state
    rows = []
    for live in state.proposals:
        if live.status is Status.AGREED:
            continue
        proposal = state.scenario.proposal(live.id)
        signable_terms = [t for t in all_terms(proposal) if signable(state.scenario, live.id, t)]
        if not signable_terms:
            continue
        best = {
            side: max(
                raw_value(proposal, t, side, live.value_shift.of(side)) for t in signable_terms
            )
            for side in SideId
        }
        if max(best.values()) > 0:
            rows.append((sum(best.values()), proposal.title, best))
    if not rows:
        return []
    blocks: list[Block] = [Rule(gap=12), Para("Left on the table", 17, True, gap=8)]
    blocks.append(
        Para(
            "Not agreed, yet both sides could have signed it: its best worth to each side "
            "(on the -10 to 10 scale of the briefings).",
            13,
            colour="text_dim",
        )
    )
    for _total, title, best in sorted(rows, key=lambda row: -row[0]):
        worth = ", ".join(
            f"{best[side]:+d} to {score_owner(session, side)}" for side in sides_in_order(session)
        )
        blocks.append(Para(f"{title}: {worth}", 15, marker="neutral", gap=6))
    return blocks


def sides_in_order(session: Session) -> list[SideId]:
    """The player's own side first in a solo game; NATO, then Russia, in hot-seat."""
    if session.solo:
        return [session.setup.human, session.setup.human.other]
    return list(SideId)


def score_owner(session: Session, side: SideId) -> str:
    """Whose score a line gives: 'You (Russian Federation)' for the player in a solo game,
    else the side's name."""
    name = session.scenario.sides.of(side).name
    return f"You ({name})" if session.solo and side is session.setup.human else name


def history_blocks(session: Session) -> list[Block]:
    """What really happened and the questions for the class."""
    debrief = session.scenario.debrief
    blocks: list[Block] = [Para("What really happened", 18, True)]
    blocks += [Para(text, 15, gap=8) for text in debrief.what_happened]
    blocks += [Rule(gap=14), Para("Questions for discussion", 18, True, gap=10)]
    blocks += [
        Para(f"{number}. {text}", 15, marker="accent", gap=8)
        for number, text in enumerate(debrief.questions, start=1)
    ]
    return blocks


def debrief_heading(session: Session) -> str:
    """'Debrief (Table 3): <the scenario>': the table's name first, where a long title
    cannot push it out of sight."""
    name = session.setup.table
    return f"Debrief{f' ({name})' if name else ''}: {session.scenario.title}"


class DebriefScreen(Screen):
    """Results and chart on the left, history and questions on the right."""

    footer_more = "Page Up / Down: scroll"
    footer_escape = "Esc: menu"

    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.result = outcome(session.state)
        self.chart_size = (0, 0)
        """The trust chart's size as last laid out."""

    def on_enter(self) -> None:
        """A closing chord."""
        self.app.sound.play("end")

    def layout(self, rect: pygame.Rect) -> None:
        """Heading, two columns and the buttons."""
        pad, gap = margin(self), self.px(12)
        self.label(
            pygame.Rect(pad, pad, rect.width - 2 * pad, self.px(36)),
            debrief_heading(self.session),
            "#heading",
        )
        top = pad + self.px(46)
        bottom = rect.height - pad - row_height(self) - self.px(24)
        left_w = (rect.width - 2 * pad - gap) * 48 // 100
        height = bottom - top
        sides = self.session.scenario.sides
        legend = Legend.of(sides.nato.name, sides.russia.name)
        track = self.session.state.trust_track
        # Never a flatter plot than the chart's least: a short window puts it in the pane.
        chart_h = max(height * 45 // 100, chart_height(left_w, self.app.fonts, legend))
        if height - chart_h >= self.px(240):
            chart = trust_chart(
                track, (left_w, chart_h), self.app.palette, self.app.fonts, legend, ended=True
            )
            self.chart_size = (left_w, chart_h)
            box = pygame.Rect(pad, bottom - chart_h, left_w, chart_h)
            UIImage(box, chart, self.manager, container=self.container)
            results = self.pane(pygame.Rect(pad, top, left_w, height - chart_h - gap))
            blocks = result_blocks(self.session, self.result)
        else:
            # A small window or large text: the chart goes into the scrolling results.
            results = self.pane(pygame.Rect(pad, top, left_w, height))
            least = chart_height(results.text_width, self.app.fonts, legend)
            size = (results.text_width, max(self.px(260), least))
            self.chart_size = size
            chart = trust_chart(track, size, self.app.palette, self.app.fonts, legend, ended=True)
            blocks = result_blocks(self.session, self.result, Picture(chart, gap=12))
        results.set_blocks(blocks)
        history = self.pane(
            pygame.Rect(pad + left_w + gap, top, rect.width - 2 * pad - left_w - gap, height)
        )
        history.set_blocks(history_blocks(self.session))
        y = bottom + self.px(12)
        # Made left to right, so Tab follows them in reading order; the focus starts on the
        # main one, at the right.
        self.button(
            pygame.Rect(rect.width - pad - self.px(680), y, self.px(220), row_height(self)),
            "Export record   (E)",
            self.export,
            shortcut="e",
            hint="export",
        )
        self.button(
            pygame.Rect(rect.width - pad - self.px(450), y, self.px(220), row_height(self)),
            "Play again   (A)",
            self.again,
            shortcut="a",
        )
        title = self.button(
            pygame.Rect(rect.width - pad - self.px(220), y, self.px(220), row_height(self)),
            "Back to title   (T)",
            self.to_title,
            object_id="#primary",
            shortcut="t",
            hint="title",
        )
        self.focus.focus(title)

    def export(self) -> None:
        """Write the classroom record (transcript, HTML page, CSV, chart) and say where."""
        from game.ui.saving import export_session

        export_session(self.app, self.session)

    def again(self) -> None:
        """The same scenario and set-up, with a new seed."""
        from game.ui.flow import begin
        from game.ui.session import Session

        setup = replace(self.session.setup, seed=random.SystemRandom().randrange(1, 2**31))
        begin(self.app, Session.start(self.session.scenario, setup, self.session.path))

    def to_title(self) -> None:
        """Back to the title screen."""
        from game.ui.flow import to_title

        to_title(self.app)

    def on_escape(self) -> None:
        """Escape opens the menu (settings, quit)."""
        from game.ui.screens.pause import PauseScreen

        self.app.push(PauseScreen(self.app, None))
