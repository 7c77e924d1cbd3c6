"""YAML syntax errors (from libyaml or PyYAML) in words a teacher can act on."""

from __future__ import annotations

import re
import unicodedata

import yaml

from game.scenario.characters import describe, is_unusual
from game.scenario.problems import Finding

_INDENT = "this line is not indented like the lines around it: check its indentation"
# Where a value starts on a line: after the indentation, any '- ' and a plain `key: `.
_VALUE_START = re.compile(r"[ \t]*(?:-[ \t]+)*(?:[^\s#'\"\[{][^#]*?:[ \t]+)?")


def syntax_finding(error: yaml.YAMLError, text: str, last: yaml.Event | None = None) -> Finding:
    """One finding for a YAML syntax error, at the place to fix.

    `last` is the last event read before the error: quoted text that ran on past where it was
    meant to end is the cause of whatever error follows it.
    """
    if not isinstance(error, yaml.MarkedYAMLError):
        return Finding(1, 1, "", f"this is not valid YAML: {error}")
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    opened = error.context_mark
    opened_at = (opened.line + 1, opened.column + 1) if opened is not None else (line, column)
    lines = text.splitlines()
    run_on = _run_on_quote(last, lines, line, column)
    if run_on is not None:
        return run_on
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = row[: len(row) - len(row.lstrip(" \t"))]

    if "\t" in indent or (column <= len(row) and row[column - 1 : column] == "\t"):
        tab = indent.find("\t") if "\t" in indent else column - 1
        return Finding(
            line,
            tab + 1,
            "",
            "a tab is used to indent this line: indent with spaces only "
            "(most editors can turn tabs into spaces)",
        )
    odd = _odd_indentation(lines, line)
    if odd is not None:
        return odd
    if "cannot start any token" in problem:
        char = row[column - 1 : column] or "?"
        return Finding(
            line, column, "", f"a value cannot start with '{char}': put the value in quotes"
        )
    if "escape" in problem:
        # libyaml points at the backslash, PyYAML at the letter after it: use the backslash.
        return Finding(
            line,
            row.rfind("\\", 0, column) + 1 or column,
            "",
            "unknown escape with '\\' in double-quoted text: write '\\\\' for a backslash, "
            "or use single quotes",
        )
    if "quoted scalar" in context:
        return Finding(*opened_at, "", "this quoted text is never closed: add the closing quote")
    if "flow sequence" in context or "flow mapping" in context:
        bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return Finding(
            *opened_at,
            "",
            f"the '{bracket}' here is not closed with '{closing}' (or a comma is missing)",
        )
    if "flow node" in context:
        still_open = _open_bracket(lines, line, column)
        if still_open is not None:
            char, at = still_open
            closing = "]" if char == "[" else "}"
            return Finding(
                *at, "", f"the '{char}' here is not closed with '{closing}' (or a comma is missing)"
            )
        return Finding(line, column, "", "a value is missing here, inside brackets")
    if "mapping values are not allowed" in problem:
        return Finding(
            line,
            column,
            "",
            "unexpected ':' here: put a value containing ': ' in quotes, or check the indentation",
        )
    if "could not find expected ':'" in problem or "simple key" in context:
        key_row = lines[opened_at[0] - 1] if 0 < opened_at[0] <= len(lines) else ""
        lookalike = next(
            (c for c in key_row if c != ":" and unicodedata.normalize("NFKC", c) == ":"), None
        )
        if lookalike is not None:
            return Finding(
                opened_at[0],
                key_row.index(lookalike) + 1,
                "",
                f"the ':' after this key is a look-alike ({unicodedata.name(lookalike).lower()}, "
                f"U+{ord(lookalike):04X}): type an ordinary ':'",
            )
        after = key_row.find(":")
        if after >= 0 and is_unusual(key_row[after + 1 : after + 2]):
            return Finding(
                opened_at[0],
                after + 2,
                "",
                f"the ':' after this key is followed by {describe(key_row[after + 1])}: "
                "type an ordinary space after the ':'",
            )
        return Finding(
            *opened_at,
            "",
            "expected 'key: value' here: check the ':' after the key, or put a long text in quotes",
        )
    if "block" in context or "expected key" in problem or "'-' indicator" in problem:
        return (
            _after_value(row, line, column)
            or _misaligned(lines, line)
            or Finding(line, column, "", _INDENT)
        )
    detail = f" ({error.context})" if error.context else ""
    return Finding(line, column, "", f"this is not valid YAML: {error.problem}{detail}")


def _run_on_quote(
    last: yaml.Event | None, lines: list[str], line: int, column: int
) -> Finding | None:
    """Quoted text, read just before an error, that swallowed lines it was not meant to.

    A quote left open runs on to the next quote of its kind, often many lines down, and the
    error shows up there. It is told from quoted text written over several lines on purpose by
    a line inside it indented no deeper than the line it opened on (a key or list item that
    became part of the text), and by nothing but spaces and comments between its end and the
    error.
    """
    if not isinstance(last, yaml.ScalarEvent) or last.style not in ("'", '"'):
        return None
    start, end = last.start_mark, last.end_mark
    if start is None or end is None or start.line == end.line or end.line >= len(lines):
        return None
    between = [lines[end.line][end.column :], *lines[end.line + 1 : line - 1]]
    if line - 1 > end.line:
        between.append(lines[line - 1][: column - 1])
    elif line - 1 == end.line:
        between = [lines[end.line][end.column : column - 1]]
    else:
        return None
    if any(part.strip() and not part.strip().startswith("#") for part in between):
        return None
    depth = _indentation(lines[start.line])
    swallowed = lines[start.line + 1 : end.line + 1]
    if not any(row.strip() and _indentation(row) <= depth for row in swallowed):
        return None
    return Finding(
        start.line + 1,
        start.column + 1,
        "",
        f"this quoted text runs on to line {end.line + 1}: close the quote on line "
        f"{start.line + 1} (or the problem is at {line}:{column})",
    )


def _indentation(row: str) -> int:
    """How many spaces a line starts with."""
    return len(row) - len(row.lstrip(" "))


def _open_bracket(lines: list[str], line: int, column: int) -> tuple[str, tuple[int, int]] | None:
    """The last '[' or '{' still open before a position (quotes and comments skipped)."""
    stack: list[tuple[str, tuple[int, int]]] = []
    for number, row in enumerate(lines[:line], start=1):
        end = column - 1 if number == line else len(row)
        quote = ""
        for index, char in enumerate(row[:end]):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"" and (index == 0 or row[index - 1] in " [{,:"):
                quote = char
            elif char == "#" and (index == 0 or row[index - 1] == " "):
                break
            elif char in "[{":
                stack.append((char, (number, index + 1)))
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _odd_indentation(lines: list[str], line: int) -> Finding | None:
    """A line at or above the error that starts with a space look-alike (a no-break space...).

    YAML does not count such a character as indentation, so the error shows up a line or two
    later; the search stops at the top-level key the error is under.
    """
    for number in range(min(line, len(lines)), 0, -1):
        row = lines[number - 1]
        for index, char in enumerate(row):
            if is_unusual(char):
                message = f"this line starts with {describe(char)}: "
                message += (
                    "delete it"
                    if unicodedata.category(char) == "Cf"
                    else "replace it with an ordinary space"
                )
                return Finding(number, index + 1, "", message)
            if char not in " \t":
                break
        if row[:1] not in ("", " ", "\t", "#"):
            return None
    return None


def _after_value(row: str, line: int, column: int) -> Finding | None:
    """Text after a value that YAML read as complete: a list in brackets, or quoted text."""
    start = _VALUE_START.match(row)
    at = start.end() if start is not None else 0
    first = row[at : at + 1]
    if first in ("[", "{"):
        end = _flow_end(row, at)
        if end is None or column - 1 <= end:
            return None
        kind = "a list" if first == "[" else "a mapping"
        closing = "]" if first == "[" else "}"
        return Finding(
            line,
            at + 1,
            "",
            f"a value starting with '{first}' is read as {kind}, so the text after '{closing}' "
            f"cannot be read: put the whole text in quotes, as {_quoted(_text_from(row, at, end))}",
        )
    if first in ("'", '"'):
        end = _closing_quote(row, at)
        if end is None or column - 1 <= end:
            return None
        text = _text_from(row, at, end)
        # Quotes around the whole text hold more quotes inside; otherwise they are part of it.
        inner = text[1:-1] if len(text) > 1 and text[-1] == first else text
        written = _quoted(inner, "'" if first == '"' else '"')
        return Finding(
            line,
            end + 1,
            "",
            f"the quoted text ends at this {first}, but more text follows it: to have {first} "
            f"inside the text, write the whole value as {written}",
        )
    return None


def _text_from(row: str, start: int, end: int) -> str:
    """The value from `start` to the end of the line, without a comment after index `end`."""
    comment = row.find(" #", end)
    return (row[start:comment] if comment >= 0 else row[start:]).rstrip()


def _quoted(text: str, quote: str = '"') -> str:
    """Text in quotes as YAML reads it back: doubled single quotes, escaped double quotes."""
    if quote == '"' and '"' in text:
        quote = "'"
    if quote == "'":
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\") + '"'


def _closing_quote(row: str, start: int) -> int | None:
    """The index of the quote that closes the quoted text starting at `start`."""
    quote = row[start]
    index = start + 1
    while index < len(row):
        char = row[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and row[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _flow_end(row: str, start: int) -> int | None:
    """The index of the bracket that closes the one at `start` (quotes skipped)."""
    depth = 0
    index = start
    while index < len(row):
        char = row[index]
        if char in "'\"" and index > start and row[index - 1] in " [{,:":
            end = _closing_quote(row, index)
            if end is None:
                return None
            index = end
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def _misaligned(lines: list[str], line: int) -> Finding | None:
    """The block this line should line up with, when its indentation matches none above it.

    The lines above are read as nested blocks by indentation (a `- ` item opens one more); a
    line indented less than the block it follows but more than that block's parent belongs to
    neither, and the message names both indentations.
    """
    if not 0 < line <= len(lines):
        return None
    open_blocks: list[tuple[int, int]] = []  # (indentation, first line), outermost first

    def enter(indent: int, number: int) -> tuple[int, int] | None:
        left = None
        while open_blocks and open_blocks[-1][0] > indent:
            left = open_blocks.pop()
        if not open_blocks or open_blocks[-1][0] < indent:
            open_blocks.append((indent, number))
        return left

    for number, row in enumerate(lines[:line], start=1):
        content = row.lstrip(" ")
        if not content or content.startswith("#"):
            continue
        indent = len(row) - len(content)
        left = enter(indent, number)
        if number == line:
            if left is None or open_blocks[-1] != (indent, number):
                return None
            spaces = "space" if indent == 1 else "spaces"
            return Finding(
                line,
                indent + 1,
                "",
                f"this line is indented by {indent} {spaces}, but the lines before it in the same "
                f"block (from line {left[1]}) are indented by {left[0]}: "
                "make them start in the same column",
            )
        while content.startswith("- ") or content == "-":
            content = content[1:].lstrip(" ")
            indent = len(row) - len(content)
            if content:
                enter(indent, number)
    return None
