"""Quotes in words: attributed alike, and short enough to follow every quote."""

from __future__ import annotations

from game.scenario import load
from game.scenario.citations import attribution, quoted, reference
from tests.ai.helpers import ROOT


def test_a_quote_names_its_author_without_the_title_and_the_year():
    lisbon = load(ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml")
    source = lisbon.sources[0]
    assert source.author == "Anders Fogh Rasmussen, NATO Secretary General"
    assert attribution(source) == "Anders Fogh Rasmussen, 2011"
    citation = lisbon.proposal("joint-exercises").citation
    assert citation is not None
    assert quoted(lisbon, citation) == (
        "“we proposed holding joint NATO-Russia theater missile defense exercises next year” "
        "(Anders Fogh Rasmussen, 2011)"
    )


def test_a_reference_gives_the_source_in_full():
    brussels = load(ROOT / "scenarios" / "2009-brussels.yaml")
    assert reference(brussels.sources[0]).startswith(
        "Associated Press and Reuters: “NATO Seeks New Era of Cooperation”, 18 September 2009."
    )
