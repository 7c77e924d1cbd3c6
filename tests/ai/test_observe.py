"""What a player works out from two views: the other side's moves, and its memory of them."""

from __future__ import annotations

from game.ai.observe import Observer
from game.engine import view
from game.engine.moves import Accept, Amend, Reject, Statement, Table, Tone
from game.scenario.models import SideId
from tests.ai.helpers import position, table

N, R = SideId.NATO, SideId.RUSSIA


def _seen(moves_before, moves_after, side=R):
    scenario = table()
    observer = Observer(side)
    observer.update(view(position(scenario, moves_before), side))
    own = [m for m in moves_after if m.side is side]
    for move in own:
        observer.after_own(move)
    seen = observer.update(view(position(scenario, [*moves_before, *moves_after]), side))
    return observer, [(item.kind, item.proposal) for item in seen]


def test_it_sees_a_proposal_tabled():
    _, seen = _seen([], [Table(N, "joint")])
    assert seen == [("table", "joint")]


def test_it_sees_an_amendment_and_remembers_the_terms_turned_down():
    before = [Table(N, "joint"), Table(R, "terms", (("form", "russia-way"),))]
    observer, seen = _seen(before, [Amend(N, "terms", "form", "nato-way")])
    assert ("amend", "terms") in seen
    assert observer.refused == {("terms", (("form", "russia-way"),)): 1}


def test_it_sees_an_acceptance_of_its_own_offer():
    _, seen = _seen([Table(N, "joint"), Table(R, "terms")], [Accept(N, "terms")])
    assert ("accept", "terms") in seen


def test_it_sees_a_rejection():
    observer, seen = _seen([Table(N, "joint"), Table(R, "terms")], [Reject(N, "terms")])
    assert ("reject", "terms") in seen
    assert observer.refused == {("terms", (("form", "nato-way"),)): 1}


def test_an_offer_left_on_the_table_is_remembered_as_ignored():
    before = [Table(N, "joint")]
    after = [Table(R, "terms", (("form", "russia-way"),)), Statement(N, Tone.FIRM)]
    observer, seen = _seen(before, after)
    assert ("ignore", "terms") in seen
    assert observer.ignored == {("terms", (("form", "russia-way"),)): 1}


def test_statements_are_read_from_the_log():
    _, seen = _seen([Table(N, "joint")], [Accept(R, "joint"), Statement(N, Tone.FIRM)])
    assert ("firm", None) in seen


def test_it_sees_an_objection_withdrawn_and_does_not_call_the_offer_ignored():
    # The withdrawal is their move on our offer: not an offer left to sit, nor a new objection.
    from game.engine.moves import Pass, RaiseObjection, WithdrawObjection
    from game.scenario import load
    from tests.ai.helpers import ROOT

    scenario = load(ROOT / "scenarios" / "tutorial.yaml")
    tabled = [Table(N, "watch-tests", (("how-often", "every-test"),))]
    objected = [*tabled, RaiseObjection(R, "only-watching", "watch-tests")]
    observer = Observer(N)
    observer.update(view(position(scenario, tabled), N))
    assert ("object", "watch-tests") in [
        (s.kind, s.proposal) for s in observer.update(view(position(scenario, objected), N))
    ]
    observer.after_own(Pass(N))
    withdrawn = [*objected, Pass(N), WithdrawObjection(R, "only-watching", "watch-tests")]
    seen = [(s.kind, s.proposal) for s in observer.update(view(position(scenario, withdrawn), N))]
    assert seen == [("withdraw_objection", "watch-tests")]
    assert observer.ignored == {}
