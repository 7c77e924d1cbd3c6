"""Where things are in a scenario file: a tree of positions, and paths a reader can follow."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from game.scenario.characters import visible

Loc = Sequence[str | int]


class Node:
    """The 1-based line and column of one YAML value, and of its children and keys.

    `written` keeps an unquoted value that was read as a number or true/false as the file spells
    it (`007`, `1.50`), so advice can quote it as written.
    """

    __slots__ = ("children", "column", "empty", "keys", "line", "written")

    def __init__(
        self,
        line: int,
        column: int,
        empty: bool = False,
        container: bool = False,
        written: str | None = None,
    ):
        """A value at a position; a mapping or list also records its children."""
        self.line = line
        self.column = column
        self.empty = empty
        self.written = written
        self.children: dict[str | int, Node] | None = {} if container else None
        self.keys: dict[str, tuple[int, int]] | None = {} if container else None


def locate(root: Node, loc: Loc, at_key: bool = False) -> tuple[int, int]:
    """The position of the deepest value on `loc` (its key if `at_key`, or if it is empty)."""
    node = root
    for index, part in enumerate(loc):
        child = node.children.get(part) if node.children is not None else None
        key_mark = node.keys.get(part) if node.keys is not None and isinstance(part, str) else None
        if key_mark is not None and (index == len(loc) - 1 and at_key):
            return key_mark
        if child is None:
            # A missing key or item points at the mapping or list that should hold it.
            break
        if child.empty and key_mark is not None:
            # An empty value has no text of its own to point at: point at its key.
            return key_mark
        node = child
    return node.line, node.column


def find(root: Node, loc: Loc) -> Node | None:
    """The node of the value at `loc`, if the file has one there."""
    node: Node | None = root
    for part in loc:
        if node is None or node.children is None:
            return None
        node = node.children.get(part)
    return node


def format_path(loc: Loc, data: Any) -> str:
    """A path like `proposals[joint-centre].terms[2]`: items by id where they have one."""
    text = ""
    current = data
    for part in loc:
        if isinstance(part, int):
            label = str(part + 1)
            item = current[part] if isinstance(current, list) and 0 <= part < len(current) else None
            if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
                label = visible(item["id"])
            text += f"[{label}]"
            current = item
        else:
            if part.startswith("[") and part.endswith("]"):
                # pydantic's marker for an error in a dict key rather than its value
                continue
            text += f".{visible(part)}" if text else visible(part)
            current = current.get(part) if isinstance(current, dict) else None
    return text


def leaves(data: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value that is neither a mapping nor a list, with its path (keys are not values)."""
    todo: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while todo:
        loc, value = todo.pop()
        if isinstance(value, dict):
            todo.extend(((*loc, key), item) for key, item in value.items())
        elif isinstance(value, list):
            todo.extend(((*loc, index), item) for index, item in enumerate(value))
        else:
            yield loc, value
