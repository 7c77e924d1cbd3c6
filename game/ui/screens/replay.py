"""The replay viewer: step through a saved game, reveal both sides' values, branch a new game."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton, UIImage, UILabel

from game.saves import LoadedGame
from game.saves.privacy import SECRETS_KEPT, keeps_secrets
from game.ui.chart import Legend, chart_height, trust_chart
from game.ui.replay_panels import move_blocks, table_blocks, where_words
from game.ui.screen import Screen
from game.ui.screens.common import margin, row_height
from game.ui.table_panels import log_blocks
from game.ui.text import Para
from game.ui.widgets import set_enabled

if TYPE_CHECKING:
    from game.ui.app import App

STEP_KEYS = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1, pygame.K_p: -1, pygame.K_n: 1}
"""Keys that step back or on: the arrows, or P (previous) and N (next)."""


class ReplayScreen(Screen):
    """The move and the table on the left; the trust chart and the log on the right.

    It stops straight after each move, so the numbers shown are the ones the move's log
    gives, and again as the next round begins after a move that ended one (trust fades and
    news comes between the two), which is where a new game from that round starts."""

    footer_keys = "Left / Right (or P / N): step   Home / End: first / last   Tab: buttons"

    def __init__(self, app: App, game: LoadedGame, index: int | None = None) -> None:
        super().__init__(app)
        self.game = game
        self.replay = game.replay
        moments = self.replay.moments
        self.at = len(moments) - 1 if index is None else self.replay.moment_of(index)
        """Where in the replay's moments the screen is."""
        self.both_sides = False
        # A game people are still playing shows no private values, and exports no report
        # (the report has them all), or a player could read the other side's mid-game.
        self.secrets_kept = keeps_secrets(game.record.mode, game.state.over)

    @property
    def index(self) -> int:
        """How many moves had been made at the moment shown."""
        return self.replay.moments[self.at].index

    def legend(self) -> Legend:
        """The chart's two lines, in words."""
        sides = self.game.scenario.sides
        return Legend.of(sides.nato.name, sides.russia.name)

    def layout(self, rect: pygame.Rect) -> None:
        """Heading, two columns, the step buttons."""
        pad, gap = margin(self), self.px(12)
        self.label(
            pygame.Rect(pad, pad - self.px(6), rect.width - 2 * pad, self.px(34)),
            f"Replay: {self.game.scenario.title}",
            "#heading",
        )
        self.where: UILabel = self.label(
            pygame.Rect(pad, pad + self.px(26), rect.width - 2 * pad, self.px(24)), "", "#small"
        )
        top = pad + self.px(56)
        bottom = rect.height - pad - 2 * row_height(self) - self.px(28)
        left_w = (rect.width - 2 * pad - gap) * 46 // 100
        height = bottom - top
        move_h = height * 40 // 100
        self.move_pane = self.pane(pygame.Rect(pad, top, left_w, move_h))
        self.table_pane = self.pane(
            pygame.Rect(pad, top + move_h + gap, left_w, height - move_h - gap)
        )
        right_x = pad + left_w + gap
        right_w = rect.width - pad - right_x
        # The chart's plot no flatter than its minimum (large text in a small window leaves
        # it little room), taken from the log, which scrolls, while a few lines stay in view.
        least = chart_height(right_w, self.app.fonts, self.legend())
        chart_h = min(max(least, height * 42 // 100), height - gap - self.px(80))
        self.chart_rect = pygame.Rect(right_x, top, right_w, chart_h)
        self.chart = UIImage(
            self.chart_rect,
            pygame.Surface(self.chart_rect.size, pygame.SRCALPHA),
            self.manager,
            container=self.container,
        )
        log_top = self.chart_rect.bottom + gap
        self.log_pane = self.pane(pygame.Rect(right_x, log_top, right_w, bottom - log_top))
        self._buttons(rect, pad, bottom + self.px(12))
        self.show()

    def _buttons(self, rect: pygame.Rect, pad: int, y: int) -> None:
        h, gap = row_height(self), self.px(8)
        # Their keys (the arrows, P and N, Home and End) are named once, in footer_keys.
        steps = [
            ("|<  First", self.first),
            ("<  Back", self.back),
            ("Forward  >", self.forward),
            ("Last  >|", self.last),
        ]
        width = (rect.width - 2 * pad - 3 * gap) // 4
        self.step_buttons: list[UIButton] = [
            self.button(pygame.Rect(pad + number * (width + gap), y, width, h), text, action)
            for number, (text, action) in enumerate(steps)
        ]
        y += h + gap
        width = (rect.width - 2 * pad - 3 * gap) // 4
        self.button(pygame.Rect(pad, y, width, h), "Back to the list   (Esc)", self.app.pop)
        self.sides_button: UIButton = self.button(
            pygame.Rect(pad + width + gap, y, width, h),
            "",
            self.toggle_sides,
            shortcut="v",
            hint="both sides",
        )
        self.branch_button: UIButton = self.button(
            pygame.Rect(pad + 2 * (width + gap), y, width, h),
            "",
            self.branch,
            shortcut="b",
            hint="new game from here",
        )
        export = self.button(
            pygame.Rect(pad + 3 * (width + gap), y, width, h),
            "Export when finished" if self.secrets_kept else "Export report   (E)",
            self.export,
            shortcut="e",
            hint="export",
        )
        set_enabled(export, not self.secrets_kept)

    # -- showing ----------------------------------------------------------------------------

    def branch_round(self) -> int | None:
        """The round a new game would start from: the shown one, or the last one open."""
        shown = self.replay.moments[self.at].round
        rounds = [r for r in self.replay.round_starts if r <= shown]
        return max(rounds) if rounds else None

    def show(self) -> None:
        """Fill every part for the moment shown."""
        replay = self.replay
        moment = replay.moments[self.at]
        state = moment.state
        scenario = self.game.scenario
        if self.secrets_kept:
            shown = "public view: private values hidden until the game is finished"
        else:
            shown = "both sides' private values shown" if self.both_sides else "public view"
        self.where.set_text(f"{where_words(replay, moment)}   ·   {shown}")
        timed_out = self.game.record.timed_out
        self.move_pane.set_blocks(move_blocks(replay, moment, timed_out), keep_offset=False)
        hidden_why = SECRETS_KEPT[self.game.record.mode] if self.secrets_kept else None
        self.table_pane.set_blocks(table_blocks(replay, moment, self.both_sides, hidden_why))
        log = log_blocks(scenario, state.log, replay.fading, timed_out)
        self.log_pane.set_blocks([Para("Log (newest first)", 16, True), *log], keep_offset=False)
        self.chart.set_image(
            trust_chart(
                state.trust_track,
                self.chart_rect.size,
                self.app.palette,
                self.app.fonts,
                self.legend(),
                ended=state.over,
            )
        )
        if self.secrets_kept:
            self.sides_button.set_text("Private values hidden")
            set_enabled(self.sides_button, False)
        else:
            self.sides_button.set_text(
                "Hide private values   (V)" if self.both_sides else "Both sides   (V)"
            )
        round_number = self.branch_round()
        if round_number is None:
            self.branch_button.set_text("No round to branch from")
            set_enabled(self.branch_button, False)
        else:
            self.branch_button.set_text(f"New game from round {round_number}   (B)")
            set_enabled(self.branch_button, True)
        self._enable_steps()
        self.app.wake()

    def _enable_steps(self) -> None:
        """Grey out First and Back at the first moment, Forward and Last at the last (out of
        the Tab ring while greyed); a focused one that greys out hands the focus on."""
        first, back, forward, last = self.step_buttons
        at_start, at_end = self.at == 0, self.at == len(self.replay.moments) - 1
        for button in (first, back):
            set_enabled(button, not at_start)
        for button in (forward, last):
            set_enabled(button, not at_end)
        current = self.focus.current
        if current is not None and not current.widget.is_enabled:
            # From Forward at the end to Back; from Back at the start to Forward.
            self.focus.move(-1 if current.widget in (forward, last) else 1)

    # -- actions ----------------------------------------------------------------------------

    def go(self, index: int) -> None:
        """Show the game straight after `index` moves."""
        self.go_to(self.replay.moment_of(index))

    def go_to(self, at: int) -> None:
        """Show the moment at `at` in the replay's moments (clamped to them)."""
        at = max(0, min(len(self.replay.moments) - 1, at))
        if at != self.at:
            self.at = at
            self.show()

    def first(self) -> None:
        """The opening."""
        self.go_to(0)

    def back(self) -> None:
        """One step back: a move, or a round's beginning."""
        self.go_to(self.at - 1)

    def forward(self) -> None:
        """One step on: a move, or a round's beginning."""
        self.go_to(self.at + 1)

    def last(self) -> None:
        """The last moment: the end, or where a saved game stopped."""
        self.go_to(len(self.replay.moments) - 1)

    def toggle_sides(self) -> None:
        """Reveal or hide each side's private values (never mid-way through a game people are
        still playing)."""
        if self.secrets_kept:
            return
        self.both_sides = not self.both_sides
        self.show()

    def branch(self) -> None:
        """Start a new game from the start of the shown round."""
        from game.ui.saving import branch

        round_number = self.branch_round()
        if round_number is not None:
            branch(self.app, self.game, round_number)

    def export(self) -> None:
        """Write this game's report folder (it holds both sides' private instructions)."""
        from game.saves import SaveError
        from game.ui.saving import export_game, exported_lines, notice

        if self.secrets_kept:
            return
        try:
            folder = export_game(self.game)
        except SaveError as error:
            notice(self.app, "Export failed", [error.message])
            return
        notice(self.app, "Exported", exported_lines(folder))

    def handle(self, event: pygame.event.Event) -> None:
        """Left and Right (or P and N) step through the moves and round beginnings; Home and
        End jump; the rest as usual."""
        if event.type == pygame.KEYDOWN and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            if event.key in STEP_KEYS:
                self.go_to(self.at + STEP_KEYS[event.key])
                return
            if event.key == pygame.K_HOME:
                self.first()
                return
            if event.key == pygame.K_END:
                self.last()
                return
        super().handle(event)

    def on_escape(self) -> None:
        """Back to the list of saves."""
        self.app.pop()
