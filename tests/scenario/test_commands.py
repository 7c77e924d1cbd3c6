"""The authoring commands: `detente validate`, `detente new` and `detente schema`."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from game.cli import main
from game.commands.new import target_path
from game.library import check_file

HERE = Path(__file__).parent
MINIMAL = HERE / "fixtures" / "good" / "minimal.yaml"
BAD = HERE / "fixtures" / "bad"
REPOSITORY = HERE.parents[1]


def test_validate_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINIMAL)]) == 0
    assert capsys.readouterr().out == f"{MINIMAL}: valid (0 warnings)\n"


def test_validate_reports_every_file(capsys: pytest.CaptureFixture[str]) -> None:
    bad = BAD / "several_problems.yaml"
    assert main(["validate", str(MINIMAL), str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{MINIMAL}: valid (0 warnings)"
    assert lines[1] == f"{bad}:5:8: place: must be text: put 1997 in quotes"
    assert len(lines) == 6
    assert lines[-1] == f"{bad}: NOT valid (4 errors, 0 warnings)"


def test_validate_warnings_still_pass(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "warn.yaml"
    idle = "  - id: idle\n    side: nato\n    title: Idle\n    text: Idle.\nevents:"
    path.write_text(MINIMAL.read_text("utf-8").replace("events:", idle), "utf-8")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:57:9: warning: arguments[idle].id: argument 'idle' is never used: "
        "no objection lists it in its answers",
        f"{path}: valid (1 warning)",
    ]


def test_validate_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    assert main(["validate", str(missing)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{missing}:1:1: cannot read the file: No such file or directory",
        f"{missing}: NOT valid (1 error, 0 warnings)",
    ]


def test_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    bad = BAD / "misspelt_id.yaml"
    assert main(["validate", "--json", str(MINIMAL), str(bad)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["valid"] is False
    assert document["files"][str(MINIMAL)] == {"valid": True, "problems": []}
    assert document["files"][str(bad)] == {
        "valid": False,
        "problems": [
            {
                "file": str(bad),
                "line": 49,
                "column": 15,
                "path": "objections[pledge-is-empty].against[1]",
                "message": "unknown proposal 'no-targt-pledge': did you mean 'no-target-pledge'?",
                "severity": "error",
            }
        ],
    }


def test_validate_json_all_good(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", str(MINIMAL)]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True


def test_new_writes_a_valid_playable_scenario(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "Summit of 2012"
    assert main(["new", str(target)]) == 0
    written = tmp_path / "Summit of 2012.yaml"
    text = written.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    schema = text.splitlines()[0].split("$schema=", 1)[1]
    # A full address, not one relative to where the file was written: the teacher moves the
    # file into the scenario folder, and a relative path then points nowhere.
    assert schema == (REPOSITORY / "scenarios" / "scenario.schema.json").resolve().as_uri()
    report = check_file(written)
    assert report.valid and report.warnings == [], report.problems
    scenario = report.scenario
    assert scenario is not None
    assert scenario.id == "summit-of-2012"
    assert scenario.title == "Summit of 2012"
    for side in ("nato", "russia"):
        assert any(side in proposal.tabled_by for proposal in scenario.proposals)
    assert len(scenario.proposals) >= 3
    assert scenario.objections[0].answers
    assert scenario.events and scenario.debrief.questions
    out = capsys.readouterr().out
    # The id it chose is said, since the name does not show it.
    assert out.startswith(f"wrote {written} (id: summit-of-2012): ")
    # The hint, in the message and the file's header, can be pasted into a shell as it is.
    quoted = shlex.quote(str(written))
    assert f"`detente validate {quoted}`" in out
    assert f"detente validate {quoted}\n" in text


def test_new_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("keep me", "utf-8")
    assert main(["new", str(target)]) == 1
    assert target.read_text("utf-8") == "keep me"
    assert "already exists" in capsys.readouterr().err


def test_new_target_names() -> None:
    assert target_path("lisbon") == Path("lisbon.yaml")
    assert target_path("lisbon.yml") == Path("lisbon.yml")
    assert target_path("dir/lisbon.v2") == Path("dir/lisbon.v2.yaml")


def test_schema_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    committed = (REPOSITORY / "scenarios" / "scenario.schema.json").read_text("utf-8")
    assert printed == committed, (
        "scenarios/scenario.schema.json is out of date: regenerate it with "
        "`detente schema > scenarios/scenario.schema.json`"
    )
    schema = json.loads(printed)
    assert schema["title"].startswith("Détente scenario")
    assert "$id" not in json.dumps(schema)
    assert "proposals" in schema["required"]


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("123", 'id: "123"'),
        ("2024", 'id: "2024"'),
        ("true", 'id: "true"'),
        ("null", 'id: "null"'),
        ("1e5", 'id: "1e5"'),
        ("yes", 'id: "yes"'),
        ("Ünïcødé", "id: unicode"),
    ],
)
def test_new_writes_an_id_that_validates_whatever_the_name(
    name: str, written: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", name]) == 0
    path = tmp_path / f"{name}.yaml"
    assert f"\n{written}\n" in path.read_text("utf-8")
    report = check_file(path)
    assert report.valid and report.warnings == [], report.problems


def test_validate_a_saved_game(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    record = {"format": "detente-save", "version": 2, "game_id": "x", "moves": []}
    save.write_text(json.dumps(record, indent=1), "utf-8")
    assert main(["validate", str(save)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{save}:1:1: this file is a saved game, not a scenario: ")
    assert "'Load a game or replay' on the title screen" in out[0]
    assert out[1] == f"{save}: NOT valid (1 error, 0 warnings)"


def test_a_save_the_game_writes_is_recognised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    saves = tmp_path / "saves"
    args = ["sim", "--scenario", str(MINIMAL), "--nato", "easy", "--russia", "easy"]
    assert main([*args, "--games", "1", "--save-dir", str(saves)]) == 0
    (save,) = saves.glob("*.json")
    capsys.readouterr()
    assert main(["validate", str(save)]) == 1
    assert "this file is a saved game, not a scenario" in capsys.readouterr().out


def test_validate_warns_of_text_the_games_fonts_cannot_draw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # An emoji validated, and the game drew it as '?'.
    path = tmp_path / "emoji.yaml"
    text = MINIMAL.read_text("utf-8").replace("place: Lisbon", "place: Lisbon \U0001f680")
    path.write_text(text, "utf-8")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:5:8: warning: place: the game's fonts cannot draw '\U0001f680' (U+1F680, "
        "rocket) (the 8th character of this text), so the game would show '?' in its place: "
        "remove it, or say it in words",
        f"{path}: valid (1 warning)",
    ]
