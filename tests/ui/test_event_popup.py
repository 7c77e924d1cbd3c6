"""News pop-ups: the public effects for everyone, and each side's own value changes for it."""

from __future__ import annotations

from game.scenario import load
from game.scenario.models import SideId
from game.ui.screens.event_popup import event_blocks
from game.ui.session import HOTSEAT, SOLO, Session, Setup
from game.ui.text import Para
from tests.ai.helpers import ROOT


def _texts(side: SideId | None) -> list[str]:
    tutorial = load(ROOT / "scenarios" / "tutorial.yaml")
    news = tutorial.event_by_id["practice-missile-test"]  # the exercise: +1 to each side
    return [block.text for block in event_blocks(news, tutorial, side) if isinstance(block, Para)]


def test_the_side_shown_the_news_sees_what_it_does_to_its_own_values():
    # The pop-up listed only support, though the news also made the exercise worth more.
    line = "For you (private): 'Joint exercise' is worth 1 more to you."
    assert line in _texts(SideId.NATO)
    assert line in _texts(SideId.RUSSIA)


def test_without_a_viewer_no_private_value_is_shown():
    assert not any(text.startswith("For you") for text in _texts(None))


def test_each_side_is_told_only_its_own_changes():
    brussels = load(ROOT / "scenarios" / "2009-brussels.yaml")
    news = brussels.event_by_id["boundary-incident"]  # the monitors: NATO +2, Russia 0

    def texts(side: SideId) -> list[str]:
        return [b.text for b in event_blocks(news, brussels, side) if isinstance(b, Para)]

    title = brussels.proposal("georgia-monitors").title
    assert f"For you (private): '{title}' is worth 2 more to you." in texts(SideId.NATO)
    assert not any(text.startswith("For you") for text in texts(SideId.RUSSIA))


def test_news_of_the_first_round_waits_for_the_players_in_both_modes():
    """News that fired as the talks opened (before any move) was never shown."""
    brussels = load(ROOT / "scenarios" / "2009-brussels.yaml")
    news = brussels.event_by_id["north-korea-test"]  # fires in round 1 with seed 3
    solo = Session.start(brussels, Setup(mode=SOLO, human=SideId.RUSSIA, seed=3))
    assert solo.pending_events == [news]
    hotseat = Session.start(brussels, Setup(mode=HOTSEAT, seed=3))
    assert hotseat.pending_events == [news]
    hotseat.pending_events.clear()
    hotseat.sit_down(SideId.RUSSIA)
    assert hotseat.pending_events == [news]
    quiet = Session.start(brussels, Setup(mode=SOLO, seed=1))
    assert not quiet.state.events_fired and quiet.pending_events == []


def test_the_news_quotes_its_source_as_every_quote_in_the_game_is_attributed():
    brussels = load(ROOT / "scenarios" / "2009-brussels.yaml")
    news = brussels.event_by_id["positive-tone"]
    assert news.citation is not None
    texts = [b.text for b in event_blocks(news, brussels, SideId.NATO) if isinstance(b, Para)]
    assert f"“{news.citation.quote}” (Associated Press and Reuters, 2009)" in texts


def test_the_news_says_which_way_the_deadline_moves_in_words():
    # It said "the deadline moves +1 round(s)".
    tutorial = load(ROOT / "scenarios" / "tutorial.yaml")
    news = tutorial.event_by_id["practice-missile-test"]
    for rounds, words in ((1, "1 round later"), (-2, "2 rounds earlier")):
        effect = news.effect.model_copy(update={"deadline": rounds})
        moved = news.model_copy(update={"effect": effect})
        said = next(t for t in _texts_of(moved, tutorial) if t.startswith("Effect:"))
        assert f"the deadline moves {words}" in said


def _texts_of(news, scenario) -> list[str]:
    return [b.text for b in event_blocks(news, scenario, SideId.NATO) if isinstance(b, Para)]
