"""The record of one game as plain data: every move with its reasons, the outcome, the debrief.

Markdown, HTML and CSV are all rendered from this one structure.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Outcome, outcome
from game.engine.moves import Answer, Move, RaiseObjection, Table, Terms, move_type
from game.engine.state import Pair, TrustPoint
from game.report.standing import saved_before_the_end
from game.saves import LoadedGame
from game.saves.listing import MODE_NAMES, SIDE_NAMES, local_time
from game.saves.privacy import SECRETS_KEPT, keeps_secrets
from game.saves.replay import proposal_values, trust_pair
from game.saves.timeouts import with_timeouts
from game.scenario.citations import quoted, reference, source_of
from game.scenario.models import Citation, Scenario, SideId

ENDINGS = {
    "deadline": "the deadline came",
    "signed": "both sides signed the agreed package",
    "walk_out": "a delegation walked out",
}
"""How a finished game ended (an unfinished one says which round it was saved in)."""


@dataclass(frozen=True)
class MoveRow:
    """One move: who made it, what it was, what followed, and where the game stood after."""

    number: int
    round: int
    side: SideId
    side_name: str
    kind: str
    proposal: str | None
    text: str
    """The move in the words of its button (e.g. "Table 'Joint exercises'")."""
    happened: str
    """The log's sentence for the move itself, in the past tense."""
    reasons: tuple[str, ...]
    """The move's consequences the log recorded: trust and support changes, agreements."""
    next_round: tuple[str, ...]
    """When the move ended a round: the next round's opening lines in the order they
    happened (trust fading, promises kept, news)."""
    values: tuple[float, float] | None
    """What the proposal it concerns was worth to NATO and to Russia after the move (None
    for a move on no proposal, and while the game's private values are kept)."""
    trust: Pair
    """Straight after the move, before any round change: nato = NATO's trust in Russia,
    russia = Russia's trust in NATO."""
    support: Pair
    """Straight after the move, before any round change."""
    quote: str | None = None
    """The source's words, attributed, for what the move first brought to the table: the
    proposal it tabled, the objection it raised, the argument it made (None after the first
    time, and when the scenario quotes no source for it)."""


@dataclass(frozen=True)
class PackageLine:
    """One agreed proposal with its final terms in words."""

    title: str
    terms: str
    round: int


@dataclass(frozen=True)
class Transcript:
    """Everything a report shows about one game."""

    title: str
    label: str
    """The table's name, or for a table without one the save's name."""
    table: str
    """The table's name as its players gave it ("" when they gave none)."""
    scenario: Scenario
    mode: str
    players: str
    difficulty: str | None
    seed: int
    saved: str
    opening: tuple[str, ...]
    rows: tuple[MoveRow, ...]
    outcome: Outcome
    """As the game stands; for an unfinished game, scores so far (see `finished`)."""
    finished: bool
    """Whether the game reached its end."""
    secrets_kept: str | None
    """Why each side's private values, instructions and scores are left out (a game people
    are still playing), or None when the record may show them."""
    ending: str
    round: int
    """The round the game ended in, or was saved in."""
    rounds: int
    """The last round (the deadline), as news had left it."""
    package: tuple[PackageLine, ...]
    track: tuple[TrustPoint, ...]
    history: tuple[str, ...]
    questions: tuple[str, ...]
    sources: tuple[str, ...] = ()
    """The sources of the moves' quotes in full, in the order they were first quoted."""

    def side_name(self, side: SideId) -> str:
        """A delegation's display name."""
        return self.scenario.sides.of(side).name

    def short_name(self, side: SideId) -> str:
        """A delegation's name in sentences, as the log gives it."""
        return self.scenario.sides.of(side).short

    def trust_names(self) -> str:
        """Which trust level is which in "42 / 38": "NATO in Russia / Russia in NATO"."""
        nato, russia = self.short_name(SideId.NATO), self.short_name(SideId.RUSSIA)
        return f"{nato} in {russia} / {russia} in {nato}"


def _proposal_of(move: Move) -> str | None:
    return getattr(move, "proposal", None)


def _brought(scenario: Scenario, move: Move) -> tuple[str, Citation | None] | None:
    """What a move brings to the table that a source may have said (a key naming it, and the
    scenario's citation for it), or None for a move that brings nothing new."""
    if isinstance(move, Table):
        return f"proposal:{move.proposal}", scenario.proposal(move.proposal).citation
    if isinstance(move, RaiseObjection):
        return f"objection:{move.objection}", scenario.objection(move.objection).citation
    if isinstance(move, Answer):
        return f"argument:{move.argument}", scenario.argument(move.argument).citation
    return None


def _first_quotes(scenario: Scenario, moves: list[Move]) -> list[Citation | None]:
    """Each move's citation the first time it brings something to the table, else None: a
    proposal tabled again, or an objection raised again, is not quoted twice."""
    seen: set[str] = set()
    found: list[Citation | None] = []
    for move in moves:
        brought = _brought(scenario, move)
        if brought is None or brought[0] in seen:
            found.append(None)
            continue
        seen.add(brought[0])
        found.append(brought[1])
    return found


def _sources_quoted(scenario: Scenario, citations: list[Citation | None]) -> tuple[str, ...]:
    """The sources these citations quote, in full, each once, in the order first quoted."""
    found = [source_of(scenario, c) for c in citations if c is not None]
    # A dict keeps the order in which its keys first came.
    unique = {source.id: source for source in found if source is not None}
    return tuple(reference(source) for source in unique.values())


def terms_in_words(scenario: Scenario, proposal_id: str, terms: Terms) -> str:
    """Chosen terms as 'Label: Variant; ...' (empty for a proposal without terms)."""
    proposal = scenario.proposal(proposal_id)
    chosen = dict(terms)
    parts = []
    for term in proposal.terms:
        variant_id = chosen.get(term.id, term.default)
        variant = next((v for v in term.variants if v.id == variant_id), None)
        parts.append(f"{term.label}: {variant.label if variant else variant_id}")
    return "; ".join(parts)


def computer_players(difficulty: str, scenario: Scenario | None = None) -> str:
    """A computer-only game's players by side: 'NATO easy vs Russia expert' for `detente
    sim`'s 'easy vs expert' (NATO's player first), in the scenario's side names if given."""
    players = difficulty.split(" vs ")
    if len(players) != 2:
        return difficulty
    if scenario is None:
        names = SIDE_NAMES[SideId.NATO], SIDE_NAMES[SideId.RUSSIA]
    else:
        names = scenario.sides.nato.name, scenario.sides.russia.name
    return f"{names[0]} {players[0]} vs {names[1]} {players[1]}"


def players_in_words(game: LoadedGame) -> str:
    """Who played which side, in words."""
    record, sides = game.record, game.scenario.sides
    if not record.humans:
        both = "the computer played both sides"
        if record.difficulty:
            return f"{both}, {computer_players(record.difficulty, game.scenario)}"
        return both
    if len(record.humans) == 2:
        # The mode ("hot seat") is shown beside these words, so they do not repeat it.
        return "two players or teams, one for each side"
    human = record.humans[0]
    return f"a player as {sides.of(human).name}, the computer as {sides.of(human.other).name}"


def build(game: LoadedGame) -> Transcript:
    """The transcript of a loaded game."""
    scenario, replay, record = game.scenario, game.replay, game.record
    final = replay.final
    # The replay viewer's rule: a game people are still playing shows no private values,
    # or a player could read the other side's (or the computer's) mid-game.
    secret = keeps_secrets(record.mode, final.over)
    rows = []
    steps = replay.steps()
    citations = _first_quotes(scenario, [step.move for step in steps])
    for step, citation in zip(steps, citations, strict=True):
        name = scenario.sides.of(step.side).name
        proposal = _proposal_of(step.move)
        values = None
        if proposal is not None and proposal in scenario.proposal_by_id and not secret:
            row = next(v for v in proposal_values(step.moved) if v.id == proposal)
            values = row.effective
        log = with_timeouts(scenario, step.log, record.timed_out, first=step.number)
        lines = [entry.text for entry in log]
        # The move that ends a round also starts the next one; those lines belong to it,
        # with the fading (which comes first, after the round's own line) put in.
        split = next((i for i, e in enumerate(log) if e.kind == "round"), len(lines))
        if split < len(lines):
            lines[split + 1 : split + 1] = replay.fading.get(step.after.round, ())
        rows.append(
            MoveRow(
                number=step.number,
                round=step.round,
                side=step.side,
                side_name=name,
                kind=move_type(step.move),
                proposal=proposal,
                text=step.text,
                happened=lines[0] if lines else step.text,
                reasons=tuple(lines[1:split]),
                next_round=tuple(lines[split:]),
                values=values,
                trust=trust_pair(step.moved),
                support=step.moved.support,
                quote=quoted(scenario, citation) if citation is not None else None,
            )
        )
    result = outcome(final)
    package = tuple(
        PackageLine(item.title, terms_in_words(scenario, item.proposal, item.terms), item.round)
        for item in result.package
    )
    return Transcript(
        title=scenario.title,
        label=record.label or (game.path.stem if game.path else record.game_id),
        table=record.label or "",
        scenario=scenario,
        mode=MODE_NAMES.get(record.mode, record.mode),
        players=players_in_words(game),
        # Only a game with a person against the computer has a level (a hot-seat game taken
        # over from a computer-only one keeps the old players' names in its record; a
        # computer-only game's players are named side by side in `players`).
        difficulty=record.difficulty if record.mode == "solo" else None,
        seed=record.seed,
        saved=local_time(record.updated),
        opening=tuple(entry.text for entry in replay.opening()),
        rows=tuple(rows),
        outcome=result,
        finished=final.over,
        secrets_kept=SECRETS_KEPT[record.mode] if secret else None,
        ending=(
            ENDINGS.get(result.ended_by, result.ended_by)
            if final.over
            else saved_before_the_end(final)
        ),
        round=final.round,
        rounds=final.rounds,
        package=package,
        track=final.trust_track,
        history=tuple(scenario.debrief.what_happened),
        questions=tuple(scenario.debrief.questions),
        sources=_sources_quoted(scenario, citations),
    )
