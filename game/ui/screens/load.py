"""The load screen: every save with scenario, side, mode, round and date; continue or replay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton, UIScrollingContainer

from game.report.classroom import short_title
from game.saves import LoadedGame, SaveError, SaveInfo, list_saves, load_save, saves_folder
from game.saves.privacy import keeps_secrets
from game.ui.screens.common import ListWithDetails, margin, row_height
from game.ui.text import Block, Para, Rule, break_path, displayable, ellipsize
from game.ui.widgets import set_enabled

if TYPE_CHECKING:
    from game.ui.app import App


CONTINUE, DEBRIEF = "Continue", "See the debrief"
"""The main button: go on playing a game, or, for a finished one, open its debrief."""


def save_label(info: SaveInfo) -> str:
    """One line of the list: a table's name first of all, so a machine a class shares shows
    whose game each one is, then the scenario's short title ('Lisbon to Chicago': the whole
    one was cut off at large text), then the short facts."""
    record = info.record
    if record is None:
        return f"Cannot load: {info.path.name}"
    stage = "Finished" if info.round == "finished" else f"Round {info.round}"
    who = {"solo": f"{info.side} vs computer", "hotseat": "hot seat", "sim": "computer only"}
    auto = " (auto)" if info.autosave else ""
    name = f"{info.table}:  " if info.table else ""
    return (
        f"{name}{short_title(info.scenario)}  ·  {stage}  ·  "
        f"{who.get(record.mode, info.mode)}  ·  {info.date}{auto}"
    )


def path_blocks(path: Path, lines: Callable[[str], list[str]], gap: int = 0) -> list[Block]:
    """A file's path, a line each as `lines` breaks it (after a '/': the pane would break a
    long name anywhere, mid-word)."""
    return [
        Para(line, 13, colour="text_dim", gap=gap if number == 0 else 0)
        for number, line in enumerate(lines(str(path)))
    ]


def save_blocks(
    info: SaveInfo, lines: Callable[[str], list[str]] = lambda path: [path]
) -> list[Block]:
    """What the details pane shows for one save (`lines` breaks its path into lines)."""
    if info.record is None:
        return [
            Para(info.path.name, 20, True),
            *path_blocks(info.path, lines),
            Para(info.problem or "This file cannot be read.", 15, marker="rejected", gap=12),
        ]
    record = info.record
    playing = {
        "solo": f"You played {info.side} against the computer ({record.difficulty or 'medium'}).",
        "hotseat": "Two players, one for each side, at one keyboard.",
        "sim": f"The computer played both sides ({record.difficulty or 'computer players'}).",
    }.get(record.mode, record.mode)
    finished = info.round == "finished"
    stage = "The game is over." if finished else f"Saved in round {info.round}."
    if finished:
        about_replay = (
            f"“{DEBRIEF}” shows how it ended: the scores, the agreed package and what "
            "really happened, with Export and Play again. Watch replay steps through every "
            "move, with both sides' private values on request, and can branch a new game "
            "from any round."
        )
    elif keeps_secrets(record.mode, finished):
        about_replay = (
            "Continue goes on playing from this point; Watch replay steps through every move "
            "and can branch a new game from any round. Both sides' private values stay hidden "
            "until the game is finished, so no player can read the other side's."
        )
    else:
        about_replay = (
            "Continue goes on playing from this point; Watch replay steps through every "
            "move, with both sides' private values on request, and can branch a new game "
            "from any round."
        )
    blocks: list[Block] = [
        Para(info.scenario, 20, True),
        Para(
            f"Saved {info.date}" + ("  (automatic save)" if info.autosave else ""),
            14,
            colour="text_dim",
        ),
        *([Para(f"Table: {info.table}", 15, True, gap=10)] if info.table else []),
        Para(playing, 15, gap=10),
        Para(stage, 15, gap=4),
        Rule(gap=12),
        Para(about_replay, 14, colour="text_dim"),
        *path_blocks(info.path, lines, gap=10),
    ]
    return blocks


class LoadScreen(ListWithDetails):
    """The saves on the left, the chosen one's details on the right."""

    def __init__(self, app: App, folder: Path | None = None) -> None:
        super().__init__(app)
        self.folder = folder or saves_folder()
        from game.ui.autosave import finish_autosaves

        finish_autosaves()  # the game just left may still be writing its autosave
        self.saves = list_saves(self.folder)
        self.chosen = 0
        self.problem: str | None = None
        self.list_buttons: list[UIButton] = []

    def layout(self, rect: pygame.Rect) -> None:
        """Heading, the list, the details and the buttons."""
        pad = margin(self)
        self.label(
            pygame.Rect(pad, pad, rect.width - 2 * pad, self.px(36)),
            "Load a game or watch a replay",
            "#heading",
        )
        top = pad + self.px(44)
        bottom = rect.height - pad - row_height(self) - self.px(24)
        list_w = max(self.px(320), rect.width * 50 // 100)
        list_rect = pygame.Rect(pad, top, list_w, bottom - top)
        scroller = UIScrollingContainer(
            list_rect, self.manager, container=self.container, allow_scroll_x=False
        )
        height, gap = self.px(40), self.px(6)
        inner_w = list_w - 24
        # The chosen row's font (the theme's #entry_chosen: 16, bold), the widest of the two
        # row styles, so a label shortened to fit still fits once its row is chosen.
        font = self.app.fonts.get(16, True)
        self.list_buttons = []
        for index, info in enumerate(self.saves):
            text = ellipsize(displayable(save_label(info), font), font, inner_w - self.px(24))
            self.list_buttons.append(
                self.button(
                    pygame.Rect(0, index * (height + gap), inner_w, height),
                    text,
                    self._chooser(index),
                    container=scroller,
                    scroller=scroller,
                    object_id="#entry_chosen" if index == self.chosen else "#entry",
                    tooltip=self.list_tooltip(save_label(info), info.path),
                )
            )
        scroller.set_scrollable_area_dimensions((inner_w, len(self.saves) * (height + gap)))
        details = pygame.Rect(
            list_rect.right + pad, top, rect.width - list_rect.right - 2 * pad, bottom - top
        )
        self.details = self.pane(details)
        y = bottom + self.px(12)
        width = self.px(200)
        # Made left to right, so Tab follows them in reading order.
        self.button(pygame.Rect(pad, y, self.px(140), row_height(self)), "Back", self.app.pop)
        self.watch = self.button(
            pygame.Rect(rect.width - pad - 2 * width - self.px(10), y, width, row_height(self)),
            "Watch replay   (W)",
            self.replay,
            shortcut="w",
        )
        self.go = self.button(
            pygame.Rect(rect.width - pad - width, y, width, row_height(self)),
            CONTINUE,
            self.proceed,
            object_id="#primary",
        )
        self.show_details()
        if self.list_buttons:
            self.focus.focus(self.list_buttons[self.chosen])

    def _chooser(self, index: int) -> Callable[[], None]:
        return lambda: self.choose(index)

    def choose(self, index: int) -> None:
        """Show a save's details; choosing it again continues it (or opens its debrief)."""
        if index == self.chosen and self.saves[index].record is not None and not self.problem:
            self.proceed()
            return
        self.chosen = index
        self.problem = None
        for number, button in enumerate(self.list_buttons):
            button.change_object_id("#entry_chosen" if number == index else "#entry")
        self.show_details()

    def show_details(self) -> None:
        """Fill the details pane and enable the buttons that apply."""
        if not self.saves:
            self.details.set_blocks(
                [
                    Para("No saved games yet.", 18, True),
                    Para(
                        "Save from the menu during a game (Esc); a game also saves itself "
                        "after every move.",
                        15,
                        gap=8,
                    ),
                    Para(f"Saves are kept in {self.folder}", 13, colour="text_dim", gap=12),
                ]
            )
            set_enabled(self.go, False)
            set_enabled(self.watch, False)
            return
        info = self.saves[self.chosen]
        self.go.set_text(DEBRIEF if info.round == "finished" else CONTINUE)
        font, width = self.app.fonts.get(13), self.details.text_width
        blocks = save_blocks(info, lambda path: break_path(path, font, width, shorten=False))
        if self.problem:
            blocks += [Rule(gap=12), Para(self.problem, 15, True, marker="rejected")]
        self.details.set_blocks(blocks, keep_offset=False)
        usable = info.record is not None and not self.problem
        for button in (self.go, self.watch):
            set_enabled(button, usable)

    def _load(self) -> LoadedGame | None:
        if not self.saves:
            return None
        try:
            return load_save(self.saves[self.chosen].path)
        except SaveError as error:
            self.problem = f"This save cannot be loaded: {error.message}"
            self.show_details()
            return None

    def proceed(self) -> None:
        """Load the chosen save and go on playing it (a finished game: its debrief)."""
        from game.ui.saving import resume

        game = self._load()
        if game is not None:
            resume(self.app, game)

    def replay(self) -> None:
        """Load the chosen save and step through it."""
        from game.ui.screens.replay import ReplayScreen

        game = self._load()
        if game is not None:
            self.app.push(ReplayScreen(self.app, game))

    def on_escape(self) -> None:
        """Back."""
        self.app.pop()
