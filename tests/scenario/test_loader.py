"""Loading good scenarios, the YAML safety rules, and the shape of problems and errors."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import game.scenario as scenario_api
from game.scenario import (
    Problem,
    Scenario,
    ScenarioError,
    Severity,
    SideId,
    check_text,
    load,
    load_text,
)
from game.scenario.loader import SAVED_GAME
from game.scenario.safeyaml import MAX_BYTES, resolve_plain

MINIMAL = Path(__file__).parent / "fixtures" / "good" / "minimal.yaml"


def minimal_text() -> str:
    """The minimal good fixture's text."""
    return MINIMAL.read_text(encoding="utf-8")


def test_minimal_loads_from_a_path() -> None:
    scenario = load(MINIMAL)
    assert isinstance(scenario, Scenario)
    assert scenario.id == "minimal"
    assert scenario.date == datetime.date(2010, 11, 19)
    assert scenario.proposal("data-exchange").tabled_by == [SideId.NATO, SideId.RUSSIA]
    assert scenario.first_move is SideId.NATO


def test_text_and_bytes_give_the_same_scenario() -> None:
    text = minimal_text()
    assert load_text(text, "a") == load_text(text.encode("utf-8"), "b")


def test_a_byte_order_mark_is_accepted() -> None:
    assert load_text(b"\xef\xbb\xbf" + MINIMAL.read_bytes()).id == "minimal"


@pytest.mark.parametrize(
    "word", ["NO", "no", "yes", "Yes", "off", "ON", "y", "n", "True", "null x"]
)
def test_yaml_1_1_booleans_stay_text(word: str) -> None:
    scenario = load_text(minimal_text().replace("place: Lisbon", f"place: {word}"))
    assert scenario.place == word


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("true", True),
        ("false", False),
        ("", None),
        ("~", None),
        ("null", None),
        ("12", 12),
        ("-3", -3),
        ("007", 7),
        ("0.5", 0.5),
        ("+5", 5),
        (".5", 0.5),
        ("1e3", "1e3"),  # plain decimals only: no exponents
        ("2.5e1", "2.5e1"),
        ("1:30", "1:30"),  # no base-60
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("1_000", "1_000"),
        ("2010-11-19", "2010-11-19"),  # dates stay text; pydantic reads them
        (".inf", ".inf"),
        (".nan", ".nan"),
        ("yes", "yes"),
        ("9" * 5000, "9" * 5000),  # too long for int(): left as text, not a crash
    ],
)
def test_plain_scalars_resolve_narrowly(plain: str, value: object) -> None:
    assert resolve_plain(plain) == value
    assert type(resolve_plain(plain)) is type(value)


def test_quoted_numbers_stay_text() -> None:
    scenario = load_text(minimal_text().replace("place: Lisbon", "place: '1997'"))
    assert scenario.place == "1997"


def test_over_size_text_is_refused_before_parsing() -> None:
    # Far too big and not even YAML: refused on size alone.
    text = "[" * (MAX_BYTES + 1)
    report = check_text(text, "big.yaml")
    assert [str(p) for p in report.problems] == [
        "big.yaml:1:1: the file is too big (2.0 MiB): a scenario file can be at most 2 MiB"
    ]


def test_over_size_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (3 * 1024 * 1024))
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert caught.value.problems[0].message.startswith("the file is too big (3.0 MiB)")


def test_a_file_just_under_the_cap_is_read() -> None:
    padding = "#" * 1000 + "\n"
    text = minimal_text() + padding * ((MAX_BYTES - len(minimal_text())) // len(padding))
    assert len(text.encode()) <= MAX_BYTES
    assert load_text(text).id == "minimal"


def test_missing_file_is_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        load(tmp_path / "nowhere.yaml")
    (problem,) = caught.value.problems
    assert problem.message == "cannot read the file: No such file or directory"
    assert (problem.line, problem.column) == (1, 1)


def test_scenario_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="required key 'rounds' is missing"):
        load_text(minimal_text().replace("rounds: 4\n", ""), "x.yaml")


def test_warnings_do_not_stop_loading() -> None:
    text = minimal_text().replace(
        "events:",
        "  - id: spare-argument\n    side: nato\n    title: Spare\n    text: Never needed.\n"
        "events:",
    )
    report = check_text(text, "w.yaml")
    assert report.valid
    assert report.errors == []
    assert [str(w) for w in report.warnings] == [
        "w.yaml:57:9: warning: arguments[spare-argument].id: argument 'spare-argument' "
        "is never used: no objection lists it in its answers"
    ]
    assert load_text(text).argument("spare-argument").title == "Spare"


def test_ignored_event_keys_are_warnings() -> None:
    text = minimal_text().replace("    round: 2\n", "    round: 2\n    probability: 0.5\n")
    report = check_text(text, "e.yaml")
    assert report.valid
    assert [w.message for w in report.warnings] == [
        "'probability' is ignored for a scheduled event"
    ]


def test_problem_format_and_dict() -> None:
    problem = Problem("f.yaml", 3, 7, "rounds", "must be a whole number")
    assert str(problem) == "f.yaml:3:7: rounds: must be a whole number"
    assert problem.as_dict() == {
        "file": "f.yaml",
        "line": 3,
        "column": 7,
        "path": "rounds",
        "message": "must be a whole number",
        "severity": "error",
    }
    assert str(Problem("f.yaml", 1, 1, "", "empty")) == "f.yaml:1:1: empty"
    warning = Problem("f.yaml", 2, 1, "x", "odd", Severity.WARNING)
    assert str(warning) == "f.yaml:2:1: warning: x: odd"


def test_columns_count_characters_not_bytes() -> None:
    text = minimal_text().replace("place: Lisbon", "place: Lisboa é\nrounds_x: 1")
    (problem,) = check_text(text, "u.yaml").problems
    assert (problem.line, problem.column) == (6, 1)


def test_missing_key_in_a_nested_mapping_points_at_that_mapping() -> None:
    text = minimal_text().replace("  nato_in_russia: 40\n", "")
    (problem,) = check_text(text, "t.yaml").problems
    assert (
        str(problem)
        == "t.yaml:28:3: trust.nato_in_russia: required key 'nato_in_russia' is missing"
    )


def test_deep_nesting_is_refused() -> None:
    report = check_text("a: " + "[" * 200 + "]" * 200, "deep.yaml")
    assert [p.message for p in report.problems] == [
        "the file nests lists and mappings too deeply (more than 64 levels)"
    ]


def test_complex_keys_are_refused() -> None:
    text = minimal_text().replace("place: Lisbon", "place: Lisbon\n? [a, b]\n: c")
    messages = [p.message for p in check_text(text).problems]
    assert messages == ["a key must be a plain word, not a list or mapping"]


def test_merge_keys_are_just_unknown_keys() -> None:
    text = minimal_text().replace("place: Lisbon", "place: Lisbon\n<<: {x: 1}")
    (problem,) = check_text(text).problems
    assert problem.message.startswith("unknown key '<<' (allowed here: schema_version, id")


def test_exports() -> None:
    for name in ("load", "load_text", "check_text", "Scenario", "ScenarioError", "Problem"):
        assert hasattr(scenario_api, name)
    for name in ("SideId", "ProposalKind", "Trigger", "Proposal", "Effect", "Condition"):
        assert hasattr(scenario_api, name)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("1_2", "must be a whole number (got '1_2'): write it with plain digits, as 12"),
        ("1e1", "must be a whole number (got '1e1'): write it with plain digits, as 10"),
        ("'1_2'", "must be a whole number (got '1_2'): write it with plain digits, as 12"),
        ("0x1F", "must be a whole number (got '0x1F'): write it with plain digits, as 31"),
        ("0o17", "must be a whole number (got '0o17'): write it with plain digits, as 15"),
        ("1:30", "must be a whole number (got '1:30')"),
        ("2.5", "must be a whole number (got 2.5)"),
        ('"5"', "must be a whole number (got '5'): write the number without quotes, as 5"),
        ("'+5'", "must be a whole number (got '+5'): write the number without quotes, as 5"),
        ('"2.5"', "must be a whole number (got '2.5')"),
    ],
)
def test_numbers_are_plain_decimals(written: str, message: str) -> None:
    text = minimal_text().replace("rounds: 4", f"rounds: {written}")
    (problem,) = check_text(text, "n.yaml").problems
    assert str(problem) == f"n.yaml:7:9: rounds: {message}"


@pytest.mark.parametrize(("written", "value"), [("+5", 5), ("5", 5), ("05", 5)])
def test_plain_decimals_are_numbers(written: str, value: int) -> None:
    assert load_text(minimal_text().replace("rounds: 4", f"rounds: {written}")).rounds == value


def test_quoted_numbers_are_text_everywhere_a_number_belongs() -> None:
    # The schema says `"60"` is text, the docs say plain values mean what they look like, and
    # the check took it for 60: now all three agree.
    text = (
        minimal_text()
        .replace("  support: 60", '  support: "60"')
        .replace("    round: 2\n", "    round: 2\n    probability: '0.3'\n")
        .replace("trigger: scheduled", "trigger: random")
    )
    messages = [p.message for p in check_text(text).problems]
    assert messages == [
        "must be a whole number (got '60'): write the number without quotes, as 60",
        "must be a number (got '0.3'): write the number without quotes, as 0.3",
    ]


def test_a_number_text_where_a_number_belongs_gives_a_float_hint() -> None:
    text = (
        minimal_text()
        .replace("    round: 2\n", "    round: 2\n    probability: 2.5e-1\n")
        .replace("trigger: scheduled", "trigger: random")
    )
    messages = [p.message for p in check_text(text).problems]
    assert messages == [
        "must be a number (got '2.5e-1'): write it with plain digits, as 0.25",
    ]


@pytest.mark.parametrize(
    ("written", "quoted"), [("007", "007"), ("1.50", "1.50"), ("true", "true"), ("12", "12")]
)
def test_advice_to_quote_quotes_the_text_as_written(written: str, quoted: str) -> None:
    text = minimal_text().replace("title: A minimal scenario", f"title: {written}")
    (problem,) = check_text(text).problems
    assert problem.message == f"must be text: put {quoted} in quotes"


def test_an_empty_optional_key_may_be_removed() -> None:
    text = minimal_text().replace("deadline: The summit\n", "deadline: The summit\nfirst_move:\n")
    (problem,) = check_text(text, "o.yaml").problems
    assert str(problem) == "o.yaml:9:1: first_move: has no value: fill it in or remove the key"


def test_an_empty_required_number_is_not_told_to_go() -> None:
    text = minimal_text().replace("  russia_in_nato: 35", "  russia_in_nato: ~")
    (problem,) = check_text(text, "r.yaml").problems
    assert str(problem) == (
        "r.yaml:29:3: trust.russia_in_nato: has no value: fill it in (this key is required)"
    )


SAVE = {
    "format": "detente-save",
    "version": 2,
    "game_id": "minimal-hard-vs-medium-seed0",
    "scenario": {"id": "minimal", "title": "A minimal scenario", "sha256": "0" * 64},
    "seed": 0,
    "mode": "sim",
    "moves": [{"type": "table", "side": "nato", "proposal": "data-exchange"}],
}


def test_a_saved_game_is_recognised() -> None:
    report = check_text(json.dumps(SAVE, indent=1), "game.json")
    assert [str(p) for p in report.problems] == [f"game.json:1:1: {SAVED_GAME}"]
    assert "'Load a game or replay' on the title screen" in SAVED_GAME


def test_a_damaged_or_reordered_save_is_still_a_saved_game() -> None:
    whole = json.dumps(SAVE, indent=1)
    assert check_text(whole[: len(whole) // 2]).problems[0].message == SAVED_GAME
    reordered = json.dumps({"seed": 0, **SAVE})
    assert check_text(reordered).problems[0].message == SAVED_GAME


def test_playing_a_saved_game_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "game.json"
    path.write_text(json.dumps(SAVE, indent=1), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert [p.message for p in caught.value.problems] == [SAVED_GAME]


def test_an_id_with_an_invisible_character_and_capitals_gets_both_pieces_of_advice() -> None:
    text = minimal_text().replace("id: minimal", "id: Minimal\u200b")
    (problem,) = check_text(text).problems
    assert problem.message == (
        "'Minimal<U+200B>' is not a valid id: it contains an invisible character (zero width "
        "space, U+200B), shown here as <U+200B>: delete it; also use lower-case letters, digits "
        "and hyphens, starting with a letter or digit, at most 48 characters (e.g. 'minimal')"
    )


@pytest.mark.usefixtures("loader")
def test_a_hash_in_unquoted_text_warns_that_the_rest_was_dropped() -> None:
    text = minimal_text().replace(
        "    text: The press watches the talks closely.",
        "    text: Not a picture #1, the raw feed",
    )
    report = check_text(text, "h.yaml")
    assert report.valid
    assert report.scenario is not None
    assert report.scenario.events[0].text == "Not a picture"
    assert [str(w) for w in report.warnings] == [
        "h.yaml:60:25: warning: events[summit-news].text: the text ends before ' #': the rest "
        "of the line ('#1, the raw feed') is read as a comment and dropped: if it is part of "
        "the text, put the whole text in quotes"
    ]


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  - id: summit-news", "  - id: summit-news  # a note on an id"),
        ("rounds: 4", "rounds: 4 # four days"),
        ("title: A minimal scenario", 'title: "A minimal #1 scenario" # quoted'),
        ("title: A minimal scenario", "title: >-\n  A minimal #1 scenario"),
        ("title: A minimal scenario", "title: A minimal scenario   # the heading"),
        ("title: A minimal scenario", "title: A minimal scenario ## the heading"),
    ],
)
def test_a_comment_after_an_id_a_number_or_quoted_text_is_a_note(old: str, new: str) -> None:
    assert check_text(minimal_text().replace(old, new, 1)).problems == []
