"""YAML syntax errors (from libyaml or PyYAML) in words a teacher can act on."""

from __future__ import annotations

import yaml

from game.scenario.problems import Finding

_INDENT = "this line is not indented like the lines around it: check its indentation"


def syntax_finding(error: yaml.YAMLError, text: str) -> Finding:
    """One finding for a YAML syntax error, at the place to fix."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return Finding(1, 1, "", f"this is not valid YAML: {error}")
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    opened = error.context_mark
    opened_at = (opened.line + 1, opened.column + 1) if opened is not None else (line, column)
    lines = text.splitlines()
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
        return Finding(
            *opened_at,
            "",
            "expected 'key: value' here: check the ':' after the key, or put a long text in quotes",
        )
    if "block" in context or "expected key" in problem or "'-' indicator" in problem:
        return Finding(line, column, "", _INDENT)
    detail = f" ({error.context})" if error.context else ""
    return Finding(line, column, "", f"this is not valid YAML: {error.problem}{detail}")


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
