"""A game's record names the sides as its scenario does, in every file of the export."""

from __future__ import annotations

from game.report.export import MOVES_CSV, TRANSCRIPT_HTML, TRANSCRIPT_MD, export_game
from game.saves import load_save
from game.scenario import load
from tests.engine.helpers import OLD_NAMES, renamed_text
from tests.report.helpers import saved_game
from tests.saves.helpers import use_data_folder


def test_a_renamed_tables_record_never_says_nato_or_russia(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    path = tmp_path / "renamed.yaml"
    path.write_text(renamed_text(short_names=True), encoding="utf-8")
    scenario = load(path)
    game = load_save(saved_game(scenario, path, 2, tmp_path / "saves"))
    assert game.state.over  # a finished game shows every side's values and scores
    export_game(game, tmp_path / "out")
    texts = (TRANSCRIPT_MD, TRANSCRIPT_HTML, MOVES_CSV)
    files = {name: (tmp_path / "out" / name).read_text("utf-8") for name in texts}
    for name in texts:
        assert [line for line in files[name].splitlines() if OLD_NAMES.search(line)] == [], name
    # Headings and the side column use the names; sentences the short names, as the log does.
    markdown = files[TRANSCRIPT_MD]
    assert "### Moscow delegation" in markdown and "**Moscow delegation**:" in markdown
    assert "(Alliance in Moscow / Moscow in Alliance)" in markdown
    assert "Trust after<br>(Alliance in Moscow / Moscow in Alliance)" in files[TRANSCRIPT_HTML]
    assert " to Alliance, " in markdown and " to Moscow)_" in markdown
