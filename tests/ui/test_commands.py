"""`detente play` options, `detente screenshots`, and the generated sounds."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from game.cli import build_parser
from game.commands.play import _session
from game.library import available, shipped_folder
from game.paths import DATA_ENV
from game.scenario.models import SideId
from game.ui.screenshots import render_all
from game.ui.sound import CUES, Sounds, tone


def test_play_options_start_a_game_directly() -> None:
    """`detente play FILE --side russia --mode hotseat --difficulty hard` builds that game."""
    folder = shipped_folder()
    assert folder is not None
    parser, handlers = build_parser()
    args = parser.parse_args(
        [
            "play",
            str(folder / "tutorial.yaml"),
            "--side",
            "russia",
            "--mode",
            "solo",
            "--difficulty",
            "hard",
            "--seed",
            "5",
        ]
    )
    assert handlers[args.command].__module__ == "game.commands.play"
    session = _session(args)
    assert session is not None
    assert session.setup.human is SideId.RUSSIA and session.setup.difficulty == "hard"
    assert session.solo and session.state.seed == 5
    session.close()
    hot = _session(parser.parse_args(["play", str(folder / "tutorial.yaml"), "--mode", "hotseat"]))
    assert hot is not None and not hot.solo


def test_play_reports_a_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A scenario that does not load is reported with its problems, not a traceback."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\n", encoding="utf-8")
    parser, _ = build_parser()
    assert _session(parser.parse_args(["play", str(broken)])) is None
    assert "broken.yaml:" in capsys.readouterr().err


def test_play_takes_a_shipped_scenarios_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`detente play tutorial` (or `2009-brussels.yaml`) from any folder finds the scenario the
    game ships, as after a classroom install; an unknown name lists the names there are."""
    monkeypatch.chdir(tmp_path)
    parser, _ = build_parser()
    for name in ("tutorial", "2009-brussels.yaml"):
        session = _session(parser.parse_args(["play", name]))
        assert session is not None, capsys.readouterr().err
        assert session.path is not None and session.path.is_file()
        assert session.path.stem == Path(name).stem
        session.close()
    assert _session(parser.parse_args(["play", "turorial"])) is None
    err = capsys.readouterr().err
    assert "no such file: turorial" in err and "tutorial" in err.split("named:")[1]


def test_no_arguments_means_play() -> None:
    """`detente` alone runs the play handler (which opens the title screen)."""
    parser, handlers = build_parser()
    args = parser.parse_args(["play"])
    assert args.file is None and "play" in handlers


def test_screenshots_render_every_screen(tmp_path: Path) -> None:
    """`detente screenshots DIR` writes a PNG for every screen."""
    folder = shipped_folder()
    assert folder is not None
    written = render_all(
        tmp_path, entries=available(folder, tmp_path / "none"), staging=tmp_path / "staging"
    )
    names = {path.stem for path in written}
    for screen in (
        "title",
        "scenarios",
        "setup",
        "briefing",
        "table",
        "pause",
        "settings",
        "handover",
        "debrief",
        "load",
        "replay",
        "replay-both-sides",
    ):
        assert any(name.endswith(screen) for name in names), screen
    for path in written:
        assert path.stat().st_size > 5000


def test_sounds_are_quiet_and_click_free() -> None:
    """Generated cues stay well below full scale and fade in and out."""
    for frequencies, seconds, volume in CUES.values():
        samples = tone(frequencies, seconds, volume, 44100)
        assert samples.dtype == np.int16
        assert np.abs(samples).max() <= 0.2 * 32767
        assert abs(int(samples[0])) < 200 and abs(int(samples[-1])) < 200
    Sounds(enabled=True).play("click")  # no audio device in tests: silently fine
    Sounds(enabled=False).play("click")


def test_screenshots_leave_the_players_saves_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The staged games never land in the player's own data folder, even one they chose."""
    data = tmp_path / "class-data"
    monkeypatch.setenv(DATA_ENV, str(data))
    folder = shipped_folder()
    assert folder is not None
    render_all(
        tmp_path / "shots",
        entries=available(folder, tmp_path / "none"),
        staging=tmp_path / "staging",
    )
    assert not list(data.rglob("*.json"))
    assert list((tmp_path / "staging").rglob("*.json"))
    assert os.environ[DATA_ENV] == str(data)
