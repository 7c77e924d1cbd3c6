"""What a game may be set up with: the computer's levels, the turn timer's and the seed's range.

The command line, the set-up screen and the save reader all check against these, so a value
one of them refuses is refused by the others too.
"""

from __future__ import annotations

from typing import TypeGuard

TIMER_MAX = 3600
"""The longest turn timer, in seconds (an hour); 0 means no timer."""

TIMER_IN_WORDS = f"a whole number of seconds from 0 to {TIMER_MAX}"
"""The timer's allowed values, as a message says them."""

SEED_MAX = 2**32 - 1
"""The largest seed a game may have; the computer players' generators need one of 0 or more."""

SEED_IN_WORDS = f"a whole number from 0 to {SEED_MAX}"
"""The seed's allowed values, as a message says them."""


def levels() -> tuple[str, ...]:
    """The computer's levels, easiest first."""
    # Imported here: `detente validate` and `detente report` need no computer player.
    from game.ai import LEVELS

    return LEVELS


def levels_in_words() -> str:
    """'one of easy, medium, hard or expert'."""
    *first, last = levels()
    return f"one of {', '.join(first)} or {last}" if first else f"'{last}'"


def is_level(value: object) -> TypeGuard[str]:
    """Whether `value` names one of the computer's levels."""
    return isinstance(value, str) and value in levels()


def is_timer(value: object) -> bool:
    """Whether `value` is an allowed turn timer in seconds (a whole number, never true/false)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= TIMER_MAX


def is_seed(value: object) -> bool:
    """Whether `value` is an allowed seed (a whole number, never true/false)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= SEED_MAX
