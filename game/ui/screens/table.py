"""The table: state of the talks, the log, the computer's reasoning and the move panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UILabel

from game.engine import Applied
from game.engine.moves import Move
from game.engine.view import View
from game.ui.autosave import autosave, due, write_due
from game.ui.move_panel import MovePanel
from game.ui.screen import LABEL_FONTS, Screen
from game.ui.screens.common import margin
from game.ui.table_panels import log_blocks, notes_blocks, proposals_blocks, status_blocks
from game.ui.text import Block, Para
from game.ui.widgets import TextPane, set_visible

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session

PARTS = ("top", "moves", "status", "proposals", "log", "notes")
"""What a change redraws, one part a frame, so no single frame does all the work."""
HURRY_SECONDS = 15
"""Under this many seconds left, the countdown says 'hurry' in the warning colour."""


class TableScreen(Screen):
    """Where the game is played; shows the view of the side at the table and nothing else."""

    footer_more = "Page Up / Down: scroll"
    footer_escape = "Esc: menu"

    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.dirty: list[str] = []
        self.dots = 0.0
        self.shown_side = session.viewer
        self._view: View | None = None
        self._log_shown: tuple[int, bool] = (-1, False)
        """The log's length and whether the computer was thinking, as last drawn."""
        self._timer_text = ""

    def on_enter(self) -> None:
        """The game's autosave, written as the table opens: the first one of a game works out
        its record (finding the scenario's file may scan the scenario folders), which would
        otherwise land on the quiet frame after the first move."""
        autosave(self.session)
        write_due(self.session)

    # -- building ---------------------------------------------------------------------------

    def layout(self, rect: pygame.Rect) -> None:
        """Top bar, three columns (state of the talks | log and notes | moves)."""
        pad = margin(self)
        gap = self.px(12)
        top_h = self.px(50)
        menu_w = self.px(130)
        text_w = rect.width - 2 * pad - 2 * menu_w - 2 * gap
        self.round_label = self.label(
            pygame.Rect(pad, pad - self.px(6), text_w, self.px(30)), "", "#heading"
        )
        line = pygame.Rect(pad, pad + self.px(24), text_w, self.px(24))
        # The countdown leads the second line in bold (the deadline follows it), so a timed
        # turn's time stays in sight however long the heading is.
        self._line = line
        self.timer_label = self.label(line, "", "#timer")
        self._timer_text, self._timer_style = "", "#timer"
        self.turn_label = self.label(line, "", "#small")
        # Made in reading order, so Tab follows it: the top bar's buttons, then the columns
        # left to right, the moves last (the focus starts on the first move).
        self.button(
            pygame.Rect(rect.width - pad - 2 * menu_w - gap, pad, menu_w, self.px(40)),
            "Briefing  (B)",
            self.briefing,
            shortcut="b",
        )
        self.button(
            pygame.Rect(rect.width - pad - menu_w, pad, menu_w, self.px(40)),
            "Menu  (Esc)",
            self.on_escape,
        )
        y = pad + top_h + gap
        bottom = rect.height - self.px(26)
        usable = rect.width - 2 * pad - 2 * gap
        left_w, mid_w = usable * 36 // 100, usable * 32 // 100
        right_w = usable - left_w - mid_w
        right = pygame.Rect(pad + left_w + mid_w + 2 * gap, y, right_w, bottom - y)
        height = bottom - y
        status_h = min(self.px(320), height * 50 // 100)
        self._status_h = status_h
        self.status = self.pane(pygame.Rect(pad, y, left_w, status_h))
        self.proposals = self.pane(
            pygame.Rect(pad, y + status_h + gap, left_w, height - status_h - gap)
        )
        mid_x = pad + left_w + gap
        notes_h = max(self.px(130), height * 34 // 100)
        self._notes_h = notes_h
        self.log = self.pane(pygame.Rect(mid_x, y, mid_w, height - notes_h - gap))
        self.notes = self.pane(pygame.Rect(mid_x, y + height - notes_h, mid_w, notes_h))
        self.panel = MovePanel(self, self.session, right, self.play)
        self._log_shown = (-1, False)
        self._view = None
        self.dirty = list(PARTS)
        self._draw_everything()

    def _draw_everything(self) -> None:
        """Redraw every waiting part and fill in the whole move list now."""
        while self.dirty:
            self._redraw_part(self.dirty.pop(0))
        self.panel.finish()

    # -- changes ----------------------------------------------------------------------------

    def changed(self) -> None:
        """The game moved on: redraw every part over the next frames."""
        self._view = None
        for part in PARTS:
            if part not in self.dirty:
                self.dirty.append(part)
        self.app.wake()
        autosave(self.session)  # due when a move was made; written on a quiet frame

    @property
    def view(self) -> View:
        """The view of the side at the table (cached until the game changes)."""
        if self._view is None:
            self._view = self.session.view(self.shown_side)
        return self._view

    def _redraw_part(self, part: str) -> None:
        session, view = self.session, self.view
        if part == "top":
            self._draw_top()
        elif part == "status":
            self.status.set_blocks(status_blocks(session, view))
            self._fit_status()
        elif part == "proposals":
            self.proposals.set_blocks(proposals_blocks(session, view))
        elif part == "log":
            shown = (len(view.log), session.thinking)
            if shown != self._log_shown:
                self._log_shown = shown
                self.log.set_blocks(self._log_blocks(view), keep_offset=False)
        elif part == "notes":
            # New reasoning or notes start at the top, not where the last ones were scrolled.
            self.notes.set_blocks(notes_blocks(session, view), keep_offset=False)
            self._fit_notes()
        elif part == "moves":
            self._draw_moves()

    def _log_blocks(self, view: View) -> list[Block]:
        """The log under its heading; while the computer thinks, the newest line, under the
        round's heading, says so (a round just begun stood empty under its heading)."""
        session = self.session
        blocks = log_blocks(session.scenario, view.log, session.fading, session.timed_out)
        if session.thinking and blocks:
            name = session.scenario.sides.of(session.to_move).name
            blocks.insert(1, Para(f"{name} is thinking…", 14, colour="text_dim", gap=5))
        return [Para("Log (newest first)", 16, True), *blocks]

    def _fit_status(self) -> None:
        """Support is part of the score, and long trust notes would push it from view."""
        self._grow(self.status, self.proposals, self._status_h)

    def _fit_notes(self) -> None:
        """The tutorial's notes are what a new player reads first; the log is short early on.
        With nothing to note (hot-seat, no message yet) the pane shrinks to its one line and
        the log takes the room."""
        session = self.session
        quiet = not (session.last_message or self.view.hints or session.solo)
        self._grow(self.notes, self.log, 0 if quiet else self._notes_h)

    @staticmethod
    def _grow(pane: TextPane, neighbour: TextPane, base: int) -> None:
        """Grow `pane` to show all of it, up to 60% of the column it shares with `neighbour`,
        taking the room from the neighbour; it never shrinks below `base` (0: to fit what
        it holds, giving the rest to the neighbour)."""
        above = pane.rect.top < neighbour.rect.top
        top = min(pane.rect.top, neighbour.rect.top)
        column = max(pane.rect.bottom, neighbour.rect.bottom) - top
        gap = (
            (neighbour.rect.top - pane.rect.bottom)
            if above
            else (pane.rect.top - neighbour.rect.bottom)
        )
        wanted = pane.content_height + 2 * pane.padding
        height = max(base, min(wanted, column * 60 // 100))
        if height == pane.rect.height:
            return
        rest = column - height - gap
        first, second = (pane, neighbour) if above else (neighbour, pane)
        first_h, second_h = (height, rest) if above else (rest, height)
        first.set_rect(pygame.Rect(first.rect.left, top, first.rect.width, first_h))
        second.set_rect(
            pygame.Rect(second.rect.left, top + first_h + gap, second.rect.width, second_h)
        )

    def _draw_top(self) -> None:
        state, scenario = self.session.state, self.session.scenario
        number, rounds = min(state.round, state.rounds), state.rounds
        turn, lead = self._turn_words()
        # A narrow window gets a shorter wording before any is cut, and a cut one loses the
        # side's name rather than 'your move'.
        self.relabel(
            self.round_label,
            f"Round {number} of {rounds}   ·   {turn}",
            "#heading",
            shorter=[
                f"Round {number}/{rounds}   ·   {turn}",
                f"Round {number}/{rounds}  ·  {lead}",
            ],
        )
        self._draw_timer()
        deadline = f"Deadline after round {state.rounds}: {scenario.deadline}"
        self.relabel(self.turn_label, deadline, "#small")

    def _draw_timer(self) -> None:
        """The countdown, redrawn only when its words change: in bold, and under
        HURRY_SECONDS in the warning colour with 'hurry' (not the colour alone)."""
        seconds = self._seconds_left()
        hurry = seconds is not None and seconds < HURRY_SECONDS
        text = "" if seconds is None else f"Time left {seconds // 60}:{seconds % 60:02d}"
        text += " — hurry" if hurry else ""
        if text == self._timer_text:
            return
        self._timer_text = text
        style = "#timer_warning" if hurry else "#timer"
        if style != self._timer_style:
            self._timer_style = style
            self.timer_label.change_object_id(style)
        line = self._line
        font = self.app.fonts.get(*LABEL_FONTS[style])
        width = min(line.width // 2, font.size(text)[0] + self.px(24)) if text else 0
        self.timer_label.set_text(text)
        set_visible(self.timer_label, bool(text))
        # The deadline moves over only when the countdown's width changes (it starts, stops,
        # or says 'hurry'), not every second.
        self._place(self.timer_label, pygame.Rect(line.left, line.top, width, line.height))
        deadline = pygame.Rect(line.left + width, line.top, line.width - width, line.height)
        self._place(self.turn_label, deadline)

    @staticmethod
    def _place(widget: UILabel, rect: pygame.Rect) -> None:
        """Move and size a label, if it is not there already."""
        if rect != widget.relative_rect:
            widget.set_relative_position(rect.topleft)
            widget.set_dimensions(rect.size)

    def _seconds_left(self) -> int | None:
        """Whole seconds left (59 for 58.2) while a person's timed turn runs, else None."""
        session = self.session
        if session.over or session.thinking or not session.human_turn or not session.setup.timer:
            return None
        return int(session.timer_left + 0.999)

    def _turn_words(self) -> tuple[str, str]:
        """Whose turn it is ('Russian Federation: your move'), and the same words with what
        matters first ('Your move: Russian Federation'), for a heading that must be cut."""
        session = self.session
        if session.over:
            return "The talks have ended.", "The talks have ended."
        name = session.scenario.sides.of(session.to_move).name
        if session.thinking:
            dots = "." * (1 + int(self.dots * 3) % 3)
            return f"{name} is thinking{dots}", f"Thinking: {name}{dots}"
        if session.human_turn and session.to_move is self.shown_side:
            return f"{name}: your move", f"Your move: {name}"
        return f"{name} to move", f"To move: {name}"

    def _draw_moves(self) -> None:
        session = self.session
        scenario = session.scenario
        if session.over:
            last = next((e.text for e in reversed(session.state.log) if e.kind == "end"), "")
            self.panel.show_message(
                "The talks have ended",
                [
                    Para(last, 16, True),
                    Para("See how both sides did, and what really happened.", 15, gap=8),
                ],
                "See the debrief   (Enter)",
                self.debrief,
            )
        elif session.human_turn and session.to_move is self.shown_side:
            self.panel.show_moves(session.legal())
        elif session.human_turn:
            name = scenario.sides.of(session.to_move).name
            self.panel.show_message(
                "Move made",
                [
                    Para(f"It is {name}'s turn.", 16, True),
                    Para(
                        f"Look over the log, then press Hand over and give the keyboard to "
                        f"{name}: your values stay on screen until you press it.",
                        15,
                        gap=8,
                    ),
                ],
                f"Hand over to {name}   (Enter)",
                self.hand_over,
                hint="hand over",
            )
        else:
            name = scenario.sides.of(session.to_move).name
            self.panel.show_message(
                f"{name} is thinking",
                [Para(f"{name} is weighing its options.", 15, colour="text_dim")],
            )

    # -- playing ----------------------------------------------------------------------------

    def play(self, move: Move) -> None:
        """Make the person's move."""
        result = self.session.play(move)
        if isinstance(result, Applied):
            self.app.sound.play(
                "agreement" if any(e.kind == "agreement" for e in result.log) else "move"
            )
        self.changed()

    def update(self, dt: float) -> None:
        """Run the computer and the timer, pop up events, redraw a changed part."""
        session = self.session
        if self.app.top is not self:
            return
        if session.thinking:
            before = int(self.dots * 3)
            self.dots += dt
            if int(self.dots * 3) != before:
                self._draw_top()
        elif not session.over and not session.human_turn and not session.pending_events:
            session.start_computer()
            self._draw_top()
            if "log" not in self.dirty:
                self.dirty.append("log")  # to say who is thinking
        result = session.poll_computer(dt)
        if result is not None:
            self.app.sound.play("computer")
            self.changed()
        if session.setup.timer and session.human_turn and session.to_move is self.shown_side:
            before = int(session.timer_left + 0.999)
            if session.tick_timer(dt) is not None:
                self.changed()
            elif int(session.timer_left + 0.999) != before:
                self._draw_top()
        self.panel.follow_focus()
        if self.dirty:
            self._redraw_part(self.dirty.pop(0))
        elif self.panel.working:
            self.panel.step()
        elif due(session):
            write_due(session)  # a quiet frame: nothing else to draw in it
        elif session.pending_events:
            from game.ui.screens.event_popup import EventPopup

            self.app.sound.play("event")
            news = EventPopup(self.app, session.pending_events.pop(0), session.viewer)
            self.app.push(news, defer=True)

    def busy(self) -> bool:
        """Frames are needed while the computer thinks or parts wait to be redrawn."""
        return (
            self.session.thinking
            or bool(self.dirty)
            or self.panel.working
            or due(self.session)
            or bool(self.session.pending_events)
        )

    def on_cover(self) -> None:
        """A pop-up or the menu opens over the table: finish drawing it first, because the
        table waits while covered and would otherwise show half a move list beneath; and
        hand over the due autosave, which the menu's Save, Load and Quit must find written."""
        self._draw_everything()
        write_due(self.session)

    def on_uncover(self) -> None:
        """Back from a hand-over, briefing, pop-up or the menu: show the current side."""
        if self.shown_side is not self.session.viewer:
            self.shown_side = self.session.viewer
            self.needs_build = True
            self.build()
        self.changed()

    # -- navigation -------------------------------------------------------------------------

    def hand_over(self) -> None:
        """Cover the table for the next side (hot-seat); the move's autosave goes first,
        since the covered table gets no quiet frame until the next side sits down."""
        from game.ui.flow import hand_over

        write_due(self.session)
        hand_over(self.app, self.session, self.session.to_move)

    def briefing(self) -> None:
        """Read the private briefing again."""
        from game.ui.flow import brief

        brief(self.app, self.session, self.shown_side)

    def debrief(self) -> None:
        """Go to the debrief."""
        from game.ui.flow import finish

        finish(self.app, self.session)

    def on_escape(self) -> None:
        """Open the pause menu."""
        from game.ui.screens.pause import PauseScreen

        self.app.push(PauseScreen(self.app, self.session))

    def on_leave(self) -> None:
        """Stop the computer's worker (the table only closes when the game is left), and
        hand over the due autosave."""
        write_due(self.session)
        self.session.close()
