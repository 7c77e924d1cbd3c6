"""Messages for values that look right but are not, with the fix: letters, ids, text, numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import check_text
from game.scenario.messages import is_prose

MINIMAL = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text("utf-8")


def problems(old: str, new: str) -> list[str]:
    """The problems of the minimal scenario with one change, as `line:col: path: message`."""
    assert old in MINIMAL
    report = check_text(MINIMAL.replace(old, new, 1), "m.yaml")
    return [str(problem).removeprefix("m.yaml:") for problem in report.problems]


def test_an_id_with_a_cyrillic_letter_names_it_and_gives_the_latin_spelling() -> None:
    # It said "(e.g. 'data-exch-nge')" of an id that looks exactly like 'data-exchange'.
    assert problems("against: [no-target-pledge]", "against: [no-t\u0430rget-pledge]") == [
        "49:15: objections[pledge-is-empty].against[1]: 'no-t\u0430rget-pledge' is not a valid "
        "id: the 5th character is '\u0430' (U+0430, a Cyrillic letter that looks like Latin "
        "'a'): type it in Latin letters, as 'no-target-pledge'"
    ]


def test_a_key_with_a_cyrillic_letter_names_it() -> None:
    # It said "unknown key 'kіnd': did you mean 'kind'?", two words that look the same.
    assert problems("    kind: promise", "    k\u0456nd: promise") == [
        "44:5: proposals[no-target-pledge].k\u0456nd: unknown key 'k\u0456nd': the 2nd character "
        "is '\u0456' (U+0456, a Cyrillic letter that looks like Latin 'i'): did you mean 'kind'?"
    ]


def test_a_two_letter_key_with_a_lookalike_is_not_also_reported_missing() -> None:
    (problem,) = problems("  - id: data-exchange", "  - \u0456d: data-exchange")
    assert "did you mean 'id'?" in problem


def test_a_choice_with_a_greek_letter_names_it() -> None:
    (problem,) = problems("    kind: promise", "    kind: pr\u03bfmise")
    assert problem.endswith(
        "(got 'pr\u03bfmise'): the 3rd character is '\u03bf' (U+03BF, a Greek letter that looks "
        "like Latin 'o'): did you mean 'promise'?"
    )


def test_a_long_id_is_said_to_be_too_long_and_cut_at_a_word() -> None:
    long_id = "joint-exercise-for-the-staff-of-both-delegations-meeting-in-lisbon"
    assert problems("  - id: data-exchange", f"  - id: {long_id}") == [
        f"31:9: proposals[{long_id}].id: 'joint-exercise-for-the-staff-of-both-del…' is too "
        "long for an id: 66 characters, at most 48 (e.g. "
        "'joint-exercise-for-the-staff-of-both-delegations')"
    ]


def test_a_long_id_with_capitals_gets_the_whole_rule_and_a_cut_suggestion() -> None:
    (problem,) = problems("  - id: data-exchange", "  - id: Data-" + "x" * 50)
    assert problem.endswith(
        "is not a valid id: use lower-case letters, digits and hyphens, starting with a letter "
        f"or digit, at most 48 characters (e.g. 'data-{'x' * 43}')"
    )


def test_text_with_a_colon_read_as_a_mapping_is_told_to_be_quoted() -> None:
    assert problems(
        "      - Protect every ally.", "      - Be an equal partner: sectoral defence"
    ) == [
        "19:9: sides.nato.priorities[1]: must be text, but the ': ' after 'Be an equal partner' "
        "made YAML read it as key: value: put the whole text in quotes"
    ]


def test_a_mapping_of_several_keys_where_text_belongs_is_only_said_to_be_one() -> None:
    assert problems("place: Lisbon", "place:\n  city: Lisbon\n  country: Portugal") == [
        "6:3: place: must be text (got a mapping)"
    ]


def test_prose_is_text_a_person_reads_not_an_id() -> None:
    assert is_prose(("title",))
    assert is_prose(("sides", "nato", "priorities", 2))
    assert is_prose(("sources", 0, "note"))  # optional text
    assert is_prose(("proposals", 0, "citation", "quote"))
    assert not is_prose(("id",))
    assert not is_prose(("proposals", 0, "tabled_by", 0))
    assert not is_prose(("rounds",))


ARGUMENT_TEXT = "    text: A written pledge can be checked by parliaments."


@pytest.mark.parametrize(
    ("chance", "got"),
    [("80", "must be at most 1.0 (got 80)"), ("80%", "must be a number (got '80%')")],
)
def test_a_chance_written_as_a_percentage_is_given_as_a_fraction(chance: str, got: str) -> None:
    assert problems(ARGUMENT_TEXT, f"{ARGUMENT_TEXT}\n    chance: {chance}") == [
        f"57:13: arguments[pledge-in-writing].chance: {got}: write it as a fraction of 1, "
        "as 0.8 (for 80%)"
    ]


def test_a_percentage_where_a_whole_number_belongs_is_given_without_the_sign() -> None:
    assert problems("    support: 60", "    support: 60%") == [
        "20:14: sides.nato.support: must be a whole number (got '60%'): write it without '%', as 60"
    ]


def test_a_number_far_over_a_fraction_gets_no_guess() -> None:
    assert problems(ARGUMENT_TEXT, f"{ARGUMENT_TEXT}\n    chance: 180") == [
        "57:13: arguments[pledge-in-writing].chance: must be at most 1.0 (got 180)"
    ]


def test_one_id_where_a_list_belongs_is_given_in_brackets() -> None:
    assert problems("    tabled_by: [russia]", "    tabled_by: russia") == [
        "43:16: proposals[no-target-pledge].tabled_by: must be a list (got 'russia'): write it "
        "in brackets, as [russia], or one item per line starting with '- '"
    ]


def test_one_text_where_a_list_belongs_is_not_put_in_brackets() -> None:
    # Text may hold commas, which would split it into items: one item a line says it safely.
    assert problems("      - Protect every ally.\n", "      Protect every ally, at once.\n") == [
        "19:7: sides.nato.priorities: must be a list, one item per line starting with '- ' "
        "(got 'Protect every ally, at once.')"
    ]
