"""Passes on time: the log lines they are shown as, found by counting each move's first line."""

from __future__ import annotations

from game.engine import replay
from game.engine.moves import Pass, Statement, Tone
from game.saves import Replay
from game.saves.timeouts import timed_out_text, with_timeouts
from tests.engine.helpers import load_fixture, shipped_scenarios
from tests.saves.helpers import random_game


def test_every_move_logs_exactly_one_move_line_and_it_comes_first():
    # with_timeouts counts these lines to find a move: the rule it stands on.
    for scenario in [load_fixture(), *shipped_scenarios()]:
        for seed in (1, 2):
            state = random_game(scenario, seed)
            game = Replay(scenario, state.seed, state.moves)
            for step in game.steps():
                kinds = [entry.kind for entry in step.log]
                assert kinds[0] == "move" and kinds.count("move") == 1, (scenario.id, step)


def test_a_pass_on_time_is_reworded_in_the_whole_log_and_in_its_own_lines():
    scenario = load_fixture()
    first = scenario.first_move
    moves = [Pass(first), Statement(first.other, Tone.CONCILIATORY), Pass(first)]
    state = replay(scenario, 3, moves)
    late = scenario.sides.of(first).name
    log = with_timeouts(scenario, state.log, {3})
    passes = [entry.text for entry in log if entry.kind == "move" and entry.side is first]
    assert passes == [f"{late} passed.", timed_out_text(late)]
    assert timed_out_text(late) == f"{late} passed: time ran out."
    # Only that line changes: the first pass, made in time, stays as the engine logged it.
    changed = [(old.text, new.text) for old, new in zip(state.log, log, strict=True) if old != new]
    assert changed == [(f"{late} passed.", timed_out_text(late))]
    step = Replay(scenario, 3, moves).step(3)
    own = with_timeouts(scenario, step.log, {3}, first=3)
    assert own[0].text == timed_out_text(late)
    assert with_timeouts(scenario, step.log, {1}, first=3) == step.log
    assert with_timeouts(scenario, state.log, ()) == state.log
