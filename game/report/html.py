"""The transcript of one game as a self-contained HTML page with the trust chart inside."""

from __future__ import annotations

from html import escape

from game.report.markdown import (
    MOVES_NOTE,
    result_lines,
    scores_so_far,
    unfinished_note,
    values_in_words,
    walk_out_note,
)
from game.report.page import page, png_data_uri, side_class
from game.report.standing import UNFINISHED
from game.report.transcript import Transcript
from game.scenario.models import SideId


def _round_row(number: int, news: tuple[str, ...]) -> str:
    """A round's heading row with, in order, what happened as it began."""
    lines = "".join(f"<li>{escape(line)}</li>" for line in news)
    return (
        f'<tr class="round"><th colspan="6">Round {number}'
        + (f'<ul class="reasons">{lines}</ul>' if lines else "")
        + "</th></tr>"
    )


def _moves(transcript: Transcript) -> list[str]:
    out = [
        "<table>",
        # A header row in <thead> is printed again at the top of every page.
        "<thead><tr><th>#</th><th>Round</th><th>Side</th><th>Move and what followed</th>"
        f"<th>Trust after<br>({escape(transcript.trust_names())})</th><th>Support after</th></tr>"
        "</thead>",
    ]
    current_round = 0
    news: tuple[str, ...] = ()
    for row in transcript.rows:
        if row.round != current_round:
            current_round = row.round
            out.append(_round_row(current_round, news))
        news = row.next_round
        worth = values_in_words(row, transcript)
        reasons = "".join(f"<li>{escape(reason)}</li>" for reason in row.reasons)
        out.append(
            f'<tr><td class="num">{row.number}</td><td class="num">{row.round}</td>'
            f'<td><span class="{side_class(row.side.value)}">{escape(row.side_name)}</span></td>'
            f"<td>{escape(row.happened)}"
            + (f"<br><em>{escape(worth)}</em>" if worth else "")
            + (f'<p class="quote">{escape(row.quote)}</p>' if row.quote else "")
            + (f'<ul class="reasons">{reasons}</ul>' if reasons else "")
            + f'</td><td class="num">{row.trust.nato} / {row.trust.russia}</td>'
            f'<td class="num">{row.support.nato} / {row.support.russia}</td></tr>'
        )
    if news:
        # A game saved just as a round began: that round's news has no move under it.
        out.append(_round_row(current_round + 1, news))
    out.append("</table>")
    return out


def _outcome(transcript: Transcript) -> list[str]:
    result, finished = transcript.outcome, transcript.finished
    if finished:
        out = [
            "<h2>Outcome</h2>",
            f'<p class="tier">{escape(result.tier.value.capitalize())}</p>',
            f"<p>The talks ended because {escape(transcript.ending)}. "
            f"Shared score: <strong>{result.shared:.1f}</strong> of 100.</p>",
        ]
        if note := walk_out_note(transcript):
            out.append(f"<p>{escape(note)}</p>")
    else:
        so_far = (
            ""
            if transcript.secrets_kept
            else f" Shared score so far: <strong>{result.shared:.1f}</strong> of 100."
        )
        out = [
            f"<h2>Where the talks stand ({UNFINISHED})</h2>",
            f'<p class="tier">{escape(UNFINISHED.capitalize())}</p>',
            f"<p>The talks have not ended: {escape(transcript.ending)}.{so_far}</p>",
        ]
    if transcript.package:
        out.append(f"<p>{'Agreed package' if finished else 'Agreed so far'}:</p><ul>")
        for line in transcript.package:
            terms = f" ({escape(line.terms)})" if line.terms else ""
            out.append(f"<li>{escape(line.title)}{terms}, agreed in round {line.round}</li>")
        out.append("</ul>")
    else:
        out.append(
            f"<p>{'Nothing was agreed.' if finished else 'Nothing has been agreed yet.'}</p>"
        )
    if transcript.secrets_kept:
        out.append(
            "<p>No scores until the game is finished: they come from each side's private "
            "values.</p>"
        )
        return out
    out.append(
        "<table><thead><tr><th>Side</th><th>Package value</th><th>Support</th>"
        "<th>Mean trust</th><th>Score</th></tr></thead>"
    )
    for side in SideId:
        score = result.of(side)
        out.append(
            f'<tr><td><span class="{side_class(side.value)}">'
            f"{escape(transcript.side_name(side))}</span></td>"
            f'<td class="num">{score.package:+.2f}</td><td class="num">{score.support}</td>'
            f'<td class="num">{score.trust:.1f}</td><td class="num">{score.score:.1f}</td></tr>'
        )
    out.append("</table>")
    return out


def _sources(transcript: Transcript) -> list[str]:
    """The sources of the moves' quotes, in full (nothing when no move quoted one)."""
    if not transcript.sources:
        return []
    items = [f"<li>{escape(source)}</li>" for source in transcript.sources]
    return ["<h2>Sources quoted</h2>", "<ul>", *items, "</ul>"]


def _result(transcript: Transcript) -> list[str]:
    """The result at a glance, under the outcome at the top (see `result_lines`)."""
    lines = result_lines(transcript)
    if not lines:
        return []
    return ["<ul>", *[f"<li>{escape(line)}</li>" for line in lines], "</ul>"]


def _instructions(transcript: Transcript) -> list[str]:
    out = ["<h2>Each side's private instructions</h2>"]
    for side in SideId:
        brief = transcript.scenario.sides.of(side)
        out.append(f'<h3 class="{side_class(side.value)}">{escape(brief.name)}</h3><ul>')
        out += [f"<li>Priority: {escape(item)}</li>" for item in brief.priorities]
        out += [f"<li>Red line: {escape(line.text)}</li>" for line in brief.red_lines]
        out.append("</ul>")
    return out


def render(transcript: Transcript, chart_png: bytes) -> str:
    """The page: facts, trust chart, every move, outcome, real history and questions."""
    result = transcript.outcome
    if transcript.finished:
        summary = f"Outcome: {result.tier.value} (shared score {result.shared:.1f})"
    else:
        summary = f"Outcome: {UNFINISHED} ({scores_so_far(transcript)})"
    note = unfinished_note(transcript)
    values_note = (
        "What each proposal was worth to each side is left out until the game is finished."
        if transcript.secrets_kept
        else "The value of each move's proposal to each side is shown as each side privately "
        "saw it (after its trust discount), so the class can see how the other side saw it."
    )
    heading = f"{transcript.title} — {transcript.label}"
    facts = (
        (f"Table: {transcript.table}. " if transcript.table else "")
        + f"{transcript.mode.capitalize()}: {transcript.players}. Saved {transcript.saved}; "
        f"seed {transcript.seed}"
        + (f"; computer level {transcript.difficulty}" if transcript.difficulty else "")
        + "."
    )
    body = [
        f"<h1>{escape(heading)}</h1>",
        f'<p class="facts">{escape(facts)}</p>',
        '<div class="result">',
        f'<p class="tier">{escape(summary)}</p>',
        *_result(transcript),
        "</div>",
        *([f'<p class="notice">{escape(note)}</p>'] if note else []),
        "<h2>Trust over time</h2>",
        f'<img class="chart" alt="Trust of each side in the other, round by round" '
        f'src="{png_data_uri(chart_png)}">',
        "<h2>Opening</h2>",
        "<ul>",
        *[f"<li>{escape(line)}</li>" for line in transcript.opening],
        "</ul>",
        "<h2>Moves</h2>",
        f"<p>{escape(values_note)} {escape(MOVES_NOTE)}</p>",
        *_moves(transcript),
        *_outcome(transcript),
        *([] if transcript.secrets_kept else _instructions(transcript)),
        "<h2>What really happened</h2>",
        *[f"<p>{escape(paragraph)}</p>" for paragraph in transcript.history],
        "<h2>Questions for discussion</h2>",
        "<ol>",
        *[f"<li>{escape(question)}</li>" for question in transcript.questions],
        "</ol>",
        *_sources(transcript),
    ]
    return page(heading, body)
