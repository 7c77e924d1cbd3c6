"""Game set-up: side, mode (against the computer at a difficulty, or hot-seat), round timer,
and the table's name for the class record."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIScrollingContainer, UITextEntryLine

from game.saves.table_name import TABLE_NAME_MAX, tidy, unwanted
from game.scenario.models import SideId
from game.ui.screen import LABEL_FONTS, Screen
from game.ui.screens.common import margin, rounds_and_deadline, row_height
from game.ui.session import HOTSEAT, SOLO, Session, Setup
from game.ui.text import Block, Para, Rule, displayable, wrap_lines
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


TIMER_ON = "When a side's time runs out, it passes. Use it to keep a lesson on schedule."
"""The note under the timers when one is chosen."""
TIMER_OFF = "No timer: each side takes as long as it needs."
"""The note under the timers when there is none."""
SCROLL_BAR = 22
"""The width a scrolling container's bar takes (pygame_gui's 20, and a little room)."""


@dataclass(frozen=True)
class Row:
    """One choice: its title, and its options as (label, chosen, what choosing does)."""

    title: str
    options: list[tuple[str, bool, Callable[[], None]]]


Option = Row | str
"""A row of the set-up's left column: a choice, or a note under the choice above it."""


@dataclass(frozen=True)
class Spacing:
    """The option rows' heights: a title over a row of buttons, and the gap under it."""

    title: int
    buttons: int
    gap: int


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
    def help_text(self) -> str:
        """The footer: the field's keys while it has the keyboard, else the screen's."""
        if self.typing:
            return TYPING_HELP
        return super().help_text

    def _spacings(self) -> tuple[Spacing, Spacing]:
        """The rows' usual spacing, and the tighter one for large text in a small window."""
        return (
            Spacing(self.px(28), row_height(self), self.px(16)),
            Spacing(self.px(24), self.px(34), self.px(6)),
        )

    def _options(self) -> list[Option]:
        """The option rows and their notes, top to bottom: mode, (side, level and how the
        level negotiates,) the round timer and what it does."""
        setup, sides = self.setup, self.scenario.sides
        items: list[Option] = [
            Row(
                "Mode",
                [
                    ("Against the computer", setup.mode == SOLO, self._set(mode=SOLO)),
                    ("Hot-seat: two players", setup.mode == HOTSEAT, self._set(mode=HOTSEAT)),
                ],
            )
        ]
        if setup.mode == SOLO:
            from game.ai import LEVEL_STYLES

            titles = dict(_levels())
            items += [
                Row(
                    "Your side",
                    [
                        (sides.of(side).name, setup.human is side, self._set(human=side))
                        for side in SideId
                    ],
                ),
                Row(
                    f"Computer's skill: {titles.get(setup.difficulty, '')}",
                    [
                        (level.capitalize(), setup.difficulty == level, self._set(difficulty=level))
                        for level in titles
                    ],
                ),
                LEVEL_STYLES.get(setup.difficulty, ""),
            ]
        items += [
            Row(
                "Round timer (per side, per turn)",
                [(timer_label(t), setup.timer == t, self._set(timer=t)) for t in TIMERS],
            ),
            TIMER_ON if setup.timer else TIMER_OFF,
        ]
        return items

    def _column(
        self,
        items: list[Option],
        spacing: Spacing,
        at: tuple[int, int],
        width: int,
        place: UIScrollingContainer | bool,
    ) -> int:
        """Lay out the option rows and notes from `at`, `width` wide; returns the bottom.

        With `place` False nothing is made (to measure the column first); True makes the
        widgets on the screen, a scrolling container makes them in it.
        """
        x, y = at
        build = place is not False
        scroller = place if isinstance(place, UIScrollingContainer) else None
        font = self.app.fonts.get(*LABEL_FONTS["#small"])
        line = font.get_linesize()
        for item in items:
            if isinstance(item, str):
                # A note sits close under the row it explains, and may take two lines.
                y -= spacing.gap - self.px(4)
                for text in wrap_lines(displayable(item, font), font, width - 4, most=2):
                    if build:
                        self.label(
                            pygame.Rect(x, y, width, line), text, "#small", container=scroller
                        )
                    y += line
                y += spacing.gap
                continue
            if build:
                self._row(item, x, y, width, spacing, scroller)
            y += spacing.title + spacing.buttons + spacing.gap
        return y - spacing.gap

    def layout(self, rect: pygame.Rect) -> None:
        """Option rows (scrolling if they cannot fit), the briefings pane, Back, the table's
        name and Start."""
        pad = margin(self)
        self.label(
            pygame.Rect(pad, pad, rect.width - 2 * pad, self.px(36)),
            f"Set up: {self.scenario.title}",
            "#heading",
        )
        left_w = min(max(self.px(420), rect.width * 45 // 100), rect.width - 2 * pad)
        top = pad + self.px(52)
        bottom = rect.height - pad - row_height(self) - self.px(24)
        items = self._options()
        usual, tight = self._spacings()
        column = pygame.Rect(pad, top, left_w, bottom - top)
        for spacing in (usual, tight):
            if self._column(items, spacing, (0, 0), left_w, False) <= column.height:
                self._column(items, spacing, column.topleft, left_w, True)
                break
        else:
            # Even tight, the rows would run into the buttons below: they scroll instead,
            # the focus bringing each row into view (as in the scenario list), with the
            # bar in the gutter beside the briefings so that the rows keep their width.
            column.width = left_w + max(0, pad - self.px(4))
            scroller = UIScrollingContainer(
                column, self.manager, container=self.container, allow_scroll_x=False
            )
            inner_w = column.width - SCROLL_BAR
            height = self._column(items, tight, (0, 0), inner_w, scroller)
            scroller.set_scrollable_area_dimensions((inner_w, height + self.px(4)))
        pane_x = pad * 2 + left_w
        self.briefings = self.pane(
            pygame.Rect(pane_x, top, rect.width - pane_x - pad, bottom - top)
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
        row: Row,
        x: int,
        y: int,
        width: int,
        spacing: Spacing,
        scroller: UIScrollingContainer | None,
    ) -> None:
        """A title over a row of option buttons, the chosen one marked."""
        rect = pygame.Rect(x, y, width, min(self.px(26), spacing.title))
        self.label(rect, row.title, "#small", container=scroller)
        y += spacing.title
        gap = self.px(8)
        count = len(row.options)
        each = (width - gap * (count - 1)) // count
        for index, (text, chosen, action) in enumerate(row.options):
            left = x + index * (each + gap)
            # The last takes what the division left over, so every row ends at one edge.
            right = x + width if index == count - 1 else left + each
            self.button(
                pygame.Rect(left, y, right - left, spacing.buttons),
                text,
                action,
                object_id="#option_chosen" if chosen else "#option",
                container=scroller,
                scroller=scroller,
            )

    def _set(self, **changes: object) -> Callable[[], None]:
        def change() -> None:
            index = self.focus.index
            self.setup = replace(self.setup, **changes)  # type: ignore[arg-type]
            self.build()
            # The same stop as before, scrolled into view if the rows scroll.
            self.focus.focus(self.focus.items[min(index, len(self.focus.items) - 1)].widget)

        return change

    def start(self) -> None:
        """Begin the game: the briefing (after a hand-over in hot-seat), then the table."""
        from game.ui.flow import begin

        session = Session.start(self.scenario, self.setup, self.entry.path)
        begin(self.app, session)

    def on_escape(self) -> None:
        """Back to the scenario list."""
        self.app.pop()
