"""The transcript of one game as Markdown, for reading, printing or pasting."""

from __future__ import annotations

import re

from game.engine import Outcome
from game.report.standing import UNFINISHED
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


KEPT_OUT = (
    "This record leaves out both sides' scores, what each proposal was worth to each side "
    "and each side's private instructions: make it again once the game is finished."
)
"""What a record of a game still being played leaves out, after the reason (SECRETS_KEPT)."""


WALKED_OUT = "Agreements reached before the walk-out still count."
"""Said beside the scores of a game a side walked out of (rules §9): students ask what
package a breakdown leaves."""


def walk_out_note(transcript: Transcript) -> str:
    """WALKED_OUT for a finished game a side walked out of, else ''."""
    walked_out = transcript.finished and transcript.outcome.ended_by == "walk_out"
    return WALKED_OUT if walked_out else ""


def unfinished_note(transcript: Transcript) -> str:
    """What the record of an unfinished game says first: that it is not finished, and what
    it leaves out (empty for a finished game)."""
    if transcript.finished:
        return ""
    if transcript.secrets_kept:
        return f"{transcript.secrets_kept} {KEPT_OUT}"
    return f"This game is not finished: {transcript.ending}. Its scores are only the scores so far."


def scores_so_far(transcript: Transcript) -> str:
    """An unfinished game's 'shared score so far 18.6', or why it has no scores yet."""
    if transcript.secrets_kept:
        return "no scores until it is finished"
    return f"shared score so far {transcript.outcome.shared:.1f}"


def values_in_words(row: MoveRow, transcript: Transcript) -> str:
    """'worth +4.0 to NATO, -2.0 to Russia' for a move on a proposal."""
    if row.values is None:
        return ""
    nato, russia = row.values
    return (
        f"worth {nato:+.1f} to {transcript.short_name(SideId.NATO)}, "
        f"{russia:+.1f} to {transcript.short_name(SideId.RUSSIA)}"
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


def _outcome_words(transcript: Transcript) -> str:
    """'**partnership**, shared score 61.2'; '**unfinished**, shared score so far 18.6 (the
    game was saved in round 3 of 8, before the end)'."""
    if not transcript.finished:
        return f"**{UNFINISHED}**, {scores_so_far(transcript)} ({transcript.ending})"
    result = transcript.outcome
    return f"**{result.tier.value}**, shared score {result.shared:.1f}"


def result_lines(transcript: Transcript) -> list[str]:
    """The result at a glance, under the outcome, for the top of the record (a printed
    record's full outcome comes pages later): both scores, rounds played, how it ended."""
    if transcript.secrets_kept:
        return []
    result = transcript.outcome
    scores = ", ".join(
        f"{transcript.side_name(side)} {result.of(side).score:.1f}" for side in SideId
    )
    if not transcript.finished:
        return [f"Scores so far: {scores}"]
    lines = [
        f"Scores: {scores}",
        f"Rounds played: {transcript.round} of {transcript.rounds}",
        f"How it ended: {transcript.ending}",
    ]
    return lines + ([note] if (note := walk_out_note(transcript)) else [])


def _outcome(transcript: Transcript) -> list[str]:
    """How the game ended; for an unfinished one, where it stands, saying so."""
    result, finished = transcript.outcome, transcript.finished
    if finished:
        out = ["", "## Outcome", "", f"**{result.tier.value.capitalize()}**: {transcript.ending}."]
    else:
        out = ["", f"## Where the talks stand ({UNFINISHED})", ""]
        out.append(f"**{UNFINISHED.capitalize()}**: {transcript.ending}.")
    out.append("")
    if transcript.package:
        out += ["Agreed package:" if finished else "Agreed so far:", ""]
        for line in transcript.package:
            terms = f" ({markdown_text(line.terms)})" if line.terms else ""
            out.append(f"- {markdown_text(line.title)}{terms}, agreed in round {line.round}")
    else:
        out.append("Nothing was agreed." if finished else "Nothing has been agreed yet.")
    out.append("")
    if transcript.secrets_kept:
        return [
            *out,
            "No scores until the game is finished: they come from each side's private values.",
            "",
        ]
    shared = f"Shared score{'' if finished else ' so far'}: {result.shared:.1f}"
    out += [*score_lines(transcript, result), "", shared, ""]
    return out + ([note, ""] if (note := walk_out_note(transcript)) else [])


def _instructions(transcript: Transcript) -> list[str]:
    """Each side's private priorities and red lines."""
    out = ["## Each side's private instructions", ""]
    for side in SideId:
        brief = transcript.scenario.sides.of(side)
        out += [f"### {markdown_text(brief.name)}", ""]
        out += [f"- Priority: {markdown_text(item)}" for item in brief.priorities]
        out += [f"- Red line: {markdown_text(line.text)}" for line in brief.red_lines]
        out.append("")
    return out


def render(transcript: Transcript) -> str:
    """The whole transcript as a Markdown document."""
    note = unfinished_note(transcript)
    out = [
        f"# {markdown_text(transcript.title)} — {markdown_text(transcript.label)}",
        "",
        *([f"- Table: {markdown_text(transcript.table)}"] if transcript.table else []),
        f"- Mode: {transcript.mode} ({markdown_text(transcript.players)})",
        f"- Saved: {markdown_text(transcript.saved)}; seed {transcript.seed}"
        + (
            f"; computer level {markdown_text(transcript.difficulty)}"
            if transcript.difficulty
            else ""
        ),
        "",
        "## Result",
        "",
        f"- Outcome: {_outcome_words(transcript)}",
        *[f"- {markdown_text(line)}" for line in result_lines(transcript)],
        "",
        *([f"> {markdown_text(note)}", ""] if note else []),
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
        if row.quote:
            out.append(f"   - _{markdown_text(row.quote)}_")
        out += [f"   - {markdown_text(reason)}" for reason in row.reasons]
        out.append(
            f"   - Trust after: {row.trust.nato} / {row.trust.russia} "
            f"({markdown_text(transcript.trust_names())}); support {row.support.nato} / "
            f"{row.support.russia}"
        )
        news = row.next_round
    if news:
        # A game saved just as a round began: that round's news has no move under it.
        out += _round_heading(current_round + 1, news)
    out += _outcome(transcript)
    if not transcript.secrets_kept:
        out += _instructions(transcript)
    out += ["## What really happened", "", *[f"{markdown_text(p)}\n" for p in transcript.history]]
    out += ["## Questions for discussion", ""]
    out += [f"{n}. {markdown_text(q)}" for n, q in enumerate(transcript.questions, start=1)]
    if transcript.sources:
        out += ["", "## Sources quoted", "", *[f"- {markdown_text(s)}" for s in transcript.sources]]
    return "\n".join(out).rstrip() + "\n"
