"""The exhaustive best-response search: no line of play beats the best it finds, and that line
replays to the scores it reports."""

from __future__ import annotations

import copy

from bench.best_response import TUTORIAL, advance, best_response
from game.ai import Player, make_player
from game.ai.match import player_seed
from game.engine import is_over, legal_moves, new_game, outcome, view
from game.engine.moves import Move
from game.engine.state import State
from game.scenario import load
from game.scenario.models import SideId

US = SideId.NATO


def _after_round_two(opponent_name: str) -> tuple[State, Player, Player]:
    """The tutorial after two rounds of hard (NATO) against a baseline, and both players as
    they stand then."""
    state = new_game(load(TUTORIAL), 0)
    hard = make_player("hard", US, player_seed(0, US))
    opponent = make_player(opponent_name, US.other, player_seed(0, US.other))
    while state.round <= 2:
        state = _step(state, hard if state.to_move is US else opponent)
    return state, hard, opponent


def _step(state: State, player: Player, move: Move | None = None) -> State:
    """The state after `move`, or after the player's own choice."""
    if move is None:
        move = player.choose(view(state, state.to_move), legal_moves(state, state.to_move)).move
    return advance(state, move)


def test_no_line_of_play_does_better_than_the_best_found() -> None:
    state, hard, opponent = _after_round_two("hardliner")
    search = best_response(state, US, copy.deepcopy(opponent))
    rival = copy.deepcopy(opponent)
    while not is_over(state):
        state = _step(state, hard if state.to_move is US else rival)
    assert search.lines > 1
    assert search.best.own >= outcome(state).of(US).score
    ahead = search.best_ahead
    assert ahead is None or search.best.own >= ahead.own > ahead.theirs


def test_the_best_line_replays_to_the_scores_it_reports() -> None:
    state, _, opponent = _after_round_two("tft")
    search = best_response(state, US, copy.deepcopy(opponent))
    ours = list(search.best.moves)
    while not is_over(state):
        state = _step(state, opponent, ours.pop(0) if state.to_move is US else None)
    result = outcome(state)
    assert not ours
    assert (result.of(US).score, result.of(US.other).score) == (
        search.best.own,
        search.best.theirs,
    )
