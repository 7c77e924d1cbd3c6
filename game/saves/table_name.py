"""A table's name ("Table 3", "Anna & Ben"): how long it may be, how it is tidied, and the
short form of it that goes into save file names."""

from __future__ import annotations

import re
import unicodedata

TABLE_NAME_MAX = 40
"""The most characters a table name may have: enough for two students' names, short enough
for a chart's label, the load list and a file name."""

TABLE_NAME_IN_WORDS = f"at most {TABLE_NAME_MAX} characters, on one line"
"""What a table name must be, for messages (the command line's, a damaged save's)."""

SLUG_MAX = 24
"""The most characters of a table's name that go into its save files' names."""


def tidy(text: str) -> str:
    """The name as it is kept: spaces at either end dropped, runs of spaces made one."""
    return " ".join(part for part in text.split(" ") if part)


def _unprintable(char: str) -> bool:
    # Control characters (a newline, a tab) and the like would break a CSV row or a
    # Markdown table, and mean nothing in a name; letters of every script are welcome.
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def is_table_name(text: object) -> bool:
    """Whether `text` is a name a save may hold: text on one line, at most TABLE_NAME_MAX
    characters once tidied, without control characters."""
    if not isinstance(text, str):
        return False
    return len(tidy(text)) <= TABLE_NAME_MAX and not any(_unprintable(c) for c in text)


def unwanted(char: str) -> bool:
    """Whether a character may not be typed into a name (for the set-up screen's field)."""
    return _unprintable(char)


def slug(name: str) -> str:
    """The name in a form safe in any file name on any system: 'Anna & Ben' -> 'anna-ben',
    'Müller' -> 'muller'; '' when nothing of it is left (a name in another script)."""
    # Plain ASCII letters and digits only: a file copied through a USB stick, a zip file
    # or a school's file server keeps its name whatever the system.
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return words[:SLUG_MAX].rstrip("-")
