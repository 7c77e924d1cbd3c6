"""A wheel install carries every shipped scenario and asset (pyproject's data files)."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the check is the same everywhere

ROOT = Path(__file__).resolve().parents[1]


def test_every_scenario_and_asset_is_in_the_wheels_data_files():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data_files = config["tool"]["setuptools"]["data-files"]
    packaged = {path for patterns in data_files.values() for p in patterns for path in ROOT.glob(p)}
    shipped = [
        *ROOT.glob("scenarios/*.yaml"),
        *(p for p in (ROOT / "assets").rglob("*") if p.is_file()),
    ]
    assert shipped
    missing = [str(p.relative_to(ROOT)) for p in shipped if p not in packaged]
    assert not missing, f"add these to [tool.setuptools.data-files] in pyproject.toml: {missing}"
