"""`detente schema`: output that cannot be written is one line and a non-zero exit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
def test_a_full_output_is_a_message_not_a_traceback():
    with FULL.open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "game", "schema"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr == "detente schema: No space left on device\n"


def test_the_schema_still_prints_whole(capsys):
    assert main(["schema"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert json.loads(captured.out)["title"].startswith("Détente scenario")
