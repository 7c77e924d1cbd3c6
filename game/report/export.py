"""Export one game as a folder: Markdown transcript, self-contained HTML, CSV and chart."""

from __future__ import annotations

from pathlib import Path

from game.report import html, markdown, moves_csv
from game.report.chart import trust_chart_png
from game.report.transcript import build
from game.saves import LoadedGame
from game.saves.atomic import write_atomic
from game.saves.store import file_stem

TRANSCRIPT_MD = "transcript.md"
TRANSCRIPT_HTML = "transcript.html"
MOVES_CSV = "moves.csv"
CHART_PNG = "trust.png"


def export_game(game: LoadedGame, folder: Path) -> list[Path]:
    """Write the game's record into `folder` (created if needed); returns the files written."""
    transcript = build(game)
    sides = game.scenario.sides
    names = (
        f"{sides.nato.name}'s trust in {sides.russia.name}",
        f"{sides.russia.name}'s trust in {sides.nato.name}",
    )
    chart = trust_chart_png(transcript.track, names, ended=game.state.over)
    files = {
        TRANSCRIPT_MD: markdown.render(transcript).encode("utf-8", errors="replace"),
        TRANSCRIPT_HTML: html.render(transcript, chart).encode("utf-8", errors="replace"),
        # With a byte-order mark, so that spreadsheets read it as UTF-8 (see classpage).
        MOVES_CSV: moves_csv.render(transcript).encode("utf-8-sig", errors="replace"),
        CHART_PNG: chart,
    }
    written = []
    for name, data in files.items():
        path = folder / name
        write_atomic(path, data)
        written.append(path)
    return written


def default_folder(game: LoadedGame, base: Path) -> Path:
    """A folder under `base` named after the game (and its table), for the debrief's Export
    button."""
    return base / file_stem(game.record)
