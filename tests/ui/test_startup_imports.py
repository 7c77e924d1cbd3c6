"""Start-up reaches the title screen without loading the engine, the saves or pydantic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_title_screen_needs_no_engine_saves_or_scenario_models() -> None:
    """Settings once imported game.saves (for its atomic writer), which brought the engine
    and pydantic into every start-up: about 0.15 s before the title showed."""
    code = (
        "import sys\n"
        "import game.ui.app, game.ui.screens.title\n"
        "heavy = ('game.engine', 'game.saves', 'game.scenario', 'pydantic')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]", out
