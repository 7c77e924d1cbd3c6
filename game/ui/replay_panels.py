"""What the replay viewer shows at one point of a game: the move, the table, both sides' values."""

from __future__ import annotations

from collections.abc import Collection

from game.saves import Replay
from game.saves.timeouts import with_timeouts
from game.scenario.models import SideId
from game.ui.table_panels import STATUS_COLOURS  # the replay colours proposals as the table does
from game.ui.text import Block, Meter, Para, Rule


def move_blocks(replay: Replay, index: int, timed_out: Collection[int] = ()) -> list[Block]:
    """The move at `index` (the opening at 0) and everything the log says followed it; a
    pass the turn timer forced (its number in `timed_out`) says so."""
    scenario = replay.scenario
    if index == 0:
        blocks: list[Block] = [Para("Before the first move", 18, True)]
        blocks += [Para(entry.text, 14, gap=5) for entry in replay.opening()]
        return blocks
    step = replay.step(index)
    name = scenario.sides.of(step.side).name
    blocks = [
        Para(f"Move {index}, round {step.round}: {name}", 18, True, marker=step.side.value),
        Para(step.text, 14, colour="text_dim", gap=4),
    ]
    for entry in with_timeouts(scenario, step.log, timed_out, first=index):
        if entry.kind == "round":
            blocks.append(Para(entry.text, 14, True, gap=10))
            continue
        colour = "text" if entry.kind == "move" else "text_dim"
        blocks.append(Para(entry.text, 14, colour=colour, gap=5))
    return blocks


def table_blocks(
    replay: Replay, index: int, both_sides: bool, hidden_why: str | None = None
) -> list[Block]:
    """Trust, support and every proposal; with `both_sides`, each side's private values;
    `hidden_why` says why they cannot be shown (in place of the hint to press V)."""
    scenario = replay.scenario
    state = replay.state(index)
    trust = replay.trust(index)
    nato, russia = scenario.sides.nato.name, scenario.sides.russia.name
    blocks: list[Block] = [
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
    for row in replay.values(index):
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
