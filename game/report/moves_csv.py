"""The moves of one game as CSV: one row per move, for spreadsheets."""

from __future__ import annotations

import csv
import io

from game.report.transcript import Transcript

COLUMNS = (
    "table",
    "move",
    "round",
    "side",
    "type",
    "proposal",
    "move_text",
    "what_happened",
    "consequences",
    "next_round",
    "value_to_nato",
    "value_to_russia",
    "trust_nato_in_russia",
    "trust_russia_in_nato",
    "support_nato",
    "support_russia",
)


def render(transcript: Transcript) -> str:
    """The CSV text: a header row, then one row per move."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in transcript.rows:
        values = ["", ""] if row.values is None else [f"{value:.2f}" for value in row.values]
        writer.writerow(
            [
                # The table on every row: a class's moves.csv files pasted into one sheet
                # still say whose each move was.
                transcript.label,
                row.number,
                row.round,
                row.side.value,
                row.kind,
                row.proposal or "",
                row.text,
                row.happened,
                " | ".join(row.reasons),
                " | ".join(row.next_round),
                *values,
                row.trust.nato,
                row.trust.russia,
                row.support.nato,
                row.support.russia,
            ]
        )
    return buffer.getvalue()
