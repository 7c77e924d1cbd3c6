"""What the replay viewer shows at one point of a game: the move, the table, both sides' values."""

from __future__ import annotations

from collections.abc import Collection

from game.engine.state import LogEntry
from game.saves.replay import Moment, Replay, proposal_values, trust_pair
from game.saves.timeouts import with_timeouts
from game.scenario.models import SideId
from game.ui.table_panels import STATUS_COLOURS, with_fading  # coloured and told as at the table
from game.ui.text import Block, Meter, Para, Rule


def where_words(replay: Replay, moment: Moment) -> str:
    """The moment in the header's words: "Move 6 of 8 · played in round 3"."""
    count = replay.count
    if moment.index == 0:
        return f"Move 0 of {count}   ·   before the first move"
    if moment.begins is not None:
        return f"After move {moment.index} of {count}   ·   round {moment.begins} begins"
    if moment.state.over and moment.index == count:
        return f"Move {count} of {count}   ·   the end"
    return f"Move {moment.index} of {count}   ·   played in round {replay.step(moment.index).round}"


def numbers_words(replay: Replay, moment: Moment) -> str:
    """Which moment the trust and support shown are from, so that they can be matched with
    the log: straight after the move (as its log says), or once a round has begun."""
    if moment.index == 0:
        return "Before the first move"
    if moment.begins is not None:
        news = any(entry.kind == "event" for entry in _round_lines(replay, moment))
        faded = "after earlier changes of trust faded"
        return f"As round {moment.begins} begins, {faded}" + (" and the news" if news else "")
    if moment.state.over:
        return "At the end of the talks"
    step = replay.step(moment.index)
    if step.after.round > step.before.round:
        return f"Straight after move {moment.index}, before round {step.after.round} begins"
    return f"Straight after move {moment.index}"


def _round_lines(replay: Replay, moment: Moment) -> tuple[LogEntry, ...]:
    """The log lines of a round's beginning after a move: its heading, news and the like."""
    step = replay.step(moment.index)
    return step.after.log[len(step.moved.log) :]


def move_blocks(replay: Replay, moment: Moment, timed_out: Collection[int] = ()) -> list[Block]:
    """The move at `moment` (the opening, or a round beginning) and everything the log says
    followed it; a pass the turn timer forced (its number in `timed_out`) says so."""
    scenario = replay.scenario
    index = moment.index
    if index == 0:
        blocks: list[Block] = [Para("Before the first move", 18, True)]
        blocks += [Para(entry.text, 14, gap=5) for entry in replay.opening()]
        return blocks
    if moment.begins is not None:
        return _round_blocks(replay, moment)
    step = replay.step(index)
    name = scenario.sides.of(step.side).name
    blocks = [
        Para(f"Move {index}, round {step.round}: {name}", 18, True, marker=step.side.value),
        Para(step.text, 14, colour="text_dim", gap=4),
    ]
    # The move's own lines: a round it ended begins at the next moment, with its own lines.
    own = moment.state.log[len(step.before.log) :]
    for entry in with_timeouts(scenario, own, timed_out, index):
        colour = "text" if entry.kind == "move" else "text_dim"
        blocks.append(Para(entry.text, 14, colour=colour, gap=5))
    if step.after.round > step.before.round and not step.after.over:
        blocks.append(
            Para(
                f"This move ended round {step.round}. Next (Forward): round {step.after.round} "
                "begins, and earlier changes of trust fade.",
                13,
                colour="text_dim",
                gap=10,
            )
        )
    return blocks


def _round_blocks(replay: Replay, moment: Moment) -> list[Block]:
    """A round's beginning after a move: trust fading, the news, where a branch starts."""
    number = moment.state.round
    blocks: list[Block] = [
        Para(f"Round {number} begins", 18, True),
        Para(f"After move {moment.index}, the last of round {number - 1}", 14, colour="text_dim"),
    ]
    for entry in with_fading(_round_lines(replay, moment), replay.fading):
        colour = "text_dim" if entry.kind in ("round", "trust") else "text"
        blocks.append(Para(entry.text, 14, colour=colour, gap=5))
    if not replay.fading.get(number):
        blocks.append(
            Para("No earlier change of trust was still fading.", 14, colour="text_dim", gap=5)
        )
    blocks.append(
        Para(
            f"A new game from round {number} (B) starts from here, with these numbers.",
            13,
            colour="text_dim",
            gap=10,
        )
    )
    return blocks


def table_blocks(
    replay: Replay, moment: Moment, both_sides: bool, hidden_why: str | None = None
) -> list[Block]:
    """Trust, support and every proposal at `moment`, under which moment that is; with
    `both_sides`, each side's private values; `hidden_why` says why they cannot be shown
    (in place of the hint to press V)."""
    scenario = replay.scenario
    state = moment.state
    trust = trust_pair(state)
    nato, russia = scenario.sides.nato.name, scenario.sides.russia.name
    blocks: list[Block] = [
        Para(numbers_words(replay, moment), 14, True, colour="text_dim", gap=0),
        Meter(f"{nato}'s trust in {russia}", trust.nato, "nato"),
        Meter(f"{russia}'s trust in {nato}", trust.russia, "russia"),
        Para(
            f"Support at home: {nato} {state.support.nato}, {russia} {state.support.russia}",
            14,
            colour="text_dim",
            gap=6,
        ),
        Rule(gap=10),
        Para("Proposals", 16, True),
    ]
    if hidden_why:
        blocks.append(Para(hidden_why, 13, marker="rejected", gap=2))
    elif not both_sides:
        blocks.append(
            Para(
                "Press V (Both sides) to see what each proposal was worth to each side.",
                13,
                colour="text_dim",
                gap=2,
            )
        )
    for row in proposal_values(state):
        status = row.status.value
        blocks.append(Para(f"{row.title}  ({status})", 14, True, marker=STATUS_COLOURS[row.status]))
        if both_sides:
            worth = (
                f"Worth {row.effective[0]:+.1f} to {nato} (raw {row.value.nato:+d}), "
                f"{row.effective[1]:+.1f} to {russia} (raw {row.value.russia:+d})"
            )
            blocks.append(Para(worth, 13, colour="text_dim", indent=14, gap=2))
    if both_sides:
        blocks += [Rule(gap=10), Para("Red lines (private)", 16, True)]
        for side in SideId:
            for line in scenario.sides.of(side).red_lines:
                blocks.append(Para(line.text, 13, marker=side.value, gap=4))
    return blocks
