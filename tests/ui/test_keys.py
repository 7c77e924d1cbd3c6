"""The footer's key hints: a footer too long for the window loses whole hints, least needed
first, and keeps the rest in their order."""

from __future__ import annotations

from game.ui.keys import fit, footer, hints


def test_a_long_footer_loses_whole_hints_of_the_highest_rank() -> None:
    ranked = [(1, "Tab: move"), (10, "B: briefing"), (30, "Page Up / Down: scroll"), (0, "Esc")]
    whole = footer(*(hint for _, hint in ranked))
    assert fit(ranked, len, len(whole)) == whole
    assert fit(ranked, len, len(whole) - 1) == "Tab: move   B: briefing   Esc"
    assert fit(ranked, len, 20) == "Tab: move   Esc"
    assert fit(ranked, len, 3) == "Esc"
    assert fit(ranked, len, 2) == ""


def test_a_footer_splits_into_its_hints() -> None:
    assert hints("Home / End: first / last   Tab: buttons") == [
        "Home / End: first / last",
        "Tab: buttons",
    ]
    assert hints("") == []
