"""Cross-checks of a playable scenario: unreachable proposals, and duplicate ids."""

from __future__ import annotations

from pathlib import Path

from game.scenario import check_text
from tests.ai.helpers import ROOT

TUTORIAL = (ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")
NATO_RED_LINE = """        terms:
          form: treaty
"""


def _with_nato_red_line(extra: str) -> str:
    """The tutorial with one more red line for NATO after its first."""
    assert NATO_RED_LINE in TUTORIAL
    return TUTORIAL.replace(NATO_RED_LINE, NATO_RED_LINE + extra, 1)


def test_a_proposal_that_needs_one_nobody_can_sign_is_a_warning():
    # A designer's red line on the whole of the tests left the exercise, which needs them,
    # impossible to table, and the check said "valid (0 warnings)".
    text = _with_nato_red_line(
        "      - text: No foreign experts at our tests.\n        proposal: watch-tests\n"
    )
    report = check_text(text, "t.yaml")
    assert report.valid
    terms = "the red lines of NATO cover every choice of its terms"
    assert [w.message for w in report.warnings] == [
        # NATO alone tables the tests, so it cannot even table them.
        "'watch-tests' can never be tabled: only NATO may table it, and NATO's own red lines "
        "cover every choice of its terms (tabling counts as accepting)",
        f"'joint-exercise' can never be tabled: it needs 'watch-tests', which can never be "
        f"agreed ({terms})",
        # Two coaching notes wait for the tests to be agreed.
        f"'watch-tests' can never be agreed ({terms}), so this hint can never show",
        f"'watch-tests' can never be agreed ({terms}), so this hint can never show",
    ]


def test_red_lines_that_together_cover_every_variant_count_as_barring_it():
    text = _with_nato_red_line(
        "      - text: Every test is too many.\n        proposal: watch-tests\n"
        "        terms:\n          how-often: every-test\n"
        "      - text: Once a year is too few.\n        proposal: watch-tests\n"
        "        terms:\n          how-often: once-a-year\n"
    )
    messages = [w.message for w in check_text(text, "t.yaml").warnings]
    assert any(m.startswith("'joint-exercise' can never be tabled") for m in messages)


def test_a_demand_the_other_side_never_signs_is_left_alone():
    # A proposal barred on its own can be the point of it (it may win support at home).
    text = _with_nato_red_line(
        "      - text: No declaration either.\n        proposal: guarantee\n"
        "        terms:\n          form: declaration\n"
    )
    assert check_text(text, "t.yaml").warnings == []


def test_a_scenario_where_nothing_can_be_agreed_says_so():
    text = _with_nato_red_line(
        "      - text: No tests.\n        proposal: watch-tests\n"
        "      - text: No guarantee.\n        proposal: guarantee\n"
        "      - text: No missile pause.\n        proposal: missile-pause\n"
    )
    messages = [w.message for w in check_text(text, "t.yaml").warnings]
    assert messages[0].startswith("nothing in this scenario can ever be agreed")


def test_a_duplicate_id_is_not_followed_by_misleading_knock_on_errors():
    # With two proposals called 'guarantee', NATO's red line on the first one's terms was
    # checked against the second ("unknown term 'form' ... it has no terms"), and lists of
    # known proposals named 'guarantee' twice.
    text = TUTORIAL.replace("  - id: missile-pause\n", "  - id: guarantee\n")
    report = check_text(text, "t.yaml")
    messages = [p.message for p in report.errors]
    assert any(m.startswith("duplicate id 'guarantee'") for m in messages)
    assert not any("it has no terms" in m for m in messages)
    assert not any("guarantee, guarantee" in m for m in messages)


def test_an_objection_against_one_proposal_it_can_never_meet_is_a_warning():
    # NATO tables the missile pause itself and it has no terms Russia could amend, so NATO
    # can never object to it: the other proposal the objection names still works.
    text = TUTORIAL.replace(
        "    against:\n      - guarantee\n",
        "    against:\n      - guarantee\n      - missile-pause\n",
    )
    assert text != TUTORIAL
    report = check_text(text, "t.yaml")
    assert report.valid
    assert [w.message for w in report.warnings] == [
        "this objection can never be raised against 'missile-pause': only nato tables it "
        "(tabling counts as accepting), and it has no terms russia could amend"
    ]


MINIMAL = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text("utf-8")


def _with_red_line(side: str, red_line: str, text: str = MINIMAL) -> str:
    """The minimal scenario with a red line for `side` (written as the list's lines)."""
    priority = {
        "nato": "      - Protect every ally.\n",
        "russia": "      - Keep the deterrent credible.\n",
    }[side]
    assert priority in text
    return text.replace(priority, f"{priority}    red_lines:\n{red_line}", 1)


def _warnings(text: str) -> list[str]:
    """The warnings of a file that loads."""
    report = check_text(text, "t.yaml")
    assert report.valid, report.problems
    return [str(warning) for warning in report.warnings]


def test_a_proposal_only_a_side_its_own_red_lines_bar_may_table_is_a_warning():
    # Russia alone tables the pledge and may never accept it: tabling counts as accepting.
    text = _with_red_line(
        "russia", "      - text: No pledge.\n        proposal: no-target-pledge\n"
    )
    assert _warnings(text) == [
        "t.yaml:46:16: warning: proposals[no-target-pledge].tabled_by: 'no-target-pledge' can "
        "never be tabled: only Russian Federation may table it, and Russian Federation's own red "
        "lines bar it (tabling counts as accepting)"
    ]


def test_a_proposal_the_other_side_may_still_table_is_left_alone():
    text = _with_red_line("nato", "      - text: No data.\n        proposal: data-exchange\n")
    assert not any("tabled_by" in w.path for w in check_text(text, "t.yaml").warnings)


def _data_needs_a_pledge_nato_bars() -> str:
    """The minimal scenario where the data exchange needs the pledge, which NATO never accepts."""
    text = _with_red_line("nato", "      - text: No pledge.\n        proposal: no-target-pledge\n")
    return text.replace(
        "    value: {nato: 4, russia: 5}\n",
        "    value: {nato: 4, russia: 5}\n    requires: [no-target-pledge]\n",
    )


def test_red_lines_on_a_proposal_without_terms_bar_it():
    # "the red lines of NATO cover every choice of its terms" was said of a proposal without any.
    text = _data_needs_a_pledge_nato_bars()
    messages = [w.message for w in check_text(text, "t.yaml").warnings]
    assert (
        "'data-exchange' can never be tabled: it needs 'no-target-pledge', which can never be "
        "agreed (the red lines of NATO bar it)"
    ) in messages
    assert not any("terms" in message for message in messages)


def test_on_one_line_the_error_comes_before_the_warning():
    # A prerequisite cycle's error and a knock-on warning share a line: the warning came first.
    text = _data_needs_a_pledge_nato_bars().replace(
        "    value: {nato: -2, russia: 6}\n",
        "    value: {nato: -2, russia: 6}\n    requires: [data-exchange]\n",
    )
    problems = check_text(text, "t.yaml").problems
    cycle = next(p for p in problems if p.message.startswith("prerequisites form a cycle"))
    same_line = [p for p in problems if p.line == cycle.line]
    assert [p.severity.value for p in same_line] == ["error", "warning"]
    assert same_line[0].message.startswith("prerequisites form a cycle")


def test_a_red_line_without_a_proposal_is_a_warning():
    # The briefing lists it under "never accept these", but nothing enforces it.
    text = _with_red_line("nato", "      - text: Never give Russia a veto.\n")
    assert _warnings(text) == [
        "t.yaml:21:9: warning: sides.nato.red_lines[1]: this red line names no proposal, so the "
        "game cannot enforce it: add `proposal:` (and `terms:`, to bar only some of its terms) "
        "to say what it bars; as it is, the briefing lists it but nothing stops the side from "
        "accepting anything"
    ]
