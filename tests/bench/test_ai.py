"""The tournament's sums: what each level scores, and what its opponents score against it."""

from __future__ import annotations

from bench.ai import Game, ladder, opponents_scores
from game.ai import BASELINES, LEVELS


def _games(generous: str) -> list[Game]:
    """Every level against every opponent from both sides: each player scores 60, except
    that whoever plays `generous` scores 80 against it and `generous` itself scores 40."""
    games: list[Game] = []
    for level in LEVELS:
        for opponent in (*BASELINES, *LEVELS):
            for nato, russia in ((level, opponent), (opponent, level)):
                nato_score = 40.0 if nato == generous else 80.0 if russia == generous else 60.0
                russia_score = 40.0 if russia == generous else 80.0 if nato == generous else 60.0
                games.append(("tutorial", nato, russia, 0, nato_score, russia_score, True, 0.0))
    return games


def test_opponents_score_more_against_the_level_that_gives_ground() -> None:
    conceded = opponents_scores(_games("easy"))
    # Self-play counts too: easy against easy scores 40 on each side.
    opponents = len(BASELINES) + len(LEVELS)
    assert conceded["easy"] == (80.0 * (opponents - 1) + 40.0) / opponents
    assert conceded["medium"] == conceded["hard"] == conceded["expert"] < conceded["easy"]
    assert ladder(_games("easy"))["easy"] < ladder(_games("easy"))["medium"]
