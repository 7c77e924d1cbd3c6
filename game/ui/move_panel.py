"""The move panel: exactly the legal moves, grouped, each with what it will do; or a message."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIScrollingContainer

from game.engine import describe_move
from game.engine.moves import Move, WalkOut
from game.ui.move_text import (
    best_accepts_first,
    detail,
    grouped,
    move_details,
    sections,
    short_label,
)
from game.ui.text import Block, displayable, ellipsize, hint_words
from game.ui.widgets import (
    FocusItem,
    fit_words,
    kill,
    set_enabled,
    set_selected,
    set_visible,
    show_words,
)

if TYPE_CHECKING:
    from game.ui.screen import Screen
    from game.ui.session import Session

GROUP = "moves"
HEADING, TOPIC = "#small", "#topic"
"""Label styles: a kind of move ('Raise an objection'), and what rival moves share."""
MAKE_HINT = "make the move"
"""What the footer says M does while moves are listed (a message's button says its own)."""
WORK_PER_FRAME = 2
"""Widget updates a frame while filling the list (a new button costs 3, a reused one 1)."""


class MovePanel:
    """Lists the legal moves as buttons; the first press chooses, the second (or M) makes it."""

    def __init__(
        self, screen: Screen, session: Session, rect: pygame.Rect, on_move: Callable[[Move], None]
    ) -> None:
        self.screen, self.session, self.on_move = screen, session, on_move
        px = screen.px
        self.heading = screen.label(
            pygame.Rect(rect.x, rect.y, rect.width, px(30)), "Your move", "#heading"
        )
        button_h = px(40)
        details_h = max(px(120), rect.height * 30 // 100)
        list_top = rect.y + px(34)
        # Never negative: pygame_gui's scrolling container recurses without end on that.
        list_h = max(px(40), rect.height - px(34) - details_h - button_h - px(16))
        self.list_rect = pygame.Rect(rect.x, list_top, rect.width, list_h)
        self.scroller = UIScrollingContainer(
            self.list_rect, screen.manager, container=screen.container, allow_scroll_x=False
        )
        self.details = screen.pane(
            pygame.Rect(rect.x, self.list_rect.bottom + px(8), rect.width, details_h),
            focusable=False,
        )
        self.message = screen.pane(
            pygame.Rect(rect.x, list_top, rect.width, rect.bottom - button_h - px(8) - list_top),
            focusable=False,
        )
        self.message.hide()
        self.make = screen.button(
            pygame.Rect(rect.x, rect.bottom - button_h, rect.width, button_h),
            "Make this move   (M)",
            self.confirm,
            object_id="#primary",
            shortcut="m",
            hint=MAKE_HINT,
        )
        self.labels: list[UILabel] = []
        self.topics: list[UILabel] = []
        self.rows: list[UIButton] = []
        self.buttons: dict[UIButton, Move] = {}
        self.moves: list[Move] = []
        self.chosen: Move | None = None
        self.mode = ""
        self._make_action: Callable[[], None] | None = None
        self._work: Iterator[int] | None = None
        self._height = -1
        self._turn_shown = -1
        self._new_turn = False

    # -- contents ---------------------------------------------------------------------------

    @property
    def working(self) -> bool:
        """Whether the list is still being filled in."""
        return self._work is not None

    def step(self, budget: int = WORK_PER_FRAME) -> None:
        """Fill in some more of the list: a few buttons a frame, so no frame stalls."""
        while self._work is not None and budget > 0:
            try:
                budget -= next(self._work)
            except StopIteration:
                self._work = None

    def finish(self) -> None:
        """Fill in the whole list now."""
        self.step(budget=1_000_000)

    def show_moves(self, moves: list[Move]) -> None:
        """List these moves (the legal moves of the side at the table)."""
        self.mode = "moves"
        turn = len(self.session.state.moves)
        self._new_turn, self._turn_shown = turn != self._turn_shown, turn
        self.moves = best_accepts_first(self.session.state, list(moves))
        self.chosen = None
        self.buttons.clear()
        self.screen.relabel(self.heading, "Your move", "#heading")
        self.message.hide()
        self.details.show()
        set_visible(self.scroller, False)
        self._set_make("Make this move   (M)", None)
        self.details.set_blocks(self._hint(), keep_offset=False)
        self._work = self._fill()

    def _fill(self) -> Iterator[int]:
        """Lay out headings and move buttons, reusing the widgets of the last list.

        Rival moves on one topic (three objections to one proposal, two sets of terms) sit
        under the topic, shown once, and each button shows what sets it apart: a button
        too narrow for 'Proposal: first words of a long objection' would cut off just that.
        """
        px, scenario = self.screen.px, self.session.scenario
        width = self.list_rect.width - 24
        indent = px(14)
        font = self.screen.app.fonts.get(15)
        row_h, header_h, topic_h = px(34), px(26), px(24)
        y, labels, topics, rows = 0, 0, 0, 0
        items: list[FocusItem] = []
        for title, group in grouped(self.moves, self.session.state):
            yield self._label(self.labels, labels, title, pygame.Rect(0, y, width, header_h))
            labels += 1
            y += header_h
            for name, members in sections(scenario, group):
                full = [displayable(short_label(scenario, m), font) for m in members]
                # The topic goes above when rivals share it, or when the whole label would
                # be cut: 'Guarantee: not aimed at Russia: Political decla…' hides the change.
                fits = font.size(full[0])[0] <= width - px(28)
                shared = name if name and (len(members) > 1 or not fits) else ""
                left = indent if shared else 0
                if shared:
                    rect = pygame.Rect(0, y, width, topic_h)
                    yield self._label(self.topics, topics, shared, rect, TOPIC)
                    topics += 1
                    y += topic_h
                for move, label in zip(members, full, strict=True):
                    words = displayable(detail(scenario, move), font) if shared else label
                    text = ellipsize(words, font, width - left - px(28))
                    # In full: the button shows the shortened label already.
                    tip = displayable(
                        describe_move(scenario, move, short=False, before=self.session.state), font
                    )
                    cost = self._row(rows, text, tip, pygame.Rect(left, y, width - left, row_h))
                    button = self.rows[rows]
                    action = self._chooser(move)
                    self.screen.actions[button] = action
                    self.buttons[button] = move
                    items.append(FocusItem(button, action, scroller=self.scroller))
                    rows += 1
                    y += row_h + px(4)
                    yield cost
                if shared:
                    y += px(4)
            y += px(6)
        for widget in [*self.labels[labels:], *self.topics[topics:], *self.rows[rows:]]:
            self.screen.actions.pop(widget, None)
            kill(widget)
        del self.labels[labels:], self.topics[topics:], self.rows[rows:]
        if y != self._height:
            # Costly in pygame_gui (it moves every child), so only when the height changes.
            yield 2
            self._height = y
            self.scroller.set_scrollable_area_dimensions((width, max(y, 1)))
            yield 4
        if self.scroller.vert_scroll_bar is not None:
            self.scroller.vert_scroll_bar.set_scroll_from_start_percentage(0.0)
            # Move the buttons now: focusing the first one below would otherwise see it where
            # the last turn's scrolling left it, above the view, and scroll just far enough to
            # show it, cutting off the heading above it.
            self.scroller.update(0.0)
        set_visible(self.scroller, True)
        focus = self.screen.focus
        focus.replace_group(GROUP, items, before=self.make)
        current = focus.current
        if items and (
            self._new_turn
            or current is None
            or current.widget is self.make
            or not current.widget.visible
        ):
            # A new turn starts on the first move, wherever the focus waited (e.g. on a pane
            # while the computer thought); after a move it sat on the idle Make button.
            focus.focus(items[0].widget)
        self._new_turn = False
        yield 1

    def _label(
        self, pool: list[UILabel], index: int, text: str, rect: pygame.Rect, style: str = HEADING
    ) -> int:
        font = self.screen.app.fonts.get(14, style == TOPIC)
        # A topic cut short ('Guarantee: not aimed at Rus…') has its whole text as tool tip.
        shown, tip = fit_words([text], font, rect.width - 4)
        if index < len(pool):
            label = pool[index]
            label.set_relative_position(rect.topleft)
            show_words(label, shown, tip)
            return 1
        label = UILabel(
            rect,
            shown,
            self.screen.manager,
            container=self.scroller,
            object_id=ObjectID(object_id=style),
        )
        show_words(label, shown, tip)
        pool.append(label)
        return 2

    def _row(self, index: int, text: str, tip: str, rect: pygame.Rect) -> int:
        if index < len(self.rows):
            button = self.rows[index]
            button.set_relative_position(rect.topleft)
            if button.relative_rect.size != rect.size:
                button.set_dimensions(rect.size)
            set_selected(button, False)
            button.set_tooltip(tip)
            if button.text != text:
                button.set_text(text)
            return 1
        self.rows.append(
            UIButton(
                rect,
                text,
                self.screen.manager,
                container=self.scroller,
                tool_tip_text=tip,
                object_id=ObjectID(object_id="#move"),
            )
        )
        return 3

    def _hint(self) -> list[Block]:
        from game.ui.text import Para

        return [
            Para("Choose a move from the list to see what it will do.", 15),
            Para(
                "Press it again, or press Make this move, to make it.", 14, colour="text_dim", gap=6
            ),
        ]

    def show_message(
        self,
        heading: str,
        blocks: list[Block],
        button: str | None = None,
        action: Callable[[], None] | None = None,
        hint: str | None = None,
    ) -> None:
        """Show a message instead of moves (the computer is thinking, hand over, game over);
        the footer says M presses its button with `hint` (by default the label's words)."""
        self._work = None
        self.buttons.clear()
        self.mode = "message"
        self.moves, self.chosen = [], None
        self.screen.relabel(self.heading, heading, "#heading")
        self.screen.focus.replace_group(GROUP, [], before=self.make)
        set_visible(self.scroller, False)
        self.details.hide()
        self.message.show()
        self.message.set_blocks(blocks, keep_offset=False)
        self._set_make(button, action, hint)
        if button and action:
            self.screen.focus.focus(self.make)

    def _set_make(
        self, label: str | None, action: Callable[[], None] | None, hint: str | None = None
    ) -> None:
        self._make_action = action
        if label is None:
            set_visible(self.make, False)
            return
        # M runs whatever the button does now: 'hand over', 'see the debrief'.
        words = MAKE_HINT if self.mode == "moves" else hint or hint_words(label)
        self.screen.key_hint("m", words)
        self.make.set_text(label)
        set_visible(self.make, True)
        if action is None and self.chosen is None:
            set_enabled(self.make, False)
        else:
            set_enabled(self.make, True)

    # -- choosing and making ----------------------------------------------------------------

    def _chooser(self, move: Move) -> Callable[[], None]:
        return lambda: self.choose(move)

    def choose(self, move: Move) -> None:
        """Show what a move will do; choosing it again makes it (a walk-out needs the button)."""
        if move == self.chosen and not isinstance(move, WalkOut):
            self.confirm()
            return
        self.chosen = move
        for button, item in self.buttons.items():
            # select() only swaps colours; changing the theme id would rebuild the button.
            if item == move or button.is_selected:
                set_selected(button, item == move)
        self.details.set_blocks(move_details(self.session.state, move), keep_offset=False)
        label = (
            "Walk out: end the talks   (M)" if isinstance(move, WalkOut) else "Make this move   (M)"
        )
        self.make.set_text(label)
        set_enabled(self.make, True)

    def follow_focus(self) -> None:
        """Let go of the chosen move once the keyboard focus moves on to another move: the
        details and M then never name a move other than the one the outline is on."""
        if self.mode != "moves" or self.chosen is None:
            return
        current = self.screen.focus.current
        focused = (
            next((m for b, m in self.buttons.items() if b is current.widget), None)
            if current
            else None
        )
        if focused is None or focused == self.chosen:
            return  # on the chosen move, or on another widget (the Make button, a pane)
        self.chosen = None
        for button in self.buttons:
            if button.is_selected:
                set_selected(button, False)
        self.details.set_blocks(self._hint(), keep_offset=False)
        self._set_make("Make this move   (M)", None)

    def confirm(self) -> None:
        """Make the chosen move, or run the message's action."""
        if self.mode == "message":
            if self._make_action is not None:
                self._make_action()
            return
        if self.chosen is not None and self.chosen in self.moves:
            move, self.chosen = self.chosen, None
            set_enabled(self.make, False)
            self.on_move(move)

    def words(self) -> list[str]:
        """The panel's text, for tests."""
        if self.mode == "message":
            return list(self.message.words)
        return (
            [label.text for label in self.labels]
            + [label.text for label in self.topics]
            + [row.text for row in self.rows]
            + [*self.details.words]
        )
