"""The transcript of one game as Markdown, for reading, printing or pasting."""

from __future__ import annotations

import re

from game.engine import Outcome
from game.report.transcript import MoveRow, Transcript
from game.scenario.models import SideId

_INLINE = re.compile(r"([\\`*_\[\]<|~])")
"""Marks that mean something anywhere in a line: emphasis, code, links, HTML, table cells."""
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LEADING = re.compile(r"^(\d+(?=[.)](?:\s|$))|(?=[#>+=-]))")
"""What makes a line a heading, quote, list or rule; only at its start."""

MOVES_NOTE = (
    "Trust and support are shown straight after each move. What happens as a new round "
    "begins (trust fading, promises kept, news) is listed under the round's heading."
)
"""How to read the moves' numbers; the HTML page says the same."""


def markdown_text(text: str) -> str:
    """Scenario or player text escaped so that Markdown shows it as itself, on one line.

    It is safe in a table cell and at the start of a line: a debrief line "# ..." does
    not become a heading, "1984. ..." does not become a list.
    """
    text = " ".join(text.split())
    text = _ENTITY.sub("\\\\&", _INLINE.sub(r"\\\1", text))
    return _LEADING.sub(r"\1\\", text)


def values_in_words(row: MoveRow, transcript: Transcript) -> str:
    """'worth +4.0 to NATO, -2.0 to Russia' for a move on a proposal."""
    if row.values is None:
        return ""
    nato, russia = row.values
    return (
        f"worth {nato:+.1f} to {transcript.side_name(SideId.NATO)}, "
        f"{russia:+.1f} to {transcript.side_name(SideId.RUSSIA)}"
    )


def score_lines(transcript: Transcript, result: Outcome) -> list[str]:
    """The score table rows, one per side."""
    lines = [
        "| Side | Package value | Support | Mean trust | Score |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for side in SideId:
        score = result.of(side)
        name = markdown_text(transcript.side_name(side))
        lines.append(
            f"| {name} | {score.package:+.2f} | {score.support} "
            f"| {score.trust:.1f} | {score.score:.1f} |"
        )
    return lines


def _round_heading(number: int, news: tuple[str, ...]) -> list[str]:
    """A round's heading and, in order, what happened as it began."""
    lines = ["", f"### Round {number}", ""]
    lines += [f"- _{markdown_text(line)}_" for line in news]
    return lines + ([""] if news else [])


def render(transcript: Transcript) -> str:
    """The whole transcript as a Markdown document."""
    result = transcript.outcome
    out = [
        f"# {markdown_text(transcript.title)} — {markdown_text(transcript.label)}",
        "",
        f"- Mode: {transcript.mode} ({markdown_text(transcript.players)})",
        f"- Saved: {markdown_text(transcript.saved)}; seed {transcript.seed}"
        + (
            f"; computer level {markdown_text(transcript.difficulty)}"
            if transcript.difficulty
            else ""
        ),
        f"- Outcome: **{result.tier.value}**, shared score {result.shared:.1f} "
        f"({transcript.ending})",
        "",
        "## Opening",
        "",
        *[f"- {markdown_text(line)}" for line in transcript.opening],
        "",
        "## Moves",
        "",
        MOVES_NOTE,
        "",
    ]
    current_round = 0
    news: tuple[str, ...] = ()
    for row in transcript.rows:
        if row.round != current_round:
            current_round = row.round
            out += _round_heading(current_round, news)
        worth = values_in_words(row, transcript)
        out.append(
            f"{row.number}. **{markdown_text(row.side_name)}**: {markdown_text(row.happened)}"
            + (f" _({markdown_text(worth)})_" if worth else "")
        )
        out += [f"   - {markdown_text(reason)}" for reason in row.reasons]
        out.append(
            f"   - Trust after: {row.trust.nato} / {row.trust.russia} "
            f"(NATO in Russia / Russia in NATO); support {row.support.nato} / "
            f"{row.support.russia}"
        )
        news = row.next_round
    if news:
        # A game saved just as a round began: that round's news has no move under it.
        out += _round_heading(current_round + 1, news)
    out += ["", "## Outcome", "", f"**{result.tier.value.capitalize()}**: {transcript.ending}.", ""]
    if transcript.package:
        out.append("Agreed package:")
        out.append("")
        for line in transcript.package:
            terms = f" ({markdown_text(line.terms)})" if line.terms else ""
            out.append(f"- {markdown_text(line.title)}{terms}, agreed in round {line.round}")
    else:
        out.append("Nothing was agreed.")
    out += ["", *score_lines(transcript, result), "", f"Shared score: {result.shared:.1f}", ""]
    out += ["## Each side's private instructions", ""]
    for side in SideId:
        brief = transcript.scenario.sides.of(side)
        out += [f"### {markdown_text(brief.name)}", ""]
        out += [f"- Priority: {markdown_text(item)}" for item in brief.priorities]
        out += [f"- Red line: {markdown_text(line.text)}" for line in brief.red_lines]
        out.append("")
    out += ["## What really happened", "", *[f"{markdown_text(p)}\n" for p in transcript.history]]
    out += ["## Questions for discussion", ""]
    out += [f"{n}. {markdown_text(q)}" for n, q in enumerate(transcript.questions, start=1)]
    return "\n".join(out).rstrip() + "\n"
