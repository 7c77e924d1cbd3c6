"""Game set-up: side, mode (against the computer at a difficulty, or hot-seat), round timer,
and the table's name for the class record."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.saves.table_name import TABLE_NAME_MAX, tidy, unwanted
from game.scenario.models import SideId
from game.ui.screen import Screen
from game.ui.screens.common import margin, rounds_and_deadline, row_height
from game.ui.session import HOTSEAT, SOLO, Session, Setup
from game.ui.text import Block, Para, Rule
from game.ui.widgets import FocusItem

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


TABLE_LABELS = ("Table name (optional)", "Table name")
"""The words beside the field for the table's name: the longer where they fit.

(pygame_gui draws a field's placeholder text in the colour of typed text, where it would
read as a name someone typed; so the label says the name may be left out.)"""
TYPING_HELP = "Type the table's name   Enter or Tab: done   Esc: leave the field"
"""The footer while the field for the table's name has the keyboard."""


@dataclass(frozen=True)
class Spacing:
    """The option rows' heights: a title over a row of buttons, and the gap under it."""

    title: int
    buttons: int
    gap: int

    def rows(self, count: int) -> int:
        """The height of `count` rows."""
        return count * (self.title + self.buttons + self.gap)


class SetupScreen(Screen):
    """Choices in rows of buttons on the left, both sides' public briefings on the right;
    Back, the table's name and Start along the bottom."""

    def __init__(self, app: App, entry: Entry) -> None:
        super().__init__(app)
        assert entry.scenario is not None
        self.entry = entry
        self.scenario = entry.scenario
        self.setup = Setup(seed=random.SystemRandom().randrange(1, 2**31))
        self.table_text = ""
        """The table's name as typed (Setup.table holds it tidied)."""
        self.table_field: UITextEntryLine | None = None
        self.start_button: UIButton | None = None
        self._repeat: tuple[int, int] | None = None
        """The key repeat to give back once the field lets go of the keyboard: pygame_gui
        changes it while a field has the keyboard (however it got it), and turns it off
        after, which would leave the arrows of every other screen without repeat."""

    @property
    def help_text(self) -> str:  # type: ignore[override]
        """The footer: the field's keys while it has the keyboard, else the screen's."""
        if self.typing:
            return TYPING_HELP
        return "Tab / arrows: move   Enter: choose   S: start   Esc: back"

    def _spacing(self, rows: int, notes: int, room: int) -> Spacing:
        """The rows' spacing: the usual one, or a tighter one when large text in a small
        window would push the last row under the buttons."""
        usual = Spacing(self.px(28), row_height(self), self.px(16))
        if usual.rows(rows) + notes <= room:
            return usual
        return Spacing(self.px(24), self.px(34), self.px(6))

    def layout(self, rect: pygame.Rect) -> None:
        """Option rows, the briefings pane, Back, the table's name and Start."""
        pad = margin(self)
        self.label(
            pygame.Rect(pad, pad, rect.width - 2 * pad, self.px(36)),
            f"Set up: {self.scenario.title}",
            "#heading",
        )
        left_w = min(max(self.px(420), rect.width * 45 // 100), rect.width - 2 * pad)
        y = pad + self.px(52)
        bottom = rect.height - pad - row_height(self) - self.px(24)
        solo = self.setup.mode == SOLO
        # Rows: mode, (side, level,) timer; notes: (the level's style,) the timer's.
        self.spacing = self._spacing(
            4 if solo else 2, self.px(22 if solo else 0) + self.px(26), bottom - y
        )
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
            up = min(self.px(10), self.spacing.gap)
            self.label(pygame.Rect(pad, y - up, left_w, self.px(26)), style, "#small")
            y += self.px(22) - (self.px(10) - up)
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
        pane_x = pad * 2 + left_w
        self.briefings = self.pane(
            pygame.Rect(
                pane_x, pad + self.px(52), rect.width - pane_x - pad, bottom - pad - self.px(52)
            )
        )
        self.briefings.set_blocks(self.public_briefings())
        buttons_y = bottom + self.px(12)
        back = self.button(
            pygame.Rect(pad, buttons_y, self.px(140), row_height(self)), "Back", self.app.pop
        )
        start_rect = pygame.Rect(
            rect.width - pad - self.px(220), buttons_y, self.px(220), row_height(self)
        )
        # Between Back and Start, in the order Tab takes: name the table, then start.
        self._table_row(back.rect.right + self.px(16), start_rect.left - self.px(16), buttons_y)
        start = self.button(
            start_rect, "Start   (S)", self.start, object_id="#primary", shortcut="s"
        )
        self.start_button = start
        if self.focus.index < 0:
            self.focus.focus(start)

    def _table_row(self, left: int, right: int, y: int) -> None:
        """The label and the field for the table's name, within `left` to `right`."""
        font = self.app.fonts.get(14)
        for text in TABLE_LABELS:
            label_w = font.size(text)[0] + self.px(10)
            width = min(right - left - label_w, self.px(360))
            if width >= self.px(180):
                break
        x = right - width - label_w
        self.label(pygame.Rect(x, y, label_w, row_height(self)), text, "#small")
        field = UITextEntryLine(
            pygame.Rect(x + label_w, y, width, row_height(self)),
            self.manager,
            container=self.container,
            initial_text=self.table_text or None,
        )
        field.set_text_length_limit(TABLE_NAME_MAX)
        if self._repeat is None:
            self._repeat = pygame.key.get_repeat()
        self.table_field = field
        self.focus.add(FocusItem(field, None))

    # -- the table's name ---------------------------------------------------------------------

    @property
    def typing(self) -> bool:
        """Whether the field for the table's name has the keyboard."""
        field = self.table_field
        # pygame_gui leaves alive() unannotated.
        return field is not None and cast(Any, field).alive() and field.is_focused

    def _on_field(self) -> bool:
        current = self.focus.current
        return current is not None and current.widget is self.table_field

    def _take_keyboard(self) -> None:
        """Give the field the keyboard: keys now type into it."""
        if self.table_field is None or self.typing:
            return
        self.manager.set_focus_set(self.table_field)

    def _give_back_keyboard(self) -> None:
        """Take the keyboard from the field (if it has it) and put the key repeat back."""
        if self.typing:
            self.manager.set_focus_set(None)
        if self._repeat is not None and pygame.key.get_repeat() != self._repeat:
            pygame.key.set_repeat(*self._repeat)

    def _leave_field(self, step: int = 0) -> None:
        """Done typing: the focus goes `step` stops on, or to Start (Enter, Esc)."""
        self._give_back_keyboard()
        if step:
            self.focus.move(step)
        elif self.start_button is not None:
            self.focus.focus(self.start_button)

    def _typed(self, text: str) -> None:
        """Keep what was typed; a character a name may not hold (pasted) is dropped."""
        kept = "".join(char for char in text if not unwanted(char))
        if kept != text and self.table_field is not None:
            self.table_field.set_text(kept)
        self.table_text = kept
        self.setup = replace(self.setup, table=tidy(kept))

    def handle(self, event: pygame.event.Event) -> None:
        """As usual; but while the field has the keyboard, keys type (S is a letter, not
        Start), and only Tab, Up, Down, Enter and Esc leave it."""
        field = self.table_field
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is field:
            self._typed(event.text)
            return
        if self.typing and event.type == pygame.KEYDOWN:
            backwards = event.key == pygame.K_UP or (
                event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT
            )
            if backwards or event.key in (pygame.K_TAB, pygame.K_DOWN):
                self._leave_field(-1 if backwards else 1)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE):
                self._leave_field()
            # Anything else was typing, or moving in the text (Left, Right, Home, End).
            return
        was_on_field = self._on_field()
        super().handle(event)
        if self.app.top is self:
            self._follow_focus(was_on_field)

    def _follow_focus(self, was_on_field: bool) -> None:
        """Keep the focus outline and the keyboard together: Tab onto the field starts
        typing; a click into it moves the outline there; a click elsewhere leaves it."""
        on_field = self._on_field()
        if on_field and not self.typing:
            if was_on_field:
                self._leave_field()  # clicked away from the field
            else:
                self._take_keyboard()
        elif not on_field and self.typing and self.table_field is not None:
            self.focus.focus(self.table_field)
        if not self.typing:
            self._give_back_keyboard()

    def teardown(self) -> None:
        """As usual, giving the keyboard back first if the field had it."""
        self._give_back_keyboard()
        self.table_field = None
        self.start_button = None
        super().teardown()

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
        spacing = self.spacing
        self.label(pygame.Rect(x, y, width, min(self.px(26), spacing.title)), title, "#small")
        y += spacing.title
        gap = self.px(8)
        count = len(options)
        each = (width - gap * (count - 1)) // count
        for index, (text, chosen, action) in enumerate(options):
            rect = pygame.Rect(x + index * (each + gap), y, each, spacing.buttons)
            self.button(rect, text, action, object_id="#option_chosen" if chosen else "#option")
        return y + spacing.buttons + spacing.gap

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
