"""Warnings for conditions that can never hold: events that never fire, hints never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import check_text

MINIMAL = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text("utf-8")
NATO_BARS_THE_PLEDGE = (
    "    red_lines:\n      - text: No pledge.\n        proposal: no-target-pledge\n"
)


def with_event(when: str, trigger: str = "conditional", base: str = MINIMAL) -> str:
    """The minimal scenario with one more event, firing `when` (a flow mapping)."""
    event = (
        f"  - id: later\n    title: Later\n    text: Later news.\n    trigger: {trigger}\n"
        f"{when}    effect: {{support: {{nato: 1}}}}\n"
    )
    return base.replace("debrief:", event + "debrief:", 1)


def with_hint(round_: int, when: str) -> str:
    """The minimal scenario with one hint, shown in `round_` while `when` holds."""
    hint = f"hints:\n  - round: {round_}\n    text: A note.\n    when: {when}\n"
    return MINIMAL.replace("debrief:", hint + "debrief:", 1)


def warnings(text: str) -> list[str]:
    """The warnings of a file that loads, as `line:col: path: message`."""
    report = check_text(text, "c.yaml")
    assert report.valid, report.problems
    return [str(w).removeprefix("c.yaml:") for w in report.warnings]


def test_a_round_after_the_last_is_a_warning() -> None:
    assert warnings(with_event("    when: {round_at_least: 5}\n")) == [
        "69:28: warning: events[later].when.round_at_least: round 5 is after the last round "
        "(4), so this event can never fire"
    ]


def test_a_deadline_put_off_by_events_counts() -> None:
    delay = MINIMAL.replace("support: {nato: 2, russia: 2}", "deadline: 2")
    assert warnings(with_event("    when: {round_at_least: 6}\n", base=delay)) == []
    assert warnings(with_event("    when: {round_at_least: 7}\n", base=delay)) == [
        "69:28: warning: events[later].when.round_at_least: round 7 is after the latest round "
        "the game can reach (6: the last round is 4, and events can put the deadline off), so "
        "this event can never fire"
    ]


def test_a_deadline_a_proposal_may_put_off_again_and_again_is_not_second_guessed() -> None:
    text = MINIMAL.replace(
        "    value: {nato: 4, russia: 5}\n",
        "    value: {nato: 4, russia: 5}\n    effects: {tabled: {deadline: 1}}\n",
    )
    assert warnings(with_event("    when: {round_at_least: 30}\n", base=text)) == []


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (
            "{agreed: [data-exchange], not_agreed: [data-exchange]}",
            "not_agreed[1]: 'data-exchange' is in both 'agreed' and 'not_agreed'",
        ),
        (
            "{tabled: [data-exchange], not_tabled: [data-exchange]}",
            "not_tabled[1]: 'data-exchange' is in both 'tabled' and 'not_tabled'",
        ),
        (
            "{trust_at_least: {nato_in_russia: 50}, trust_below: {nato_in_russia: 50}}",
            "trust_below.nato_in_russia: NATO's trust in Russian Federation must be at least "
            "50 and below 50 at once",
        ),
        (
            "{support_at_least: {russia: 60}, support_below: {russia: 40}}",
            "support_below.russia: support for Russian Federation must be at least 60 and "
            "below 40 at once",
        ),
    ],
)
def test_a_condition_that_contradicts_itself_is_a_warning(when: str, message: str) -> None:
    (warning,) = warnings(with_event(f"    when: {when}\n"))
    assert (
        warning.split(": ", 2)[2] == f"events[later].when.{message}, so this event can never fire"
    )


def test_levels_that_can_both_hold_are_left_alone() -> None:
    when = "{trust_at_least: {nato_in_russia: 30}, trust_below: {russia_in_nato: 20}}"
    assert warnings(with_event(f"    when: {when}\n")) == []


def test_waiting_for_a_proposal_that_can_never_be_agreed_is_a_warning() -> None:
    barred = MINIMAL.replace(
        "      - Protect every ally.\n", "      - Protect every ally.\n" + NATO_BARS_THE_PLEDGE
    )
    assert warnings(with_event("    when: {agreed: [no-target-pledge]}\n", base=barred)) == [
        "72:21: warning: events[later].when.agreed[1]: 'no-target-pledge' can never be agreed "
        "(the red lines of NATO bar it), so this event can never fire"
    ]


def test_a_random_event_with_no_chance_is_a_warning() -> None:
    assert warnings(with_event("    probability: 0\n", trigger="random")) == [
        "69:18: warning: events[later].probability: with a probability of 0 this event can "
        "never fire: give it a chance above 0, or remove it"
    ]


def test_a_scheduled_events_ignored_condition_is_not_checked() -> None:
    text = with_event("    round: 2\n    when: {round_at_least: 9}\n", trigger="scheduled")
    assert [w.split(": ", 3)[3] for w in warnings(text)] == [
        "'when' is ignored for a scheduled event"
    ]


def test_a_hint_waiting_for_an_objection_nothing_can_raise_is_a_warning() -> None:
    assert warnings(with_hint(1, "{objected: [data-exchange]}")) == [
        "68:23: warning: hints[1].when.objected[1]: no objection lists 'data-exchange' in its "
        "'against', so no objection can ever be open against it, and this hint can never show"
    ]
    assert warnings(with_hint(1, "{objected: [no-target-pledge]}")) == []


def test_a_hint_whose_condition_starts_after_its_round_is_a_warning() -> None:
    # The engine shows a hint only in its own round, and only while its condition holds.
    assert warnings(with_hint(2, "{round_at_least: 3}")) == [
        "68:28: warning: hints[1].when.round_at_least: a hint shows only in its round (2), and "
        "this condition holds only from round 3, so this hint can never show"
    ]
    assert warnings(with_hint(3, "{round_at_least: 3}")) == []


def test_an_argument_that_can_only_work_after_the_last_round_is_a_warning() -> None:
    text = MINIMAL.replace(
        "    text: A written pledge can be checked by parliaments.\n",
        "    text: A written pledge can be checked by parliaments.\n"
        "    condition: {round_at_least: 5}\n",
    )
    assert warnings(text) == [
        "57:33: warning: arguments[pledge-in-writing].condition.round_at_least: round 5 is "
        "after the last round (4), so this argument can never work"
    ]
