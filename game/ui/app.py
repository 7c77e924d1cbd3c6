"""The window, the widget manager, the screen stack and the main loop (asleep when idle)."""

from __future__ import annotations

import os
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pygame_gui

from game import settings as settings_store
from game.settings import Settings, fitted_size, sizes_that_fit
from game.ui import keys
from game.ui.assets import Fonts
from game.ui.screen import LAYER_STEP, Blocker, Screen
from game.ui.sound import Sounds
from game.ui.theme import build_theme, palette
from game.ui.widgets import kill, set_visible

if TYPE_CHECKING:
    from game.library import Entry

FPS = 60
IDLE_WAIT_MS = 500
"""How long the idle loop waits for input before it draws a frame anyway (timers tick)."""
IDLE_POLL = 0.02
"""Seconds between looks at the event queue when idle: input is noticed within 20 ms."""
ACTIVE_AFTER_INPUT = 1.2
"""Seconds of full-rate frames after any input, for hover fades, scrolling and tool tips."""
MIN_SIZE = (960, 600)
"""The smallest size screens are laid out at; a smaller window shows them scaled down."""
MAX_LAYOUT = (MIN_SIZE[0] * 4, MIN_SIZE[1] * 4)
"""The largest layout a tiny window gets, so an absurd shape cannot ask for a huge canvas."""
SWITCH_INTERVAL = 0.001
CE_FIX = (
    "Détente needs pygame-ce, but the plain 'pygame' package is installed and hides it.\n"
    "Fix it with:  pip uninstall pygame pygame-ce && pip install pygame-ce"
)


def layout_size(window: tuple[int, int]) -> tuple[int, int]:
    """The size the screens are laid out at for a window of this size.

    The window's own size when it is at least MIN_SIZE; otherwise a size of the window's
    shape that is at least MIN_SIZE, drawn off screen and scaled down into the window. The
    minimum size is only a hint to the window manager, and pygame_gui's scrolling containers
    recurse without end when a layout leaves them a negative height.
    """
    width, height = max(1, window[0]), max(1, window[1])
    scale = min(1.0, width / MIN_SIZE[0], height / MIN_SIZE[1])
    if scale >= 1.0:
        return width, height
    return (
        min(MAX_LAYOUT[0], max(MIN_SIZE[0], round(width / scale))),
        min(MAX_LAYOUT[1], max(MIN_SIZE[1], round(height / scale))),
    )


def check_pygame_ce() -> str | None:
    """None if pygame-ce is the pygame in use, else the message that explains the fix."""
    return None if getattr(pygame, "IS_CE", False) else CE_FIX


class App:
    """Owns the window and runs the screens; `step` is one frame, `run` the whole loop."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        settings_file: Path | None = None,
        remember: bool = True,
        scenarios: Callable[[], list[Entry]] | None = None,
    ) -> None:
        self.settings_file = settings_file
        self.remember = remember
        self.settings = settings or settings_store.load(settings_file)
        self._scenarios = scenarios
        # The computer thinks in a worker thread; a short switch interval hands the GIL back
        # to the window within a millisecond instead of five, so frames stay smooth.
        sys.setswitchinterval(SWITCH_INTERVAL)
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        pygame.display.set_caption("Détente")
        self.canvas: pygame.Surface
        self.window = self._open_window()
        self.sound = Sounds(self.settings.sound)
        self.stack: list[Screen] = []
        self.running = True
        self.frames = 0
        self._active_until = 0.0
        self._footer: tuple[object, str, pygame.Surface | None] | None = None
        self.footer_shown = ""
        """The footer's text as last drawn (whole hints that fit the window), for tests."""
        self._blocker: Blocker | None = None
        self._make_theme()

    # -- window and theme -------------------------------------------------------------------

    def window_sizes(self) -> list[tuple[int, int]]:
        """The window sizes the settings offer on this screen."""
        return sizes_that_fit(desktop_size())

    def _open_window(self) -> pygame.Surface:
        if self.settings.fullscreen:
            window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            chosen = (self.settings.width, self.settings.height)
            size = fitted_size(chosen, desktop_size())
            window = pygame.display.set_mode(size, pygame.RESIZABLE)
        try:
            with warnings.catch_warnings():
                # pygame-ce warns that from_display_module is for Window-based rendering;
                # only the minimum size is set here, the display module still draws.
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MIN_SIZE
        except (AttributeError, pygame.error):
            pass  # an older pygame-ce or a driver without windows: the layout still copes
        self._fit_canvas(window)
        return window

    @property
    def window_size(self) -> tuple[int, int]:
        """The window's size as it is now (the desktop or the player may have resized it)."""
        return self._window_size

    def _fit_canvas(self, window: pygame.Surface) -> None:
        """Draw straight into the window, or off screen at the minimum size if it is smaller."""
        self._window_size = window.get_size()
        size = layout_size(self._window_size)
        if size == self._window_size:
            self.canvas = window
        else:
            self.canvas = pygame.Surface(size, 0, window)

    def _scale_mouse(self) -> None:
        """Tell pygame_gui how window pixels map onto the (larger) layout."""
        window_w, window_h = (max(1, n) for n in self._window_size)
        width, height = self.size
        self.manager.mouse_pos_scale_factor = [width / window_w, height / window_h]

    def _make_theme(self) -> None:
        self.palette = palette(self.settings.palette)
        self.fonts = Fonts(self.settings.text_scale)
        theme = build_theme(self.palette, self.settings.text_scale)
        self.manager = pygame_gui.UIManager(
            self.size, theme_path=theme, enable_live_theme_updates=False
        )
        self._scale_mouse()
        self._footer = None

    @property
    def size(self) -> tuple[int, int]:
        """The size screens lay out at: the window's, or MIN_SIZE's shape if it is smaller."""
        return self.canvas.get_size()

    def scenarios(self) -> list[Entry]:
        """The scenarios to offer (shipped and the user's folder), checked."""
        if self._scenarios is not None:
            return self._scenarios()
        from game.library import available
        from game.ui.glyphs import can_draw

        return available(can_draw=can_draw)

    def apply_settings(self, new: Settings) -> None:
        """Use new settings now, rebuild what they change, and remember them."""
        old, self.settings = self.settings, new.cleaned()
        if self.remember:
            settings_store.save(self.settings, self.settings_file)
        self.sound.enabled = self.settings.sound
        window_changed = (old.width, old.height, old.fullscreen) != (
            new.width,
            new.height,
            new.fullscreen,
        )
        if window_changed:
            self.window = self._open_window()
        if window_changed or (old.text_size, old.palette) != (new.text_size, new.palette):
            for screen in self.stack:
                screen.teardown()
            self._make_theme()
            self._rebuild_all()

    def _resized(self) -> None:
        surface = pygame.display.get_surface()
        if surface is None:
            return
        self.window = surface
        self._fit_canvas(surface)
        self.manager.set_window_resolution(self.size)
        self._scale_mouse()
        self._footer = None
        self._rebuild_all()

    def _rebuild_all(self) -> None:
        for screen in self.stack:
            screen.teardown()
            screen.needs_build = True
        if self._blocker is not None:
            kill(self._blocker)
        self._blocker = None
        self._arrange(build=True)

    # -- the stack --------------------------------------------------------------------------

    @property
    def top(self) -> Screen | None:
        """The screen in front."""
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen, *, defer: bool = False) -> None:
        """Show a screen on top of the current one.

        With `defer`, its widgets are built at the start of the next frame, which spreads the
        work of a pop-up that opens by itself over two frames.
        """
        if screen.modal and self.top is not None:
            # The screen beneath stays in sight, dimmed, but gets no frames until uncovered.
            self.top.on_cover()
        screen.depth = len(self.stack)
        self.stack.append(screen)
        screen.on_enter()
        self._arrange(build=not defer)

    def pop(self) -> None:
        """Close the screen in front and go back to the one beneath."""
        if not self.stack:
            return
        screen = self.stack.pop()
        screen.teardown()
        screen.on_leave()
        self._arrange(build=True)
        if self.top is not None:
            self.top.on_uncover()

    def replace(self, screen: Screen) -> None:
        """Swap the screen in front for another."""
        if self.stack:
            old = self.stack.pop()
            old.teardown()
            old.on_leave()
        self.push(screen)

    def reset(self, screen: Screen) -> None:
        """Close every screen and start again from this one (e.g. back to the title)."""
        while self.stack:
            old = self.stack.pop()
            old.teardown()
            old.on_leave()
        self.push(screen)

    def _arrange(self, build: bool) -> None:
        """Show the screens that can be seen: the front one, and beneath a modal one the
        screens down to the first full one, dimmed by the blocker; hide the rest."""
        top = self.top
        if top is None:
            return
        if build:
            self._build_top()
        visible = True
        for screen in reversed(self.stack):
            if visible and (screen.needs_build or screen.root is None) and screen is not top:
                screen.build()
            if screen.root is not None:
                set_visible(screen.root, visible)
            visible = visible and screen.modal
        blocker = self.blocker()
        if top.modal:
            # Just under the modal screen: it dims everything beneath and takes its clicks.
            blocker.change_layer(top.depth * LAYER_STEP)
        set_visible(blocker, top.modal)
        self.wake()

    def _build_top(self) -> None:
        top = self.top
        if top is not None and (top.needs_build or top.root is None):
            top.build()
            self._arrange(build=False)

    def blocker(self) -> Blocker:
        """The one dimming veil modal screens share (made once per theme and window size)."""
        if self._blocker is None or self._blocker.ui_manager is not self.manager:
            veil = pygame.Surface(self.size, pygame.SRCALPHA)
            veil.fill((8, 11, 16, 190))
            self._blocker = Blocker(pygame.Rect((0, 0), self.size), veil, self.manager)
        return self._blocker

    def wake(self) -> None:
        """Draw at full rate for a moment (something changed)."""
        self._active_until = time.monotonic() + ACTIVE_AFTER_INPUT

    # -- one frame --------------------------------------------------------------------------

    def step(self, events: list[pygame.event.Event], dt: float) -> None:
        """Handle the events, advance `dt` seconds and draw one frame."""
        self._build_top()
        for event in events:
            if event.type == pygame.QUIT:
                self.running = False
                continue
            if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
                surface = pygame.display.get_surface()
                if surface is not None and surface.get_size() != self._window_size:
                    self._resized()
                continue
            self.manager.process_events(event)
            self._build_top()
            top = self.top
            if top is not None:
                top.handle(event)
        top = self.top
        if top is not None:
            top.update(dt)
        self.manager.update(dt)
        self.draw()
        self.frames += 1

    def draw(self) -> None:
        """Draw the whole window (scaled down from the canvas if the window is too small)."""
        canvas = self.canvas
        canvas.fill(self.palette["background"])
        self.manager.draw_ui(canvas)
        top = self.top
        if top is not None:
            top.draw_over(canvas)
            self._draw_footer(top)
        size = self.window.get_size()
        if canvas is not self.window and min(size) > 0:
            if canvas.get_bitsize() in (24, 32):
                pygame.transform.smoothscale(canvas, size, self.window)
            else:
                pygame.transform.scale(canvas, size, self.window)

    def _draw_footer(self, screen: Screen) -> None:
        """The key hints along the bottom, as many whole ones as fit between the margins."""
        font, left = self.fonts.get(13), self.fonts.px(16)
        ranked, room = screen.footer_hints(), self.size[0] - 2 * left
        key = (tuple(ranked), room)
        if self._footer is None or self._footer[0] != key:
            # Fitted and rendered only when the hints change, not every frame.
            text = keys.fit(ranked, lambda words: font.size(words)[0], room)
            surface = font.render(text, True, self.palette["text_dim"]) if text else None
            self._footer = (key, text, surface)
        _, self.footer_shown, surface = self._footer
        if surface is not None:
            self.canvas.blit(surface, (left, self.size[1] - surface.get_height() - 4))

    def busy(self) -> bool:
        """Whether frames are needed without input: animation, the computer, just after input."""
        top = self.top
        return (top is not None and top.busy()) or time.monotonic() < self._active_until

    def run(self, first_frame: Callable[[], None] | None = None) -> int:
        """The main loop: full rate while something moves, asleep on input otherwise."""
        clock = pygame.time.Clock()
        while self.running and self.stack:
            busy = self.busy()
            events = pygame.event.get() if busy else self._wait_for_input()
            if events:
                self.wake()
            dt = min(clock.tick(FPS if busy else 0) / 1000.0, 0.5)
            self.step(events, dt)
            pygame.display.flip()
            if first_frame is not None and self.frames == 1:
                first_frame()
        self.close()
        return 0

    def _wait_for_input(self) -> list[pygame.event.Event]:
        """Sleep until input arrives, or for IDLE_WAIT_MS (a running timer still ticks).

        Short sleeps between looks at the queue, rather than SDL's own wait, which on some
        video drivers polls a thousand times a second.
        """
        deadline = time.monotonic() + IDLE_WAIT_MS / 1000
        while True:
            events = pygame.event.get()
            if events or time.monotonic() >= deadline:
                return events
            time.sleep(IDLE_POLL)

    def close(self) -> None:
        """Leave every screen (stopping the computer's worker), let the last autosave land,
        and shut pygame down."""
        from game.ui.autosave import finish_autosaves

        while self.stack:
            screen = self.stack.pop()
            screen.teardown()
            screen.on_leave()
        finish_autosaves()
        pygame.quit()


HEADLESS_DRIVERS = ("dummy", "offscreen")
"""Video drivers with no real screen: their "desktop" size is made up."""


def desktop_size() -> tuple[int, int] | None:
    """The size of the screen the window opens on (None when there is no real one)."""
    if pygame.display.get_driver() in HEADLESS_DRIVERS:
        return None
    sizes = pygame.display.get_desktop_sizes()
    return sizes[0] if sizes else None
