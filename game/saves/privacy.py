"""Which saved games keep their private values hidden, and why: one rule for screens and reports."""

from __future__ import annotations

SECRETS_KEPT = {
    "hotseat": (
        "This hot-seat game is not finished, so each side's private values stay hidden until "
        "it ends: otherwise either player could read the other's."
    ),
    "solo": (
        "This game against the computer is not finished, so the private values stay hidden "
        "until it ends: reading the computer's would spoil the game."
    ),
}
"""What the load and replay screens and the reports say when they keep a game's private
values hidden."""


def keeps_secrets(mode: str, finished: bool) -> bool:
    """Whether a saved game's private values must stay hidden: a game people are still
    playing, whose players could otherwise read the other side's mid-game (a hot-seat
    opponent's, or the computer's); a finished one may show, and so may a computer-only one."""
    return mode in SECRETS_KEPT and not finished
