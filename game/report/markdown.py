"""The transcript of one game as Markdown, for reading, printing or pasting."""

from __future__ import annotations

from game.engine import Outcome
from game.report.transcript import MoveRow, Transcript
from game.scenario.models import SideId


def _escape(text: str) -> str:
    """Text safe inside a Markdown table cell or a line (pipes and leading marks)."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


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
        lines.append(
            f"| {_escape(transcript.side_name(side))} | {score.package:+.2f} | {score.support} "
            f"| {score.trust:.1f} | {score.score:.1f} |"
        )
    return lines


def render(transcript: Transcript) -> str:
    """The whole transcript as a Markdown document."""
    result = transcript.outcome
    out = [
        f"# {_escape(transcript.title)} — {_escape(transcript.label)}",
        "",
        f"- Mode: {transcript.mode} ({transcript.players})",
        f"- Saved: {transcript.saved}; seed {transcript.seed}"
        + (f"; computer level {transcript.difficulty}" if transcript.difficulty else ""),
        f"- Outcome: **{result.tier.value}**, shared score {result.shared:.1f} "
        f"({transcript.ending})",
        "",
        "## Opening",
        "",
        *[f"- {_escape(line)}" for line in transcript.opening],
        "",
        "## Moves",
        "",
    ]
    current_round = 0
    news: tuple[str, ...] = ()
    for row in transcript.rows:
        if row.round != current_round:
            current_round = row.round
            out += ["", f"### Round {current_round}", ""]
            out += [f"- _{_escape(line)}_" for line in news]
            out += [""] if news else []
        worth = values_in_words(row, transcript)
        out.append(
            f"{row.number}. **{_escape(row.side_name)}**: {_escape(row.happened)}"
            + (f" _({worth})_" if worth else "")
        )
        out += [f"   - {_escape(reason)}" for reason in row.reasons]
        out.append(
            f"   - Trust after: {row.trust.nato} / {row.trust.russia} "
            f"(NATO in Russia / Russia in NATO); support {row.support.nato} / "
            f"{row.support.russia}"
        )
        news = row.next_round
    out += ["", "## Outcome", "", f"**{result.tier.value.capitalize()}**: {transcript.ending}.", ""]
    if transcript.package:
        out.append("Agreed package:")
        out.append("")
        for line in transcript.package:
            terms = f" ({_escape(line.terms)})" if line.terms else ""
            out.append(f"- {_escape(line.title)}{terms}, agreed in round {line.round}")
    else:
        out.append("Nothing was agreed.")
    out += ["", *score_lines(transcript, result), "", f"Shared score: {result.shared:.1f}", ""]
    out += ["## Each side's private instructions", ""]
    for side in SideId:
        brief = transcript.scenario.sides.of(side)
        out += [f"### {_escape(brief.name)}", ""]
        out += [f"- Priority: {_escape(item)}" for item in brief.priorities]
        out += [f"- Red line: {_escape(line.text)}" for line in brief.red_lines]
        out.append("")
    out += ["## What really happened", "", *[f"{_escape(p)}\n" for p in transcript.history]]
    out += ["## Questions for discussion", ""]
    out += [f"{n}. {_escape(q)}" for n, q in enumerate(transcript.questions, start=1)]
    return "\n".join(out).rstrip() + "\n"
