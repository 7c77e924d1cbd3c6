"""The computer explains its moves with the scenario's names for the sides, read from its
view, and reads the log back whatever the sides are called."""

from __future__ import annotations

import pytest

from game.ai import PLAYER_NAMES, make_player
from game.ai.observe import Observer
from game.engine import is_over, legal_moves, new_game, view
from game.engine.moves import Answer, RaiseObjection, Table, WithdrawObjection
from game.scenario.models import SideId
from tests.ai.helpers import position
from tests.engine.helpers import OLD_NAMES, load_renamed, play

NATO, RUSSIA = SideId.NATO, SideId.RUSSIA


def _explanations(short_names: bool, player: str, seed: int) -> list[tuple[SideId, str]]:
    """Every explanation in a game of `player` against itself on the renamed table."""
    scenario = load_renamed(short_names)
    players = {side: make_player(player, side, seed + index) for index, side in enumerate(SideId)}
    state, said = new_game(scenario, seed), []
    while not is_over(state):
        side = state.to_move
        decision = players[side].choose(view(state, side), legal_moves(state, side))
        said.append((side, decision.explanation))
        state = play(state, decision.move)
    return said


@pytest.mark.parametrize("player", PLAYER_NAMES)
def test_every_player_explains_itself_with_the_scenarios_names(player):
    # One game with the names alone, one with short names as well.
    for seed, short_names in ((1, False), (2, True)):
        names = load_renamed(short_names).sides
        for side, text in _explanations(short_names, player, seed):
            assert text.startswith(names.of(side).short + " "), text
            assert not OLD_NAMES.search(text), text


def test_the_view_carries_the_names_sentences_use():
    state = new_game(load_renamed(short_names=True), 1)
    names = view(state, RUSSIA).names
    assert (names.of(NATO), names.of(RUSSIA)) == ("Alliance", "Moscow")


def test_a_failed_argument_and_a_withdrawn_objection_are_read_back_under_any_name():
    scenario = load_renamed()
    objected = [
        Table(NATO, "guarantee"),
        RaiseObjection(RUSSIA, "aimed-at-russia", "guarantee"),
    ]
    observer = Observer(NATO)
    observer.update(view(position(scenario, objected, seed=1), NATO))
    failed = [*objected, Answer(NATO, "aimed-at-russia", "guarantee", "founding-act")]
    observer.after_own(failed[-1])
    observer.update(view(position(scenario, failed, seed=1), NATO))
    # "Moscow delegation's trust in The Alliance is 30, below the 35 it needs."
    assert observer.trust_needed == 35
    withdrawn = [*failed, WithdrawObjection(RUSSIA, "aimed-at-russia", "guarantee")]
    seen = observer.update(view(position(scenario, withdrawn, seed=1), NATO))
    assert ("withdraw_objection", "guarantee") in [(s.kind, s.proposal) for s in seen]
