"""Fixtures for the front-end tests: an app on the dummy video driver, and input helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.library import Entry, available, shipped_folder
from game.settings import Settings
from game.ui.app import App

FRAME = 1 / 60
"""The fixed time step of every test frame."""


class Driver:
    """Posts mouse and keyboard events into pygame's queue and runs frames."""

    def __init__(self, app: App) -> None:
        self.app = app

    def frames(self, count: int = 2) -> None:
        """Run frames, each handling whatever events are queued."""
        for _ in range(count):
            self.app.step(pygame.event.get(), FRAME)

    def until(self, condition: Callable[[], bool], limit: int = 600) -> None:
        """Run frames until `condition()` holds; fail after `limit` frames."""
        for _ in range(limit):
            if condition():
                return
            self.frames(1)
        raise AssertionError(f"still waiting after {limit} frames; top screen {self.app.top!r}")

    def click(self, widget: object) -> None:
        """Move the mouse onto a widget and click it with the left button."""
        pos = widget.rect.center  # type: ignore[attr-defined]
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.frames(3)

    def key(self, key: int, mod: int = 0) -> None:
        """Press and release a key."""
        name = pygame.key.name(key)
        char = name if len(name) == 1 else ""
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char, scancode=0)
        )
        pygame.event.post(
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=char, scancode=0)
        )
        self.frames(2)

    def confirm_handover(self) -> None:
        """Wait until the hand-over screen in front takes presses, then press Enter on it."""
        from game.ui.screens.handover import HandoverScreen

        top = self.app.top
        assert isinstance(top, HandoverScreen), f"no hand-over screen in front: {top!r}"
        self.until(lambda: top.ready)
        self.key(pygame.K_RETURN)

    def read_news(self) -> None:
        """Close every news pop-up the table in front has waiting, as a player reads and
        closes each (news of the first round waits for the players before any move)."""
        from game.ui.screens.event_popup import EventPopup
        from game.ui.screens.table import TableScreen

        table = next(s for s in reversed(self.app.stack) if isinstance(s, TableScreen))
        while table.session.pending_events or isinstance(self.app.top, EventPopup):
            self.until(lambda: isinstance(self.app.top, EventPopup))
            self.key(pygame.K_RETURN)
        assert self.app.top is table

    def button(self, text: str) -> object:
        """The top screen's visible button whose label contains `text` (as shown, or in
        full where it was shortened to fit)."""
        top = self.app.top
        assert top is not None
        for widget in top.actions:
            shown = (getattr(widget, "text", ""), getattr(widget, "full_text", ""))
            if any(text in label for label in shown) and widget.visible:
                return widget
        labels = [getattr(w, "text", "") for w in top.actions]
        raise AssertionError(f"no button with {text!r} on {type(top).__name__}: {labels}")


@pytest.fixture
def entries(tmp_path: Path) -> list[Entry]:
    """The shipped scenarios plus a user folder holding one broken file."""
    user = tmp_path / "user-scenarios"
    user.mkdir()
    (user / "broken.yaml").write_text("schema_version: 1\ntitle: [unclosed\n", encoding="utf-8")
    return available(shipped_folder(), user)


@pytest.fixture
def app(tmp_path: Path, entries: list[Entry]) -> Iterator[App]:
    """An app with default settings (sound off), remembering nothing outside tmp_path."""
    application = App(
        Settings(sound=False),
        settings_file=tmp_path / "settings.json",
        remember=False,
        scenarios=lambda: entries,
    )
    yield application
    application.close()


@pytest.fixture
def driver(app: App) -> Driver:
    """Input for the app."""
    return Driver(app)


def entry_named(entries: list[Entry], stem: str) -> Entry:
    """The library entry of a shipped scenario by file name."""
    return next(e for e in entries if e.path.stem == stem)
