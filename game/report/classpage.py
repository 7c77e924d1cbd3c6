"""The class summary written out: Markdown, a self-contained HTML page, CSV and a chart."""

from __future__ import annotations

import csv
import io
from html import escape
from pathlib import Path

from game.commands import plural
from game.report.chart import ScoreBar, score_chart_png
from game.report.classroom import ClassSummary
from game.report.markdown import markdown_text
from game.report.page import page, png_data_uri
from game.saves.atomic import write_atomic

SUMMARY_MD = "summary.md"
SUMMARY_HTML = "summary.html"
TABLES_CSV = "tables.csv"
CHART_PNG = "results.png"

TITLE = "Détente: class summary"


def bars(summary: ClassSummary) -> list[ScoreBar]:
    """The chart's bars: each table's scores."""
    return [
        ScoreBar(t.label, t.outcome.nato.score, t.outcome.russia.score, t.outcome.shared)
        for t in summary.tables
    ]


def _table_rows(summary: ClassSummary) -> list[list[str]]:
    rows = []
    for t in summary.tables:
        result = t.outcome
        rows.append(
            [
                t.label,
                t.game.scenario.title,
                result.tier.value + ("" if t.finished else " (unfinished)"),
                f"{result.nato.score:.1f}",
                f"{result.russia.score:.1f}",
                f"{result.shared:.1f}",
                f"{result.nato.trust:.1f}",
                str(len(result.package)),
            ]
        )
    return rows


HEADERS = ["Table", "Scenario", "Outcome", "NATO", "Russia", "Shared", "Mean trust", "Agreed"]


def facts(summary: ClassSummary) -> str:
    """'4 tables; scenario: ...': how many tables played which scenarios."""
    scenarios = summary.scenarios
    word = "scenarios" if len(scenarios) > 1 else "scenario"
    return f"{plural(len(summary.tables), 'table')}; {word}: {', '.join(scenarios) or 'none'}"


def averages(summary: ClassSummary) -> str:
    """The averages sentence, saying which games it counts."""
    finished = len(summary.finished)
    if not finished:
        text = "No game has finished yet, so there are no averages."
    else:
        values = {part: summary.average(part) or 0.0 for part in ("nato", "russia", "shared")}
        trust = summary.average("trust") or 0.0
        counted = "" if not summary.unfinished else f" over the {plural(finished, 'finished game')}"
        text = (
            f"Averages{counted}: NATO {values['nato']:.1f}, Russia {values['russia']:.1f}, "
            f"shared {values['shared']:.1f}, mean trust {trust:.1f}."
        )
    if summary.unfinished:
        left = plural(summary.unfinished, "unfinished game")
        text += f" {left} {'is' if summary.unfinished == 1 else 'are'} listed but not counted."
    return text


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(markdown_text(cell) for cell in cells) + " |"


def render_markdown(summary: ClassSummary) -> str:
    """The summary as Markdown."""
    out = [f"# {TITLE}", "", markdown_text(facts(summary))]
    out += ["", "## Tables", "", "| " + " | ".join(HEADERS) + " |"]
    out.append("| " + " | ".join(["---"] * 3 + ["---:"] * 5) + " |")
    out += [_markdown_row(row) for row in _table_rows(summary)]
    out += [
        "",
        markdown_text(averages(summary)),
        "",
        "## Outcomes",
        "",
        *[f"- {tier.value}: {count}" for tier, count in summary.tiers()],
        *([f"- unfinished: {summary.unfinished}"] if summary.unfinished else []),
        "",
        "## Proposals agreed",
        "",
        "| Scenario | Proposal | Tables that agreed it |",
        "| --- | --- | ---: |",
        *[
            _markdown_row([row.scenario, row.title, f"{row.agreed} of {row.tables}"])
            for row in summary.proposals()
        ],
    ]
    if summary.problems:
        out += ["", "## Saves that could not be read", ""]
        out += [f"- {markdown_text(f'{p.name}: {message}')}" for p, message in summary.problems]
    return "\n".join(out) + "\n"


def render_html(summary: ClassSummary, chart_png: bytes) -> str:
    """The summary as a self-contained HTML page with the results chart inside."""
    body = [
        f"<h1>{escape(TITLE)}</h1>",
        f'<p class="facts">{escape(facts(summary))}</p>',
        "<h2>Results by table</h2>",
        f'<img class="chart" alt="Each table\'s NATO, Russia and shared scores" '
        f'src="{png_data_uri(chart_png)}">',
        "<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in HEADERS) + "</tr>",
    ]
    for row in _table_rows(summary):
        cells = [f"<td>{escape(cell)}</td>" for cell in row[:3]]
        cells += [f'<td class="num">{escape(cell)}</td>' for cell in row[3:]]
        body.append("<tr>" + "".join(cells) + "</tr>")
    body += [
        "</table>",
        f"<p>{escape(averages(summary))}</p>",
        "<h2>Outcomes</h2><ul>",
        *[f"<li>{escape(tier.value)}: {count}</li>" for tier, count in summary.tiers()],
        *([f"<li>unfinished: {summary.unfinished}</li>"] if summary.unfinished else []),
        "</ul>",
        "<h2>Proposals agreed</h2>",
        "<table><tr><th>Scenario</th><th>Proposal</th><th>Tables that agreed it</th></tr>",
        *[
            f"<tr><td>{escape(row.scenario)}</td><td>{escape(row.title)}</td>"
            f'<td class="num">{row.agreed} of {row.tables}</td></tr>'
            for row in summary.proposals()
        ],
        "</table>",
    ]
    if summary.problems:
        body.append("<h2>Saves that could not be read</h2><ul>")
        body += [
            f'<li class="problem">{escape(path.name)}: {escape(message)}</li>'
            for path, message in summary.problems
        ]
        body.append("</ul>")
    return page(TITLE, body)


def render_csv(summary: ClassSummary) -> str:
    """One row per table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["table", "scenario", "tier", "nato", "russia", "shared", "mean_trust", "agreed", "file"]
    )
    for t, row in zip(summary.tables, _table_rows(summary), strict=True):
        writer.writerow([*row[:2], t.outcome.tier.value, *row[3:], t.path.name])
    return buffer.getvalue()


def write_summary(summary: ClassSummary, folder: Path) -> list[Path]:
    """Write the summary files into `folder`; returns them."""
    chart = score_chart_png(bars(summary))
    files = {
        SUMMARY_MD: render_markdown(summary).encode("utf-8"),
        SUMMARY_HTML: render_html(summary, chart).encode("utf-8"),
        TABLES_CSV: render_csv(summary).encode("utf-8"),
        CHART_PNG: chart,
    }
    written = []
    for name, data in files.items():
        write_atomic(folder / name, data)
        written.append(folder / name)
    return written
