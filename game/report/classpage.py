"""The class summary written out: Markdown, a self-contained HTML page, CSV and a chart."""

from __future__ import annotations

import csv
import io
from html import escape
from pathlib import Path

from game.commands import plural
from game.report.chart import ScoreBar, score_chart_png, score_charts_png
from game.report.classroom import (
    MODES,
    ClassSummary,
    ProposalCount,
    ScenarioTables,
    TableGroup,
    TableResult,
    level_of,
    people_played,
)
from game.report.markdown import markdown_text
from game.report.page import page, png_data_uri
from game.report.standing import UNFINISHED
from game.saves.atomic import write_atomic

SUMMARY_MD = "summary.md"
SUMMARY_HTML = "summary.html"
TABLES_CSV = "tables.csv"
CHART_PNG = "results.png"
BENCHMARK_PNG = "benchmark.png"
"""The computer-only games' chart, written only when the folder holds such games."""

TITLE = "Détente: class summary"

HEADERS = ["Table", "Mode", "Outcome", "NATO", "Russia", "Shared", "Mean trust", "Agreed"]
TEXT_COLUMNS = 3
"""How many of HEADERS' columns are words; the rest are numbers, right-aligned."""

CSV_COLUMNS = [
    "table",
    "table_name",
    "scenario",
    "mode",
    "level",
    "people_played",
    "tier",
    "nato",
    "russia",
    "shared",
    "mean_trust",
    "agreed",
    "saved",
    "file",
    "counted_as",
]
"""tables.csv's columns: `table` is the summary's label (the name, or one made up when the
table has none); `table_name` the name as typed, empty when none was; `mode` is hot seat,
against the computer or computer only, at `level`; `saved` is local time; `counted_as` is
'class' for a game people played, 'computer benchmark' for one the computer played alone."""

NOT_SHOWN = "—"
"""In place of a score a game still being played keeps hidden."""

APART = (
    "Scores mean different things in different scenarios, so each scenario's tables are "
    "listed, charted and averaged on their own."
)
"""What the summary says first when the class played more than one scenario."""

FOLDED_HEADING = "Files of a game already counted"
"""The heading over the files one game was handed in as, beyond the one it was counted from."""

NO_FINISHED_GAME = "No game has finished yet"
"""The title of the class chart when it has no bars to show."""

NO_CLASS_GAME = "No game played by people: the computer-only games are in benchmark.png"
"""The title of the class chart when the folder holds only computer-only games."""

BENCHMARK = "Computer benchmark"
"""The heading over the computer-only games, and the start of their chart panels' titles."""

BENCHMARK_NOTE = (
    "Games the computer played against itself (detente sim --save-dir): they show what the "
    "computer players reach, and are counted in none of the class's figures."
)
"""What the summary says of the computer-only games, under their heading."""

CLASS, COMPUTER = "class", "computer benchmark"
"""tables.csv's `counted_as` for a game people played, and for a computer-only one."""


def bars(group: TableGroup) -> list[ScoreBar]:
    """The chart's bars: each finished table's scores (an unfinished game has no result)."""
    return [
        ScoreBar(t.label, t.outcome.nato.score, t.outcome.russia.score, t.outcome.shared)
        for t in group.finished
    ]


def _scores(table: TableResult) -> list[str]:
    result = table.outcome
    if table.secrets_kept:
        return [NOT_SHOWN] * 3
    return [f"{result.nato.score:.1f}", f"{result.russia.score:.1f}", f"{result.shared:.1f}"]


def table_row(table: TableResult) -> list[str]:
    """One table's cells under HEADERS: an unfinished game says so, and shows no scores while
    people are still playing it."""
    result = table.outcome
    return [
        table.label,
        table.mode,
        table.standing,
        *_scores(table),
        f"{result.nato.trust:.1f}",
        str(len(result.package)),
    ]


def facts(summary: ClassSummary) -> str:
    """'4 tables; scenario: ...': how many tables played which scenarios, and how many games
    the computer played against itself (a benchmark, kept apart: no students' results)."""
    scenarios = summary.scenarios
    word = "scenarios" if len(scenarios) > 1 else "scenario"
    where = f"{word}: {', '.join(scenarios) or 'none'}"
    people, computer = len(summary.people.tables), len(summary.computer.tables)
    games = plural(computer, "computer-only game")
    if not people:
        return (
            f"No game played by people: only {games}, shown as a {BENCHMARK.lower()}, "
            f"not a class's results; {where}"
        )
    tables = plural(summary.people.at_tables, "table")
    if people != summary.people.at_tables:
        # A table that went on from a save point, or began again from a round, played more
        # than one game: each is a game of its own.
        tables = f"{plural(people, 'game')} at {tables}"
    if computer:
        tables += (
            f", and {games} kept apart as a {BENCHMARK.lower()} (not counted in the "
            "class's figures)"
        )
    return f"{tables}; {where}"


def folded_note(summary: ClassSummary) -> str:
    """What the summary says of files of a game it counted already, or '' if there were
    none."""
    count = summary.folded
    if not count:
        return ""
    files = plural(count, "more file")
    were = "was" if count == 1 else "were"
    return (
        f"{files} {were} of a game already listed (a save point beside the game's autosave, "
        "or a copy handed in twice): each game is counted once, as far as it got."
    )


def folded_lines(summary: ClassSummary) -> list[str]:
    """'x-round3.json: Table 3 (counted from x.autosave.json)', a line for each such file."""
    return [
        f"{other}: {t.label} (counted from {t.file})" for t in summary.tables for other in t.folded
    ]


def averages(group: ScenarioTables) -> str:
    """The averages sentence of one scenario's tables, saying which games it counts."""
    finished = len(group.finished)
    if not finished:
        text = "No game has finished yet, so there are no averages."
    else:
        values = {part: group.average(part) or 0.0 for part in ("nato", "russia", "shared")}
        trust = group.average("trust") or 0.0
        counted = "" if not group.unfinished else f" over the {plural(finished, 'finished game')}"
        text = (
            f"Averages{counted}: NATO {values['nato']:.1f}, Russia {values['russia']:.1f}, "
            f"shared {values['shared']:.1f}, mean trust {trust:.1f}."
        )
    if group.unfinished:
        left = plural(group.unfinished, f"{UNFINISHED} game")
        text += f" {left} {'is' if group.unfinished == 1 else 'are'} listed but not counted."
    return text


def outcomes(group: TableGroup) -> str:
    """'Outcomes: partnership 1, limited cooperation 0, stalemate 2, breakdown 0; unfinished 1.'"""
    counts = ", ".join(f"{tier.value} {count}" for tier, count in group.tiers())
    left = f"; {UNFINISHED} {group.unfinished}" if group.unfinished else ""
    return f"Outcomes: {counts}{left}."


def hidden_scores(group: TableGroup) -> str:
    """Why some scores are missing, or '' when none is."""
    if not any(t.secrets_kept for t in group.tables):
        return ""
    return (
        f"A dash ({NOT_SHOWN}) stands for the scores of a game still being played: they come "
        "from each side's private values, which stay hidden until it is finished."
    )


def overall(summary: ClassSummary) -> str:
    """The one line over every scenario the class played: how its games ended, never an
    average score."""
    people = summary.people
    counts = ", ".join(f"{tier.value} {count}" for tier, count in people.tiers())
    left = ""
    if people.unfinished:
        left = f" ({plural(people.unfinished, f'{UNFINISHED} game')} not counted)"
    count = len(summary.by_scenario)
    scenarios = "both scenarios" if count == 2 else f"all {count} scenarios"
    return (
        f"Outcomes of the {plural(len(people.finished), 'finished game')} in {scenarios}: "
        f"{counts}{left}. Scores are not averaged across scenarios: they are not comparable."
    )


TERMS_HEADING = "On what terms"
"""The proposals table's column saying how each term of an agreed proposal was settled."""


def terms_agreed(count: ProposalCount) -> str:
    """'Form of the guarantee: Political declaration 3, Legally binding treaty 1' ('' for a
    proposal without terms, or that no table agreed)."""
    return "; ".join(
        f"{term.label}: " + ", ".join(f"{label} {n}" for label, n in term.variants)
        for term in count.terms
    )


def _agreed_heading(level: int) -> str:
    """The proposals table's count column: the computer's games were played at no table."""
    return "Tables that agreed it" if level == 2 else "Games that agreed it"


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(markdown_text(cell) for cell in cells) + " |"


def _markdown_scenario(group: ScenarioTables, level: int = 2) -> list[str]:
    """One scenario's tables, figures and proposals, under a heading of `level` (2 for the
    class's, 3 for the computer benchmark's)."""
    mark = "#" * level
    out = ["", f"{mark} {markdown_text(group.title)}", "", "| " + " | ".join(HEADERS) + " |"]
    numbers = len(HEADERS) - TEXT_COLUMNS
    out.append("| " + " | ".join(["---"] * TEXT_COLUMNS + ["---:"] * numbers) + " |")
    out += [_markdown_row(table_row(t)) for t in group.tables]
    out += ["", markdown_text(averages(group)), "", markdown_text(outcomes(group))]
    if note := hidden_scores(group):
        out += ["", markdown_text(note)]
    if proposals := group.proposals():
        out += ["", f"{mark}# Proposals agreed", ""]
        out.append(f"| Proposal | {_agreed_heading(level)} | {TERMS_HEADING} |")
        out.append("| --- | ---: | --- |")
        out += [
            _markdown_row([p.title, f"{p.agreed} of {p.tables}", terms_agreed(p)])
            for p in proposals
        ]
    return out


def render_markdown(summary: ClassSummary) -> str:
    """The summary as Markdown: a section for each scenario."""
    groups = summary.by_scenario
    out = [f"# {TITLE}", "", markdown_text(facts(summary))]
    if note := folded_note(summary):
        out += ["", markdown_text(note)]
    if len(groups) > 1:
        out += ["", APART]
    for group in groups:
        out += _markdown_scenario(group)
    if len(groups) > 1:
        out += ["", "## All scenarios together", "", markdown_text(overall(summary))]
    if summary.benchmark:
        out += ["", f"## {BENCHMARK}", "", markdown_text(BENCHMARK_NOTE)]
        for group in summary.benchmark:
            out += _markdown_scenario(group, level=3)
    if summary.problems:
        out += ["", "## Saves that could not be read", ""]
        out += [
            f"- {markdown_text(f'{summary.shown(p)}: {message}')}"
            for p, message in summary.problems
        ]
    if lines := folded_lines(summary):
        out += ["", f"## {FOLDED_HEADING}", ""]
        out += [f"- {markdown_text(line)}" for line in lines]
    return "\n".join(out) + "\n"


def _html_scenario(group: ScenarioTables, level: int = 2) -> list[str]:
    """One scenario's chart, tables, figures and proposals, under a heading of `level` (2
    for the class's, 3 for the computer benchmark's)."""
    body = [f"<h{level}>{escape(group.title)}</h{level}>"]
    if group.finished:
        alt = f"Each finished table's NATO, Russia and shared scores: {group.title}"
        chart = png_data_uri(score_chart_png(bars(group)))
        body.append(f'<img class="chart" alt="{escape(alt)}" src="{chart}">')
    # A header row in <thead> is printed again at the top of every page.
    head = "".join(f"<th>{escape(h)}</th>" for h in HEADERS)
    body.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
    for table in group.tables:
        row = table_row(table)
        cells = [f"<td>{escape(cell)}</td>" for cell in row[:TEXT_COLUMNS]]
        cells += [f'<td class="num">{escape(cell)}</td>' for cell in row[TEXT_COLUMNS:]]
        body.append("<tr>" + "".join(cells) + "</tr>")
    body += [
        "</tbody></table>",
        f"<p>{escape(averages(group))}</p>",
        f"<p>{escape(outcomes(group))}</p>",
    ]
    if note := hidden_scores(group):
        body.append(f'<p class="facts">{escape(note)}</p>')
    if proposals := group.proposals():
        body += [
            f"<h{level + 1}>Proposals agreed</h{level + 1}>",
            f"<table><thead><tr><th>Proposal</th><th>{_agreed_heading(level)}</th>"
            f"<th>{TERMS_HEADING}</th></tr></thead>",
            *[
                f'<tr><td>{escape(p.title)}</td><td class="num">{p.agreed} of {p.tables}</td>'
                f"<td>{escape(terms_agreed(p))}</td></tr>"
                for p in proposals
            ],
            "</table>",
        ]
    return body


def render_html(summary: ClassSummary) -> str:
    """The summary as a self-contained HTML page: a section and a chart for each scenario."""
    groups = summary.by_scenario
    body = [f"<h1>{escape(TITLE)}</h1>", f'<p class="facts">{escape(facts(summary))}</p>']
    if note := folded_note(summary):
        body.append(f"<p>{escape(note)}</p>")
    if len(groups) > 1:
        body.append(f"<p>{escape(APART)}</p>")
    for group in groups:
        body += _html_scenario(group)
    if len(groups) > 1:
        body += ["<h2>All scenarios together</h2>", f"<p>{escape(overall(summary))}</p>"]
    if summary.benchmark:
        body += [f"<h2>{BENCHMARK}</h2>", f'<p class="facts">{escape(BENCHMARK_NOTE)}</p>']
        for group in summary.benchmark:
            body += _html_scenario(group, level=3)
    if summary.problems:
        body.append("<h2>Saves that could not be read</h2><ul>")
        body += [
            f'<li class="problem">{escape(summary.shown(path))}: {escape(message)}</li>'
            for path, message in summary.problems
        ]
        body.append("</ul>")
    if lines := folded_lines(summary):
        body.append(f"<h2>{escape(FOLDED_HEADING)}</h2><ul>")
        body += [f"<li>{escape(line)}</li>" for line in lines]
        body.append("</ul>")
    return page(TITLE, body)


def render_csv(summary: ClassSummary) -> str:
    """One row per table under CSV_COLUMNS; an unfinished game's tier is 'unfinished', and
    its scores are empty while people are still playing it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    sections = [(CLASS, group) for group in summary.by_scenario]
    sections += [(COMPUTER, group) for group in summary.benchmark]
    for counted_as, group in sections:
        for t in group.tables:
            record = t.game.record
            scores = ["" if cell == NOT_SHOWN else cell for cell in _scores(t)]
            tier = t.outcome.tier.value if t.finished else UNFINISHED
            writer.writerow(
                [
                    t.label,
                    t.name,
                    group.title,
                    MODES.get(record.mode, record.mode),
                    level_of(record, t.game.scenario),
                    people_played(record),
                    tier,
                    *scores,
                    f"{t.outcome.nato.trust:.1f}",
                    len(t.outcome.package),
                    t.saved,
                    t.file,
                    counted_as,
                ]
            )
    return buffer.getvalue()


def class_chart(summary: ClassSummary) -> bytes:
    """results.png: a chart for each scenario with a finished game people played, one
    under the other."""
    panels = [(group.title, bars(group)) for group in summary.by_scenario if group.finished]
    empty = NO_FINISHED_GAME if summary.by_scenario else NO_CLASS_GAME
    return score_charts_png(panels or [(empty, [])])


def benchmark_chart(summary: ClassSummary) -> bytes:
    """benchmark.png: the computer-only games' chart, a panel for each scenario."""
    panels = [
        (f"{BENCHMARK}: {group.title}", bars(group))
        for group in summary.benchmark
        if group.finished
    ]
    return score_charts_png(panels or [(f"{BENCHMARK}: {NO_FINISHED_GAME.lower()}", [])])


def write_summary(summary: ClassSummary, folder: Path) -> list[Path]:
    """Write the summary files into `folder`; returns them."""
    files = {
        SUMMARY_MD: render_markdown(summary).encode("utf-8", errors="replace"),
        SUMMARY_HTML: render_html(summary).encode("utf-8", errors="replace"),
        # With a byte-order mark: Excel on Windows reads a CSV file without one in the
        # machine's own code page, and shows a table called "Zoë" as "ZoÃ«".
        TABLES_CSV: render_csv(summary).encode("utf-8-sig", errors="replace"),
        CHART_PNG: class_chart(summary),
    }
    if summary.benchmark:
        files[BENCHMARK_PNG] = benchmark_chart(summary)
    written = []
    for name, data in files.items():
        write_atomic(folder / name, data)
        written.append(folder / name)
    return written
