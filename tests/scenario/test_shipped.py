"""Every shipped scenario validates with no errors and no warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.library import check_file
from game.ui.glyphs import can_draw

SCENARIOS = sorted((Path(__file__).parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda path: path.name)
def test_shipped_scenario_is_clean(path: Path) -> None:
    # With the game's fonts, as `detente validate` checks: every character must be drawable.
    report = check_file(path, can_draw)
    assert report.valid, "\n".join(str(p) for p in report.problems)
    assert report.warnings == [], "\n".join(str(p) for p in report.warnings)


def test_the_tutorial_is_shipped() -> None:
    assert "tutorial.yaml" in {path.name for path in SCENARIOS}
