"""The game's seeded random generator: SplitMix64, whose whole state is one integer."""

from __future__ import annotations

_MASK = (1 << 64) - 1


def seed_state(seed: int) -> int:
    """The generator state for a seed (any integer)."""
    return seed & _MASK


def next_float(state: int) -> tuple[int, float]:
    """The next state and a float in [0, 1); pure, so the state can live in the game state."""
    state = (state + 0x9E3779B97F4A7C15) & _MASK
    mixed = state
    mixed = ((mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    mixed = ((mixed ^ (mixed >> 27)) * 0x94D049BB133111EB) & _MASK
    mixed ^= mixed >> 31
    return state, (mixed >> 11) / float(1 << 53)
