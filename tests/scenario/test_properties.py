"""Property tests: no mutation of a valid scenario makes loading raise but ScenarioError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import Scenario, ScenarioError, check_text, load_text
from game.scenario.safeyaml import decode, parse

MINIMAL = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text("utf-8")
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class _NoAliases(yaml.SafeDumper):
    """Dump every value in full (the loader refuses aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        """Never use an alias."""
        return True


def dump(data: Any) -> str:
    """Data as YAML text the loader accepts."""
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)


def base_data() -> Any:
    """A fresh copy of the minimal scenario's data."""
    return parse(decode(MINIMAL)).data


def slots(data: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the data, parents before children."""
    found: list[tuple[Any, Any]] = []
    todo = [data]
    while todo:
        node = todo.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node))
        for key in keys:
            found.append((node, key))
            if isinstance(node[key], (dict, list)):
                todo.append(node[key])
    return found


def outcome(text: str | bytes) -> Scenario | None:
    """Load the text; only ScenarioError may come out, and a loaded scenario round-trips."""
    try:
        scenario = load_text(text, "mutant.yaml")
    except ScenarioError as error:
        assert error.problems
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in error.problems)
        return None
    report = check_text(text, "mutant.yaml")
    assert report.valid and report.scenario == scenario
    again = load_text(dump(scenario.model_dump(mode="json")), "again.yaml")
    assert again.model_dump() == scenario.model_dump()
    return scenario


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
)


def test_the_base_is_valid() -> None:
    assert outcome(MINIMAL) is not None


@SETTINGS
@given(st.data())
def test_deleting_a_key_or_item(data: st.DataObject) -> None:
    tree = base_data()
    container, key = data.draw(st.sampled_from(slots(tree)))
    del container[key]
    outcome(dump(tree))


@SETTINGS
@given(st.data(), JUNK)
def test_changing_a_value(data: st.DataObject, junk: Any) -> None:
    tree = base_data()
    container, key = data.draw(st.sampled_from(slots(tree)))
    container[key] = junk
    outcome(dump(tree))


@SETTINGS
@given(st.data(), st.text(min_size=1, max_size=12), JUNK)
def test_inserting_junk_keys(data: st.DataObject, key: str, junk: Any) -> None:
    tree = base_data()
    mappings = [tree] + [c[k] for c, k in slots(tree) if isinstance(c[k], dict)]
    target = data.draw(st.sampled_from(mappings))
    target[key] = junk
    result = outcome(dump(tree))
    if result is not None:
        # Only a key the models know (with a valid value) can keep the file valid.
        assert key in type(result).model_fields or target is not tree


@SETTINGS
@given(st.integers(min_value=0, max_value=len(MINIMAL.encode())))
def test_truncating_the_text(cut: int) -> None:
    outcome(MINIMAL.encode()[:cut])


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(MINIMAL.encode()) - 1), st.integers(0, 255)
        ),
        min_size=1,
        max_size=8,
    )
)
def test_flipping_bytes(flips: list[tuple[int, int]]) -> None:
    raw = bytearray(MINIMAL.encode())
    for index, value in flips:
        raw[index] = value
    outcome(bytes(raw))


@SETTINGS
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_arbitrary_input(text: str | bytes) -> None:
    outcome(text)
