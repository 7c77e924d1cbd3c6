"""Whole games played through the screens with posted mouse and keyboard events."""

from __future__ import annotations

import pygame

from game.library import Entry
from game.ui.app import App
from game.ui.flow import to_title
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.event_popup import EventPopup
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.scenario_list import ScenarioListScreen
from game.ui.screens.setup import SetupScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from tests.ui.conftest import Driver, entry_named


def open_setup(app: App, driver: Driver, entries: list[Entry]) -> SetupScreen:
    """Title -> New game (mouse) -> the tutorial (keyboard) -> set-up."""
    to_title(app)
    driver.frames()
    assert isinstance(app.top, TitleScreen)
    driver.click(driver.button("New game"))
    assert isinstance(app.top, ScenarioListScreen)
    tutorial = next(i for i, e in enumerate(entries) if e.path.stem == "tutorial")
    for _ in range(tutorial):
        driver.key(pygame.K_DOWN)
    driver.key(pygame.K_RETURN)
    assert isinstance(app.top, SetupScreen)
    return app.top


def close_popups(app: App, driver: Driver) -> None:
    """Close event pop-ups with Enter, as a player would."""
    while isinstance(app.top, EventPopup):
        driver.key(pygame.K_RETURN)


def test_solo_game_against_the_computer(app: App, driver: Driver, entries: list[Entry]) -> None:
    """Start from the title, play every turn with the mouse and M, reach the debrief."""
    setup = open_setup(app, driver, entries)
    driver.click(driver.button("Russian Federation"))
    driver.click(driver.button("Hard"))
    assert setup.setup.mode == "solo" and setup.setup.difficulty == "hard"
    driver.key(pygame.K_s)
    assert isinstance(app.top, BriefingScreen)
    driver.key(pygame.K_RETURN)
    table = app.top
    assert isinstance(table, TableScreen)
    session = table.session
    scenario = entry_named(entries, "tutorial").scenario
    assert scenario is not None and session.setup.human.value == "russia"
    moves_made = 0
    while not session.over:
        driver.until(
            lambda: (
                session.over
                or isinstance(app.top, EventPopup)
                or (session.human_turn and not table.busy())
            )
        )
        if isinstance(app.top, EventPopup):
            close_popups(app, driver)
            continue
        if session.over:
            break
        assert app.top is table
        # The panel offers exactly the legal moves.
        assert sorted(map(repr, table.panel.buttons.values())) == sorted(map(repr, session.legal()))
        first = next(iter(table.panel.buttons))
        driver.click(first)
        assert table.panel.chosen == table.panel.buttons[first]
        driver.key(pygame.K_m)
        moves_made += 1
        assert moves_made < 40
    assert session.explanation, "the computer explains its moves"
    driver.until(lambda: not table.busy() or isinstance(app.top, EventPopup))
    close_popups(app, driver)
    driver.until(lambda: not table.busy())
    driver.key(pygame.K_RETURN)  # "See the debrief" has the focus
    assert isinstance(app.top, DebriefScreen)
    assert "What really happened" in "\n".join(app.top.texts())


def test_hotseat_game_by_keyboard(app: App, driver: Driver, entries: list[Entry]) -> None:
    """Two players at one keyboard; the hand-over never shows either side's private briefing."""
    open_setup(app, driver, entries)
    driver.click(driver.button("Hot-seat"))
    driver.key(pygame.K_s)
    scenario = entry_named(entries, "tutorial").scenario
    assert scenario is not None
    private = [
        text
        for side in (scenario.sides.nato, scenario.sides.russia)
        for text in [*side.priorities, *(line.text for line in side.red_lines)]
    ]
    handovers = 0
    for _ in range(60):
        top = app.top
        if isinstance(top, HandoverScreen):
            handovers += 1
            shown = "\n".join(top.texts())
            assert not any(secret in shown for secret in private)
            assert "Worth to you" not in shown
            driver.confirm_handover()
        elif isinstance(top, (BriefingScreen, EventPopup)):
            driver.key(pygame.K_RETURN)
        elif isinstance(top, TableScreen):
            table = top
            driver.until(lambda: not table.busy() or app.top is not table)  # noqa: B023
            if app.top is not top:
                continue
            if top.session.over:
                driver.key(pygame.K_RETURN)
                break
            if top.panel.mode == "message":
                driver.key(pygame.K_RETURN)  # hand over
                continue
            # Tab to the first move, Enter to choose it, Enter again to make it.
            while top.focus.current is None or top.focus.current.group != "moves":
                driver.key(pygame.K_TAB)
            chosen = top.panel.buttons[top.focus.current.widget]  # type: ignore[index]
            driver.key(pygame.K_RETURN)
            assert top.panel.chosen == chosen
            before = len(top.session.state.moves)
            driver.key(pygame.K_RETURN)
            assert len(top.session.state.moves) == before + 1
            assert top.session.state.moves[-1] == chosen
    assert isinstance(app.top, DebriefScreen)
    assert handovers >= 2
