"""pydantic's validation errors in words a teacher understands."""

from __future__ import annotations

import difflib
import re
import types
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from game.scenario.locate import Loc
from game.scenario.models import Scenario


def did_you_mean(word: str, candidates: list[str]) -> str | None:
    """The candidate closest to a misspelt word, if one is close enough."""
    lowered = {c.lower(): c for c in candidates}
    if word.lower() in lowered:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.7)
    return close[0] if close else None


def shown(value: Any) -> str:
    """A short description of a value as the file wrote it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return f"'{value[:40]}…'" if len(value) > 40 else f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _unwrap(tp: Any) -> Any:
    """The type inside Annotated[...] and X | None."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin is Union or origin is types.UnionType:
            rest = [arg for arg in get_args(tp) if arg is not type(None)]
            tp = rest[0]
        else:
            return tp


def type_at(loc: Loc) -> Any:
    """The type the models expect at a path (None when the path leaves the models)."""
    tp: Any = Scenario
    for part in loc:
        tp = _unwrap(tp)
        origin = get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            field = tp.model_fields.get(part)
            if field is None:
                return None
            tp = field.annotation
        elif origin is list and isinstance(part, int):
            tp = get_args(tp)[0]
        elif origin is dict and isinstance(part, str):
            tp = get_args(tp)[1]
        else:
            return None
    return _unwrap(tp)


def keys_at(loc: Loc) -> list[str]:
    """The keys a mapping at this path may hold."""
    tp = type_at(loc)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _slug_hint(value: Any) -> str:
    suggestion = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")[:48].strip("-")
    example = f" (e.g. '{suggestion}')" if suggestion and suggestion != value else ""
    return (
        f"{shown(value)} is not a valid id: use lower-case letters, digits and hyphens, "
        f"starting with a letter or digit, at most 48 characters{example}"
    )


def suggested_key(loc: Loc) -> str | None:
    """The key an unknown key at this path was probably meant to be."""
    return did_you_mean(str(loc[-1]), keys_at(loc[:-1]))


def _unknown_key(loc: Loc) -> str:
    key = str(loc[-1])
    allowed = keys_at(loc[:-1])
    guess = suggested_key(loc)
    if guess is not None:
        return f"unknown key '{key}': did you mean '{guess}'?"
    return f"unknown key '{key}' (allowed here: {', '.join(allowed)})"


def _enum(loc: Loc, value: Any) -> str:
    tp = type_at(loc)
    allowed = (
        [member.value for member in tp] if isinstance(tp, type) and issubclass(tp, Enum) else []
    )
    message = f"must be one of {', '.join(repr(a) for a in allowed)} (got {shown(value)})"
    guess = did_you_mean(str(value), allowed) if isinstance(value, str) else None
    return f"{message}: did you mean '{guess}'?" if guess else message


def _list_length(kind: str, ctx: dict[str, Any]) -> str:
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        items = "one item" if least == 1 else f"{least} items"
        return f"needs at least {items} (has {ctx.get('actual_length', 0)})"
    return f"can hold at most {ctx.get('max_length')} items (has {ctx.get('actual_length')})"


def translate(error: ErrorDetails) -> tuple[str, bool]:
    """The message for one pydantic error, and whether it points at the key (not the value)."""
    kind = error["type"]
    loc = error["loc"]
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "missing":
        return f"required key '{loc[-1]}' is missing", False
    if kind == "extra_forbidden":
        return _unknown_key(loc), True
    if value is None and kind in {"string_type", "model_type", "dict_type", "list_type"}:
        return "has no value: fill it in or remove the key", True
    messages: dict[str, str] = {
        "int_type": f"must be a whole number (got {shown(value)})",
        "int_parsing": f"must be a whole number (got {shown(value)})",
        "int_from_float": f"must be a whole number (got {shown(value)})",
        "float_type": f"must be a number (got {shown(value)})",
        "float_parsing": f"must be a number (got {shown(value)})",
        "string_too_short": "must not be empty",
        "string_too_long": (
            f"is too long: at most {ctx.get('max_length')} characters "
            f"(this has {len(value) if isinstance(value, str) else '?'})"
        ),
        "string_pattern_mismatch": _slug_hint(value),
        "greater_than_equal": f"must be at least {ctx.get('ge')} (got {shown(value)})",
        "less_than_equal": f"must be at most {ctx.get('le')} (got {shown(value)})",
        "list_type": f"must be a list, one item per line starting with '- ' (got {shown(value)})",
        "model_type": f"must be a mapping of keys and values (got {shown(value)})",
        "dict_type": f"must be a mapping of keys and values (got {shown(value)})",
        "model_attributes_type": f"must be a mapping of keys and values (got {shown(value)})",
        "date_type": f"must be a date written YYYY-MM-DD (got {shown(value)})",
        "date_parsing": f"must be a date written YYYY-MM-DD (got {shown(value)})",
        "date_from_datetime_parsing": f"must be a date written YYYY-MM-DD (got {shown(value)})",
        "date_from_datetime_inexact": f"must be a date written YYYY-MM-DD (got {shown(value)})",
    }
    if kind == "string_type":
        if isinstance(value, (int, float, bool)):
            return f"must be text: put {shown(value)} in quotes", False
        return f"must be text (got {shown(value)})", False
    if kind == "enum":
        return _enum(loc, value), False
    if kind in {"too_short", "too_long"}:
        return _list_length(kind, ctx), False
    if kind in messages:
        return messages[kind], False
    text = error["msg"]
    return text[:1].lower() + text[1:], False
