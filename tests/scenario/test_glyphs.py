"""Text the fonts cannot draw is a warning, found with the test the caller passes in."""

from __future__ import annotations

from pathlib import Path

from game.scenario import check_text

MINIMAL = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text("utf-8")
ROCKET = "\U0001f680"


def ascii_only(char: str) -> bool:
    """A stand-in for the fonts: they draw ASCII and nothing else."""
    return char.isascii()


def test_a_character_the_fonts_lack_is_a_warning_where_its_text_is() -> None:
    text = MINIMAL.replace("title: A minimal scenario", f"title: A minimal scenario {ROCKET}")
    report = check_text(text, "g.yaml", ascii_only)
    assert report.valid
    assert [str(w) for w in report.warnings] == [
        "g.yaml:3:8: warning: title: the game's fonts cannot draw '\U0001f680' (U+1F680, rocket) "
        "(the 20th character of this text), so the game would show '?' in its place: remove "
        "it, or say it in words"
    ]


def test_several_are_named_together_once_per_text() -> None:
    text = MINIMAL.replace(
        "      - Protect every ally.", f"      - Protect {ROCKET} every é{ROCKET} ally ✓."
    )
    (warning,) = check_text(text, "g.yaml", ascii_only).warnings
    assert warning.path == "sides.nato.priorities[1]"
    assert warning.message.startswith(
        "the game's fonts cannot draw '\U0001f680' (U+1F680, rocket), 'é' (U+00E9, latin small "
        "letter e with acute) and '✓' (U+2713, check mark) (the first is the 9th character of "
        "this text), so the game would show '?' in its place: remove them"
    )


def test_line_breaks_are_laid_out_not_drawn() -> None:
    text = MINIMAL.replace(
        "summary: The smallest scenario that passes every check.",
        "summary: |\n  Two lines\n  of summary.",
    )
    assert check_text(text, "g.yaml", ascii_only).warnings == []


def test_without_a_test_nothing_is_said() -> None:
    text = MINIMAL.replace("title: A minimal scenario", f"title: A minimal scenario {ROCKET}")
    assert check_text(text, "g.yaml").warnings == []
