"""Load a scenario file: safe YAML, the schema, then the cross-checks, every problem at once."""

from __future__ import annotations

import os
import re
from typing import Any

from pydantic import ValidationError

from game.regular_file import open_regular
from game.scenario import checks, conditions, playable
from game.scenario.glyphs import CanDraw, undrawable
from game.scenario.locate import Node, find, format_path, leaves, locate
from game.scenario.messages import is_prose, misread_number, shown, suggested_key, translate
from game.scenario.models import SCHEMA_VERSION, Scenario
from game.scenario.problems import Finding, Report, ScenarioError, Severity
from game.scenario.safeyaml import MAX_BYTES, Comment, Refused, decode, parse, too_big

_TOP = "a scenario is a mapping of keys such as 'schema_version: 1' and 'title: ...'"
# A save file (game/saves/record.py) starts with its format; it is JSON, so YAML reads it too,
# but even a damaged one is recognised from its first lines.
_SAVE_KIND = "detente-save"
_SAVE_START = re.compile(r'\s*\{\s*"format"\s*:\s*"detente-save"')
SAVED_GAME = (
    "this file is a saved game, not a scenario: to go on with it or watch its replay, choose "
    "'Load a game or replay' on the title screen (it lists the games in the game's saves folder)"
)


def load(path: str | os.PathLike[str]) -> Scenario:
    """Read, check and return the scenario in a file, or raise ScenarioError."""
    name = str(path)
    try:
        with open_regular(path) as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_BYTES:
                raise ScenarioError([too_big(size).at(name)])
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ScenarioError(
            [Finding(1, 1, "", f"cannot read the file: {reason}").at(name)]
        ) from None
    return load_text(raw, name)


def load_text(text: str | bytes, name: str = "<scenario>") -> Scenario:
    """Check and return the scenario in some text, or raise ScenarioError."""
    report = check_text(text, name)
    if report.scenario is None:
        raise ScenarioError(report.errors)
    return report.scenario


def check_text(
    text: str | bytes, name: str = "<scenario>", can_draw: CanDraw | None = None
) -> Report:
    """Every error and warning in some text, with the scenario if there are no errors.

    With `can_draw` (which the front end makes from its fonts), text the game would draw as
    '?' is a warning too.
    """
    try:
        decoded = decode(text)
        if _SAVE_START.match(decoded):
            raise Refused([Finding(1, 1, "", SAVED_GAME)])
        parsed = parse(decoded)
    except Refused as refused:
        return Report(name, None, [finding.at(name) for finding in refused.findings])
    findings = list(parsed.findings)
    data, root = parsed.data, parsed.root
    if isinstance(data, dict) and data.get("format") == _SAVE_KIND:
        return Report(name, None, [Finding(root.line, root.column, "", SAVED_GAME).at(name)])
    if not isinstance(data, dict):
        if data is None:
            message = "the file is empty: a scenario starts with 'schema_version: 1'"
        else:
            message = f"{_TOP}, not {'a list' if isinstance(data, list) else shown(data)}"
        return Report(name, None, [Finding(root.line, root.column, "", message).at(name)])
    if can_draw is not None:
        findings.extend(undrawable(data, root, can_draw))
    version = data.get("schema_version")
    if (
        isinstance(version, (int, float))
        and not isinstance(version, bool)
        and version > SCHEMA_VERSION
    ):
        # A newer format may have keys this game does not know: the rest would only confuse.
        line, column = locate(root, ("schema_version",))
        message = (
            f"this file needs a newer version of Détente: it is written for format "
            f"version {version}, and this game reads version {SCHEMA_VERSION}"
        )
        return Report(name, None, [Finding(line, column, "schema_version", message).at(name)])
    misread = _misread_numbers(data, root)
    findings.extend(misread.values())
    findings.extend(_cut_by_comments(parsed.comments, data))
    scenario: Scenario | None = None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        details = error.errors()
        # A misspelt key also shows up as a missing one; the did-you-mean says it all.
        meant = {
            (*detail["loc"][:-1], suggested_key(detail["loc"]))
            for detail in details
            if detail["type"] == "extra_forbidden"
        }
        for detail in details:
            if detail["type"] == "missing" and tuple(detail["loc"]) in meant:
                continue
            if tuple(detail["loc"]) in misread:
                continue  # already reported, in the file's own terms
            node = find(root, detail["loc"])
            message, at_key = translate(detail, node.written if node is not None else None)
            loc = detail["loc"]
            if loc[-1] == "[key]":
                # pydantic's marker for a problem with a mapping's key (a red line's term id).
                loc, at_key = loc[:-1], True
            line, column = locate(root, loc, at_key)
            findings.append(Finding(line, column, format_path(detail["loc"], data), message))
    if scenario is not None and scenario.schema_version != SCHEMA_VERSION:
        line, column = locate(root, ("schema_version",))
        message = f"must be {SCHEMA_VERSION} (got {shown(version)})"
        findings.append(Finding(line, column, "schema_version", message))
    if scenario is not None and not misread:
        findings.extend(_cross_check(scenario, root, data))
    # By place in the file; on one line errors come first, since a warning may follow from one.
    findings.sort(key=lambda f: (f.line, f.severity is Severity.WARNING, f.column))
    problems = [finding.at(name) for finding in findings]
    report = Report(name, scenario, problems)
    if report.errors:
        report.scenario = None
    return report


def _misread_numbers(data: Any, root: Node) -> dict[tuple[str | int, ...], Finding]:
    """true/false or text like `1_2` where a number belongs, by path: pydantic would take them."""
    findings = {}
    for loc, value in leaves(data):
        message = misread_number(loc, value)
        if message is not None:
            line, column = locate(root, loc)
            findings[loc] = Finding(line, column, format_path(loc, data), message)
    return findings


def _cut_by_comments(comments: list[Comment], data: Any) -> list[Finding]:
    """Warnings for unquoted text followed by ' #': YAML drops the rest of the line as a comment.

    A comment after an id is a note, and so is one written as notes are, '# ' and words
    (`name: NATO   # the heading`); after a title or a sentence, a '#' with a word or
    number straight after it was more often meant as part of the text (`Not a picture #1,
    the raw feed`).
    """
    findings = []
    for comment in comments:
        if not is_prose(comment.loc) or comment.text[1:2] in ("", " ", "\t", "#"):
            continue
        message = (
            f"the text ends before ' #': the rest of the line ({shown(comment.text)}) is read "
            "as a comment and dropped: if it is part of the text, put the whole text in quotes"
        )
        path = format_path(comment.loc, data)
        findings.append(Finding(comment.line, comment.column, path, message, Severity.WARNING))
    return findings


def _cross_check(scenario: Scenario, root: Node, data: Any) -> list[Finding]:
    """The findings of every cross-check, located in the file."""

    def line_of(loc: checks.LocTuple) -> int:
        """The line a path starts on."""
        return locate(root, loc)[0]

    issues = [
        *checks.duplicates(scenario, line_of),
        *checks.names(scenario),
        *checks.references(scenario),
        *checks.terms(scenario),
        *checks.cycles(scenario),
        *playable.events(scenario),
        *playable.hints(scenario),
        *playable.both_sides_act(scenario),
        *playable.answers(scenario),
        *playable.unused(scenario),
        *playable.agreeable(scenario),
        *playable.tablers_barred(scenario),
        *conditions.never_hold(scenario),
    ]
    findings = []
    for issue in issues:
        line, column = locate(root, issue.loc, issue.at_key)
        path = format_path(issue.loc, data)
        findings.append(Finding(line, column, path, issue.message, issue.severity))
    return findings
