"""Cyrillic and Greek letters that look Latin: found among Latin letters, named, spelt in ASCII."""

from __future__ import annotations

import pytest

from game.scenario.lookalikes import ascii_spelling, describe_lookalikes, lookalikes, ordinal


def test_a_lookalike_among_latin_letters_is_found_and_spelt_in_ascii() -> None:
    assert lookalikes("data-exch\u0430nge") == [9]
    assert ascii_spelling("data-exch\u0430nge") == "data-exchange"
    assert ascii_spelling("k\u0456nd") == "kind"
    assert ascii_spelling("\u03bfk") == "ok"  # Greek omicron


def test_a_word_wholly_in_another_alphabet_is_meant_that_way() -> None:
    assert lookalikes("\u0441\u043e\u0440") == []  # Cyrillic 'сор'
    assert lookalikes("kind") == []


def test_each_is_named_with_its_place_code_and_latin_twin() -> None:
    assert describe_lookalikes("data-exch\u0430nge") == (
        "the 10th character is '\u0430' (U+0430, a Cyrillic letter that looks like Latin 'a')"
    )
    assert describe_lookalikes("\u0430b\u0430\u03bf") == (
        "the 1st and 3rd characters are '\u0430' (U+0430, a Cyrillic letter that looks like "
        "Latin 'a'); the 4th character is '\u03bf' (U+03BF, a Greek letter that looks like "
        "Latin 'o')"
    )


@pytest.mark.parametrize(
    ("number", "word"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (111, "111th"),
    ],
)
def test_ordinals(number: int, word: str) -> None:
    assert ordinal(number) == word
