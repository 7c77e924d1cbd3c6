"""Every number of the rules, in one place (docs/rules.md quotes them)."""

from __future__ import annotations

TRUST_MIN = 0
TRUST_MAX = 100
SUPPORT_MIN = 0
SUPPORT_MAX = 100

AGREEMENT_TRUST = 3
"""Trust both ways gained when a proposal is agreed."""
REJECTION_TRUST = -2
"""Change to the tabler's trust in a side that rejects its proposal."""

FIRM_SUPPORT = 4
FIRM_TRUST = -3
CONCILIATORY_TRUST = 3
CONCILIATORY_SUPPORT = -2

GESTURE_SUPPORT = -3
GESTURE_TRUST = 6
RESTRAINT_ROUNDS = 2
BROKEN_COMMITMENT_TRUST = -10
KEPT_COMMITMENT_TRUST = 2

WALK_OUT_TRUST = -20
DEFAULT_FADE = 1

PROMISE_FLOOR = 0.4
"""A promise is worth at least this share of its value, however low trust is."""
STRUCTURAL_FLOOR = 0.7
"""A structural arrangement is worth at least this share of its value."""
FULL_TRUST_AT = 60
"""From this trust level on, promises and structures are worth their full value."""

PACKAGE_WEIGHT = 60
SUPPORT_WEIGHT = 20
TRUST_WEIGHT = 20

BREAKDOWN_TRUST = 20
"""Mean trust below this at the end is a breakdown."""
PARTNERSHIP_VALUE = 0.4
"""Each side's package value must reach this share of its best for a partnership."""
PARTNERSHIP_TRUST = 50
"""Mean trust must reach this for a partnership."""
