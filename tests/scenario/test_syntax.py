"""YAML syntax errors: where they are reported, and advice that fixes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import check_text

MINIMAL = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text("utf-8")
# Every case with libyaml and with the pure-Python parser (the fixture is in conftest.py).
pytestmark = pytest.mark.usefixtures("loader")


def problems(old: str, new: str, *more: tuple[str, str]) -> list[str]:
    """The problems of the minimal scenario with some changes, without the file name."""
    text = MINIMAL
    for before, after in [(old, new), *more]:
        assert before in text
        text = text.replace(before, after, 1)
    report = check_text(text, "s.yaml")
    return [str(problem).removeprefix("s.yaml:") for problem in report.problems]


def test_a_no_break_space_after_a_colon_is_named() -> None:
    assert problems("place: Lisbon", "place:\u00a0Lisbon") == [
        "5:7: the ':' after this key is followed by a no-break space (U+00A0), which looks "
        "like a space but is not one: type an ordinary space after the ':'"
    ]


def test_an_invisible_character_starting_a_line_is_named() -> None:
    (message,) = problems("  nato_in_russia: 40", "\u200b  nato_in_russia: 40")
    assert message.startswith("28:1: this line starts with an invisible character")
    assert message.endswith("delete it")


def test_a_space_look_alike_inside_text_is_left_alone() -> None:
    assert problems("place: Lisbon", "place: Lis\u00a0bon") == []


def test_a_space_look_alike_in_an_earlier_section_is_not_blamed() -> None:
    # The no-break space starts a line of text under `sides`; the error is under `trust`.
    assert problems(
        "    briefing: NATO wants",
        "    briefing: >-\n      \u00a0NATO wants",
        ("  nato_in_russia: 40", "   nato_in_russia: 40"),
    ) == [
        "30:3: this line is indented by 2 spaces, but the lines before it in the same block "
        "(from line 29) are indented by 3: make them start in the same column"
    ]


def test_a_misaligned_list_item_names_the_lines_it_should_match() -> None:
    assert problems("      - Keep the deterrent", "      - Keep.\n     - the deterrent") == [
        "26:6: this line is indented by 5 spaces, but the lines before it in the same block "
        "(from line 25) are indented by 6: make them start in the same column"
    ]


def test_a_list_item_in_quotes_with_a_quote_inside() -> None:
    assert problems("      - Protect every ally.", '      - "Protect "every" ally."') == [
        '19:18: the quoted text ends at this ", but more text follows it: to have " inside '
        "the text, write the whole value as 'Protect \"every\" ally.'"
    ]


def test_quotes_that_are_part_of_the_text() -> None:
    (message,) = problems("place: Lisbon", 'place: "Lisbon" summit')
    assert message.endswith("write the whole value as '\"Lisbon\" summit'")


def test_a_mapping_starting_the_text() -> None:
    assert problems("place: Lisbon", "place: {the} city # note") == [
        "5:8: a value starting with '{' is read as a mapping, so the text after '}' cannot be "
        'read: put the whole text in quotes, as "{the} city"'
    ]


def test_good_messages_are_kept() -> None:
    assert problems("place: Lisbon", "place: @Lisbon") == [
        "5:8: a value cannot start with '@': put the value in quotes"
    ]
    assert problems("place: Lisbon", "place: 'Lisbon") == [
        "5:8: this quoted text is never closed: add the closing quote"
    ]


def test_a_quote_left_open_is_blamed_not_the_line_where_it_ends() -> None:
    # The title's quote runs on to the next '"', 47 lines down, where YAML then stumbles.
    assert problems(
        "title: A minimal scenario",
        'title: "A minimal scenario',
        ("    text: A pledge costs nothing", '    text: A pledge costs "nothing"'),
    ) == [
        "3:8: this quoted text runs on to line 50: close the quote on line 3 "
        "(or the problem is at 50:27)"
    ]


def test_a_single_quote_left_open_runs_on_to_an_apostrophe() -> None:
    assert problems(
        "    briefing: NATO wants",
        "    briefing: 'NATO wants",
        ("      - Keep the deterrent", "      - Keep Russia's deterrent"),
    ) == [
        "17:15: this quoted text runs on to line 25: close the quote on line 17 "
        "(or the problem is at 25:21)"
    ]


def test_quoted_text_over_several_lines_on_purpose_is_not_blamed() -> None:
    # The continuation is indented deeper than the key, as a long quoted text is written.
    (message,) = problems(
        "place: Lisbon\n",
        'place: "Lisbon,\n  Portugal"\n  oops: 1\n',
    )
    assert "runs on" not in message
