"""The game's fonts are asked which characters they can draw."""

from __future__ import annotations

import pytest

from game.ui.glyphs import can_draw


@pytest.mark.parametrize("char", ["a", "é", "ł", "Ж", "α", "—", "“", "€", "\u00a0"])
def test_the_fonts_draw_the_letters_and_marks_of_european_text(char: str) -> None:
    assert can_draw(char)


@pytest.mark.parametrize("char", ["\U0001f680", "\U0001f600", "中", "→", "✓"])
def test_they_have_no_emoji_chinese_or_arrows(char: str) -> None:
    # Each of these is drawn as '?' in the game.
    assert not can_draw(char)


def test_the_fonts_are_loaded_again_after_pygame_quits() -> None:
    import pygame

    assert can_draw("a")
    pygame.quit()  # as a closed game window does; it unloads every font
    can_draw.cache_clear()
    assert can_draw("b") and not can_draw("\U0001f680")


def test_the_scenario_list_warns_of_text_the_fonts_cannot_draw(tmp_path, monkeypatch) -> None:
    """A scenario in the player's folder whose title holds an emoji is listed with the same
    warning `detente validate` gives (the game would draw '?' there)."""
    from pathlib import Path

    from game.library import shipped_folder
    from game.paths import DATA_ENV
    from game.scenario.problems import Severity
    from game.settings import Settings
    from game.ui.app import App

    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    shipped = shipped_folder()
    assert shipped is not None
    text = (shipped / "tutorial.yaml").read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    folder = Path(tmp_path) / "scenarios"
    folder.mkdir()
    (folder / "rocket.yaml").write_text(
        text.replace(title, 'title: "Rocket talks \U0001f680"', 1), encoding="utf-8"
    )
    app = App(Settings(sound=False), settings_file=tmp_path / "settings.json", remember=False)
    try:
        entries = app.scenarios()
    finally:
        app.close()
    rocket = next(entry for entry in entries if entry.path.name == "rocket.yaml")
    assert rocket.ok
    warnings = [p.message for p in rocket.problems if p.severity is Severity.WARNING]
    assert any("cannot draw" in message and "U+1F680" in message for message in warnings)
