"""Fixtures shared by the scenario tests: every YAML case runs with both parsers."""

from __future__ import annotations

import pytest
import yaml

from game.scenario import safeyaml

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    """Run the test with libyaml and with the pure-Python parser: both must agree."""
    chosen: type = request.param
    monkeypatch.setattr(safeyaml, "_Loader", chosen)
    return chosen
