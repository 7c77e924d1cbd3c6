"""Golden transcripts: seeded games must replay word for word (`make golden` to regenerate)."""

from __future__ import annotations

import pytest

from game.scenario import load
from tests.engine.make_golden import CASES, ROOT, golden_path, seeded_game, transcript


@pytest.mark.parametrize(("source", "seed"), CASES, ids=[f"{s}-{n}" for s, n in CASES])
def test_seeded_game_matches_its_golden_transcript(source, seed):
    expected = golden_path(source, seed).read_text(encoding="utf-8")
    actual = transcript(seeded_game(load(ROOT / source), seed))
    assert actual == expected, (
        "the transcript changed: if the change is deliberate, run `make golden`"
    )
