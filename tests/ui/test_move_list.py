"""The move list: rival moves never look alike, and a new turn starts on the first move."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pygame
import pytest

from game.engine import replay
from game.engine.moves import (
    Accept,
    Amend,
    Answer,
    Move,
    Pass,
    RaiseObjection,
    Table,
    WalkOut,
    WithdrawObjection,
)
from game.engine.values import terms_with_defaults
from game.library import Entry
from game.scenario.models import Scenario, SideId
from game.settings import Settings
from game.ui.app import App
from game.ui.flow import begin
from game.ui.move_panel import MovePanel
from game.ui.screens.table import TableScreen
from game.ui.session import HOTSEAT, Session, Setup
from tests.ui.conftest import Driver, entry_named

SHAPES = [
    ((1280, 720), "normal"),
    ((1280, 720), "large"),
    ((960, 600), "normal"),
    ((960, 600), "large"),
    ((1024, 640), "large"),
]
"""Window and text size: the default, the minimum, and 1024×640 large (labels were cut)."""
SEEDS = (2,)
"""Games whose positions bring rival tablings, objections, answers and amendments."""
SHOWN = 20
"""Characters of a move's own words that must show on its button (or all of shorter ones)."""


def listing(panel: MovePanel) -> list[tuple[str, str, str]]:
    """(heading, topic, button text) of each move button, top to bottom, as a reader sees it.

    A topic (the proposal that rival moves share) covers the buttons indented under it.
    """
    labels = [(label.relative_rect.top, "heading", label.text) for label in panel.labels]
    topics = getattr(panel, "topics", [])
    labels += [(label.relative_rect.top, "topic", label.text) for label in topics]
    rows = [(row.relative_rect.top, "row", row) for row in panel.rows]
    heading = topic = ""
    found = []
    for _top, kind, item in sorted(labels + rows, key=lambda entry: entry[0]):
        if kind == "heading":
            heading, topic = str(item), ""
        elif kind == "topic":
            topic = str(item)
        else:
            indented = item.relative_rect.left > 0  # type: ignore[union-attr]
            found.append((heading, topic if indented else "", item.text))  # type: ignore[union-attr]
    return found


def own_words(scenario: Scenario, move: Move) -> str:
    """The words that set a move apart from its rivals on the same proposal, or ''."""
    if isinstance(move, (RaiseObjection, WithdrawObjection)):
        return scenario.objection(move.objection).text
    if isinstance(move, Answer):
        return scenario.argument(move.argument).title
    proposal = scenario.proposal(move.proposal) if isinstance(move, (Table, Amend)) else None
    if proposal is None or not proposal.terms:
        return ""
    chosen = (
        dict(terms_with_defaults(proposal, move.terms))
        if isinstance(move, Table)
        else {move.term: move.variant}  # type: ignore[union-attr]
    )
    return next(v.label for t in proposal.terms for v in t.variants if chosen.get(t.id) == v.id)


def positions(session: Session, seed: int) -> Iterator[Session]:
    """The session after each move of a game played at random (never walking out).

    Half the time a side tables a proposal if it can, so that objections, answers and
    amendments, where rival moves crowd together, come up in every game.
    """
    rng = random.Random(seed)
    for _ in range(30):
        if session.over:
            return
        yield session
        moves = [m for m in session.legal() if not isinstance(m, WalkOut)]
        tabling = [m for m in moves if isinstance(m, Table)]
        session.play(rng.choice(tabling if tabling and rng.random() < 0.5 else moves))
        session.pending_events.clear()


@pytest.mark.parametrize(("size", "text_size"), SHAPES)
def test_rival_moves_never_look_alike(
    entries: list[Entry], size: tuple[int, int], text_size: str
) -> None:
    """In every shipped scenario, no two move buttons read the same where they are listed.

    'Study linking missile defences: We have hear…' three times over hid which objection
    each button raised; now the proposal is shown once and each button its own objection.
    """
    settings = Settings(width=size[0], height=size[1], text_size=text_size, sound=False)
    app = App(settings, remember=False, scenarios=lambda: entries)
    try:
        shown = 0
        for entry in entries:
            if entry.scenario is None:
                continue
            for seed in SEEDS:
                session = Session.start(entry.scenario, Setup(mode=HOTSEAT, seed=seed))
                session.briefed.update(SideId)
                begin(app, session)
                app.pop()  # the hand-over
                table = app.top
                assert isinstance(table, TableScreen)
                for _ in positions(session, seed):
                    table.panel.show_moves(session.legal())
                    table.panel.finish()
                    rows = listing(table.panel)
                    assert len(rows) == len(session.legal())
                    clashes = {row for row in rows if rows.count(row) > 1}
                    assert not clashes, (entry.path.stem, size, text_size, clashes)
                    for button, move in table.panel.buttons.items():
                        # Enough of what sets it apart shows, not 'We have hear…'.
                        words = own_words(entry.scenario, move)
                        shown_words = button.text.rstrip("…")
                        assert words[:SHOWN] in shown_words, (size, text_size, button.text)
                    # Every move stays a stop for Tab and the arrow keys.
                    stops = {item.widget for item in table.focus.items}
                    assert all(row in stops for row in table.panel.rows)
                    shown += 1
        assert shown > 30
    finally:
        app.close()


def at_the_tutorial_table(
    app: App, driver: Driver, entries: list[Entry], side: SideId
) -> tuple[Session, TableScreen]:
    """A solo tutorial game as `side`, past the briefing, waiting for the person's move."""
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    session = Session.start(entry.scenario, Setup(human=side, seed=4), entry.path)
    begin(app, session)
    driver.key(pygame.K_RETURN)  # the briefing's Go to the table
    table = app.top
    assert isinstance(table, TableScreen)
    driver.until(lambda: session.human_turn and not table.busy())
    return session, table


def test_a_new_turn_starts_on_the_first_move(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """When the computer moved first, the focus is on the move list, not on the Trust pane."""
    _session, table = at_the_tutorial_table(app, driver, entries, SideId.RUSSIA)
    current = table.focus.current
    assert current is not None and current.widget is table.panel.rows[0]


def test_moving_the_focus_to_another_move_lets_go_of_the_chosen_one(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Enter chose a move, the arrows went on to another: the details and M once still named
    the first move while the outline sat on the second, so M made a move not in view."""
    session, table = at_the_tutorial_table(app, driver, entries, SideId.NATO)
    panel = table.panel
    driver.key(pygame.K_RETURN)  # choose the first move
    chosen = panel.chosen
    assert chosen is not None and panel.make.is_enabled
    driver.key(pygame.K_DOWN)  # on to the next move
    driver.frames(2)
    assert panel.chosen is None
    assert not panel.make.is_enabled
    assert not session.state.moves, "no move was made"
    driver.key(pygame.K_RETURN)  # choose the move now in view
    assert panel.chosen is not None and panel.chosen != chosen


def test_a_moves_tooltip_says_it_in_full(app: App, driver: Driver, entries: list[Entry]) -> None:
    """An objection's button is cut to fit; its tooltip gives the whole objection (it was
    cut too: "…change nothing on the ground. Russia wa…")."""
    from game.engine.describe import describe_move

    session, table = at_the_tutorial_table(app, driver, entries, SideId.RUSSIA)
    objections = [
        (row, move)
        for row, move in table.panel.buttons.items()
        if isinstance(move, RaiseObjection) and row.visible
    ]
    assert objections, "the tutorial offers Russia an objection in round 1"
    for row, move in objections:
        whole = describe_move(session.scenario, move, short=False)
        assert row.tool_tip_text == whole
        assert session.scenario.objection(move.objection).text in whole


def test_a_student_can_withdraw_the_objection_that_blocks_a_deal(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """Russia objected to NATO's offer, then accepted it: it was stuck, with no way to lift
    its own objection. Now the move list offers the withdrawal, and making it agrees the deal."""
    entry = entry_named(entries, "tutorial")
    assert entry.scenario is not None
    nato, russia = SideId.NATO, SideId.RUSSIA
    state = replay(
        entry.scenario,
        4,
        [
            Table(nato, "watch-tests", (("how-often", "every-test"),)),
            RaiseObjection(russia, "only-watching", "watch-tests"),
            Pass(nato),
            Accept(russia, "watch-tests"),
            Pass(nato),
        ],
    )
    session = Session.resume(entry.scenario, Setup(human=russia, seed=4), state, entry.path)
    begin(app, session)
    driver.key(pygame.K_RETURN)  # the briefing's Go to the table
    table = app.top
    assert isinstance(table, TableScreen)
    driver.until(lambda: session.human_turn and not table.busy() and not table.panel.working)
    withdraw = WithdrawObjection(russia, "only-watching", "watch-tests")
    (button,) = [b for b, move in table.panel.buttons.items() if move == withdraw]
    headings = {heading for heading, _topic, _text in listing(table.panel)}
    assert "Withdraw your objection" in headings
    driver.click(button)  # choose it: the details say what it does
    details = " ".join(table.panel.details.words)
    assert "it only takes this move" in details
    assert "Both sides have accepted it, so withdrawing agrees it at once" in details
    driver.click(button)  # and again to make it
    driver.until(lambda: session.state.moves[-1] == withdraw)
    assert session.state.proposal("watch-tests").status.value == "agreed"
    texts = [entry.text for entry in session.state.log]
    assert "Russia withdrew its objection to 'Watch each other's tests'." in texts


def test_a_new_turn_shows_the_list_from_its_first_heading(
    app: App, driver: Driver, entries: list[Entry]
) -> None:
    """A move made from far down the list: the next turn's list opened scrolled just far
    enough to show its first move, with the heading above it ('Accept') cut off."""
    session, table = at_the_tutorial_table(app, driver, entries, SideId.NATO)
    panel = table.panel
    bar = panel.scroller.vert_scroll_bar
    assert bar is not None and bar.visible, "the tutorial's first list is longer than the pane"
    for _ in range(len(panel.rows) - 2):
        driver.key(pygame.K_DOWN)  # down to Pass, the move above Walk out, scrolling the list
    assert bar.start_percentage > 0
    current = table.focus.current
    assert current is not None and isinstance(panel.buttons[current.widget], Pass)
    driver.key(pygame.K_RETURN)  # choose it
    driver.key(pygame.K_m)  # and make it
    driver.until(lambda: session.human_turn and not table.busy() and len(session.state.moves) > 1)
    first_heading = panel.labels[0]
    assert panel.scroller.rect.top <= first_heading.rect.top
    assert first_heading.rect.bottom <= panel.scroller.rect.bottom
    assert bar.start_percentage == 0
