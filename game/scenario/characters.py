"""Characters a teacher cannot see or tell apart: named, made visible, and turned into ids."""

from __future__ import annotations

import re
import unicodedata

# Letters Unicode does not split into a base letter and an accent, spelt as a reader would.
_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ð": "d", "ı": "i"}
)
_NOT_ID = re.compile(r"[^a-z0-9]+")
ID_LENGTH = 48


def is_unusual(char: str) -> bool:
    """True for a character that looks like a space, or like nothing at all (not ' ' or a tab)."""
    if len(char) != 1 or char in " \t\r\n":
        return False
    # Zs: spaces other than ' '; Zl/Zp: line separators; Cf: invisible format characters.
    return unicodedata.category(char) in ("Zs", "Zl", "Zp", "Cf")


def describe(char: str) -> str:
    """An unusual character named so it can be found: 'a no-break space (U+00A0), which ...'."""
    name = unicodedata.name(char, "unnamed character").lower()
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    if category == "Cf":
        return f"an invisible character ({name}, {code})"
    if category in ("Zl", "Zp"):
        return f"an invisible line break ({name}, {code})"
    article = "an" if name[:1] in "aeiou" else "a"
    return f"{article} {name} ({code}), which looks like a space but is not one"


def visible(text: str) -> str:
    """The text with each unusual character written out as <U+XXXX>, so a reader sees it."""
    if not any(is_unusual(char) for char in text):
        return text
    return "".join(f"<U+{ord(char):04X}>" if is_unusual(char) else char for char in text)


def unusual(text: str) -> list[str]:
    """The distinct unusual characters in a text, in the order they first appear."""
    return list(dict.fromkeys(char for char in text if is_unusual(char)))


def slugify(text: str) -> str:
    """An id made from any text: accents dropped (`hotlíne` -> `hotline`), others as hyphens,
    and a long one cut at a hyphen."""
    kept = "".join(char for char in text if unicodedata.category(char) != "Cf")
    plain = unicodedata.normalize("NFKD", kept.lower().translate(_LETTERS))
    letters = "".join(char for char in plain if not unicodedata.combining(char))
    slug = _NOT_ID.sub("-", letters).strip("-")
    if len(slug) <= ID_LENGTH:
        return slug
    cut = slug[:ID_LENGTH]
    # End at a whole word (`...-delegations`, not `...-delegati`) unless that loses half of it.
    whole = cut if slug[ID_LENGTH] == "-" else cut.rpartition("-")[0]
    return (whole if len(whole) >= ID_LENGTH // 2 else cut).strip("-")
