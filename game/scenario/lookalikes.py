"""Cyrillic and Greek letters that look like Latin ones: found, named, and spelt in ASCII."""

from __future__ import annotations

import unicodedata

# Only letters a reader cannot tell from the Latin ones in most fonts; `м` or `λ` are left out,
# since nobody types them by mistake for `m` or `l`.
LOOKALIKES: dict[str, str] = {
    # Cyrillic, small
    "а": "a",
    "с": "c",
    "ԁ": "d",
    "е": "e",
    "һ": "h",
    "і": "i",
    "ј": "j",
    "ӏ": "l",
    "о": "o",
    "р": "p",
    "ԛ": "q",
    "ѕ": "s",
    "ԝ": "w",
    "х": "x",
    "у": "y",
    # Cyrillic, capital
    "А": "A",
    "В": "B",
    "С": "C",
    "Е": "E",
    "Н": "H",
    "І": "I",
    "Ј": "J",
    "К": "K",
    "М": "M",
    "О": "O",
    "Р": "P",
    "Ѕ": "S",
    "Т": "T",
    "Х": "X",
    "У": "Y",
    # Greek, small
    "α": "a",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "υ": "u",
    "χ": "x",
    # Greek, capital
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
}
"""Each look-alike letter and the Latin letter it passes for."""
_TO_ASCII = str.maketrans(LOOKALIKES)


def lookalikes(text: str) -> list[int]:
    """The 0-based positions of look-alike letters in a text that also has Latin letters.

    A word written wholly in Cyrillic or Greek is meant that way; one Cyrillic `а` among
    Latin letters is a slip nobody can see.
    """
    if not any("a" <= char.lower() <= "z" for char in text):
        return []
    return [index for index, char in enumerate(text) if char in LOOKALIKES]


def ascii_spelling(text: str) -> str:
    """The text with each look-alike letter replaced by the Latin letter it looks like."""
    return text.translate(_TO_ASCII)


def ordinal(number: int) -> str:
    """'1st', '2nd', '3rd', '4th', '11th', '22nd'."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _named(char: str) -> str:
    """`'а' (U+0430, a Cyrillic letter that looks like Latin 'a')`."""
    script = unicodedata.name(char, "").split(" ")[0].capitalize() or "foreign"
    latin = LOOKALIKES[char]
    return f"'{char}' (U+{ord(char):04X}, a {script} letter that looks like Latin '{latin}')"


def describe_lookalikes(text: str) -> str:
    """Where the look-alike letters are: `the 10th character is 'а' (U+0430, a Cyrillic ...)`."""
    places: dict[str, list[str]] = {}
    for index in lookalikes(text):
        places.setdefault(text[index], []).append(ordinal(index + 1))
    parts = []
    for char, where in places.items():
        listed = " and ".join([", ".join(where[:-1]), where[-1]]) if len(where) > 1 else where[0]
        noun = "character is" if len(where) == 1 else "characters are"
        parts.append(f"the {listed} {noun} {_named(char)}")
    return "; ".join(parts)
