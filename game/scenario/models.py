"""Pydantic models of a scenario file: the single source of truth for the format."""

from __future__ import annotations

import datetime
from enum import Enum
from functools import cached_property
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

SCHEMA_VERSION = 1
MAX_ROUNDS = 30
"""The most rounds a game can have, however far effects put the deadline off."""
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,47}$"
"""What an id may be: lower-case letters, digits and hyphens, at most 48 characters."""

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(
        description=(
            "A stable id: lower-case letters, digits and hyphens, starting with a letter or "
            "digit, at most 48 characters (e.g. `joint-data-centre`)."
        )
    ),
]


def _iso_date_only(value: object) -> object:
    """Dates are written YYYY-MM-DD; a bare number would otherwise pass as a Unix time."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    return value


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date_only)]
Points = Annotated[int, Field(ge=-10, le=10)]
Percent = Annotated[int, Field(ge=0, le=100)]


class _NotBlank:
    """JSON Schema for text: at least one character that is not a space.

    The check strips spaces before it counts characters, so `"   "` is empty to it; the schema
    has no stripping, and says the same with a pattern. The pattern sits in an `allOf`, since
    docs/field_tables.py takes a string with its own pattern for an id.
    """

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The string's schema with the rule added."""
        result = handler(schema)
        result["allOf"] = [{"pattern": r"\S", "$comment": "not only spaces"}]
        return result


Text = Annotated[
    str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True), _NotBlank()
]
ShortText = Annotated[
    str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True), _NotBlank()
]
ShortName = Annotated[
    str, StringConstraints(min_length=1, max_length=20, strip_whitespace=True), _NotBlank()
]
Quote = Annotated[
    str, StringConstraints(min_length=1, max_length=320, strip_whitespace=True), _NotBlank()
]


class Strict(BaseModel):
    """Base of every scenario model: immutable, and unknown keys are an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SideId(str, Enum):
    """The two delegations at the table."""

    NATO = "nato"
    RUSSIA = "russia"

    @property
    def other(self) -> SideId:
        """The side across the table."""
        return SideId.RUSSIA if self is SideId.NATO else SideId.NATO


class ProposalKind(str, Enum):
    """How far a proposal can be relied on; low trust discounts promises."""

    VERIFIABLE = "verifiable"
    PROMISE = "promise"
    LEGALLY_BINDING = "legally_binding"
    STRUCTURAL = "structural"


class Trigger(str, Enum):
    """When an event fires: on a set round, when a condition holds, or by chance."""

    SCHEDULED = "scheduled"
    CONDITIONAL = "conditional"
    RANDOM = "random"


class Citation(Strict):
    """A short verbatim quote from one of the scenario's sources."""

    source: Slug = Field(description="The id of an entry in `sources`.")
    quote: Quote = Field(
        description="The exact words of the source, a sentence or less (at most 320 characters)."
    )


class Source(Strict):
    """A document the scenario is built from."""

    id: Slug = Field(description="The id citations use to point at this source.")
    title: Text = Field(description="The document's title.")
    author: Text = Field(description="Who wrote or published it (a person, agency or outlet).")
    date: IsoDate = Field(description="When it was published, as YYYY-MM-DD.")
    note: Text | None = Field(default=None, description="Optional: what the document is.")


class SideNumbers(Strict):
    """A number for each side (a value, a change of support, ...); a missing side means 0."""

    nato: int = Field(default=0, ge=-100, le=100, description="The number for NATO.")
    russia: int = Field(default=0, ge=-100, le=100, description="The number for Russia.")

    def of(self, side: SideId) -> int:
        """The number for one side."""
        return self.nato if side is SideId.NATO else self.russia


class SideValues(Strict):
    """What a proposal is worth to each side, in points from -10 (very bad) to +10."""

    nato: Points = Field(default=0, description="NATO's value, -10 to 10.")
    russia: Points = Field(default=0, description="Russia's value, -10 to 10.")

    def of(self, side: SideId) -> int:
        """The value for one side."""
        return self.nato if side is SideId.NATO else self.russia


class TrustChange(Strict):
    """A change to trust in either direction, in points."""

    nato_in_russia: int = Field(
        default=0, ge=-40, le=40, description="Change to NATO's trust in Russia."
    )
    russia_in_nato: int = Field(
        default=0, ge=-40, le=40, description="Change to Russia's trust in NATO."
    )


class TrustLevels(Strict):
    """Trust thresholds; a direction left out is not tested."""

    nato_in_russia: Percent | None = Field(
        default=None, description="Threshold for NATO's trust in Russia (0-100)."
    )
    russia_in_nato: Percent | None = Field(
        default=None, description="Threshold for Russia's trust in NATO (0-100)."
    )


class SupportLevels(Strict):
    """Domestic-support thresholds; a side left out is not tested."""

    nato: Percent | None = Field(default=None, description="Threshold for NATO's support.")
    russia: Percent | None = Field(default=None, description="Threshold for Russia's support.")


class ValueChange(Strict):
    """A lasting change to what one proposal is worth to each side."""

    proposal: Slug = Field(description="The id of the proposal whose value changes.")
    nato: int = Field(default=0, ge=-10, le=10, description="Points added to NATO's value.")
    russia: int = Field(default=0, ge=-10, le=10, description="Points added to Russia's value.")


class Effect(Strict):
    """What happens to the world: trust, support, values and the deadline."""

    trust: TrustChange | None = Field(
        default=None, description="Trust changes; each becomes a named modifier that fades."
    )
    fade: int = Field(
        default=1,
        ge=0,
        le=10,
        description=(
            "How many points a round the trust changes fade back toward the start (0: never)."
        ),
    )
    support: SideNumbers | None = Field(
        default=None, description="Changes to each side's domestic support, in points."
    )
    values: list[ValueChange] = Field(
        default_factory=list, description="Lasting changes to proposals' values."
    )
    deadline: int = Field(
        default=0, ge=-3, le=3, description="Rounds added to (or taken from) the deadline."
    )


class Condition(Strict):
    """A test on the state; every part given must hold. An empty condition always holds."""

    round_at_least: int | None = Field(
        default=None, ge=1, le=MAX_ROUNDS, description="Holds from this round on."
    )
    trust_at_least: TrustLevels | None = Field(
        default=None, description="Trust must be at least these levels."
    )
    trust_below: TrustLevels | None = Field(
        default=None, description="Trust must be below these levels."
    )
    support_at_least: SupportLevels | None = Field(
        default=None, description="Support must be at least these levels."
    )
    support_below: SupportLevels | None = Field(
        default=None, description="Support must be below these levels."
    )
    agreed: list[Slug] = Field(
        default_factory=list, description="Proposals that must already be agreed."
    )
    not_agreed: list[Slug] = Field(
        default_factory=list, description="Proposals that must not be agreed."
    )
    tabled: list[Slug] = Field(
        default_factory=list, description="Proposals that must be on the table now."
    )
    not_tabled: list[Slug] = Field(
        default_factory=list,
        description="Proposals that must not be on the table now (not yet tabled, or closed).",
    )
    objected: list[Slug] = Field(
        default_factory=list,
        description="Proposals an objection must be open against now.",
    )
    not_objected: list[Slug] = Field(
        default_factory=list,
        description="Proposals no objection may be open against now.",
    )


class Constituency(Strict):
    """A group at home whose mood a delegation must watch."""

    id: Slug = Field(description="The constituency's id.")
    name: ShortText = Field(description="Its name (e.g. 'Eastern allies').")
    description: Text = Field(description="What it wants, in a sentence or two.")


def _ids_to_ids(schema: dict[str, Any]) -> None:
    """JSON Schema for a mapping of ids to ids: every key an id (pydantic's own
    `patternProperties` would let any other key through), every value an id."""
    schema.pop("patternProperties", None)
    schema["propertyNames"] = {"pattern": SLUG_PATTERN}
    schema["additionalProperties"] = {"type": "string", "pattern": SLUG_PATTERN}


class RedLine(Strict):
    """An outcome a side must never accept; private to that side."""

    text: Text = Field(description="The red line as the side's briefing states it.")
    proposal: Slug | None = Field(
        default=None,
        description=(
            "Optional: a proposal this side may never accept (with `terms`, only those terms)."
        ),
    )
    terms: dict[Slug, Slug] = Field(
        default_factory=dict,
        description="Optional: term id -> variant id; the red line covers only these terms.",
        json_schema_extra=_ids_to_ids,
    )


class Side(Strict):
    """One delegation: its public face and its private instructions."""

    name: ShortText = Field(
        description="Display name, for headings and labels (e.g. 'NATO', 'Russian Federation')."
    )
    short_name: ShortName | None = Field(
        default=None,
        description=(
            "Optional: the name the log and other sentences use (e.g. 'Russia' in \"Russia's "
            'trust in NATO fell 2 to 40"); without it they use `name`.'
        ),
    )
    briefing: Text = Field(description="The public briefing both sides may read.")
    priorities: list[Text] = Field(
        min_length=1, description="Private: what this side wants, most important first."
    )
    red_lines: list[RedLine] = Field(
        default_factory=list, description="Private: outcomes this side must never accept."
    )
    support: Percent = Field(description="Starting domestic support, 0 to 100.")
    constituencies: list[Constituency] = Field(
        default_factory=list, description="Optional groups at home (e.g. 'US Congress')."
    )

    @property
    def short(self) -> str:
        """The name running text gives this side: `short_name`, or `name` without one."""
        return self.short_name or self.name


class Sides(Strict):
    """Both delegations."""

    nato: Side = Field(description="The NATO delegation.")
    russia: Side = Field(description="The Russian delegation.")

    def of(self, side: SideId) -> Side:
        """One delegation."""
        return self.nato if side is SideId.NATO else self.russia


class StartingTrust(Strict):
    """Trust at the start, which is also the level that changes fade back to."""

    nato_in_russia: Percent = Field(description="NATO's trust in Russia at the start, 0-100.")
    russia_in_nato: Percent = Field(description="Russia's trust in NATO at the start, 0-100.")


class Variant(Strict):
    """One way to fill in a term of a proposal."""

    id: Slug = Field(description="The variant's id, unique within its term.")
    label: ShortText = Field(description="A short label (e.g. 'Legally binding treaty').")
    summary: Text | None = Field(default=None, description="Optional: what this variant means.")
    kind: ProposalKind | None = Field(
        default=None, description="Optional: the proposal's kind when this variant is chosen."
    )
    value: SideValues = Field(
        default_factory=SideValues,
        description="Points added to each side's value of the proposal with this variant.",
    )


class Term(Strict):
    """An amendable part of a proposal, with its variants."""

    id: Slug = Field(description="The term's id, unique within its proposal.")
    label: ShortText = Field(description="A short label (e.g. 'Form of the guarantee').")
    variants: list[Variant] = Field(min_length=2, description="The choices, at least two.")
    default: Slug = Field(description="The id of the variant used unless a side picks another.")


class ProposalEffects(Strict):
    """Effects of a proposal at each step of its life."""

    tabled: Effect | None = Field(default=None, description="When it is put on the table.")
    accepted: Effect | None = Field(default=None, description="When both sides agree it.")
    rejected: Effect | None = Field(default=None, description="When it is rejected.")


class Proposal(Strict):
    """Something a side can put on the table."""

    id: Slug = Field(description="The proposal's id.")
    title: ShortText = Field(description="A short title (e.g. 'Joint data-fusion centre').")
    summary: Text = Field(description="What it means, in plain words.")
    citation: Citation | None = Field(
        default=None, description="Where a source proposes or mentions it (required if it does)."
    )
    tabled_by: list[SideId] = Field(min_length=1, description="Which sides may table it.")
    kind: ProposalKind = Field(description="How far it can be relied on.")
    value: SideValues = Field(description="Its base value to each side, -10 to 10.")
    terms: list[Term] = Field(default_factory=list, description="Amendable terms.")
    requires: list[Slug] = Field(
        default_factory=list, description="Proposals that must be agreed before this is tabled."
    )
    effects: ProposalEffects = Field(
        default_factory=ProposalEffects, description="Effects when tabled, accepted, rejected."
    )


class Objection(Strict):
    """A reason a side gives against proposals; while open it blocks agreement."""

    id: Slug = Field(description="The objection's id.")
    side: SideId = Field(description="The side that raises it.")
    against: list[Slug] = Field(min_length=1, description="The proposals it can be raised against.")
    text: Text = Field(description="The objection as the side says it.")
    citation: Citation | None = Field(default=None, description="Where a source voices it.")
    answers: list[Slug] = Field(
        min_length=1, description="Ids of the arguments that can resolve it."
    )


class ArgumentCost(Strict):
    """What using an argument costs the side that makes it."""

    support: int = Field(default=0, ge=0, le=30, description="Domestic support spent.")


class Argument(Strict):
    """A way to answer an objection."""

    id: Slug = Field(description="The argument's id.")
    side: SideId = Field(description="The side that can make it.")
    title: ShortText = Field(description="A short title (e.g. 'Cite the 1997 Founding Act').")
    text: Text = Field(description="The argument as the side says it.")
    citation: Citation | None = Field(default=None, description="Where a source makes it.")
    cost: ArgumentCost = Field(
        default_factory=ArgumentCost, description="What making it costs this side."
    )
    condition: Condition | None = Field(
        default=None, description="It can only succeed when this holds (e.g. a trust level)."
    )
    chance: float = Field(
        default=1.0, ge=0.0, le=1.0, description="Chance it resolves the objection, 0 to 1."
    )
    effect: Effect | None = Field(default=None, description="What happens when it succeeds.")


class Event(Strict):
    """Something that happens outside the room, at the start of a round."""

    id: Slug = Field(description="The event's id.")
    title: ShortText = Field(description="A headline.")
    text: Text = Field(description="What happened, in a sentence or two.")
    citation: Citation | None = Field(default=None, description="Where a source reports it.")
    trigger: Trigger = Field(description="scheduled, conditional or random.")
    round: int | None = Field(
        default=None, ge=1, le=MAX_ROUNDS, description="For scheduled events: the round it fires."
    )
    when: Condition | None = Field(
        default=None, description="For conditional events (and optionally random ones)."
    )
    probability: float | None = Field(
        default=None, ge=0.0, le=1.0, description="For random events: the chance each round."
    )
    effect: Effect = Field(description="What it changes.")


class Hint(Strict):
    """A coaching note shown to players at a round (used by the tutorial)."""

    round: int = Field(ge=1, le=MAX_ROUNDS, description="The round it appears in.")
    side: SideId | None = Field(
        default=None, description="Only for this side (leave out for both)."
    )
    text: Text = Field(description="The note.")
    when: Condition | None = Field(
        default=None,
        description="Shown only while this holds (e.g. 'objected: [watch-tests]').",
    )


class Debrief(Strict):
    """What the class discusses after the game."""

    what_happened: list[Text] = Field(
        min_length=1, description="What really happened, a paragraph an item."
    )
    questions: list[Text] = Field(min_length=1, description="Discussion questions.")


class Scenario(Strict):
    """A whole scenario: the table, the people at it, and what they can do."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    schema_version: int = Field(
        description=f"The format version; this game reads version {SCHEMA_VERSION}.",
        # The check says "must be 1" in its own words (and names a newer game for a larger
        # number); the schema can only say the one value it accepts.
        json_schema_extra={"const": SCHEMA_VERSION},
    )
    id: Slug = Field(description="The scenario's id (e.g. `2009-brussels`).")
    title: ShortText = Field(description="The title shown on the scenario list.")
    date: IsoDate = Field(description="When the scenario is set, as YYYY-MM-DD.")
    place: ShortText = Field(description="Where the talks take place.")
    summary: Text = Field(description="A paragraph for the scenario list.")
    rounds: int = Field(ge=1, le=MAX_ROUNDS, description="How many rounds until the deadline.")
    deadline: ShortText = Field(description="What the deadline is (e.g. 'Chicago summit').")
    first_move: SideId = Field(
        default=SideId.NATO, description="The side that moves first in every round."
    )
    sources: list[Source] = Field(min_length=1, description="The documents it is built from.")
    sides: Sides = Field(description="The two delegations.")
    trust: StartingTrust = Field(description="Starting trust both ways.")
    proposals: list[Proposal] = Field(min_length=1, description="What can be put on the table.")
    objections: list[Objection] = Field(
        default_factory=list, description="Reasons a side can give against proposals."
    )
    arguments: list[Argument] = Field(default_factory=list, description="Answers to objections.")
    events: list[Event] = Field(
        default_factory=list, description="What can happen outside the room."
    )
    hints: list[Hint] = Field(default_factory=list, description="Optional coaching notes.")
    debrief: Debrief = Field(description="What really happened, and questions for the class.")

    @cached_property
    def proposal_by_id(self) -> dict[str, Proposal]:
        """Proposals by id."""
        return {item.id: item for item in self.proposals}

    @cached_property
    def objection_by_id(self) -> dict[str, Objection]:
        """Objections by id."""
        return {item.id: item for item in self.objections}

    @cached_property
    def argument_by_id(self) -> dict[str, Argument]:
        """Arguments by id."""
        return {item.id: item for item in self.arguments}

    @cached_property
    def event_by_id(self) -> dict[str, Event]:
        """Events by id."""
        return {item.id: item for item in self.events}

    def proposal(self, proposal_id: str) -> Proposal:
        """The proposal with this id."""
        return self.proposal_by_id[proposal_id]

    def objection(self, objection_id: str) -> Objection:
        """The objection with this id."""
        return self.objection_by_id[objection_id]

    def argument(self, argument_id: str) -> Argument:
        """The argument with this id."""
        return self.argument_by_id[argument_id]
