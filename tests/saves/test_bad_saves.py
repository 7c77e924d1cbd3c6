"""A corpus of bad saves: each one gets its own clear message, never a traceback."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.saves import SaveError, load_save, write_save
from tests.saves.helpers import long_game, record_for, scenario_copy, use_data_folder


@pytest.fixture
def good(tmp_path, monkeypatch):
    """A finished game saved on a player's own scenario: (save path, scenario path)."""
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    state = long_game(scenario)
    return write_save(record_for(scenario, path, state.seed), state), path


def edit_json(save: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(save.read_text(encoding="utf-8"))
    change(data)
    save.write_text(json.dumps(data), encoding="utf-8")


def other_side(data: dict[str, Any]) -> None:
    move = data["moves"][1]
    move["side"] = "nato" if move["side"] == "russia" else "russia"


def unknown_proposal(data: dict[str, Any]) -> None:
    data["moves"][0] = {"type": "accept", "side": data["moves"][0]["side"], "proposal": "nope"}


def unknown_type(data: dict[str, Any]) -> None:
    data["moves"][2] = {"type": "bribe", "side": "nato"}


def newer(data: dict[str, Any]) -> None:
    data["version"] = 99


def wrong_digest(data: dict[str, Any]) -> None:
    data["check"]["digest"] = "0" * 64


def seed_as_text(data: dict[str, Any]) -> None:
    data["seed"] = "forty-two"


def no_version(data: dict[str, Any]) -> None:
    del data["version"]


def bad_mode(data: dict[str, Any]) -> None:
    data["mode"] = "online"


def move_field(index: int, **fields: Any) -> Callable[[dict[str, Any]], None]:
    """An edit that sets (or, given None, removes) fields of one move."""

    def change(data: dict[str, Any]) -> None:
        move = data["moves"][index]
        for name, value in fields.items():
            if value is None:
                move.pop(name, None)
            else:
                move[name] = value

    return change


def version_text(data: dict[str, Any]) -> None:
    data["version"] = "2"


def version_zero(data: dict[str, Any]) -> None:
    data["version"] = 0


def labelled_version_1(data: dict[str, Any]) -> None:
    data["version"] = 1


def move_not_a_mapping(data: dict[str, Any]) -> None:
    data["moves"][1] = 5


def table_first(data: dict[str, Any]) -> None:
    # Move 1 of a rule-book game is the first side's; make it a table with bad fields below.
    data["moves"][0] = {"type": "table", "side": data["moves"][0]["side"], "proposal": "x"}


BYTES_CASES = {
    "empty file": (b"", "the save file is empty"),
    "only spaces": (b"  \n\n ", "the save file is empty"),
    "not JSON": (b"Dear teacher, here is our game.", "this is not a Détente save file"),
    "not text": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not a Détente save file (it is not text)"),
    "other JSON": (b'{"name": "something else"}', "this is not a Détente save file"),
    "a JSON list": (b"[1, 2, 3]", "this is not a Détente save file"),
    "broken JSON": (b'{"format": "detente-save",, }', "not valid JSON at line 1, column 27"),
}

EDIT_CASES = {
    "newer version": (newer, "made by a newer Détente (save format 99"),
    "move by the wrong side": (other_side, "move 2 is not legal in this game: "),
    "move on an unknown proposal": (unknown_proposal, "move 1 is not legal in this game: "),
    "unknown kind of move": (unknown_type, "move 3 of the save is damaged"),
    "edited result": (wrong_digest, "does not replay to the same result"),
    "field of the wrong type": (seed_as_text, "'seed' should be a whole number"),
    "no version": (no_version, "its format version is missing"),
    "unknown mode": (bad_mode, "'mode' should be one of solo, hotseat, sim"),
}

# Each message in plain words: what is wrong, with which move, and no Python in it.
PLAIN_CASES = {
    "unknown kind of move": (
        move_field(2, type="explode"),
        'move 3 of the save is damaged: its type "explode" is not a kind of move (the kinds '
        "are table, amend, raise_objection, answer, withdraw_objection, accept, reject, "
        "statement, gesture, pass, walk_out)",
    ),
    "move without a type": (
        move_field(0, type=None),
        "move 1 of the save is damaged: it has no type (such as table, accept or pass)",
    ),
    "move without its proposal": (
        lambda data: (table_first(data), move_field(0, proposal=None)(data)),
        "move 1 of the save is damaged: it has no proposal (every table move names one)",
    ),
    "proposal as a number": (
        lambda data: (table_first(data), move_field(0, proposal=7)(data)),
        "move 1 of the save is damaged: its proposal should be a text (an id), not 7",
    ),
    "terms as a list": (
        lambda data: (table_first(data), move_field(0, terms=["a"])(data)),
        'move 1 of the save is damaged: its terms should map each term to an option, not ["a"]',
    ),
    "unknown side": (
        move_field(1, side="china"),
        'move 2 of the save is damaged: its side is "china"; it should be nato or russia',
    ),
    "move without a side": (
        move_field(1, side=None),
        "move 2 of the save is damaged: it has no side; it should be nato or russia",
    ),
    "bad tone": (
        move_field(0, type="statement", tone="angry"),
        'move 1 of the save is damaged: its tone "angry" should be firm or conciliatory',
    ),
    "move not a mapping": (
        move_not_a_mapping,
        "move 2 of the save is damaged: it should be a move with a type and a side, not 5",
    ),
    "version as text": (
        version_text,
        'the save file is damaged: its format version should be a whole number, not "2"',
    ),
    "version zero": (
        version_zero,
        "the save file is damaged: its format version should be 1 or more, not 0",
    ),
    "unknown computer level": (
        lambda data: data.update(difficulty="godlike"),
        "the save file is damaged: 'difficulty' should be one of easy, medium, hard or "
        'expert, not "godlike"',
    ),
    "negative timer": (
        lambda data: data.update(settings={"timer": -30}),
        "the save file is damaged: 'settings.timer' should be a whole number of seconds "
        "from 0 to 3600, not -30",
    ),
    "timer too long": (
        lambda data: data.update(settings={"timer": 3601}),
        "the save file is damaged: 'settings.timer' should be a whole number of seconds "
        "from 0 to 3600, not 3601",
    ),
    "timer as text": (
        lambda data: data.update(settings={"timer": "30"}),
        "the save file is damaged: 'settings.timer' should be a whole number of seconds "
        'from 0 to 3600, not "30"',
    ),
    "negative seed": (
        lambda data: data.update(seed=-1),
        "the save file is damaged: 'seed' should be a whole number from 0 to 4294967295, not -1",
    ),
    "seed beyond the command line's": (
        lambda data: data.update(seed=2**32),
        "the save file is damaged: 'seed' should be a whole number from 0 to 4294967295, "
        "not 4294967296",
    ),
    "timer as true": (
        lambda data: data.update(settings={"timer": True}),
        "the save file is damaged: 'settings.timer' should be a whole number of seconds "
        "from 0 to 3600, not true",
    ),
    "pass on time that is no pass": (
        lambda data: data.update(timed_out=[1]),
        "the save file is damaged: 'timed_out' should be a list of the numbers of moves that "
        "were passes because time ran out",
    ),
    "pass on time beyond the moves": (
        lambda data: data.update(timed_out=[len(data["moves"]) + 1]),
        "the save file is damaged: 'timed_out' should be a list of the numbers of moves that "
        "were passes because time ran out",
    ),
    "passes on time as a number": (
        lambda data: data.update(timed_out=3),
        "the save file is damaged: 'timed_out' should be a list",
    ),
    "current layout labelled version 1": (
        labelled_version_1,
        "the save file is damaged: it says it is in save format 1, but it is laid out in a "
        "later format (its moves are under 'moves', where format 1 has 'turns')",
    ),
}
PYTHON = re.compile(r"\{'|SideId|Error|malformed|<class|\bNone\b|\('")


def expect(save: Path, message: str) -> SaveError:
    with pytest.raises(SaveError) as caught:
        load_save(save)
    assert message in caught.value.message
    assert str(save) in str(caught.value)
    return caught.value


@pytest.mark.parametrize("case", sorted(BYTES_CASES))
def test_unreadable_bytes(case, good):
    save, _ = good
    content, message = BYTES_CASES[case]
    save.write_bytes(content)
    expect(save, message)


@pytest.mark.parametrize("case", sorted(EDIT_CASES))
def test_edited_saves(case, good):
    save, _ = good
    change, message = EDIT_CASES[case]
    edit_json(save, change)
    expect(save, message)


@pytest.mark.parametrize("case", sorted(PLAIN_CASES))
def test_bad_moves_and_versions_are_said_in_plain_words(case, good):
    save, _ = good
    change, message = PLAIN_CASES[case]
    edit_json(save, change)
    error = expect(save, message)
    assert error.message == message
    assert not PYTHON.search(error.message)


def test_a_save_with_a_byte_order_mark_loads(good):
    save, _ = good
    expected = load_save(save).state
    save.write_bytes(b"\xef\xbb\xbf" + save.read_bytes())
    assert load_save(save).state == expected


def test_a_number_too_long_for_python_is_a_message(good):
    save, _ = good
    save.write_text('{"format": "detente-save", "version": 2, "seed": ' + "9" * 5000 + "}")
    expect(save, "it holds a number thousands of digits long")


def test_json_nested_too_deeply_is_a_message(good):
    save, _ = good
    save.write_text("[" * 100_000, encoding="utf-8")
    expect(save, "this is not a Détente save file (it is nested far too deeply)")


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_truncated(keep, good):
    save, _ = good
    raw = save.read_bytes()
    save.write_bytes(raw[: int(len(raw) * keep)])
    expect(save, "the save file is cut short (truncated)")


def test_an_edited_legal_move_is_caught_by_the_check(good):
    save, _ = good
    data = json.loads(save.read_text(encoding="utf-8"))
    # Dropping the last move leaves a legal game, but not the one that was saved.
    data["moves"].pop()
    save.write_text(json.dumps(data), encoding="utf-8")
    expect(save, "does not replay to the same result")


def test_changed_scenario(good):
    save, scenario_path = good
    text = scenario_path.read_text(encoding="utf-8")
    scenario_path.write_text(text.replace("rounds: 4", "rounds: 5"), encoding="utf-8")
    expect(save, "the scenario file has changed since this game was saved")


def test_reworded_coaching_or_debrief_keeps_a_save_playable(good):
    """A teacher may reword the debrief (or coaching notes) of a scenario a class saved games
    on: the moves were played on the same rules, so the saves still load."""
    save, scenario_path = good
    text = scenario_path.read_text(encoding="utf-8")
    old = "NATO declared an interim capability at Chicago in May 2012."
    assert old in text
    scenario_path.write_text(text.replace(old, "At Chicago, NATO declared it ready."), "utf-8")
    loaded = load_save(save)
    assert loaded.state.moves and "At Chicago" in loaded.scenario.debrief.what_happened[0]


def test_a_save_without_a_rules_hash_still_needs_the_same_file(good):
    """Saves from before the rules hash can only be checked against the whole file."""
    save, scenario_path = good
    edit_json(save, lambda data: data["scenario"].pop("rules_sha256"))
    text = scenario_path.read_text(encoding="utf-8")
    scenario_path.write_text(text.replace("May 2012", "May 2012 (reworded)"), "utf-8")
    expect(save, "the scenario file has changed since this game was saved")


def test_a_comment_in_the_scenario_does_not_count_as_a_change(good):
    save, scenario_path = good
    text = scenario_path.read_text(encoding="utf-8")
    scenario_path.write_text("# a teacher's note\n" + text + "\n# end\n", encoding="utf-8")
    assert load_save(save).state.moves


def test_missing_scenario(good):
    save, scenario_path = good
    scenario_path.unlink()
    expect(save, "this game was played on was not found")


def test_scenario_found_again_in_the_scenarios_folder(good, tmp_path):
    save, scenario_path = good
    folder = tmp_path / "data" / "scenarios"
    folder.mkdir()
    scenario_path.rename(folder / "moved.yaml")
    assert load_save(save).scenario_path == folder / "moved.yaml"


def test_broken_scenario(good):
    save, scenario_path = good
    scenario_path.write_text("id: [unclosed\n", encoding="utf-8")
    expect(save, "no longer loads")


def test_missing_file(tmp_path):
    with pytest.raises(SaveError, match="cannot read the save"):
        load_save(tmp_path / "nothing.json")


@pytest.mark.parametrize("level", ["easy", "expert", None])
def test_every_level_and_no_level_loads(level, good):
    save, _ = good
    edit_json(save, lambda data: data.update(difficulty=level, settings={"timer": 3600}))
    loaded = load_save(save)
    assert (loaded.record.difficulty, loaded.record.settings["timer"]) == (level, 3600)


def test_a_games_level_and_timer_are_checked_like_the_command_lines(good):
    # One source of truth: the levels and the timer's range the command line takes.
    from game.ai import LEVELS
    from game.commands.play import TIMER_MAX
    from game.setup_limits import is_level, is_timer

    assert all(is_level(level) for level in LEVELS) and not is_level("godlike")
    assert is_timer(0) and is_timer(TIMER_MAX) and not is_timer(TIMER_MAX + 1)


def test_a_games_seed_is_checked_like_the_command_lines():
    from game.commands import SEED_MAX as COMMAND_LINE_SEED_MAX
    from game.setup_limits import SEED_MAX, is_seed

    assert SEED_MAX == COMMAND_LINE_SEED_MAX
    assert is_seed(0) and is_seed(SEED_MAX)
    assert not is_seed(-1) and not is_seed(SEED_MAX + 1) and not is_seed(True)


def test_a_scenario_name_too_long_to_look_up_is_a_message(good):
    """An edited save naming a file longer than the system allows (Errno 36) is told in
    words, its name cut short, never raised as an OSError."""
    save, _ = good
    long_name = "/tmp/" + "x" * 5000 + ".yaml"
    edit_json(save, lambda data: data["scenario"].update(file=long_name))
    error = expect(save, "this game was played on was not found")
    assert "x" * 90 + "…)" in error.message and "x" * 100 not in error.message


def test_a_failure_looking_for_the_scenario_is_a_message(good, monkeypatch):
    import game.saves.store

    def refuse(ref):
        raise PermissionError(13, "Permission denied")

    save, _ = good
    monkeypatch.setattr(game.saves.store, "find_scenario", refuse)
    error = expect(save, "cannot look for the game's scenario: Permission denied")
    assert not PYTHON.search(error.message)


def test_a_file_far_too_big_is_a_damaged_save(good):
    from game.saves.store import MAX_BYTES

    save, _ = good
    with save.open("ab") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: no disk space taken
    expect(save, "a save is never more than 2,097,152 bytes (2 MiB), and this file holds 2,097,153")


def test_a_file_that_grows_while_read_is_still_capped(good, monkeypatch):
    """What the size said first is not trusted: the read itself stops past the cap."""
    import os
    import stat
    from types import SimpleNamespace

    from game.saves.store import MAX_BYTES

    save, _ = good
    with save.open("ab") as file:
        file.truncate(MAX_BYTES + 10)
    # A plain file (its kind is checked on opening) that says it is small.
    fake = SimpleNamespace(st_size=10, st_mode=stat.S_IFREG | 0o644)
    monkeypatch.setattr(os, "fstat", lambda handle: fake)
    expect(save, "a save is never more than 2,097,152 bytes (2 MiB), and this file holds more")


def test_a_computer_only_game_names_its_players_freely(good):
    save, _ = good
    edit_json(save, lambda data: data.update(mode="sim", humans=[], difficulty="hard vs tft"))
    assert load_save(save).record.difficulty == "hard vs tft"
