"""Undo takes back the player's own last move in single-player, never in hot seat."""

from __future__ import annotations

from game.engine import replay
from game.engine.moves import Gesture, Pass, Statement, Tone
from game.saves import undo, undo_point
from game.scenario.models import SideId
from tests.saves.helpers import scenario_copy

NATO, RUSSIA = SideId.NATO, SideId.RUSSIA
MOVES = [
    Statement(NATO, Tone.CONCILIATORY),
    Gesture(RUSSIA),
    Statement(NATO, Tone.FIRM),
    Statement(RUSSIA, Tone.CONCILIATORY),
    Pass(NATO),
]


def test_undo_goes_back_to_before_the_players_last_move(tmp_path):
    scenario, _ = scenario_copy(tmp_path)
    state = replay(scenario, 9, MOVES)
    assert undo_point(state, "solo", (RUSSIA,)) == 3
    back = undo(state, "solo", (RUSSIA,))
    assert back == replay(scenario, 9, MOVES[:3])
    assert back is not None and back.to_move is RUSSIA
    assert undo(state, "solo", (NATO,)) == replay(scenario, 9, MOVES[:4])


def test_no_undo_in_hot_seat_or_before_any_own_move(tmp_path):
    scenario, _ = scenario_copy(tmp_path)
    state = replay(scenario, 9, MOVES[:1])
    assert undo(state, "hotseat", (NATO, RUSSIA)) is None
    assert undo(state, "solo", (RUSSIA,)) is None
    assert undo_point(state, "solo", (NATO,)) == 0
