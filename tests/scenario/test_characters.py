"""Characters that are hard to see: which count, how they are named, shown and made into ids."""

from __future__ import annotations

import pytest

from game.scenario.characters import describe, is_unusual, slugify, unusual, visible


@pytest.mark.parametrize("char", ["\u00a0", "\u200b", "\u3000", "\ufeff", "\u2028", "\u2009"])
def test_space_look_alikes_and_invisible_characters_are_unusual(char: str) -> None:
    assert is_unusual(char)


@pytest.mark.parametrize("char", [" ", "\t", "\n", "a", "é", "ø", ":", ""])
def test_ordinary_characters_are_not(char: str) -> None:
    assert not is_unusual(char)


def test_each_is_named_with_its_code() -> None:
    assert describe("\u00a0") == (
        "a no-break space (U+00A0), which looks like a space but is not one"
    )
    assert describe("\u3000").startswith("an ideographic space (U+3000)")
    assert describe("\u200b") == "an invisible character (zero width space, U+200B)"


def test_visible_writes_them_out() -> None:
    assert visible("hotline\u200b") == "hotline<U+200B>"
    assert visible("Tromsø") == "Tromsø"
    assert unusual("a\u200bb\u200bc\u00a0") == ["\u200b", "\u00a0"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("hotlíne", "hotline"),
        ("Ünïcødé", "unicode"),
        ("Straße", "strasse"),
        ("hot\u200bline", "hotline"),
        ("My Scenario", "my-scenario"),
        ("Arctic_Talks", "arctic-talks"),
        ("---", ""),
        ("x" * 60, "x" * 48),
        # A long one ends at a whole word, unless that would lose half of it.
        (
            "the joint exercise for the staff of both delegations",
            "the-joint-exercise-for-the-staff-of-both",
        ),
        ("a " + "b" * 60, "a-" + "b" * 46),
    ],
)
def test_slugify_transliterates(text: str, slug: str) -> None:
    assert slugify(text) == slug
