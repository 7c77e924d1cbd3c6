"""Cross-checks of a playable scenario: unreachable proposals, and duplicate ids."""

from __future__ import annotations

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
    assert [w.message for w in report.warnings] == [
        "'joint-exercise' can never be tabled: it needs 'watch-tests', which can never be "
        "agreed (the red lines of NATO cover every choice of its terms)"
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
