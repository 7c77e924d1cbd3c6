"""The log names the sides as the scenario does: by their short names, else their names."""

from __future__ import annotations

import random

import pytest

from game.engine import Applied, Rejected, apply, is_over, legal_moves, new_game, round_fading
from game.engine.moves import (
    Answer,
    Gesture,
    Pass,
    RaiseObjection,
    Statement,
    Table,
    Tone,
    WithdrawObjection,
)
from game.engine.state import State
from game.scenario.models import SideId
from tests.engine.helpers import OLD_NAMES, load_fixture, load_renamed, play, shipped_scenarios

NATO, RUSSIA = SideId.NATO, SideId.RUSSIA


def _scripted(short_names: bool) -> State:
    """A game on the renamed table that logs each kind of sentence naming a side: a move,
    an objection and its withdrawal, a failed argument, support and trust changes, a
    proposal waiting for one side, and a promise of restraint broken."""
    game = new_game(load_renamed(short_names), 1)
    return play(
        game,
        Table(NATO, "guarantee"),
        RaiseObjection(RUSSIA, "aimed-at-russia", "guarantee"),
        Answer(NATO, "aimed-at-russia", "guarantee", "founding-act"),
        WithdrawObjection(RUSSIA, "aimed-at-russia", "guarantee"),
        Gesture(NATO),
        Statement(RUSSIA, Tone.FIRM),
        Statement(NATO, Tone.FIRM),
    )


@pytest.mark.parametrize(
    ("short_names", "us", "them"),
    [(False, "The Alliance", "Moscow delegation"), (True, "Alliance", "Moscow")],
)
def test_every_sentence_names_the_sides_as_the_scenario_does(short_names, us, them):
    state = _scripted(short_names)
    texts = [entry.text for entry in state.log]
    for expected in (
        f"{us} put 'Guarantee of non-targeting' on the table (Form: Political declaration).",
        f"Support for {us} at home fell 2 to 58: {us} paid for 'Cite the 1997 Founding Act'.",
        f"It did not convince: {them}'s trust in {us} is 30, below the 35 it needs.",
        f"{them} withdrew its objection to 'Guarantee of non-targeting'.",
        f"'Guarantee of non-targeting' still needs {them}'s acceptance.",
        f"{them}'s trust in {us} rose 6 to 36: {us} made a goodwill gesture (fading 1 a round).",
        f"{us}'s trust in {them} fell 3 to 37: {them} talked tough in public (fading 1 a round).",
        f"{us} broke its promise of restraint with a firm statement.",
    ):
        assert expected in texts, texts
    assert [line for line in texts if OLD_NAMES.search(line)] == []
    assert set(round_fading(state, Pass(RUSSIA)).values()) == {
        f"{us}'s trust in {them} rose 1 to 39 as earlier changes faded.",
        f"{them}'s trust in {us} rose 1 to 23 as earlier changes faded.",
    }
    turn = apply(state, Pass(NATO))
    assert isinstance(turn, Rejected)
    assert turn.message == f"It is {them}'s turn, not {us}'s."


def test_random_games_on_a_renamed_table_never_say_nato_or_russia():
    for short_names in (False, True):
        scenario = load_renamed(short_names)
        for seed in range(30):
            rng, state = random.Random(seed), new_game(scenario, seed)
            while not is_over(state):
                side = state.to_move
                refused = apply(state, Pass(side.other))
                assert isinstance(refused, Rejected) and not OLD_NAMES.search(refused.message)
                result = apply(state, rng.choice(legal_moves(state, side)))
                assert isinstance(result, Applied)
                state = result.state
            said = [entry.text for entry in state.log if OLD_NAMES.search(entry.text)]
            assert said == [], (short_names, seed)


def test_a_short_name_is_optional_and_the_shipped_russia_is_russia_in_sentences():
    fixture = load_fixture()
    assert fixture.sides.russia.short_name is None
    assert fixture.sides.russia.short == fixture.sides.russia.name == "Russia"
    for scenario in shipped_scenarios():
        russia = scenario.sides.russia
        assert (russia.name, russia.short) == ("Russian Federation", "Russia"), scenario.id
        assert scenario.sides.nato.short == "NATO", scenario.id
