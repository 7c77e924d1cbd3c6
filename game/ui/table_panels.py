"""The table's text: trust and support, proposals and objections, the log, the notes."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from game.engine.state import Direction, LogEntry, Status
from game.engine.values import crosses_red_line
from game.engine.view import View
from game.saves.timeouts import with_timeouts
from game.scenario.citations import quoted
from game.scenario.models import Scenario, SideId
from game.scenario.playable import bars_every_choice
from game.ui.session import Session
from game.ui.text import Block, Meter, Para, Rule, quote_para

STATUS_WORDS = {
    Status.AVAILABLE: "Not yet tabled",
    Status.TABLED: "On the table",
    Status.AMENDED: "On the table (amended)",
    Status.AGREED: "Agreed",
    Status.REJECTED: "Rejected",
    Status.WITHDRAWN: "Withdrawn",
}
STATUS_COLOURS = {
    Status.AVAILABLE: "neutral",
    Status.TABLED: "tabled",
    Status.AMENDED: "tabled",
    Status.AGREED: "agreed",
    Status.REJECTED: "rejected",
    Status.WITHDRAWN: "neutral",
}
LOG_COLOURS = {
    "event": "tabled",
    "agreement": "agreed",
    "end": "accent",
    "trust": "neutral",
    "support": "neutral",
    "round": None,
}


def _name(scenario: Scenario, side: SideId | None) -> str:
    # These names run in sentences ("Tabled by Russia."), so they take the side's short name.
    return scenario.sides.of(side).short if side is not None else "nobody"


def status_blocks(session: Session, view: View) -> list[Block]:
    """Support at home, trust both ways with the latest change and its reason, promises.

    Support comes first: it is part of the score and two short rows, while the trust notes
    wrap and would push it out of the pane.
    """
    scenario = session.scenario
    nato, russia = scenario.sides.nato.name, scenario.sides.russia.name
    notes = session.trust_notes
    blocks: list[Block] = [
        Para("Support at home", 17, True, gap=0),
        Meter(nato, view.support.nato, "nato"),
        Meter(russia, view.support.russia, "russia"),
        Para("Trust", 17, True, gap=12),
        Meter(
            f"{nato}'s trust in {russia}",
            view.trust.nato,
            "nato",
            notes.get(Direction.NATO_IN_RUSSIA, "No change yet."),
        ),
        Meter(
            f"{russia}'s trust in {nato}",
            view.trust.russia,
            "russia",
            notes.get(Direction.RUSSIA_IN_NATO, "No change yet."),
        ),
    ]
    for commitment in view.commitments:
        if commitment.status == "open":
            blocks.append(
                Para(
                    f"{_name(scenario, commitment.side)} promised restraint until round "
                    f"{commitment.until_round}: no firm statements, no rejections.",
                    14,
                    marker=commitment.side.value,
                    gap=10,
                )
            )
    return blocks


def proposals_blocks(session: Session, view: View) -> list[Block]:
    """Proposals on the table (with terms, acceptances and open objections), agreed, the rest."""
    scenario = session.scenario
    order = [
        ("On the table", (Status.TABLED, Status.AMENDED)),
        ("Agreed", (Status.AGREED,)),
        ("Not on the table", (Status.AVAILABLE, Status.REJECTED, Status.WITHDRAWN)),
    ]
    blocks: list[Block] = []
    for heading, statuses in order:
        items = [p for p in view.proposals if p.status in statuses]
        blocks.append(Para(f"{heading} ({len(items)})", 17, True, gap=12 if blocks else 0))
        if not items:
            blocks.append(Para("None yet.", 14, colour="text_dim"))
        for item in items:
            blocks.append(
                Para(
                    f"{item.title}: {STATUS_WORDS[item.status]}",
                    15,
                    True,
                    marker=STATUS_COLOURS[item.status],
                    gap=8,
                )
            )
            details = []
            if item.status.on_table or item.status is Status.AGREED:
                details.append(f"Tabled by {_name(scenario, item.tabled_by)}.")
                accepted = ", ".join(_name(scenario, s) for s in item.accepted_by) or "nobody"
                if item.status.on_table:
                    details.append(f"Accepted by {accepted}.")
            else:
                # Tabling counts as accepting, so a side its own red lines bar cannot table it;
                # the viewer knows only its own red lines (the other side's are private).
                own = scenario.proposal(item.id)
                barred = view.side in item.may_table and bars_every_choice(scenario, view.side, own)
                others = [s for s in item.may_table if not (barred and s is view.side)]
                may = " or ".join(_name(scenario, s) for s in others)
                bar = "bar every choice of its terms" if item.terms else "bar it"
                if not barred:
                    details.append(f"{may} may table it.")
                elif others:
                    details.append(f"{may} may table it (your red lines {bar}).")
                else:
                    details.append(f"Only you may table it, but your red lines {bar}.")
                missing = [
                    scenario.proposal(r).title
                    for r in item.requires
                    if view.proposal(r).status is not Status.AGREED
                ]
                if missing:
                    details.append("Needs first: " + ", ".join(missing) + ".")
            details.append(f"Worth to you: {item.own_value:+.1f}.")
            blocks.append(Para(" ".join(details), 14, colour="text_dim", indent=14, gap=2))
            if item.status.on_table and crosses_red_line(scenario, view.side, item.id, item.chosen):
                # Accept just vanished from the move list, with no reason given.
                blocks.append(
                    Para(
                        "Crosses one of your red lines as it stands: you cannot accept it. "
                        "Amend it, object to it or reject it.",
                        14,
                        marker="rejected",
                        indent=14,
                        gap=2,
                    )
                )
            if item.terms and (item.status.on_table or item.status is Status.AGREED):
                chosen = dict(item.chosen)
                terms = "; ".join(
                    f"{t.label}: {next(v.label for v in t.variants if v.id == chosen[t.id])}"
                    for t in item.terms
                )
                blocks.append(Para(f"Terms: {terms}", 14, indent=14, gap=2))
            if item.status.on_table:
                # What it means, for the side it was tabled against too; the proposals off
                # the table say it in their tabling moves, where it is chosen.
                blocks.append(Para(item.summary, 14, colour="text_dim", indent=14, gap=2))
            if item.status.on_table and item.citation is not None:
                blocks.append(quote_para(quoted(scenario, item.citation), indent=14))
            for objection in view.objections:
                if objection.proposal == item.id:
                    blocks.append(
                        Para(
                            f"Open objection by {_name(scenario, objection.side)}: "
                            + objection.text,
                            14,
                            marker="rejected",
                            indent=14,
                            gap=4,
                        )
                    )
                    if objection.citation is not None:
                        blocks.append(quote_para(quoted(scenario, objection.citation), indent=28))
    return blocks


def with_fading(
    entries: tuple[LogEntry, ...], fading: Mapping[int, Sequence[str]]
) -> tuple[LogEntry, ...]:
    """The log with each round's trust fading put in after the round's first line, where it
    happened (the engine fades trust without a line)."""
    merged: list[LogEntry] = []
    for entry in entries:
        merged.append(entry)
        if entry.kind == "round":
            merged += [
                LogEntry(entry.round, None, "trust", line) for line in fading.get(entry.round, ())
            ]
    return tuple(merged)


def log_blocks(
    scenario: Scenario,
    entries: tuple[LogEntry, ...],
    fading: Mapping[int, Sequence[str]] | None = None,
    timed_out: Collection[int] = (),
) -> list[Block]:
    """The engine's sentences, newest first, under a heading for each round (a round just
    begun gets its heading too), with the trust fading of each round where it happened and
    the passes the turn timer forced (`timed_out`, move numbers) said as such."""
    blocks: list[Block] = []
    current = None
    entries = with_timeouts(scenario, entries, timed_out)
    for entry in reversed(with_fading(entries, fading or {})):
        if entry.kind == "round":
            if entry.round != current:
                current = entry.round
                blocks.append(
                    Para(
                        f"Round {entry.round}", 14, True, colour="text_dim", gap=10 if blocks else 0
                    )
                )
            continue
        if entry.round != current:
            current = entry.round
            blocks.append(
                Para(f"Round {entry.round}", 14, True, colour="text_dim", gap=10 if blocks else 0)
            )
        colour = LOG_COLOURS.get(entry.kind, "neutral")
        if entry.kind == "move" and entry.side is not None:
            colour = entry.side.value
        text_colour = "text_dim" if entry.kind in ("trust", "support") else "text"
        blocks.append(Para(entry.text, 14, colour=text_colour, marker=colour, gap=5))
    return blocks


READING_SHARES = (
    "Reading its numbers: 1.00 of its best is the most that proposal could give it; its "
    "package is the whole deal, where 1.00 is everything it could hope for."
)
"""How to read the computer's shares, shown under a sentence that uses them."""


def notes_blocks(session: Session, view: View) -> list[Block]:
    """The last message, the round's coaching notes, and the computer's explanation of its
    last move (solo)."""
    scenario = session.scenario
    blocks: list[Block] = []
    if session.last_message:
        # First, so a long explanation never pushes "Time ran out" out of sight.
        blocks += [Para(session.last_message, 15, True, marker="tabled"), Rule()]
    if view.hints:
        # Before the reasoning: in the tutorial they say what to try now, and below a long
        # explanation they were cut off at the foot of the pane.
        blocks.append(Para("Coaching notes", 16, True))
        blocks += [Para(hint, 14, marker="accent", gap=4) for hint in view.hints]
        if session.solo:
            blocks.append(Rule())
    if session.solo:
        computer = scenario.sides.of(session.setup.human.other).name
        blocks.append(
            Para(f"{computer}'s reasoning", 16, True, marker=session.setup.human.other.value)
        )
        if session.explanation:
            blocks.append(Para(f"Move: {session.computer_move}", 14, colour="text_dim", gap=4))
            blocks.append(Para(session.explanation, 15, gap=4))
            if "of its best" in session.explanation or "our package" in session.explanation:
                # Its numbers are shares, where the person's panels count points: say so.
                blocks.append(Para(READING_SHARES, 13, colour="text_dim", gap=4))
        else:
            waiting = _name(scenario, session.setup.human.other)
            blocks.append(Para(f"{waiting} has not moved yet.", 14, colour="text_dim"))
    if not blocks:
        blocks.append(Para("Notes", 16, True))
        blocks.append(Para("Coaching notes and messages appear here.", 14, colour="text_dim"))
    return blocks
