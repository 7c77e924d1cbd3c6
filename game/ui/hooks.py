"""Where other parts of the game add entries to the title screen and the pause menu.

The saves module, for one, registers "Save game" and "Load game" here: the menus show an
entry only once something has registered it, so no button ever does nothing.

    from game.ui import hooks

    def register(registry: hooks.Registry) -> None:
        registry.add(hooks.MenuItem("Save game", hooks.PAUSE, save_action, order=10))

and the module's name goes in PLUGIN_MODULES below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session

TITLE, PAUSE = "title", "pause"

PLUGIN_MODULES: tuple[str, ...] = ("game.ui.saving",)
"""Modules that add menu entries; each defines `register(registry)`."""

MenuAction = Callable[["App", "Session | None"], None]
"""Run with the app and, in the pause menu, the game in progress (None on the title)."""
Unavailable = Callable[["Session | None"], "str | None"]
"""Why an entry cannot be used for this game (its greyed-out label), or None if it can."""


@dataclass(frozen=True)
class MenuItem:
    """One entry of a menu: its label, which menu, what it does, where it sits, its key."""

    label: str
    where: str
    action: MenuAction
    order: int = 50
    shortcut: str | None = None
    unavailable: Unavailable | None = None


@dataclass
class Registry:
    """The registered menu entries."""

    items: list[MenuItem] = field(default_factory=list)
    loaded: bool = False

    def add(self, item: MenuItem) -> None:
        """Register a menu entry (a second entry with the same label and menu replaces it)."""
        self.items = [i for i in self.items if (i.label, i.where) != (item.label, item.where)]
        self.items.append(item)

    def menu(self, where: str) -> list[MenuItem]:
        """The entries of one menu, in order."""
        self.load_plugins()
        return sorted((i for i in self.items if i.where == where), key=lambda i: i.order)

    def load_plugins(self) -> None:
        """Import each plugin module once and let it register its entries."""
        if self.loaded:
            return
        self.loaded = True
        for name in PLUGIN_MODULES:
            import_module(name).register(self)


registry = Registry()
"""The one registry the menus read."""
