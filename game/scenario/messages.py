"""pydantic's validation errors in words a teacher understands."""

from __future__ import annotations

import difflib
import functools
import math
import re
import types
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from game.scenario.characters import ID_LENGTH, describe, slugify, unusual, visible
from game.scenario.locate import Loc
from game.scenario.lookalikes import ascii_spelling, describe_lookalikes, lookalikes
from game.scenario.models import Quote, Scenario, ShortText, Text
from game.scenario.safeyaml import resolve_plain

# An id's characters, whatever its length (the length is reported on its own).
_ID_CHARACTERS = re.compile(r"[a-z0-9][a-z0-9-]*")
# Words, numbers and commas: what can go between brackets as written (`[nato, russia]`).
_LIST_ITEMS = re.compile(r"[\w.+-]+(?:,? +[\w.+-]+)*")


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
        return f"'{visible(value[:40])}…'" if len(value) > 40 else f"'{visible(value)}'"
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
    # A list index never changes the type, so paths differing only in indices share one
    # answer: a big file asks this for every one of its tens of thousands of values.
    return _type_at_shape(_shape(loc))


def is_prose(loc: Loc) -> bool:
    """True where the file holds text a person reads (a title, a summary, a quote), not an id."""
    tp = _annotation_at_shape(_shape(loc))
    if get_origin(tp) is Union or get_origin(tp) is types.UnionType:
        tp = next(arg for arg in get_args(tp) if arg is not type(None))
    return any(tp == prose for prose in (Text, ShortText, Quote))


def _shape(loc: Loc) -> tuple[str | int, ...]:
    """A path with every list index 0: the models give all items of a list one type."""
    return tuple(0 if isinstance(part, int) else part for part in loc)


def _upper_bound(tp: Any) -> float | None:
    """The largest number an annotation allows, if it sets one."""
    origin = get_origin(tp)
    if origin is Annotated:
        base, *extras = get_args(tp)
        for extra in extras:
            # A Field(...) inside Annotated (as in Percent) holds its constraints as metadata.
            for item in extra.metadata if isinstance(extra, FieldInfo) else [extra]:
                if isinstance(item, annotated_types.Le) and isinstance(item.le, (int, float)):
                    return float(item.le)
        return _upper_bound(base)
    if origin is Union or origin is types.UnionType:
        bounds = [_upper_bound(arg) for arg in get_args(tp) if arg is not type(None)]
        return next((bound for bound in bounds if bound is not None), None)
    return None


def _as_fraction(percent: float) -> str:
    """Advice for a percentage written where a fraction of 1 belongs."""
    return f"write it as a fraction of 1, as {percent / 100:g} (for {percent:g}%)"


@functools.lru_cache(maxsize=4096)
def _type_at_shape(loc: tuple[str | int, ...]) -> Any:
    """type_at for a path whose list indices are all 0."""
    return _unwrap(_annotation_at_shape(loc))


@functools.lru_cache(maxsize=4096)
def _annotation_at_shape(loc: tuple[str | int, ...]) -> Any:
    """The annotation the models give a path whose list indices are all 0, as written there."""
    tp: Any = Scenario
    for part in loc:
        tp = _unwrap(tp)
        origin = get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            field = tp.model_fields.get(part)
            if field is None:
                return None
            tp = field.rebuild_annotation()
        elif origin is list and isinstance(part, int):
            tp = get_args(tp)[0]
        elif origin is dict and isinstance(part, str):
            tp = get_args(tp)[1]
        else:
            return None
    return tp


def keys_at(loc: Loc) -> list[str]:
    """The keys a mapping at this path may hold."""
    tp = type_at(loc)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _slug_hint(value: Any) -> str:
    text = str(value)
    hidden = unusual(text)
    kept = "".join(char for char in text if char not in hidden)
    alike = lookalikes(kept)
    # What the teacher meant to type: look-alike letters in Latin, invisible characters gone.
    meant = ascii_spelling(kept) if alike else kept
    suggestion = slugify(meant)
    advice = []
    if hidden:
        # Invisible characters are the whole problem more often than not: name each one.
        named = " and ".join(f"{describe(char)}, shown here as {visible(char)}" for char in hidden)
        advice.append(f"it contains {named}: delete it")
    if alike:
        # When the Latin spelling is a good id it is the whole answer, not just an example.
        fix = f", as '{suggestion}'" if suggestion == meant else ""
        them = "them" if len(alike) > 1 else "it"
        advice.append(f"{describe_lookalikes(kept)}: type {them} in Latin letters{fix}")
    length = f"{len(meant)} characters, at most {ID_LENGTH}"
    too_long = _ID_CHARACTERS.fullmatch(meant) is not None and len(meant) > ID_LENGTH
    if too_long:
        advice.append(f"it is too long ({length})")
    elif not _ID_CHARACTERS.fullmatch(meant):
        advice.append(
            "use lower-case letters, digits and hyphens, "
            f"starting with a letter or digit, at most {ID_LENGTH} characters"
        )
    given = bool(alike) and suggestion == meant
    example = f" (e.g. '{suggestion}')" if suggestion and suggestion != text and not given else ""
    if too_long and len(advice) == 1:
        return f"{shown(value)} is too long for an id: {length}{example}"
    return f"{shown(value)} is not a valid id: {'; also '.join(advice)}{example}"


def _no_value(loc: Loc) -> str:
    """Advice for a key or list item left empty: remove it only where that is allowed."""
    if loc and isinstance(loc[-1], int):
        return "this list item is empty: write its value after the '-', or delete the line"
    parent = type_at(loc[:-1])
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        field = parent.model_fields.get(str(loc[-1]))
        if field is not None and field.is_required():
            return "has no value: fill it in (this key is required)"
    return "has no value: fill it in or remove the key"


def misread_number(loc: Loc, value: Any) -> str | None:
    """The message for true/false or text where a number belongs, else None.

    pydantic would read true as 1, and text such as `"5"`, `1_2` or `1e1` as a number, though
    the format has only plain decimals written without quotes (as the schema says too).
    """
    if not isinstance(value, (bool, str)):
        return None
    kind = type_at(loc)
    if kind not in (int, float):
        return None
    message = f"must be {'a whole number' if kind is int else 'a number'} (got {shown(value)})"
    if not isinstance(value, str):
        return message
    if value.strip().endswith("%"):
        return _percent(loc, kind, message, value.strip()[:-1].rstrip())
    plain = resolve_plain(value.strip())
    quoted = isinstance(plain, (int, float)) and not isinstance(plain, bool)
    # Only quotes can make a plain decimal text; anything else is a form YAML 1.1 reads.
    number = float(plain) if quoted else _number_in(value.strip())
    if number is None or (kind is int and not number.is_integer()):
        return message
    digits = str(int(number)) if number.is_integer() else repr(number)
    if "e" in digits:
        return message
    how = "write the number without quotes" if quoted else "write it with plain digits"
    return f"{message}: {how}, as {digits}"


def _percent(loc: Loc, kind: Any, message: str, digits: str) -> str:
    """The message for a number written with '%': as a fraction of 1, or without the '%'."""
    number = resolve_plain(digits)
    if not isinstance(number, (int, float)) or isinstance(number, bool):
        return message
    if _upper_bound(_annotation_at_shape(_shape(loc))) == 1:
        return f"{message}: {_as_fraction(number)}"
    if kind is int and not float(number).is_integer():
        return message
    return f"{message}: write it without '%', as {digits}"


def _at_most(ctx: dict[str, Any], value: Any) -> str:
    """The message for a number over its limit; a percentage where a fraction belongs says so."""
    message = f"must be at most {ctx.get('le')} (got {shown(value)})"
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if numeric and ctx.get("le") == 1 and 1 < value <= 100:
        return f"{message}: {_as_fraction(value)}"
    return message


def _not_a_list(loc: Loc, value: Any) -> str:
    """The message for one value where a list belongs: a list of ids can be put in brackets."""
    if isinstance(value, str) and _LIST_ITEMS.fullmatch(value) and not is_prose((*loc, 0)):
        return (
            f"must be a list (got {shown(value)}): write it in brackets, as [{value}], "
            "or one item per line starting with '- '"
        )
    return f"must be a list, one item per line starting with '- ' (got {shown(value)})"


def _number_in(text: str) -> float | None:
    """The finite number YAML 1.1 or Python reads in a text (`1_2`, `1e1`, `0x1F`), if any."""
    try:
        number = float(int(text, 0)) if text[1:2].lower() in ("x", "o", "b") else float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def suggested_key(loc: Loc) -> str | None:
    """The key an unknown key at this path was probably meant to be."""
    return did_you_mean(ascii_spelling(str(loc[-1])), keys_at(loc[:-1]))


def _unknown_key(loc: Loc) -> str:
    written = str(loc[-1])
    message = f"unknown key '{visible(written)}'"
    if lookalikes(written):
        # The key looks right, so only the odd letters can explain it: name them.
        message += f": {describe_lookalikes(written)}"
    guess = suggested_key(loc)
    if guess is not None:
        return f"{message}: did you mean '{guess}'?"
    return f"{message} (allowed here: {', '.join(keys_at(loc[:-1]))})"


def _enum(loc: Loc, value: Any) -> str:
    tp = type_at(loc)
    allowed = (
        [member.value for member in tp] if isinstance(tp, type) and issubclass(tp, Enum) else []
    )
    message = f"must be one of {', '.join(repr(a) for a in allowed)} (got {shown(value)})"
    if isinstance(value, str) and lookalikes(value):
        message += f": {describe_lookalikes(value)}"
        value = ascii_spelling(value)
    guess = did_you_mean(str(value), allowed) if isinstance(value, str) else None
    return f"{message}: did you mean '{guess}'?" if guess else message


def _split_at_colon(key: str) -> str:
    """The message for text that YAML read as `key: value` because it holds ': '."""
    return (
        f"must be text, but the ': ' after {shown(key)} made YAML read it as key: value: "
        "put the whole text in quotes"
    )


def _list_length(kind: str, ctx: dict[str, Any]) -> str:
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        items = "one item" if least == 1 else f"{least} items"
        return f"needs at least {items} (has {ctx.get('actual_length', 0)})"
    return f"can hold at most {ctx.get('max_length')} items (has {ctx.get('actual_length')})"


def translate(error: ErrorDetails, written: str | None = None) -> tuple[str, bool]:
    """The message for one pydantic error, and whether it points at the key (not the value).

    `written` is the value as the file spells it, when it was read as a number or true/false.
    """
    kind = error["type"]
    loc = error["loc"]
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "missing":
        return f"required key '{loc[-1]}' is missing", False
    if kind == "extra_forbidden":
        return _unknown_key(loc), True
    if value is None and (kind.endswith("_type") or kind == "enum"):
        return _no_value(loc), True
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
        "less_than_equal": _at_most(ctx, value),
        "list_type": _not_a_list(loc, value),
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
            return f"must be text: put {written or shown(value)} in quotes", False
        if isinstance(value, dict) and len(value) == 1:
            return _split_at_colon(next(iter(value))), False
        return f"must be text (got {shown(value)})", False
    if kind == "enum":
        return _enum(loc, value), False
    if kind in {"too_short", "too_long"}:
        return _list_length(kind, ctx), False
    if kind in messages:
        return messages[kind], False
    text = error["msg"]
    return text[:1].lower() + text[1:], False
