"""The transcript's numbers: straight after each move, and adding up from line to line."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from html import escape

import pytest

from game.engine import replay
from game.engine.moves import Pass, Statement, Tone
from game.report import html, markdown, moves_csv
from game.report.transcript import Transcript, build, computer_players
from game.saves import load_save, write_save
from game.saves.replay import proposal_values, trust_pair
from game.scenario.models import SideId
from tests.report.helpers import saved_game
from tests.saves.helpers import (
    BRUSSELS,
    ROOT,
    RULEBOOK,
    record_for,
    scenario_copy,
    use_data_folder,
)

NAMES = {"NATO": SideId.NATO, "Russia": SideId.RUSSIA}
CHANGE = r"(?:rose \d+ to|fell \d+ to|stayed at) (\d+)"
TRUST = re.compile(rf"^(NATO|Russia)'s trust in (?:NATO|Russia) {CHANGE}")
SUPPORT = re.compile(rf"^Support for (NATO|Russia) at home {CHANGE}")


def games(tmp_path_factory, source, seeds):
    tmp = tmp_path_factory.mktemp("transcript")
    scenario, path = scenario_copy(tmp, source)
    return [load_save(saved_game(scenario, path, seed, tmp / "saves")) for seed in seeds]


@pytest.fixture(scope="module")
def transcripts(tmp_path_factory):
    loaded = games(tmp_path_factory, BRUSSELS, (1, 2, 3))
    loaded += games(tmp_path_factory, RULEBOOK, (4, 5, 6))
    return [(game, build(game)) for game in loaded]


def follow(lines, trust, support):
    """Trust and support after reading the log sentences in order."""
    for line in lines:
        if found := TRUST.match(line):
            trust[NAMES[found[1]]] = int(found[2])
        elif found := SUPPORT.match(line):
            support[NAMES[found[1]]] = int(found[2])
    return trust, support


def test_the_numbers_add_up_line_by_line(transcripts):
    # Every "Trust after" follows from the opening and the sentences above it, with no
    # change coming from a line printed further down (the next round's news or fading).
    rounds_changed = 0
    for game, transcript in transcripts:
        start = trust_pair(game.replay.state(0))
        trust = {SideId.NATO: start.nato, SideId.RUSSIA: start.russia}
        opening_support = game.replay.state(0).support
        support = {SideId.NATO: opening_support.nato, SideId.RUSSIA: opening_support.russia}
        for row in transcript.rows:
            trust, support = follow(row.reasons, trust, support)
            assert (row.trust.nato, row.trust.russia) == (trust[SideId.NATO], trust[SideId.RUSSIA])
            assert (row.support.nato, row.support.russia) == (
                support[SideId.NATO],
                support[SideId.RUSSIA],
            )
            trust, support = follow(row.next_round, trust, support)
            rounds_changed += bool(row.next_round)
    assert rounds_changed > 5


def test_the_fading_at_a_round_start_is_shown_in_its_place(transcripts):
    faded = [
        row.next_round
        for _, transcript in transcripts
        for row in transcript.rows
        if any("as earlier changes faded" in line for line in row.next_round)
    ]
    assert faded, "no game faded any trust: the test games are too short"
    for lines in faded:
        assert re.match(r"Round \d+ of \d+ begins\.", lines[0])
        fading = [i for i, line in enumerate(lines) if "as earlier changes faded" in line]
        # The engine fades first, before promises kept and news.
        assert fading == list(range(1, len(fading) + 1))


def test_values_are_as_they_stood_straight_after_the_move(transcripts):
    changed_by_the_round = 0
    for game, transcript in transcripts:
        for step, row in zip(game.replay.steps(), transcript.rows, strict=True):
            if row.proposal is None or row.values is None:
                continue
            straight = {v.id: v.effective for v in proposal_values(step.moved)}
            later = {v.id: v.effective for v in game.replay.values(step.number)}
            assert row.values == straight[row.proposal]
            changed_by_the_round += row.values != later[row.proposal]
    # Fading trust changes a trust-discounted value: the next round's value is not this one.
    assert changed_by_the_round


def rows_of(transcript: Transcript, page: str, text: str, table: str) -> None:
    """Every format shows each row's numbers as the transcript has them."""
    lines = [line for line in text.splitlines() if "Trust after:" in line]
    csv_rows = list(csv.DictReader(io.StringIO(table)))
    assert len(lines) == len(csv_rows) == len(transcript.rows)
    for row, line, csv_row in zip(transcript.rows, lines, csv_rows, strict=True):
        assert f"Trust after: {row.trust.nato} / {row.trust.russia} " in line
        assert line.endswith(f"support {row.support.nato} / {row.support.russia}")
        assert (int(csv_row["trust_nato_in_russia"]), int(csv_row["trust_russia_in_nato"])) == (
            row.trust.nato,
            row.trust.russia,
        )
        assert (int(csv_row["support_nato"]), int(csv_row["support_russia"])) == (
            row.support.nato,
            row.support.russia,
        )
        assert csv_row["next_round"] == " | ".join(row.next_round)
        cells = (
            f'<td class="num">{row.trust.nato} / {row.trust.russia}</td>'
            f'<td class="num">{row.support.nato} / {row.support.russia}</td>'
        )
        assert cells in page
        for news in row.next_round:
            assert escape(news) in page
            assert markdown.markdown_text(news) in text


def test_markdown_html_and_csv_agree(transcripts):
    for _, transcript in transcripts:
        rows_of(
            transcript,
            html.render(transcript, b""),
            markdown.render(transcript),
            moves_csv.render(transcript),
        )


def test_a_game_saved_as_a_round_began_still_shows_that_rounds_news(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    first = scenario.first_move
    moves = [Statement(first, Tone.CONCILIATORY), Pass(first.other)]
    state = replay(scenario, 3, moves)
    assert state.round == 2 and not state.over
    transcript = build(load_save(write_save(record_for(scenario, path, 3), state)))
    assert transcript.rows[-1].next_round[0].startswith("Round 2 of")
    text = markdown.render(transcript)
    assert "### Round 2" in text
    assert f"- _{markdown.markdown_text(transcript.rows[-1].next_round[0])}_" in text
    assert '<th colspan="6">Round 2<ul' in html.render(transcript, b"")


def test_the_header_names_the_mode_once(transcripts):
    # The mode is shown beside who played: "hot seat (..., one for each side (hot seat))"
    # said it twice.
    game, transcript = transcripts[0]
    assert game.record.mode == "hotseat"
    assert transcript.players == "two players or teams, one for each side"
    text = markdown.render(transcript)
    assert "- Mode: hot seat (two players or teams, one for each side)\n" in text
    page = html.render(transcript, b"")
    assert "Hot seat: two players or teams, one for each side. Saved" in page
    for header in (text.split("## Opening")[0], page.split("<h2>")[0]):
        assert header.lower().count("hot seat") == 1


def test_a_hot_seat_game_taken_over_from_the_computer_shows_no_computer_level(
    tmp_path, monkeypatch
):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    state = replay(scenario, 3, [Statement(scenario.first_move, Tone.CONCILIATORY)])
    record = replace(record_for(scenario, path, 3, "hotseat"), difficulty="hard vs tft")
    transcript = build(load_save(write_save(record, state)))
    assert transcript.difficulty is None
    assert "computer level" not in markdown.render(transcript)


def test_a_pass_on_time_says_so_in_every_format(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    first = scenario.first_move
    moves = [Statement(first, Tone.CONCILIATORY), Pass(first.other), Pass(first)]
    state = replay(scenario, 3, moves)
    record = replace(record_for(scenario, path, 3, "hotseat"), timed_out=(2,))
    transcript = build(load_save(write_save(record, state)))
    late, chose = scenario.sides.of(first.other).name, scenario.sides.of(first).name
    assert [row.happened for row in transcript.rows[1:]] == [
        f"{late} passed: time ran out.",
        f"{chose} passed.",
    ]
    assert f"**{late}**: {late} passed: time ran out." in markdown.render(transcript)
    assert escape(f"{late} passed: time ran out.") in html.render(transcript, b"")
    csv_rows = list(csv.DictReader(io.StringIO(moves_csv.render(transcript))))
    assert [row["what_happened"] for row in csv_rows[1:]] == [
        f"{late} passed: time ran out.",
        f"{chose} passed.",
    ]


def test_a_quote_shows_once_at_the_move_that_brings_it_and_its_source_at_the_end(
    tmp_path, monkeypatch
):
    # The scenario's quotes for proposals, objections and arguments never reached a report.
    from game.engine.moves import Answer, RaiseObjection, Reject, Table

    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path, ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml")
    N, R = SideId.NATO, SideId.RUSSIA
    objected = ("need-legal-guarantee", "joint-exercises")
    moves = [
        Table(N, "joint-exercises"),
        RaiseObjection(R, *objected),
        Answer(N, *objected, "founding-act-answer"),
        Reject(R, "joint-exercises"),
        Table(N, "joint-exercises", (("scale", "live"),)),
    ]
    state = replay(scenario, 3, moves)
    transcript = build(load_save(write_save(record_for(scenario, path, 3), state)))
    said = "(Anders Fogh Rasmussen, 2011)"
    quotes = [row.quote for row in transcript.rows]
    assert quotes[0] == (
        "“we proposed holding joint NATO-Russia theater missile defense exercises next year” "
        f"{said}"
    )
    assert quotes[1] is not None and quotes[1].startswith("“Russia has also said it needs")
    assert quotes[2] is not None and quotes[2].endswith(said)
    assert quotes[3:] == [None, None]  # tabled again: not quoted twice
    text, page = markdown.render(transcript), html.render(transcript, b"")
    assert f"   - _{markdown.markdown_text(quotes[0])}_" in text
    assert f'<p class="quote">{escape(quotes[0])}</p>' in page
    full = "Anders Fogh Rasmussen, NATO Secretary General: “NATO-Russia relations"
    assert text.count(full) == 1 and text.index("## Sources quoted") < text.index(full)
    assert page.count(escape(full)) == 1
    assert page.index("<h2>Sources quoted</h2>") < page.index(escape(full))


def test_a_computer_only_game_says_which_side_each_computer_player_played(tmp_path):
    from game.saves import save_simulated_game
    from game.scenario import load

    scenario = load(BRUSSELS)
    state = replay(scenario, 3, [Statement(scenario.first_move, Tone.CONCILIATORY)])
    saved = save_simulated_game(state, BRUSSELS, tmp_path, difficulty="easy vs expert")
    transcript = build(load_save(saved))
    players = "NATO easy vs Russian Federation expert"  # the scenario's names for its sides
    assert transcript.players == f"the computer played both sides, {players}"
    assert transcript.difficulty is None
    assert f"(the computer played both sides, {players})" in markdown.render(transcript)
    assert computer_players("easy vs expert") == "NATO easy vs Russia expert"
    assert computer_players("hard") == "hard"
