"""The session the screens read: what the trust panel says about the latest change."""

from __future__ import annotations

from game.engine import replay
from game.engine.moves import Pass, Reject, Table
from game.engine.state import Direction
from game.engine.trust import trust_level
from game.scenario.models import SideId
from game.ui.session import HOTSEAT, Session, Setup
from tests.engine.helpers import load_fixture

NATO, RUSSIA = SideId.NATO, SideId.RUSSIA


def played_session() -> Session:
    """A hot-seat game of the rule-book scenario three moves in: Russia to move in round 2."""
    session = Session.start(load_fixture(), Setup(mode=HOTSEAT, seed=1))
    for move in (Pass(NATO), Table(RUSSIA, "transparency"), Reject(NATO, "transparency")):
        session.play(move)
    return session


def test_the_trust_note_tells_of_fading_so_it_matches_the_bar():
    session = played_session()
    assert "fell 8 to 32" in session.trust_notes[Direction.NATO_IN_RUSSIA]
    session.play(Pass(RUSSIA))  # round 3 begins, and earlier changes fade
    assert trust_level(session.state, Direction.NATO_IN_RUSSIA) == 34
    assert session.trust_notes[Direction.NATO_IN_RUSSIA] == (
        "Last change (round 3): NATO's trust in Russia rose 2 to 34 as earlier changes faded."
    )
    assert session.trust_notes[Direction.RUSSIA_IN_NATO].endswith(
        "rose 1 to 29 as earlier changes faded."
    )


def test_a_resumed_game_has_the_same_trust_notes():
    session = played_session()
    session.play(Pass(RUSSIA))
    resumed = Session.resume(session.scenario, session.setup, session.state)
    assert resumed.trust_notes == session.trust_notes


def test_passes_on_time_are_counted_and_undo_keeps_only_those_that_stand():
    session = Session.start(load_fixture(), Setup(mode=HOTSEAT, seed=1, timer=30))
    assert session.tick_timer(31) is not None  # move 1: NATO's time ran out
    session.play(Table(RUSSIA, "transparency"))
    assert session.tick_timer(31) is not None  # move 3: NATO's again
    assert session.timed_out == {1, 3}
    earlier = replay(session.scenario, session.state.seed, session.state.moves[:2])
    undone = Session.resume(session.scenario, session.setup, earlier)
    undone.carry_over(session)
    assert undone.timed_out == {1}


def test_the_computer_goes_on_after_a_load_as_if_the_game_never_stopped():
    """A loaded game's computer decides its past moves again, so its next decision and its
    words are those of a game that never stopped (a student saw its aim go from 0.23 to
    0.19 after loading), and its past reasoning is back in the log's details."""
    from pathlib import Path

    from game.ai import make_player
    from game.engine import apply, is_over, legal_moves, new_game, view
    from game.scenario import load

    path = Path(__file__).resolve().parents[2] / "scenarios" / "2011-lisbon-to-chicago.yaml"
    scenario = load(path)
    setup = Setup(human=RUSSIA, difficulty="hard", seed=7)
    computer = make_player("hard", NATO, seed=setup.seed)
    student = make_player("hardliner", RUSSIA, seed=3)
    state = new_game(scenario, setup.seed)
    compared = 0
    while not is_over(state):
        side = state.to_move
        if side is NATO and state.moves:
            resumed = Session.resume(scenario, setup, state)
            assert resumed.reasons, "the computer's reasoning comes back with the game"
            again = resumed._player.choose(view(state, side), legal_moves(state, side))
        player = computer if side is NATO else student
        decision = player.choose(view(state, side), legal_moves(state, side))
        if side is NATO and state.moves:
            assert (again.move, again.explanation) == (decision.move, decision.explanation)
            compared += 1
        state = apply(state, decision.move).state  # type: ignore[union-attr]
    assert compared >= 6
