"""The table's text: the log names each round as it begins and tells of trust fading."""

from __future__ import annotations

from game.engine.moves import Pass
from game.scenario.models import SideId
from game.ui.table_panels import log_blocks
from game.ui.text import Para
from tests.ui.test_session import played_session


def test_the_log_tells_of_fading_under_the_new_rounds_heading():
    session = played_session()
    session.play(Pass(SideId.RUSSIA))  # round 3 begins: nothing happens but the fading
    blocks = log_blocks(session.scenario, session.state.log, session.fading)
    texts = [block.text for block in blocks if isinstance(block, Para)]
    assert texts[0] == "Round 3"
    assert texts[1:3] == [
        "Russia's trust in NATO rose 1 to 29 as earlier changes faded.",
        "NATO's trust in Russia rose 2 to 34 as earlier changes faded.",
    ]
    assert "Round 2" in texts


def test_a_round_just_begun_gets_its_heading_without_fading():
    session = played_session()
    session.play(Pass(SideId.RUSSIA))
    blocks = log_blocks(session.scenario, session.state.log)
    texts = [block.text for block in blocks if isinstance(block, Para)]
    assert texts[0] == "Round 3" and texts[1] == "Round 2"


def test_the_computers_shares_come_with_a_line_on_reading_them():
    from game.ui.session import Session, Setup
    from game.ui.table_panels import READING_SHARES, notes_blocks
    from tests.engine.helpers import load_fixture

    session = Session.start(load_fixture(), Setup(seed=1))
    session.explanation = "Russia accepts 'X': worth 0.50 of its best to us; it adds 0.15."
    session.computer_move = "Accept 'X'"
    texts = [b.text for b in notes_blocks(session, session.view()) if isinstance(b, Para)]
    assert READING_SHARES in texts
    session.explanation = "Russia makes a conciliatory public statement."
    texts = [b.text for b in notes_blocks(session, session.view()) if isinstance(b, Para)]
    assert READING_SHARES not in texts


def test_the_coaching_notes_come_before_the_computers_reasoning():
    # Below a long explanation the tutorial's notes were cut off at the foot of the pane,
    # and they are what a new player needs first.
    from game.scenario import load
    from game.scenario.models import SideId
    from game.ui.session import Session, Setup
    from game.ui.table_panels import notes_blocks
    from tests.ai.helpers import ROOT

    tutorial = load(ROOT / "scenarios" / "tutorial.yaml")
    session = Session.start(tutorial, Setup(human=SideId.RUSSIA, seed=1))
    session.explanation = "NATO tables 'Watch each other's tests': worth 1.00 of its best to us."
    session.computer_move = "Table 'Watch each other's tests'"
    texts = [b.text for b in notes_blocks(session, session.view()) if isinstance(b, Para)]
    assert texts.index("Coaching notes") < texts.index(session.explanation)


def test_a_pass_on_time_says_so_in_the_log_as_in_the_transcript():
    from game.saves.timeouts import timed_out_text
    from game.ui.session import HOTSEAT, Session, Setup
    from tests.engine.helpers import load_fixture

    session = Session.start(load_fixture(), Setup(mode=HOTSEAT, seed=1, timer=30))
    session.play(Pass(SideId.NATO))  # in time
    session.play(Pass(SideId.RUSSIA))
    assert session.tick_timer(31) is not None  # move 3: NATO's time ran out
    nato = session.scenario.sides.nato.name
    blocks = log_blocks(session.scenario, session.state.log, session.fading, session.timed_out)
    texts = [block.text for block in blocks if isinstance(block, Para)]
    assert texts.count(timed_out_text(nato)) == 1
    assert texts.count(f"{nato} passed.") == 1  # the pass made in time
    assert texts.index(timed_out_text(nato)) < texts.index(f"{nato} passed.")  # newest first


def test_a_proposal_on_the_table_and_an_open_objection_quote_their_source():
    # The scenario's quotes for a proposal and an objection never reached the table.
    from game.engine.moves import RaiseObjection, Table
    from game.scenario import load
    from game.ui.session import Session, Setup
    from game.ui.table_panels import proposals_blocks
    from tests.ai.helpers import ROOT

    lisbon = load(ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml")
    session = Session.start(lisbon, Setup(mode="hotseat", seed=1))
    session.play(Table(SideId.NATO, "joint-exercises"))
    session.play(RaiseObjection(SideId.RUSSIA, "need-legal-guarantee", "joint-exercises"))
    texts = [b.text for b in proposals_blocks(session, session.view()) if isinstance(b, Para)]
    proposal = texts.index("Joint missile-defence exercise: On the table")
    objection = next(i for i, t in enumerate(texts) if t.startswith("Open objection by"))
    assert texts[objection - 1] == (
        "“we proposed holding joint NATO-Russia theater missile defense exercises next year” "
        "(Anders Fogh Rasmussen, 2011)"
    )
    assert proposal < objection - 1
    assert texts[objection + 1] == (
        "“Russia has also said it needs legal guarantees that NATO missile defenses are not a "
        "threat.” (Anders Fogh Rasmussen, 2011)"
    )
    # Proposals not on the table are quoted where they are tabled, in the move's details.
    assert sum(t.startswith("“") for t in texts) == 2


def test_a_proposal_on_the_table_says_what_it_means():
    # The side a proposal was tabled against never read its summary.
    from game.engine.moves import Table
    from game.scenario import load
    from game.ui.session import Session, Setup
    from game.ui.table_panels import proposals_blocks
    from tests.ai.helpers import ROOT

    lisbon = load(ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml")
    session = Session.start(lisbon, Setup(mode="hotseat", seed=1))
    session.play(Table(SideId.NATO, "joint-exercises"))
    texts = [
        b.text
        for b in proposals_blocks(session, session.view(SideId.RUSSIA))
        if isinstance(b, Para)
    ]
    assert lisbon.proposal("joint-exercises").summary in texts
    # Off the table, its tabling move says it.
    assert lisbon.proposal("transparency").summary not in texts
