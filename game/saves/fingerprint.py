"""Fingerprints that tie a save to its scenario and to the state its moves lead to.

The scenario hash is the SHA-256 of the validated scenario's canonical JSON (keys sorted,
defaults left out), not of the file's bytes: reformatting the YAML or editing a comment
keeps old saves loadable, while any change to what the game plays on (a value, a text, an
event) is caught. Leaving defaults out keeps the hash stable when the format gains a new
optional field.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from game.engine import State, to_dict
from game.scenario.models import Scenario


def canonical_json(data: Any) -> bytes:
    """One byte string per JSON value: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def scenario_hash(scenario: Scenario) -> str:
    """The hex SHA-256 of the scenario's canonical JSON."""
    data = scenario.model_dump(mode="json", exclude_defaults=True)
    return hashlib.sha256(canonical_json(data)).hexdigest()


COACHING_FIELDS = frozenset({"hints", "debrief"})
"""Scenario fields that never reach the game's state or log: coaching notes and the debrief.

A teacher may reword them without making saved games unplayable."""


def rules_hash(scenario: Scenario) -> str:
    """The hex SHA-256 of the scenario without its coaching notes and debrief: what the
    moves are played on (titles and texts that reach the log stay in)."""
    data = scenario.model_dump(mode="json", exclude_defaults=True, exclude=set(COACHING_FIELDS))
    return hashlib.sha256(canonical_json(data)).hexdigest()


def state_digest(state: State) -> str:
    """The hex SHA-256 of the state's canonical JSON: equal states, equal digests."""
    return hashlib.sha256(canonical_json(to_dict(state))).hexdigest()
