"""Read YAML text safely into plain data plus the position of every value.

The file is read event by event (libyaml when present): anchors, aliases and tags are refused,
so nothing can expand (billion laughs) or build Python objects, and the data is built here with
our own resolver, where only `true`/`false` are booleans, numbers are plain decimals (`12`, `-3`,
`+5`, `0.7`: no `1e3`, `1_000`, `0x1F` or `1:30`), and dates stay text for pydantic to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import yaml

from game.scenario.characters import visible
from game.scenario.locate import Loc, Node, format_path
from game.scenario.problems import Finding
from game.scenario.syntax import syntax_finding

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_SAFETY_FINDINGS = 3

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Plain decimals only, as the format's documentation promises: YAML 1.1's underscores, exponents,
# hex, octal and base 60 all stay text, so a number key reports them instead of guessing.
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)")
_NULLS = frozenset({"", "~", "null"})
# Characters YAML cannot hold (the same set PyYAML's reader refuses).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


class Refused(Exception):
    """The text cannot be read as a scenario file at all; `.findings` says why."""

    def __init__(self, findings: list[Finding]) -> None:
        """Carry the findings."""
        self.findings = findings
        super().__init__("; ".join(f.message for f in findings))


@dataclass(frozen=True)
class Comment:
    """A comment on the line where a plain text value ends: it may have been meant as text."""

    loc: tuple[str | int, ...]
    line: int
    column: int
    text: str


@dataclass
class Parsed:
    """The data of a YAML document, its positions, and non-fatal problems (duplicate keys).

    `comments` are the comments after plain text values, for the check to judge.
    """

    data: Any
    root: Node
    findings: list[Finding]
    comments: list[Comment]


def decode(raw: str | bytes) -> str:
    """The text of a file: at most MAX_BYTES of UTF-8 without control characters."""
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise Refused([too_big(size)])
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            start = error.start
            line_start = raw.rfind(b"\n", 0, start) + 1
            column = len(raw[line_start:start].decode("utf-8", "replace")) + 1
            raise Refused(
                [
                    Finding(
                        raw.count(b"\n", 0, start) + 1,
                        column,
                        "",
                        f"the file is not UTF-8 text (byte 0x{raw[start]:02X} cannot be read): "
                        "save it with the UTF-8 encoding",
                    )
                ]
            ) from None
    else:
        text = raw
    text = text.removeprefix("\ufeff")
    bad = _NON_PRINTABLE.search(text)
    if bad is not None:
        line, column = _position(text, bad.start())
        raise Refused(
            [
                Finding(
                    line,
                    column,
                    "",
                    f"the file holds an invisible control character (U+{ord(bad.group()):04X}) "
                    "that a scenario file cannot contain: delete it",
                )
            ]
        )
    return text


def too_big(size: int) -> Finding:
    """The finding for a file over the size cap, which is refused before it is parsed."""
    return Finding(
        1,
        1,
        "",
        f"the file is too big ({size / 1048576:.1f} MiB): "
        f"a scenario file can be at most {MAX_BYTES // 1048576} MiB",
    )


def _position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of a character index."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def resolve_plain(value: str) -> Any:
    """The value of an unquoted scalar: null, true/false, a plain decimal number, or text."""
    if value in _NULLS:
        return None
    if value == "true":
        return True
    if value == "false":
        return False
    try:
        if _INT.fullmatch(value):
            return int(value, 10)
        if _FLOAT.fullmatch(value):
            return float(value)
    except ValueError:
        # Python refuses to convert absurdly long digit strings; leave them as text.
        return value
    return value


class _Frame:
    """A mapping or list being built, with the key waiting for its value."""

    __slots__ = ("is_map", "key", "key_mark", "name", "node", "value")

    def __init__(self, value: dict[str, Any] | list[Any], node: Node) -> None:
        self.value = value
        self.node = node
        self.is_map = isinstance(value, dict)
        self.key: str | None = None
        self.key_mark: tuple[int, int] = (0, 0)
        # The waiting key as written, even when it is dropped, for the paths of problems inside.
        self.name = ""


_DROP = "\x00dropped"  # a key that can never appear in text (control characters are refused)


class _Builder:
    """Turns parser events into data and positions, refusing anything unsafe."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.stack: list[_Frame] = []
        # Duplicate keys, with the path to name once the document is built (items by id).
        self.findings: list[tuple[Loc, Finding]] = []
        self.comments: list[Comment] = []
        self.safety: list[Finding] = []
        self.unsafe = 0  # anchors, aliases and tags seen; only the first few are reported
        self.documents = 0
        self.result: tuple[Any, Node] | None = None

    def feed(self, event: yaml.Event) -> None:
        """Take one event; raise Refused for a second document or too deep a nesting."""
        cls = event.__class__
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if cls is yaml.ScalarEvent:
            assert isinstance(event, yaml.ScalarEvent)
            if event.anchor is not None or event.tag is not None:
                self._refuse(event, line, column)
            elif not self.safety:
                self._scalar(event, line, column)
        elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
            assert isinstance(event, yaml.CollectionStartEvent)
            if event.anchor is not None or event.tag is not None:
                self._refuse(event, line, column)
            if len(self.stack) >= MAX_DEPTH:
                message = (
                    f"the file nests lists and mappings too deeply (more than {MAX_DEPTH} levels)"
                )
                raise Refused([Finding(line, column, "", message)])
            container: dict[str, Any] | list[Any] = {} if cls is yaml.MappingStartEvent else []
            self.stack.append(_Frame(container, Node(line, column, container=True)))
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            frame = self.stack.pop()
            if not self.safety:
                self._add(frame.value, frame.node)
        elif cls is yaml.AliasEvent:
            assert isinstance(event, yaml.AliasEvent)
            self._refuse(event, line, column)
        elif cls is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                message = (
                    "a second YAML document starts here ('---'): a scenario file holds exactly one"
                )
                raise Refused([Finding(line, column, "", message)])

    def _scalar(self, event: yaml.ScalarEvent, line: int, column: int) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_map and top.key is None:
            # Keys are always text, however they look.
            self._add(event.value, Node(line, column))
        elif event.implicit[0]:
            value = event.value
            resolved = resolve_plain(value)
            written = None if isinstance(resolved, str) else value
            if isinstance(resolved, str) and resolved and self.stack:
                self._note_comment(event)
            self._add(resolved, Node(line, column, empty=value == "", written=written))
        else:
            self._add(event.value, Node(line, column))

    def _note_comment(self, event: yaml.ScalarEvent) -> None:
        """Keep a comment that starts on the line a plain text ends on."""
        end = event.end_mark
        row = self.lines[end.line] if end is not None and end.line < len(self.lines) else ""
        if end is None or "#" not in row:
            return
        rest = row[end.column :]
        if rest.lstrip(" \t").startswith("#"):
            top = self.stack[-1]
            loc = (*self._path(), top.name if top.is_map else len(top.value))
            start = end.column + len(rest) - len(rest.lstrip(" \t"))
            self.comments.append(Comment(loc, end.line + 1, start + 1, row[start:].rstrip()))

    def _refuse(self, event: yaml.NodeEvent, line: int, column: int) -> None:
        if event.anchor is not None:
            alias = isinstance(event, yaml.AliasEvent)
            kind, sign = ("aliases", "*") if alias else ("anchors", "&")
            self._unsafe(
                line,
                column,
                f"YAML {kind} ('{sign}{event.anchor}') are not allowed in a scenario file: "
                "write the value out in full",
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            self._unsafe(
                line,
                column,
                f"YAML tags ('{_short_tag(tag)}') are not allowed in a scenario file: "
                "remove the tag",
            )

    def _unsafe(self, line: int, column: int, message: str) -> None:
        self.unsafe += 1
        if self.unsafe <= MAX_SAFETY_FINDINGS:
            self.safety.append(Finding(line, column, "", message))

    def _add(self, value: Any, node: Node) -> None:
        if not self.stack:
            self.result = (value, node)
            return
        frame = self.stack[-1]
        children = frame.node.children
        keys = frame.node.keys
        assert children is not None and keys is not None
        if not frame.is_map:
            assert isinstance(frame.value, list)
            children[len(frame.value)] = node
            frame.value.append(value)
        elif frame.key is None:
            frame.key = self._key(frame, value, node)
            frame.key_mark = (node.line, node.column)
            frame.name = value if isinstance(value, str) else ""
        else:
            if frame.key is not _DROP:
                assert isinstance(frame.value, dict)
                frame.value[frame.key] = value
                children[frame.key] = node
                keys[frame.key] = frame.key_mark
            frame.key = None

    def _key(self, frame: _Frame, key: Any, node: Node) -> str:
        """The key to store the next value under (_DROP for a refused or repeated key)."""
        if not isinstance(key, str):
            message = "a key must be a plain word, not a list or mapping"
            self.findings.append(((), Finding(node.line, node.column, "", message)))
            return _DROP
        if key in frame.value:
            assert frame.node.keys is not None
            first = frame.node.keys[key][0]
            message = (
                f"the key '{visible(key)}' appears twice here (first on line {first}): "
                "keep only one"
            )
            self.findings.append(
                ((*self._path(), key), Finding(node.line, node.column, "", message))
            )
            return _DROP
        return key

    def _path(self) -> list[str | int]:
        """Where the innermost mapping or list being built sits: keys and item positions."""
        return [frame.name if frame.is_map else len(frame.value) for frame in self.stack[:-1]]


def parse(text: str) -> Parsed:
    """Build the data and positions of a single YAML document, or raise Refused."""
    builder = _Builder(text.splitlines())
    event = None
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.YAMLError as error:
        found = _summed(builder.safety, builder.unsafe)
        raise Refused([*found, syntax_finding(error, text, event)]) from None
    if builder.safety:
        raise Refused(_summed(builder.safety, builder.unsafe))
    if builder.result is None:
        message = "the file is empty: a scenario starts with 'schema_version: 1'"
        raise Refused([Finding(1, 1, "", message)])
    data = builder.result[0]
    findings = [replace(finding, path=format_path(loc, data)) for loc, finding in builder.findings]
    return Parsed(data, builder.result[1], findings, builder.comments)


def _summed(safety: list[Finding], count: int) -> list[Finding]:
    """The first safety findings, and one more saying how many others there are."""
    if count <= len(safety):
        return safety
    last = safety[-1]
    more = count - len(safety)
    return [
        *safety,
        Finding(
            last.line,
            last.column,
            "",
            f"…and {more} more anchors, aliases or tags after this one",
        ),
    ]


def _short_tag(tag: str) -> str:
    """A tag as it was probably written (`!!python/object` rather than its full URI)."""
    return (
        "!!" + tag.removeprefix("tag:yaml.org,2002:")
        if tag.startswith("tag:yaml.org,2002:")
        else tag
    )
