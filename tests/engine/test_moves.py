"""Each move type: its record, its serialised form, its log sentence and its rejections."""

from __future__ import annotations

import pytest

from game.engine import Rejected, apply, describe_move, new_game
from game.engine.moves import (
    Accept,
    Amend,
    Answer,
    Gesture,
    Pass,
    RaiseObjection,
    Reject,
    Statement,
    Table,
    Tone,
    WalkOut,
    WithdrawObjection,
    move_from_dict,
    move_to_dict,
    move_type,
)
from game.scenario.models import SideId
from tests.engine.helpers import load_fixture, play

NATO, RUSSIA = SideId.NATO, SideId.RUSSIA
EVERY_MOVE = [
    Table(NATO, "guarantee", (("form", "treaty"),)),
    Amend(RUSSIA, "guarantee", "form", "declaration"),
    RaiseObjection(RUSSIA, "aimed-at-russia", "guarantee"),
    Answer(NATO, "aimed-at-russia", "guarantee", "observers"),
    WithdrawObjection(RUSSIA, "aimed-at-russia", "guarantee"),
    Accept(RUSSIA, "transparency"),
    Reject(NATO, "joint-command"),
    Statement(NATO, Tone.FIRM),
    Statement(RUSSIA, Tone.CONCILIATORY),
    Gesture(NATO),
    Pass(RUSSIA),
    WalkOut(NATO),
]


@pytest.mark.parametrize("move", EVERY_MOVE, ids=move_type)
def test_every_move_round_trips_through_its_dict(move):
    data = move_to_dict(move)
    assert data["type"] == move_type(move)
    assert move_from_dict(data) == move


@pytest.mark.parametrize("move", EVERY_MOVE, ids=move_type)
def test_every_move_has_a_description(move):
    assert describe_move(load_fixture(), move)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"type": "fly", "side": "nato"},
        {"type": "table", "side": "mars", "proposal": "x"},
        {"type": "accept", "side": "nato"},
        {"type": "table", "side": "nato", "proposal": "x", "terms": []},
    ],
)
def test_malformed_move_data_is_a_value_error(data):
    with pytest.raises(ValueError):
        move_from_dict(data)


def test_table_logs_the_proposal_and_its_terms():
    state = play(new_game(load_fixture(), 1), Table(NATO, "guarantee", (("form", "treaty"),)))
    assert (
        state.log[-1].text
        == "NATO put 'Guarantee of non-targeting' on the table (Form: Legally binding treaty)."
    )


def test_amend_logs_the_new_term():
    state = play(
        new_game(load_fixture(), 1),
        Table(NATO, "guarantee"),
        Amend(RUSSIA, "guarantee", "form", "treaty"),
    )
    assert "Form is now 'Legally binding treaty'" in state.log[-1].text or any(
        "Form is now 'Legally binding treaty'" in e.text for e in state.log
    )


def test_a_move_out_of_turn_is_rejected_and_changes_nothing():
    state = new_game(load_fixture(), 1)
    result = apply(state, Pass(RUSSIA))
    assert isinstance(result, Rejected) and result.reason == "not_your_turn"
    assert "NATO's turn" in result.message


@pytest.mark.parametrize(
    ("move", "reason"),
    [
        (Table(NATO, "nothing"), "unknown_proposal"),
        (Table(NATO, "guarantee", (("form", "email"),)), "bad_terms"),
        (Accept(NATO, "transparency"), "not_on_table"),
        (Reject(NATO, "transparency"), "not_on_table"),
        (Amend(NATO, "guarantee", "form", "treaty"), "not_on_table"),
        (RaiseObjection(NATO, "aimed-at-russia", "guarantee"), "not_your_objection"),
        (RaiseObjection(NATO, "veto", "joint-command"), "not_on_table"),
        (Answer(NATO, "aimed-at-russia", "guarantee", "founding-act"), "not_open"),
        (WithdrawObjection(NATO, "veto", "joint-command"), "not_open"),
    ],
)
def test_illegal_moves_carry_a_reason_code_and_a_sentence(move, reason):
    state = new_game(load_fixture(), 1)
    result = apply(state, move)
    assert isinstance(result, Rejected)
    assert result.reason == reason and result.message.endswith(".")
