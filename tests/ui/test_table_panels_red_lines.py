"""The proposals pane says who may table a proposal, minding the viewer's own red lines only."""

from __future__ import annotations

from game.scenario import load_text
from game.scenario.models import SideId
from game.ui.session import Session, Setup
from game.ui.table_panels import proposals_blocks
from game.ui.text import Para
from tests.ai.helpers import ROOT

TUTORIAL = (ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")
NATO_RED_LINE = "        terms:\n          form: treaty\n"
# NATO alone tables the missile pause, and may now never accept it; Russia may table the
# tests too, which NATO may never accept either.
BARRED = TUTORIAL.replace(
    NATO_RED_LINE,
    NATO_RED_LINE
    + "      - text: No promises about missiles.\n        proposal: missile-pause\n"
    + "      - text: No foreign experts.\n        proposal: watch-tests\n",
    1,
).replace(
    "    tabled_by:\n      - nato\n    kind: verifiable\n",
    "    tabled_by: [nato, russia]\n    kind: verifiable\n",
    1,
)


def _details(side: SideId) -> list[str]:
    """The dim detail lines of the proposals pane as `side` sees it."""
    scenario = load_text(BARRED, "barred.yaml")
    session = Session.start(scenario, Setup(human=side, seed=1))
    blocks = proposals_blocks(session, session.view())
    return [block.text for block in blocks if isinstance(block, Para) and block.indent]


def test_a_side_its_own_red_lines_bar_is_not_told_it_may_table_it() -> None:
    # The pane said "NATO may table it." of a proposal NATO's own red line bars.
    assert BARRED.count("tabled_by: [nato, russia]") == 1
    details = _details(SideId.NATO)
    assert any(d.startswith("Only you may table it, but your red lines bar it.") for d in details)
    assert any(
        # A sentence, so the side's short name (the tutorial's "Russia").
        d.startswith("Russia may table it (your red lines bar every choice of its terms).")
        for d in details
    )
    assert not any(d.startswith("NATO may table it.") for d in details)


def test_the_other_side_is_not_told_of_red_lines_it_cannot_see() -> None:
    details = _details(SideId.RUSSIA)
    assert any(d.startswith("NATO may table it.") for d in details)
    assert any(d.startswith("NATO or Russia may table it.") for d in details)
    assert not any("red lines" in d for d in details)


def test_an_offer_on_the_table_that_crosses_the_viewers_red_line_says_so() -> None:
    # Russia tabled the guarantee as a treaty, a NATO red line: Accept vanished from NATO's
    # moves and the pane said only "Worth to you: -7.0".
    from game.engine import apply
    from game.engine.moves import Pass, Table
    from game.scenario import load

    lisbon = load(ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml")
    treaty = Table(SideId.RUSSIA, "legal-guarantee", (("form", "treaty"),))
    texts = {}
    for side in SideId:
        session = Session.start(lisbon, Setup(human=side, seed=1))
        for move in (Pass(SideId.NATO), treaty):
            session.state = apply(session.state, move).state  # type: ignore[union-attr]
        blocks = proposals_blocks(session, session.view())
        texts[side] = [block.text for block in blocks if isinstance(block, Para)]
    warning = (
        "Crosses one of your red lines as it stands: you cannot accept it. Amend it, object to "
        "it or reject it."
    )
    assert warning in texts[SideId.NATO]
    assert warning not in texts[SideId.RUSSIA]
