"""Keyboard focus for every screen, and a scrolling text pane drawn with cached paragraphs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UIImage, UILabel, UIScrollingContainer

from game.ui.assets import Fonts
from game.ui.text import (
    Block,
    Rule,
    _render_block,
    displayable,
    ellipsize,
    fit_label,
    plain_text,
    tooltip_html,
)
from game.ui.theme import Palette

Action = Callable[[], None]


# pygame_gui leaves these methods unannotated; going through Any keeps mypy's checks on
# everything around them.
def kill(widget: object) -> None:
    """Remove a widget (and its children) for good."""
    cast(Any, widget).kill()


def set_visible(widget: object, visible: bool) -> None:
    """Show or hide a widget."""
    if visible:
        cast(Any, widget).show()
    else:
        cast(Any, widget).hide()


def set_selected(widget: object, selected: bool) -> None:
    """Mark a button as chosen (its selected colours) or not."""
    if selected:
        cast(Any, widget).select()
    else:
        cast(Any, widget).unselect()


def set_enabled(widget: object, enabled: bool) -> None:
    """Enable or disable a widget (a disabled button greys out and ignores clicks)."""
    if enabled:
        cast(Any, widget).enable()
    else:
        cast(Any, widget).disable()


def fit_words(
    wordings: Sequence[str], font: pygame.font.Font, width: int
) -> tuple[str, str | None]:
    """A label's text for `width` pixels, and its tool tip: the first of the wordings (the
    fullest first) that fits whole, with no tip; else the last one shortened with '…', with
    the first in full as its tip."""
    whole = [displayable(words, font) for words in wordings]
    for words in whole:
        if font.size(words)[0] <= width:
            return words, None
    return ellipsize(whole[-1], font, width), tooltip_html([whole[0]])


def show_words(label: UILabel, text: str, tip: str | None) -> None:
    """Give a label new text and tool tip, touching only what changed (a new text is
    rendered again, a new tip made again)."""
    if label.text != text:
        label.set_text(text)
    if label.tool_tip_text != tip:
        label.set_tooltip(tip)


class FittedButton(UIButton):
    """A button whose label always fits: a label too wide for it loses its key hint first,
    then ends in '…', measured with the font its theme draws it in; the whole label is
    then its tool tip (unless it was given one)."""

    def __init__(self, *args: Any, glyphs: pygame.font.Font | None = None, **kwargs: Any) -> None:
        self.full_text = ""
        """The label as asked for, before any shortening."""
        self._glyphs = glyphs
        self._own_tip = False
        self._fitting = False
        super().__init__(*args, **kwargs)
        self.full_text = self.text
        self._own_tip = self.tool_tip_text is None
        self._fit()

    @property
    def room(self) -> int:
        """The width the label may take: the button less its borders and text padding."""
        # pygame_gui pads only text aligned to a side; centred text gets a small margin.
        side = self.text_horiz_alignment in ("left", "right")
        padding = int(self.text_horiz_alignment_padding) if side else 6
        return max(1, int(self.relative_rect.width) - 2 * padding - 2)

    def _fit(self) -> None:
        """Show as much of the whole label as fits (pygame_gui calls this during set-up)."""
        if self._fitting or self.font is None or not self.full_text:
            return
        self._fitting = True
        try:
            fitted = fit_label(self.full_text, self.font, self.room)
            UIButton.set_text(self, fitted)
            if self._own_tip:
                tip = tooltip_html([self.full_text]) if fitted != self.full_text else None
                if tip != self.tool_tip_text:
                    self.set_tooltip(tip)
        finally:
            self._fitting = False

    def set_text(self, text: str, *, text_kwargs: dict[str, str] | None = None) -> None:
        """Change the label, shortened if it would not fit."""
        if self._glyphs is not None:
            text = displayable(text, self._glyphs)
        self.full_text = text
        fitted = fit_label(text, self.font, self.room) if self.font is not None else text
        UIButton.set_text(self, fitted, text_kwargs=text_kwargs)
        self._fit()  # the tool tip

    def set_dimensions(self, dimensions: Any, clamp_to_container: bool = False) -> None:
        """Resize, fitting the label again."""
        super().set_dimensions(dimensions, clamp_to_container)
        self._fit()

    def rebuild_from_changed_theme_data(self) -> None:
        """Take up a new theme (a new font when the theme id changes), fitting the label."""
        cast(Any, super()).rebuild_from_changed_theme_data()
        self._fit()


@dataclass
class FocusItem:
    """One stop of the focus ring: a widget, what Enter does, and how it scrolls."""

    widget: UIElement
    action: Action | None
    pane: TextPane | None = None
    scroller: UIScrollingContainer | None = None
    group: str = ""


class FocusRing:
    """The widgets Tab and the arrow keys move between; the focused one gets an outline."""

    def __init__(self) -> None:
        self.items: list[FocusItem] = []
        self.index = -1

    def clear(self) -> None:
        """Forget every stop (the screen is being rebuilt)."""
        self.items.clear()
        self.index = -1

    def add(self, item: FocusItem) -> None:
        """Add a stop at the end of the ring."""
        self.items.append(item)

    def replace_group(
        self, group: str, items: list[FocusItem], before: UIElement | None = None
    ) -> None:
        """Swap the stops of one group (e.g. the move list) for new ones, in the same place:
        where the group was, else just before the stop of `before`, else first."""
        positions = [i for i, item in enumerate(self.items) if item.group == group]
        anchor = [i for i, item in enumerate(self.items) if item.widget is before]
        at = positions[0] if positions else anchor[0] if anchor else 0
        focused = self.current
        was_in_group = focused is not None and focused.group == group
        for item in items:
            item.group = group
        self.items = [item for item in self.items if item.group != group]
        self.items[at:at] = items
        if was_in_group:
            self.index = at if items else -1
            if items:
                self._reveal(items[0])
        elif focused is not None:
            self.index = self.items.index(focused)

    @property
    def current(self) -> FocusItem | None:
        """The focused stop, if any."""
        if 0 <= self.index < len(self.items):
            return self.items[self.index]
        return None

    def _usable(self, item: FocusItem) -> bool:
        widget = cast(Any, item.widget)
        return bool(widget.alive() and widget.visible and widget.is_enabled)

    def move(self, step: int) -> None:
        """Focus the next (or previous) usable stop, wrapping round."""
        count = len(self.items)
        if count == 0:
            return
        index = self.index if self.index >= 0 else (-1 if step > 0 else 0)
        for _ in range(count):
            index = (index + step) % count
            if self._usable(self.items[index]):
                self.index = index
                self._reveal(self.items[index])
                return

    def focus(self, widget: UIElement) -> bool:
        """Focus this widget if it is a stop; True if it is."""
        for index, item in enumerate(self.items):
            if item.widget is widget:
                self.index = index
                self._reveal(item)
                return True
        return False

    def ensure(self) -> None:
        """Keep the focus on a usable stop (after widgets were hidden or disabled)."""
        current = self.current
        if current is None or not self._usable(current):
            self.index = -1
            self.move(1)

    def _reveal(self, item: FocusItem) -> None:
        if item.scroller is not None:
            scroll_into_view(item.scroller, item.widget)

    def draw(self, surface: pygame.Surface, colour: pygame.Color, width: int) -> None:
        """Outline the focused widget, clipped to the scrolling area it sits in."""
        item = self.current
        if item is None or not self._usable(item):
            return
        rect = item.widget.rect.inflate(width * 2 + 2, width * 2 + 2)
        clip = None
        if item.scroller is not None:
            clip = item.scroller.rect.inflate(width * 2 + 2, width * 2 + 2)
        previous = surface.get_clip()
        surface.set_clip(clip)
        pygame.draw.rect(surface, colour, rect, width=width, border_radius=8)
        surface.set_clip(previous)


def scroll_into_view(scroller: UIScrollingContainer, widget: UIElement) -> None:
    """Scroll a scrolling container so that `widget` is fully visible."""
    bar = scroller.vert_scroll_bar
    if bar is None or not bar.visible:
        return
    view = scroller.rect
    content = scroller.scrollable_container.rect
    top = widget.rect.top - content.top
    if widget.rect.top >= view.top and widget.rect.bottom <= view.bottom:
        return
    below = top + widget.rect.height - view.height + 6
    target = top - 6 if widget.rect.top < view.top else below
    target = max(0, min(target, content.height - view.height))
    bar.set_scroll_from_start_percentage(target / max(1, content.height))
    scroller.update(0.0)


class TextPane:
    """A rectangle of wrapped text blocks with its own scrolling (wheel, keys, scroll bar).

    Paragraphs are rendered once and cached, and only the visible part is composed into a
    window-sized image, so a long log or a busy table costs little to redraw.
    """

    def __init__(
        self,
        rect: pygame.Rect,
        manager: pygame_gui.UIManager,
        container: pygame_gui.core.IContainerLikeInterface,
        fonts: Fonts,
        palette: Palette,
        *,
        padding: int = 12,
        background: str | None = "panel",
    ) -> None:
        self.rect = pygame.Rect(rect)
        self.fonts, self.palette = fonts, palette
        self.padding = fonts.px(padding)
        self.background = background
        self.blocks: list[Block] = []
        self.words: list[str] = []
        self._cache: dict[Block, pygame.Surface | None] = {}
        self._layout: list[tuple[int, pygame.Surface | None, Block]] = []
        self.content_height = 0
        self.offset = 0
        self.image = UIImage(
            self.rect,
            pygame.Surface(self.rect.size, pygame.SRCALPHA),
            manager,
            container=container,
        )

    @property
    def text_width(self) -> int:
        """The width the paragraphs wrap at."""
        return self.rect.width - 2 * self.padding - 10

    def set_blocks(self, blocks: Sequence[Block], keep_offset: bool = True) -> None:
        """Show new content; paragraphs seen before are not rendered again."""
        self.blocks = list(blocks)
        self.words = plain_text(self.blocks)
        cache: dict[Block, pygame.Surface | None] = {}
        layout = []
        y = 0
        for block in self.blocks:
            y += self.fonts.px(block.gap)
            surface = self._cache[block] if block in self._cache else self._render(block)
            cache[block] = surface
            layout.append((y, surface, block))
            y += surface.get_height() if surface is not None else self.fonts.px(1)
        self._cache, self._layout = cache, layout
        self.content_height = y + self.fonts.px(6)
        self.offset = self.offset if keep_offset else 0
        self.compose()

    def _render(self, block: Block) -> pygame.Surface | None:
        surface = _render_block(block, self.text_width, self.fonts, self.palette)
        marker = getattr(block, "marker", None)
        indent = self.fonts.px(getattr(block, "indent", 0))
        if surface is None or (not marker and not indent):
            return surface
        shift = indent + (self.fonts.px(10) if marker else 0)
        out = pygame.Surface((surface.get_width() + shift, surface.get_height()), pygame.SRCALPHA)
        if marker:
            bar = pygame.Rect(indent, 2, self.fonts.px(4), max(2, surface.get_height() - 4))
            pygame.draw.rect(out, self.palette[marker], bar, border_radius=2)
        out.blit(surface, (shift, 0))
        return out

    def set_rect(self, rect: pygame.Rect) -> None:
        """Move or resize the pane; paragraphs are wrapped again only if the width changed."""
        rect = pygame.Rect(rect)
        if rect == self.rect:
            return
        rewrap = rect.width != self.rect.width
        self.rect = rect
        self.image.set_relative_position(rect.topleft)
        self.image.set_dimensions(rect.size)
        if rewrap:
            self._cache.clear()
            self.set_blocks(self.blocks)
            return
        self.offset = min(self.offset, self.max_offset)
        self.compose()

    @property
    def view_height(self) -> int:
        """The height of the visible text area."""
        return self.rect.height - 2 * self.padding

    @property
    def max_offset(self) -> int:
        """How far the content can scroll."""
        return max(0, self.content_height - self.view_height)

    def scroll_by(self, pixels: int) -> None:
        """Scroll down (positive) or up (negative), clamped to the content."""
        offset = max(0, min(self.max_offset, self.offset + pixels))
        if offset != self.offset:
            self.offset = offset
            self.compose()

    def scroll_key(self, key: int) -> bool:
        """Scroll for a navigation key; True if the key was taken.

        Up and Down are taken only while they scroll: at the top (or the bottom) they are
        left to move the focus on, so the arrows never get stuck on a pane. Page Up, Page
        Down, Home and End only ever scroll.
        """
        line = self.fonts.px(40)
        steps = {
            pygame.K_UP: -line,
            pygame.K_DOWN: line,
            pygame.K_PAGEUP: -self.view_height + line,
            pygame.K_PAGEDOWN: self.view_height - line,
            pygame.K_HOME: -self.content_height,
            pygame.K_END: self.content_height,
        }
        if key not in steps:
            return False
        before = self.offset
        self.scroll_by(steps[key])
        return self.offset != before or key not in (pygame.K_UP, pygame.K_DOWN)

    def compose(self) -> None:
        """Draw the visible part of the content (and a scroll bar) into the pane's image."""
        surface = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        frame = surface.get_rect()
        if self.background:
            pygame.draw.rect(surface, self.palette[self.background], frame, border_radius=8)
            pygame.draw.rect(surface, self.palette["border"], frame, width=1, border_radius=8)
        inner = frame.inflate(-2 * self.padding, -2 * self.padding)
        surface.set_clip(inner)
        for top, piece, block in self._layout:
            y = inner.top + top - self.offset
            if piece is None:
                if isinstance(block, Rule) and inner.top <= y <= inner.bottom:
                    pygame.draw.line(
                        surface, self.palette["border"], (inner.left, y), (inner.right - 10, y)
                    )
                continue
            if y + piece.get_height() < inner.top or y > inner.bottom:
                continue
            surface.blit(piece, (inner.left, y))
        surface.set_clip(None)
        if self.max_offset > 0:
            track = pygame.Rect(
                frame.right - self.fonts.px(8), inner.top, self.fonts.px(4), inner.height
            )
            pygame.draw.rect(surface, self.palette["border"], track, border_radius=2)
            share = self.view_height / self.content_height
            thumb = track.copy()
            thumb.height = max(self.fonts.px(20), round(track.height * share))
            thumb.top = track.top + round(
                (track.height - thumb.height) * self.offset / self.max_offset
            )
            pygame.draw.rect(surface, self.palette["text_dim"], thumb, border_radius=2)
        self.image.set_image(surface)

    def show(self) -> None:
        """Show the pane."""
        set_visible(self.image, True)

    def hide(self) -> None:
        """Hide the pane (it keeps its content)."""
        set_visible(self.image, False)

    def handle_wheel(self, event: pygame.event.Event, mouse: tuple[int, int]) -> bool:
        """Scroll on the mouse wheel when the pointer (in window pixels) is over the pane."""
        if event.type != pygame.MOUSEWHEEL or not self.image.visible:
            return False
        # A window smaller than the layout shows it scaled down: map the pointer back.
        mouse = self.image.ui_manager.calculate_scaled_mouse_position(mouse)
        if not self.image.rect.collidepoint(mouse):
            return False
        self.scroll_by(-event.y * self.fonts.px(48))
        return True
