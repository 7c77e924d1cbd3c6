"""One rule for every screen and report: a game people are still playing keeps its secrets."""

from __future__ import annotations

import pytest

from game.saves.privacy import SECRETS_KEPT, keeps_secrets


@pytest.mark.parametrize(
    ("mode", "finished", "kept"),
    [
        ("solo", False, True),
        ("hotseat", False, True),
        ("sim", False, False),  # nobody plays a computer-only game: nothing to spoil
        ("solo", True, False),
        ("hotseat", True, False),
        ("sim", True, False),
    ],
)
def test_only_an_unfinished_game_with_people_at_the_table_keeps_its_secrets(mode, finished, kept):
    assert keeps_secrets(mode, finished) is kept


def test_every_mode_that_keeps_secrets_says_why():
    assert set(SECRETS_KEPT) == {"solo", "hotseat"}
    assert all("not finished" in why for why in SECRETS_KEPT.values())
