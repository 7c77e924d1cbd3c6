"""The player interface: names, levels, legal moves, explanations, only the view."""

from __future__ import annotations

import pytest

from game.ai import BASELINES, LEVEL_NAMES, LEVELS, PLAYER_NAMES, Player, make_player
from game.engine import legal_moves, new_game, view
from game.scenario.models import Scenario, SideId
from tests.ai.helpers import table


def test_the_names_the_command_line_accepts():
    assert LEVELS == ("easy", "medium", "hard", "expert")
    assert BASELINES == ("random", "accept", "hardliner", "conceder", "tft")
    assert set(LEVEL_NAMES) == set(LEVELS)
    assert len(set(LEVEL_NAMES.values())) == 4
    assert (*LEVELS, *BASELINES) == PLAYER_NAMES


def test_an_unknown_name_is_a_value_error():
    with pytest.raises(ValueError, match="unknown player 'grandmaster'"):
        make_player("grandmaster", SideId.NATO, seed=1)


@pytest.mark.parametrize("name", [*PLAYER_NAMES, "bluffer"])
@pytest.mark.parametrize("side", list(SideId))
def test_every_player_picks_a_legal_move_and_explains_it(name, side):
    scenario = table()
    state = new_game(scenario, 5)
    if state.to_move is not side:
        from game.engine import apply
        from game.engine.moves import Pass

        state = apply(state, Pass(state.to_move)).state  # type: ignore[union-attr]
    player = make_player(name, side, seed=7)
    assert isinstance(player, Player)
    legal = legal_moves(state, side)
    decision = player.choose(view(state, side), legal)
    assert decision.move in legal
    assert decision.explanation.strip()
    assert decision.explanation[0].isupper() and decision.explanation.endswith(".")


def _with_russia_values_changed(scenario: Scenario) -> Scenario:
    """The same scenario, except what every proposal is worth to Russia and its red lines."""
    data = scenario.model_dump(mode="json")
    for proposal in data["proposals"]:
        proposal["value"]["russia"] = -proposal["value"]["russia"]
    data["sides"]["russia"]["red_lines"] = [{"text": "Never joint exercises.", "proposal": "joint"}]
    return Scenario.model_validate(data)


@pytest.mark.parametrize("level", LEVELS)
def test_a_level_decides_from_the_view_alone(level):
    # NATO's view does not show Russia's values or red lines, so changing them cannot change
    # what NATO does.
    first = table()
    second = _with_russia_values_changed(first)
    moves = []
    for scenario in (first, second):
        state = new_game(scenario, 11)
        side = SideId.NATO
        assert view(state, side).proposals == view(new_game(first, 11), side).proposals
        decision = make_player(level, side, seed=4).choose(
            view(state, side), legal_moves(state, side)
        )
        moves.append((decision.move, decision.explanation))
    assert moves[0] == moves[1]


def test_the_readme_describes_each_level_as_the_game_does():
    """The README's table of levels says what the set-up screen says, name and line."""
    from game.ai import LEVEL_STYLES
    from tests.ai.helpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for level in LEVELS:
        assert f"| {level} | {LEVEL_NAMES[level]} | {LEVEL_STYLES[level]} |" in readme
