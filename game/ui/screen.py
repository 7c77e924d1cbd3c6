"""The base of every screen: widgets built once, keyboard focus, buttons bound to actions."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID, UIContainer, UIElement
from pygame_gui.elements import UIButton, UIImage, UILabel, UIScrollingContainer

from game.ui import keys
from game.ui.text import break_path, displayable, hint_words, tooltip_html
from game.ui.widgets import (
    Action,
    FittedButton,
    FocusItem,
    FocusRing,
    TextPane,
    fit_words,
    kill,
    show_words,
)

if TYPE_CHECKING:
    from game.ui.app import App

LABEL_FONTS = {
    "#title": (40, True),
    "#subtitle": (18, False),
    "#heading": (20, True),
    "#small": (14, False),
    "#timer": (16, True),
    "#timer_warning": (16, True),
}
"""The theme's font for each label style, to shorten a label that would not fit."""
LAYER_STEP = 100


class Blocker(UIImage):
    """A dimming veil under a modal screen that takes the clicks meant for what is beneath."""

    def process_event(self, event: pygame.event.Event) -> bool:
        """Consume mouse presses and wheel turns while on show."""
        return self.visible and event.type in (
            pygame.MOUSEBUTTONDOWN,
            pygame.MOUSEBUTTONUP,
            pygame.MOUSEWHEEL,
        )


class Screen:
    """One screen of the stack; subclasses lay out widgets in `layout` and react to actions.

    Widgets are created in `build` and killed in `teardown`; everything a screen needs to
    rebuild itself (after a resize or a text-size change) lives in plain attributes.
    """

    modal = False
    """A modal screen draws over the one beneath it, which stays visible but dimmed."""
    title = ""
    footer_keys = keys.FOCUS_KEYS
    """The footer's start: how to move and choose."""
    footer_more = ""
    """Keys the footer names after the shortcuts (e.g. 'Page Up / Down: scroll')."""
    footer_escape = "Esc: back"
    """What Escape does here, last in the footer ('' where it does nothing)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.depth = 0
        self.root: UIContainer | None = None
        self.content: UIContainer | None = None
        self.focus = FocusRing()
        self.actions: dict[UIElement, Action] = {}
        self.shortcuts: dict[str, Action] = {}
        self.hints: dict[str, tuple[UIElement, str]] = {}
        """For each shortcut, its button and what the footer says it does."""
        self.panes: list[TextPane] = []
        self.needs_build = True

    # -- life cycle -------------------------------------------------------------------------

    @property
    def manager(self) -> pygame_gui.UIManager:
        """The app's widget manager."""
        return self.app.manager

    def build(self) -> None:
        """Create the screen's widgets for the current window size and theme."""
        self.teardown()
        rect = pygame.Rect((0, 0), self.app.size)
        height = 1 + self.depth * LAYER_STEP
        self.root = UIContainer(rect, self.manager, starting_height=height)
        self.layout(rect)
        self.needs_build = False
        self.focus.ensure()

    def teardown(self) -> None:
        """Kill every widget of this screen."""
        if self.root is not None:
            kill(self.root)
        self.root = None
        self.content = None
        self.focus.clear()
        self.actions.clear()
        self.shortcuts.clear()
        self.hints.clear()
        self.panes.clear()

    def layout(self, rect: pygame.Rect) -> None:
        """Create the widgets inside `rect` (the whole window)."""
        raise NotImplementedError

    def on_enter(self) -> None:
        """Called once when the screen is first shown."""

    def on_leave(self) -> None:
        """Called once when the screen is removed from the stack."""

    def on_cover(self) -> None:
        """Called when a modal screen opens over it: still in sight, it gets no frames."""

    def on_uncover(self) -> None:
        """Called when the screen above it was closed."""

    def busy(self) -> bool:
        """Whether the screen is animating or waiting and needs frames without input."""
        return False

    def update(self, dt: float) -> None:
        """Advance timers and animations by `dt` seconds."""

    @property
    def help_text(self) -> str:
        """The footer: moving and choosing, then each shortcut whose button is on show, in
        the order they were made (taken from the buttons, so the footer names exactly the
        keys that work), then any other keys and Escape."""
        shown = [f"{letter.upper()}: {self.hints[letter][1]}" for letter in self.live_shortcuts()]
        return keys.footer(self.footer_keys, *shown, self.footer_more, self.footer_escape)

    def footer_hints(self) -> list[tuple[int, str]]:
        """The footer's hints in reading order, each with its rank: the lower, the longer it
        stays when the footer must lose some to fit the window.

        Escape and the moving keys stay longest, then the shortcuts no button names, then
        the other keys; last, the shortcuts whose button shows its key, e.g. '(B)'.
        """
        text = self.help_text
        shortcuts = [self._shortcut_hint(letter) for letter in self.live_shortcuts()]
        built = [
            *((1 + n, hint) for n, hint in enumerate(keys.hints(self.footer_keys))),
            *((10 + n if unnamed else 40 + n, hint) for n, (unnamed, hint) in enumerate(shortcuts)),
            *((30 + n, hint) for n, hint in enumerate(keys.hints(self.footer_more))),
            *((0, hint) for hint in keys.hints(self.footer_escape)),
        ]
        if keys.footer(*(hint for _, hint in built)) != text:
            # A screen with a footer of its own: its first hints matter most.
            return list(enumerate(keys.hints(text)))
        return built

    def _shortcut_hint(self, letter: str) -> tuple[bool, str]:
        """A shortcut's hint, and whether its button fails to show the key itself."""
        widget, words = self.hints[letter]
        shown = f"({letter.upper()})" in str(getattr(widget, "text", ""))
        return not shown, f"{letter.upper()}: {words}"

    def live_shortcuts(self) -> list[str]:
        """The shortcut letters that work now: those whose button is on show and enabled (a
        hidden or greyed-out button's key does nothing, and the footer leaves it out)."""
        return [
            letter
            for letter, (widget, _) in self.hints.items()
            if widget.visible and widget.is_enabled
        ]

    def key_hint(self, letter: str, words: str) -> None:
        """Change what the footer says a shortcut does (its button took on another job)."""
        if letter in self.hints:
            self.hints[letter] = (self.hints[letter][0], words)

    # -- widgets ----------------------------------------------------------------------------

    @property
    def container(self) -> UIContainer:
        """The container new widgets go in: a dialog panel if there is one, else the root."""
        assert self.root is not None, "build() creates the root first"
        return self.content or self.root

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        action: Action,
        *,
        object_id: str | None = None,
        tooltip: str | None = None,
        container: UIContainer | UIScrollingContainer | None = None,
        scroller: UIScrollingContainer | None = None,
        shortcut: str | None = None,
        hint: str | None = None,
        focusable: bool = True,
    ) -> UIButton:
        """A button that runs `action` on a click, on Enter when focused, or on `shortcut`.

        A label too wide for the button is shortened (its key hint goes first). The footer
        names the shortcut with `hint`, by default the label's own words.
        """
        glyphs = self.app.fonts.get(16)
        widget = FittedButton(
            rect,
            displayable(text, glyphs),
            self.manager,
            container=container or self.container,
            tool_tip_text=tooltip,
            object_id=ObjectID(object_id=object_id) if object_id else None,
            glyphs=glyphs,
        )
        self.actions[widget] = action
        if focusable:
            self.focus.add(FocusItem(widget, action, scroller=scroller))
        if shortcut:
            self.shortcuts[shortcut] = action
            self.hints[shortcut] = (widget, hint or hint_words(text))
        return widget

    def label(
        self,
        rect: pygame.Rect,
        text: str,
        object_id: str | None = None,
        *,
        container: UIContainer | UIScrollingContainer | None = None,
    ) -> UILabel:
        """A one-line label, shortened with '…' if it would not fit (its whole text is then
        its tool tip)."""
        shown, tip = fit_words([text], self._label_font(object_id), rect.width - 4)
        widget = UILabel(
            rect,
            shown,
            self.manager,
            container=container or self.container,
            object_id=ObjectID(object_id=object_id) if object_id else None,
        )
        show_words(widget, shown, tip)
        return widget

    def relabel(
        self,
        widget: UILabel,
        text: str,
        object_id: str | None = None,
        *,
        shorter: Sequence[str] = (),
    ) -> None:
        """Change a label's text: the first of `text` and the `shorter` wordings that fits,
        else the last shortened with '…' (and `text` in full as its tool tip)."""
        font = self._label_font(object_id)
        show_words(widget, *fit_words([text, *shorter], font, widget.rect.width - 4))

    def _label_font(self, object_id: str | None) -> pygame.font.Font:
        """The font the theme draws a label of this style in."""
        size, bold = LABEL_FONTS.get(object_id or "", (16, False))
        return self.app.fonts.get(size, bold)

    def list_tooltip(self, label: str, path: str | os.PathLike[str]) -> str:
        """The tool tip of a list entry whose label may be shortened: the whole label, then
        its file's path on lines of its own, broken after a '/' to fit the tip's width."""
        font = self.app.fonts.get(15)  # the theme's text_box font, which tool tips use
        try:
            theme: Any = self.manager.get_theme()
            width = int(theme.get_misc_data("rect_width", ["tool_tip"]))
        except (LookupError, TypeError, ValueError):
            width = 340
        # Less the text box's padding (10 a side), its border and a little room.
        room = width - 2 * 10 - 2 - self.px(8)
        lines = [displayable(label, font), *break_path(str(path), font, room)]
        return tooltip_html(lines)

    def pane(self, rect: pygame.Rect, *, focusable: bool = True, **options: object) -> TextPane:
        """A scrolling text pane; focusable panes scroll with the arrow keys."""
        pane = TextPane(
            rect,
            self.manager,
            self.container,
            self.app.fonts,
            self.app.palette,
            **options,  # type: ignore[arg-type]
        )
        self.panes.append(pane)
        if focusable:
            self.focus.add(FocusItem(pane.image, None, pane=pane))
        return pane

    def px(self, base: int) -> int:
        """A length that grows with the text size."""
        return self.app.fonts.px(base)

    # -- input ------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        """React to one event (after the widgets have seen it)."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            action = self.actions.get(event.ui_element)
            if action is not None:
                self.focus.focus(event.ui_element)
                self.app.sound.play("click")
                action()
            return
        if event.type == pygame.MOUSEWHEEL:
            mouse = pygame.mouse.get_pos()
            for pane in self.panes:
                if pane.handle_wheel(event, mouse):
                    return
            return
        if event.type != pygame.KEYDOWN:
            return
        current = self.focus.current
        if current is not None and current.pane is not None and current.pane.scroll_key(event.key):
            return
        command = keys.command_for(event)
        if command == keys.NEXT:
            self.focus.move(1)
        elif command == keys.PREVIOUS:
            self.focus.move(-1)
        elif command == keys.ACTIVATE:
            self.activate_focused()
        elif command == keys.BACK:
            self.on_escape()
        elif command in (keys.PAGE_UP, keys.PAGE_DOWN) and self.panes:
            self.panes[0].scroll_key(event.key)
        else:
            letter = keys.letter(event)
            if letter is not None and letter in self.live_shortcuts():
                self.app.sound.play("click")
                self.shortcuts[letter]()

    def activate_focused(self) -> None:
        """Run the focused button's action, as a click would."""
        current = self.focus.current
        if current is not None and current.action is not None and current.widget.is_enabled:
            self.app.sound.play("click")
            current.action()

    def on_escape(self) -> None:
        """What Escape does here; by default nothing."""

    # -- drawing ----------------------------------------------------------------------------

    def draw_over(self, surface: pygame.Surface) -> None:
        """Draw on top of the widgets: the focus outline."""
        self.focus.draw(surface, self.app.palette["focus"], max(2, self.px(3)))

    def texts(self) -> list[str]:
        """Every piece of text the screen shows (labels, buttons, panes), for tests."""
        found: list[str] = []
        if self.root is None:
            return found
        for element in self.manager.get_sprite_group().sprites():
            if not isinstance(element, UIElement) or not element.visible:
                continue
            if _inside(element, self.root):
                text = getattr(element, "text", None) or getattr(element, "html_text", None)
                if isinstance(text, str):
                    found.append(text)
        for pane in self.panes:
            found.extend(pane.words)
        return found


def _inside(element: UIElement, root: UIContainer) -> bool:
    """Whether an element sits (at any depth) inside the screen's root container."""
    inner = root
    container: Any = element.ui_container
    for _ in range(20):
        if container is None:
            return False
        if container is root or container is inner:
            return True
        container = getattr(container, "ui_container", None)
    return False
