"""The commented starter scenario that `detente new` writes: valid, playable, and a guide."""

from __future__ import annotations

import json
import re

from game.scenario.characters import slugify
from game.scenario.safeyaml import resolve_plain

_TEMPLATE = """\
# yaml-language-server: $schema=__SCHEMA__
#
# A Détente scenario. Edit the text, then check it with:  detente validate __FILE__
# Every key is explained in docs/scenario-format.md. Lines starting with # are comments.
# Ids (like `joint-radar-data`) use lower-case letters, digits and hyphens.

schema_version: 1          # the format version; leave it at 1
id: __ID__
title: __TITLE__
date: 2010-11-19           # when the talks take place (YYYY-MM-DD)
place: Lisbon
summary: >-
  Write a paragraph for the scenario list: who meets, where, and what is at stake.
rounds: 6                  # each side moves once per round; the deadline comes after the last
deadline: The end of the summit
first_move: nato           # nato or russia

# The documents the scenario is built from; citations below point at them by id.
sources:
  - id: summit-declaration
    title: Lisbon Summit Declaration
    author: NATO heads of state and government
    date: 2010-11-20
    note: The summit's final communiqué.

sides:
  nato:
    name: NATO
    briefing: NATO wants missile defence for all its members and a better relationship with Russia.
    priorities:            # private, most important first
      - Protect every ally against ballistic missiles.
      - Keep the system under NATO command.
    red_lines:             # private: what this side must never accept
      - text: Russia must not get a veto over NATO's defence.
        proposal: joint-command
    support: 60            # domestic support at the start, 0-100
    constituencies:
      - id: eastern-allies
        name: Eastern allies
        description: Members near Russia who fear any deal that looks like a concession.
  russia:
    name: Russian Federation   # the name headings show
    short_name: Russia         # optional: the name sentences use (at most 20 characters)
    briefing: Russia fears that missile defence will one day weaken its nuclear deterrent.
    priorities:
      - Get a legal guarantee that the system is not aimed at Russia.
      - Take part in decisions about the system.
    support: 55

trust:                     # how far each side trusts the other at the start, 0-100
  nato_in_russia: 40
  russia_in_nato: 35

# What can be put on the table. `value` is what it is worth to each side, -10 to 10.
proposals:
  - id: joint-radar-data
    title: Share radar data
    summary: Both sides pass early-warning radar data to a joint centre.
    citation:
      source: summit-declaration
      quote: We will explore opportunities for missile defence co-operation with Russia.
    tabled_by: [nato, russia]
    kind: verifiable       # verifiable, promise, legally_binding or structural
    value: {nato: 5, russia: 4}
    terms:                 # amendable parts; either side can switch the variant
      - id: centre-location
        label: Where the centre sits
        default: brussels
        variants:
          - id: brussels
            label: In Brussels
            value: {nato: 1, russia: -1}
          - id: neutral-site
            label: At a neutral site
            value: {nato: -1, russia: 2}
    effects:
      accepted:
        trust: {nato_in_russia: 5, russia_in_nato: 5}
  - id: no-target-guarantee
    title: A guarantee not to target Russia
    summary: NATO guarantees that its interceptors will not be aimed at Russia's missiles.
    tabled_by: [russia]
    kind: promise          # a promise is worth less when trust is low
    value: {nato: -1, russia: 6}
  - id: joint-command
    title: Joint command of the system
    summary: NATO and Russia decide together when interceptors fire.
    tabled_by: [russia]
    kind: structural
    value: {nato: -8, russia: 8}
    requires: [joint-radar-data]    # can only be tabled once this is agreed

# Reasons a side gives against a proposal; while open, an objection blocks agreement.
objections:
  - id: guarantee-is-words
    side: nato
    against: [no-target-guarantee]
    text: A guarantee on paper changes nothing about what the interceptors can do.
    answers: [offer-inspections]

# Answers to objections; each is made by the side the objection is raised against.
arguments:
  - id: offer-inspections
    side: russia
    title: Ask for inspections
    text: Let our officers visit the sites; then the guarantee can be checked.
    cost: {support: 3}
    condition:
      trust_at_least: {nato_in_russia: 30}
    chance: 0.7
    effect:
      trust: {nato_in_russia: 4}

# What happens outside the room: scheduled (at a round), conditional (when) or random.
events:
  - id: press-leak
    title: A draft leaks to the press
    text: A newspaper prints the draft joint statement; hardliners on both sides protest.
    trigger: scheduled
    round: 3
    effect:
      support: {nato: -3, russia: -3}

hints:                     # optional coaching notes
  - round: 1
    text: Start with something both sides want, such as sharing radar data.

debrief:
  what_happened:
    - Write what really happened after the talks, a paragraph an item.
  questions:
    - Why is a promise worth less than a radar both sides can inspect?
"""


def slug_for(name: str) -> str:
    """An id made from a file name (`My Scenario.yaml` -> `my-scenario`)."""
    return slugify(name) or "my-scenario"


# Ids that other YAML readers (an editor's YAML 1.2, PyYAML's 1.1) take for numbers or dates.
_NOT_TEXT_ELSEWHERE = re.compile(r"[0-9]+e[0-9]+|0x[0-9a-f]+|0o[0-7]+|[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _id_value(slug: str) -> str:
    """The id as written in the file: quoted when a YAML reader could take it for other than text.

    `detente new 2024` must still write a file that validates, and an editor checking the
    file against the schema must not read `1e5` as a number either.
    """
    plain = isinstance(resolve_plain(slug), str) and not _NOT_TEXT_ELSEWHERE.fullmatch(slug)
    yaml_1_1 = slug not in ("yes", "no", "on", "off", "y", "n")
    return slug if plain and yaml_1_1 else json.dumps(slug)


def starter_text(name: str, file: str, schema: str) -> str:
    """The starter scenario titled after `name`, telling how to validate `file`."""
    words = re.sub(r"[-_]+", " ", name).strip()[:100] or "My scenario"
    title = json.dumps(words[:1].upper() + words[1:], ensure_ascii=False)
    return (
        _TEMPLATE.replace("__SCHEMA__", schema)
        .replace("__FILE__", file)
        .replace("__ID__", _id_value(slug_for(name)))
        .replace("__TITLE__", title)
    )
