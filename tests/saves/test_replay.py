"""The replay model: states move by move, both sides' values, and branching."""

from __future__ import annotations

import pytest

from game.engine import replay as engine_replay
from game.engine import view
from game.saves import Replay, SaveError
from game.saves.replay import trust_pair
from game.scenario.models import SideId
from tests.saves.helpers import long_game, scenario_copy


@pytest.fixture(scope="module")
def game(tmp_path_factory):
    scenario, _ = scenario_copy(tmp_path_factory.mktemp("scenario"))
    final = long_game(scenario, min_moves=8, first_seed=21)
    return scenario, final, Replay(scenario, final.seed, final.moves)


def test_states_step_forward_and_back(game):
    scenario, final, model = game
    assert model.count == len(final.moves)
    assert model.final == final
    for index in (0, 1, model.count // 2, model.count):
        assert model.state(index) == engine_replay(scenario, final.seed, final.moves[:index])
    assert model.state(-5) == model.state(0)
    assert model.state(model.count + 5) == final


def test_each_step_has_its_move_text_and_log(game):
    _scenario, final, model = game
    steps = model.steps()
    assert [step.move for step in steps] == list(final.moves)
    opening = len(model.opening())
    assert opening + sum(len(step.log) for step in steps) == len(final.log)
    first = model.step(1)
    assert first.log[0].side is first.side
    assert first.text
    assert first.round == 1
    with pytest.raises(IndexError):
        model.step(0)


def test_both_trust_lines_follow_every_move(game):
    _, final, model = game
    lines = model.trust_lines()
    assert len(lines) == model.count + 1
    last = final.trust_track[-1]
    assert (lines[-1].nato, lines[-1].russia) == (last.nato_in_russia, last.russia_in_nato)


def test_both_sides_view_reveals_each_sides_private_values(game):
    _, _, model = game
    index = model.count // 2
    rows = model.values(index)
    nato, russia = model.view(index, SideId.NATO), model.view(index, SideId.RUSSIA)
    for row in rows:
        assert row.effective == (nato.proposal(row.id).own_value, russia.proposal(row.id).own_value)
        assert row.value.nato == nato.proposal(row.id).own_raw_value
        assert row.value.russia == russia.proposal(row.id).own_raw_value
    assert any(row.value.nato != row.value.russia for row in rows)


def test_branch_starts_a_new_game_at_the_start_of_a_round(game):
    scenario, final, model = game
    starts = model.round_starts
    assert starts[1] == 0
    assert sorted(starts) == list(range(1, len(starts) + 1))
    for round_number, index in starts.items():
        branched = model.branch(round_number)
        assert branched.round == round_number
        assert not branched.over
        assert branched.moves == final.moves[:index]
        assert branched == engine_replay(scenario, final.seed, model.branch_moves(round_number))
        if index:
            assert model.state(index - 1).round == round_number - 1
    # The branched game goes on like any other.
    assert view(model.branch(2), SideId.NATO).round == 2
    with pytest.raises(ValueError, match="cannot branch from round 99"):
        model.branch(99)


def test_an_illegal_move_names_its_number(game):
    scenario, final, _ = game
    with pytest.raises(SaveError, match="move 1 is not legal"):
        Replay(scenario, final.seed, final.moves[1:])


def test_a_step_holds_the_state_straight_after_the_move(game):
    _, _, model = game
    round_ends = 0
    for step in model.steps():
        own = len(step.moved.log)
        assert step.after.log[:own] == step.moved.log
        assert step.moved.round == step.before.round
        later = step.after.log[own:]
        # What the move led to beyond itself starts with a new round or the end.
        assert not later or later[0].kind in ("round", "end")
        if later and later[0].kind == "round":
            round_ends += 1
        else:
            assert trust_pair(step.moved) == model.trust(step.number)
            assert step.moved.support == step.after.support
    assert round_ends


def test_a_lookup_failure_in_the_rules_is_said_in_words(game, monkeypatch):
    scenario, final, _ = game

    def failing(state, move):
        raise KeyError("ghost-proposal")

    monkeypatch.setattr("game.saves.replay.apply", failing)
    with pytest.raises(SaveError) as caught:
        Replay(scenario, final.seed, final.moves)
    message = str(caught.value)
    assert message == (
        "move 1 is not legal in this game: it names 'ghost-proposal', which this scenario "
        "does not have"
    )


def test_a_step_names_the_objection_in_full():
    """Buttons cut an objection's text short; the replay and the reports give it whole."""
    from game.engine.moves import RaiseObjection, Table
    from game.library import shipped_folder
    from game.scenario import load

    folder = shipped_folder()
    assert folder is not None
    tutorial = load(folder / "tutorial.yaml")
    text = tutorial.objection("only-watching").text
    assert len(text) > 60
    moves = (
        Table(SideId.NATO, "watch-tests"),
        RaiseObjection(SideId.RUSSIA, "only-watching", "watch-tests"),
    )
    step = Replay(tutorial, 3, moves).step(2)
    assert step.text.endswith(text)


def test_moments_stop_after_each_move_and_again_as_each_round_begins(game):
    _, final, model = game
    moments = model.moments
    assert moments[0].index == 0 and moments[0].begins == 1 and moments[0].state == model.state(0)
    assert [m.index for m in moments] == sorted(m.index for m in moments)
    assert moments[-1].state == final
    begun = 0
    for step in model.steps():
        own = [m for m in moments if m.index == step.number]
        if step.after.round > step.before.round and not step.after.over:
            # Straight after the move, as its log says; then the round it led to.
            moved, begins = own
            assert (moved.begins, moved.state, moved.round) == (None, step.moved, step.round)
            assert (begins.begins, begins.state) == (step.after.round, step.after)
            assert moments.index(begins) == moments.index(moved) + 1
            begun += 1
        else:
            assert [(m.begins, m.state) for m in own] == [(None, step.after)]
        assert moments[model.moment_of(step.number)] == own[0]
    assert begun == len(model.round_starts) - 1
    assert model.moment_of(-3) == 0 and model.moment_of(model.count + 3) == model.moment_of(
        model.count
    )


def test_a_moment_branches_from_the_round_it_is_in(game):
    _, _, model = game
    for moment in model.moments:
        if moment.state.over:
            continue
        branched = model.branch(moment.round)
        if moment.begins is not None:
            # The round's beginning is exactly where a new game from it starts.
            assert branched == moment.state
        else:
            assert branched.round == moment.round
