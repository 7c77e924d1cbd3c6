"""Menu entries come only from the hook registry: none without a module, working when added."""

from __future__ import annotations

import pygame
import pytest

from game.ui import hooks
from game.ui.app import App
from game.ui.flow import to_title
from game.ui.screens.pause import PauseScreen
from game.ui.session import Session
from tests.ui.conftest import Driver


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> hooks.Registry:
    """An empty registry in place of the real one (no plugin modules loaded)."""
    empty = hooks.Registry(loaded=True)
    monkeypatch.setattr(hooks, "registry", empty)
    return empty


def test_no_entries_means_no_buttons(app: App, driver: Driver, registry: hooks.Registry) -> None:
    """Without a saves module the title and pause menu show no Save or Load."""
    to_title(app)
    driver.frames()
    assert app.top is not None
    labels = [getattr(w, "text", "") for w in app.top.actions]
    assert not any("Load" in label or "Save" in label for label in labels)
    app.push(PauseScreen(app, None))
    driver.frames()
    labels = [getattr(w, "text", "") for w in app.top.actions]
    assert labels[0] == "Resume" and not any("Save" in label for label in labels)


def test_registered_entry_appears_and_runs(
    app: App, driver: Driver, registry: hooks.Registry
) -> None:
    """An entry added to the registry shows in its menu, in order, and gets the game."""
    calls: list[tuple[App, Session | None]] = []
    registry.add(hooks.MenuItem("Save game", hooks.PAUSE, lambda a, s: calls.append((a, s))))
    registry.add(
        hooks.MenuItem("Load game", hooks.TITLE, lambda a, s: calls.append((a, s)), shortcut="l")
    )
    to_title(app)
    driver.frames()
    driver.key(pygame.K_l)
    assert calls == [(app, None)]
    app.push(PauseScreen(app, None))  # no game: game entries are left out
    driver.frames()
    assert not any("Save game" in getattr(w, "text", "") for w in app.top.actions)  # type: ignore[union-attr]
