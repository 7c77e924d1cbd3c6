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


def test_the_licence_ships_with_the_package():
    """pyproject names MIT and the LICENSE file as its licence file, which is the MIT text,
    and the build asks for setuptools 77 (the first to read `license-files`, which puts the
    file in the wheel and the sdist); the wheel itself is not built here."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = config["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert "setuptools>=77" in config["build-system"]["requires"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 The Détente developers\n")


def test_every_asset_has_its_licence_named_beside_it():
    notes = (ROOT / "assets" / "README.md").read_text(encoding="utf-8")
    licences = notes.split("## Licences", 1)[1]
    for path in (ROOT / "assets").rglob("*"):
        if path.is_file() and path.name != "README.md" and path.parent.name != "fonts":
            assert f"`{path.name}`" in licences, f"say in assets/README.md whose {path.name} is"
    assert (ROOT / "assets" / "fonts" / "OFL.txt").is_file()
    assert "`fonts/`" in licences and "Open Font License" in licences
