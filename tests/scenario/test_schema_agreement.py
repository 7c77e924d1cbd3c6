"""The JSON Schema editors check with and the game's own check accept and refuse the same files.

The project has no JSON Schema library, so `schema_accepts` below reads the keywords the
generated schema uses, and refuses to judge a schema with any other keyword.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from game.scenario import check_text
from game.scenario.safeyaml import decode, parse

HERE = Path(__file__).parent
MINIMAL = (HERE / "fixtures" / "good" / "minimal.yaml").read_text("utf-8")
SCHEMA = json.loads((HERE.parents[1] / "scenarios" / "scenario.schema.json").read_text("utf-8"))
# Keywords that only describe: they accept everything.
NOTES = {"title", "description", "default", "$comment", "$schema", "$defs", "format"}
TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def _is(value: Any, kind: str) -> bool:
    if kind in ("integer", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        return kind == "number" or float(value).is_integer()
    return isinstance(value, TYPES[kind])


def schema_accepts(value: Any, schema: dict[str, Any]) -> bool:
    """Whether `value` is valid against `schema` (a subschema of SCHEMA)."""
    for key, rule in schema.items():
        if key in NOTES:
            continue
        if key == "$ref":
            ok = schema_accepts(value, SCHEMA["$defs"][rule.rsplit("/", 1)[1]])
        elif key == "type":
            ok = _is(value, rule)
        elif key == "const":
            ok = value == rule and type(value) is type(rule)
        elif key == "enum":
            ok = value in rule
        elif key == "anyOf":
            ok = any(schema_accepts(value, option) for option in rule)
        elif key == "allOf":
            ok = all(schema_accepts(value, part) for part in rule)
        elif key in ("minimum", "maximum"):
            ok = not _is(value, "number") or (value >= rule if key == "minimum" else value <= rule)
        elif key in ("minLength", "maxLength", "pattern"):
            ok = not isinstance(value, str) or (
                len(value) >= rule
                if key == "minLength"
                else len(value) <= rule
                if key == "maxLength"
                else re.search(rule, value) is not None
            )
        elif key in ("minItems", "maxItems", "items"):
            ok = not isinstance(value, list) or (
                len(value) >= rule
                if key == "minItems"
                else len(value) <= rule
                if key == "maxItems"
                else all(schema_accepts(item, rule) for item in value)
            )
        elif key in ("properties", "required", "additionalProperties", "propertyNames"):
            ok = not isinstance(value, dict) or _object_rule(value, schema, key, rule)
        else:
            raise AssertionError(f"the schema uses '{key}', which this test cannot judge")
        if not ok:
            return False
    return True


def _object_rule(value: dict[str, Any], schema: dict[str, Any], key: str, rule: Any) -> bool:
    if key == "properties":
        return all(schema_accepts(value[name], sub) for name, sub in rule.items() if name in value)
    if key == "required":
        return all(name in value for name in rule)
    if key == "propertyNames":
        return all(schema_accepts(name, rule) for name in value)
    extra = [name for name in value if name not in schema.get("properties", {})]
    if rule is False:
        return not extra
    return rule is True or all(schema_accepts(value[name], rule) for name in extra)


def _both(text: str) -> tuple[bool, bool]:
    """(the game's check accepts it, the schema accepts it)."""
    return check_text(text, "s.yaml").valid, schema_accepts(parse(decode(text)).data, SCHEMA)


RED_LINE = "    red_lines:\n      - text: No pledge.\n        proposal: no-target-pledge\n"
CASES = {
    "a quoted whole number": ("rounds: 4", 'rounds: "4"'),
    "a quoted support": ("    support: 60", '    support: "60"'),
    "a quoted chance": ("    round: 2\n", '    round: 2\n    probability: "0.3"\n'),
    "a title of spaces": ("title: A minimal scenario", 'title: "   "'),
    "a list item of spaces": ("      - Protect every ally.", '      - " "'),
    "format version 0": ("schema_version: 1", "schema_version: 0"),
    "format version 2": ("schema_version: 1", "schema_version: 2"),
    "a term id that is not an id": (
        "      - Protect every ally.\n",
        "      - Protect every ally.\n" + RED_LINE + "        terms: {Form: treaty}\n",
    ),
    "a variant id that is not an id": (
        "      - Protect every ally.\n",
        "      - Protect every ally.\n" + RED_LINE + "        terms: {form: Treaty}\n",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_both_refuse(case: str) -> None:
    old, new = CASES[case]
    assert old in MINIMAL
    assert _both(MINIMAL.replace(old, new, 1)) == (False, False)


@pytest.mark.parametrize(
    "change",
    [
        ("title: A minimal scenario", "title: A minimal scenario"),
        ("title: A minimal scenario", 'title: "  Spaces around are fine  "'),
        ("rounds: 4", "rounds: +4"),
    ],
)
def test_both_accept(change: tuple[str, str]) -> None:
    assert _both(MINIMAL.replace(*change, 1)) == (True, True)


def test_the_judge_refuses_what_it_should() -> None:
    assert not schema_accepts("x", {"type": "integer"})
    assert not schema_accepts({"a": 1}, {"propertyNames": {"pattern": "^b$"}})
    with pytest.raises(AssertionError, match="cannot judge"):
        schema_accepts(1, {"multipleOf": 2})
