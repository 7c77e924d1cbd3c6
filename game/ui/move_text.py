"""Words for the move panel: groups, short button labels and what each legal move will do."""

from __future__ import annotations

from dataclasses import dataclass

from game.ai.board import kind_label
from game.engine import constants as C
from game.engine import describe_move
from game.engine.effects import change_support, unmet
from game.engine.moves import (
    Accept,
    Amend,
    Answer,
    Gesture,
    Move,
    Pass,
    RaiseObjection,
    Reject,
    Statement,
    Table,
    Terms,
    Tone,
    WalkOut,
    WithdrawObjection,
)
from game.engine.state import Direction, SideNames, State, Status
from game.engine.trust import fade_words, trust_level, trust_of, trust_words
from game.engine.values import effective_kind, effective_value, terms_with_defaults
from game.scenario.citations import quoted
from game.scenario.models import Citation, Condition, Effect, ProposalKind, Scenario, SideId
from game.ui.text import Block, Para, quote_para

WITHDRAW_HEADING = "Withdraw your objection"
"""The heading of the moves that withdraw one's own objection (the Accept details name it)."""

REJECT_HEADING = "Reject"
OWN_REJECT_HEADING = "Withdraw your proposal"
"""Rejecting one's own proposal withdraws it: listed under its own heading, so a side never
reads "withdraw" over the other side's proposal."""

GROUPS: tuple[tuple[type, str], ...] = (
    (Accept, "Accept"),
    (Table, "Put a proposal on the table"),
    (Amend, "Change the terms"),
    (Answer, "Answer an objection"),
    (WithdrawObjection, WITHDRAW_HEADING),
    (RaiseObjection, "Raise an objection"),
    (Reject, REJECT_HEADING),
    (Statement, "Speak to the press"),
    (Gesture, "Other moves"),
    (Pass, "Other moves"),
    (WalkOut, "Other moves"),
)


def group_of(move: Move, state: State | None = None) -> str:
    """The heading a move is listed under (with `state`, a side's own proposal is withdrawn,
    not rejected)."""
    if isinstance(move, Reject) and state is not None:
        own = state.proposal(move.proposal).tabled_by is move.side
        return OWN_REJECT_HEADING if own else REJECT_HEADING
    for kind, title in GROUPS:
        if isinstance(move, kind):
            return title
    return "Other moves"


def grouped(moves: list[Move], state: State | None = None) -> list[tuple[str, list[Move]]]:
    """The moves under their headings, in the panel's order (most constructive first)."""
    order: list[str] = []
    for _kind, title in GROUPS:
        if title not in order:
            order.append(title)
        if title == REJECT_HEADING:
            order.append(OWN_REJECT_HEADING)
    buckets: dict[str, list[Move]] = {title: [] for title in order}
    for move in moves:
        buckets[group_of(move, state)].append(move)
    return [(title, buckets[title]) for title in order if buckets[title]]


def sections(scenario: Scenario, moves: list[Move]) -> list[tuple[str, list[Move]]]:
    """One heading's moves by `topic`, in order of first appearance (topic '': alone)."""
    found: list[tuple[str, list[Move]]] = []
    shared: dict[str, list[Move]] = {}
    for move in moves:
        name = topic(scenario, move)
        if name in shared:
            shared[name].append(move)
            continue
        members = [move]
        found.append((name, members))
        if name:
            shared[name] = members
    return found


def _variant_label(scenario: Scenario, proposal_id: str, term_id: str, variant_id: str) -> str:
    term = next(t for t in scenario.proposal(proposal_id).terms if t.id == term_id)
    return next(v.label for v in term.variants if v.id == variant_id)


def _tabled_variants(scenario: Scenario, move: Table) -> list[str]:
    """The labels of the terms a tabling would set, one per term, defaults filled in."""
    proposal = scenario.proposal(move.proposal)
    chosen = dict(terms_with_defaults(proposal, move.terms))
    return [_variant_label(scenario, proposal.id, t.id, chosen[t.id]) for t in proposal.terms]


def _meanings(scenario: Scenario, proposal_id: str, chosen: Terms) -> list[str]:
    """What each chosen variant means ('Label: summary'), for the variants the scenario
    explains, in the order of the proposal's terms."""
    picked = dict(chosen)
    found = []
    for term in scenario.proposal(proposal_id).terms:
        variant = next((v for v in term.variants if v.id == picked.get(term.id)), None)
        if variant is not None and variant.summary:
            found.append(f"{variant.label}: {variant.summary}")
    return found


def short_label(scenario: Scenario, move: Move) -> str:
    """A button label: the move without the verb its heading already gives."""
    if isinstance(move, Table):
        title, variants = scenario.proposal(move.proposal).title, _tabled_variants(scenario, move)
        return title + (f": {', '.join(variants)}" if variants else "")
    if isinstance(move, Amend):
        variant = _variant_label(scenario, move.proposal, move.term, move.variant)
        return f"{scenario.proposal(move.proposal).title}: {variant}"
    if isinstance(move, (RaiseObjection, WithdrawObjection)):
        return (
            f"{scenario.proposal(move.proposal).title}: {scenario.objection(move.objection).text}"
        )
    if isinstance(move, Answer):
        return scenario.argument(move.argument).title
    if isinstance(move, (Accept, Reject)):
        return scenario.proposal(move.proposal).title
    if isinstance(move, Statement):
        return "Firm statement" if move.tone is Tone.FIRM else "Conciliatory statement"
    if isinstance(move, Gesture):
        return "Goodwill gesture"
    if isinstance(move, Pass):
        return "Pass"
    return "Walk out of the talks"


def topic(scenario: Scenario, move: Move) -> str:
    """What a move is about, shared by its rivals: a proposal's title, an objection's text.

    '' for moves that stand alone (accepting, statements, passing). When several moves
    under one heading share a topic, the panel shows it once and `detail` on each button,
    so that the part that tells them apart is never the part cut off.
    """
    if isinstance(move, Table) and not scenario.proposal(move.proposal).terms:
        return ""  # only one way to table it: nothing to tell apart
    if isinstance(move, (Table, Amend, RaiseObjection, WithdrawObjection)):
        return scenario.proposal(move.proposal).title
    if isinstance(move, Answer):
        return scenario.objection(move.objection).text
    return ""


def detail(scenario: Scenario, move: Move) -> str:
    """The part of a move's label that tells it apart from rivals on the same `topic`."""
    if isinstance(move, Table):
        variants = _tabled_variants(scenario, move)
        return ", ".join(variants) or scenario.proposal(move.proposal).title
    if isinstance(move, Amend):
        proposal = scenario.proposal(move.proposal)
        variant = _variant_label(scenario, move.proposal, move.term, move.variant)
        if len(proposal.terms) < 2:
            return variant
        term = next(t for t in proposal.terms if t.id == move.term)
        return f"{term.label}: {variant}"
    if isinstance(move, (RaiseObjection, WithdrawObjection)):
        return scenario.objection(move.objection).text
    return short_label(scenario, move)


def describe_condition(
    condition: Condition | None,
    scenario: Scenario,
    state: State | None = None,
    tested: State | None = None,
) -> str:
    """A condition in words, each part with its verb ('NATO's trust in Russia is at least
    40'), or '' if none. With `state`, each part says where it stands now and, when it does
    not hold, that this cannot work yet ('(now 38: this cannot work yet)'); it is tested on
    `tested` when given (an answer's cost is paid before its condition is tested)."""
    if condition is None:
        return ""
    parts: list[_Part] = []
    names = {d.value: trust_words(SideNames.of_scenario(scenario), d) for d in Direction}
    support = {side.value: f"support for {scenario.sides.of(side).short}" for side in SideId}
    for field in ("trust_at_least", "trust_below", "support_at_least", "support_below"):
        levels = getattr(condition, field)
        word = "at least" if field.endswith("at_least") else "below"
        for key, label in (names if field.startswith("trust") else support).items():
            value = getattr(levels, key) if levels is not None else None
            if value is not None:
                # The part alone, so that the engine's own rule says whether it holds.
                only = Condition.model_validate({field: {key: value}})
                now = _numbers(state, tested, key)
                parts.append(_Part(f"{label} is {word} {value}", only, now, word == "at least"))
    if condition.round_at_least:
        only = Condition(round_at_least=condition.round_at_least)
        now = f"round {state.round}" if state else ""
        parts.append(_Part(f"it is round {condition.round_at_least} or later", only, now, True))
    parts += _proposal_parts(condition, scenario, state)
    return " and ".join(part.words(state, tested) for part in parts)


@dataclass(frozen=True)
class _Part:
    """One part of a condition: its words, the part alone (to test it by the engine's own
    rule), where it stands now, and whether it may yet come to hold as the talks go on."""

    text: str
    only: Condition
    now: str
    hopeful: bool

    def words(self, state: State | None, tested: State | None) -> str:
        """The part in words, with where it stands now when there is a `state`."""
        if state is None:
            return self.text
        if not unmet(tested or state, self.only):
            return f"{self.text} (now {self.now})"
        return f"{self.text} (now {self.now}: this cannot work {'yet' if self.hopeful else 'now'})"


def _numbers(state: State | None, tested: State | None, key: str) -> str:
    """A trust level (`key` a direction) or a side's support (`key` a side) now ('38'), and
    where it is tested when that differs ('52, 48 once you have paid'); '' without a state."""
    if state is None:
        return ""
    now, then = _level(state, key), _level(tested or state, key)
    return str(now) if now == then else f"{now}, {then} once you have paid"


def _level(state: State, key: str) -> int:
    """A trust level ('nato_in_russia') or a side's support ('nato') in `state`."""
    if key in {direction.value for direction in Direction}:
        return trust_level(state, Direction(key))
    return state.support.of(SideId(key))


_ABOUT_PROPOSALS = (
    ("agreed", "'{}' is agreed", True),
    ("not_agreed", "'{}' is not agreed", False),
    ("tabled", "'{}' is on the table", True),
    ("not_tabled", "'{}' is not on the table", False),
    ("objected", "an objection is open against '{}'", True),
    ("not_objected", "no objection is open against '{}'", False),
)
"""A condition's keys that name proposals: the words of each, and whether it may yet hold."""


def _proposal_parts(condition: Condition, scenario: Scenario, state: State | None) -> list[_Part]:
    """The parts of a condition about proposals: agreed, on the table, objected to, or not."""
    parts = []
    for field, words, hopeful in _ABOUT_PROPOSALS:
        for pid in getattr(condition, field):
            only = Condition.model_validate({field: [pid]})
            now = _proposal_now(state, field, pid) if state else ""
            parts.append(_Part(words.format(scenario.proposal(pid).title), only, now, hopeful))
    return parts


def _proposal_now(state: State, field: str, pid: str) -> str:
    """Where a proposal stands now, in the terms of a condition's part about it."""
    if field.endswith("objected"):
        count = sum(o.proposal == pid for o in state.objections)
        return f"{count} open" if count else "none open"
    live = state.proposal(pid)
    if field.endswith("agreed"):
        return "agreed" if live.status is Status.AGREED else "not agreed"
    return "on the table" if live.status.on_table else "not on the table"


def value_to(state: State, side: SideId, proposal_id: str, terms: Terms) -> float:
    """What these terms of a proposal are worth to `side` now, on its 10-point scale."""
    proposal = state.scenario.proposal(proposal_id)
    chosen = terms_with_defaults(proposal, terms)
    shift = state.proposal(proposal_id).value_shift.of(side)
    return effective_value(proposal, chosen, side, trust_of(state, side), shift)


def best_accepts_first(state: State, moves: list[Move]) -> list[Move]:
    """The moves with the acceptances ordered by what they are worth to the mover, best first:
    a new turn starts on the first move, and a student pressing Enter twice should not take
    a deal worth less than nothing because it happened to be listed first."""
    accepts = [move for move in moves if isinstance(move, Accept)]
    accepts.sort(
        key=lambda move: (
            -value_to(state, move.side, move.proposal, state.proposal(move.proposal).terms)
        )
    )
    return accepts + [move for move in moves if not isinstance(move, Accept)]


def _worth(state: State, side: SideId, proposal_id: str, terms: Terms) -> str:
    proposal = state.scenario.proposal(proposal_id)
    chosen = terms_with_defaults(proposal, terms)
    trust = trust_of(state, side)
    value = value_to(state, side, proposal_id, terms)
    kind = effective_kind(proposal, chosen)
    note = ""
    if (
        value > 0
        and kind in (ProposalKind.PROMISE, ProposalKind.STRUCTURAL)
        and trust < C.FULL_TRUST_AT
    ):
        # In the words the computer's explanations use ("a {kind.value}" read "a structural").
        full = C.FULL_TRUST_AT
        note = f" ({kind_label(kind)}: discounted while your trust is {trust}, under {full})"
    return f"Worth to you: {value:+.1f} of 10{note}."


def _restraint(state: State, side: SideId) -> str:
    for commitment in state.commitments:
        if commitment.side is side and commitment.status == "open":
            return (
                f"You promised restraint until round {commitment.until_round}: this breaks "
                f"the promise (their trust in you {C.BROKEN_COMMITMENT_TRUST})."
            )
    return ""


def agreement_changes(state: State, side: SideId, proposal_id: str) -> str:
    """The public trust and support changes of agreeing a proposal, as `side` would read them:
    the standard agreement trust and the proposal's own effects, lasting or fading as the log
    will say. Its value changes are left out: they are private."""
    other = state.scenario.sides.of(side.other).short
    effect = state.scenario.proposal(proposal_id).effects.accepted

    def parts(direction: Direction) -> list[tuple[int, int]]:
        # In the order the log gives them: the proposal's own effect, then the standard.
        own = getattr(effect.trust, direction.value) if effect and effect.trust else 0
        standard = (C.AGREEMENT_TRUST, C.DEFAULT_FADE)
        return [(own, effect.fade), standard] if own and effect else [standard]

    theirs, yours = parts(Direction.of(side.other)), parts(Direction.of(side))
    if theirs == yours:
        phrases = [f"trust {_trust_change(yours, ' both ways')}"]
    else:
        phrases = [
            f"{other}'s trust in you {_trust_change(theirs)}",
            f"your trust in {other} {_trust_change(yours)}",
        ]
    if effect is not None:
        phrases += _support_phrases(effect, side, other)
    return "; ".join(phrases)


def _support_phrases(effect: Effect, side: SideId, other: str) -> list[str]:
    """An effect's support changes, as `side` reads them."""
    if not effect.support:
        return []
    return [
        f"{who} support at home {effect.support.of(number):+d}"
        for who, number in (("your", side), (f"{other}'s", side.other))
        if effect.support.of(number)
    ]


def effect_words(state: State, side: SideId, effect: Effect | None) -> str:
    """A scenario effect's public changes (trust, support, the deadline), as `side` reads
    them; its value changes are private and left out."""
    if effect is None:
        return ""
    other = state.scenario.sides.of(side.other).short
    phrases = []
    if effect.trust:
        for direction, whose in (
            (Direction.of(side.other), f"{other}'s trust in you"),
            (Direction.of(side), f"your trust in {other}"),
        ):
            size = getattr(effect.trust, direction.value)
            if size:
                phrases.append(f"{whose} {size:+d} ({fade_words(effect.fade)})")
    phrases += _support_phrases(effect, side, other)
    if effect.deadline:
        rounds = abs(effect.deadline)
        later = "later" if effect.deadline > 0 else "earlier"
        phrases.append(f"the deadline {rounds} round{'s' if rounds > 1 else ''} {later}")
    return "; ".join(phrases)


def _trust_change(parts: list[tuple[int, int]], after: str = "") -> str:
    """'+6 (+3 lasting, +3 fading 1 a round)' for the (size, fade) parts of one change, with
    `after` put after the number."""
    total = sum(size for size, _ in parts)
    if len(parts) == 1:
        return f"{total:+d}{after} ({fade_words(parts[0][1])})"
    notes = ", ".join(f"{size:+d} {fade_words(fade)}" for size, fade in parts)
    return f"{total:+d}{after} ({notes})"


def _own_objections_block(state: State, side: SideId, proposal_id: str) -> str:
    """Why accepting will not agree a proposal the mover itself objected to, and the way out."""
    own = [o for o in state.objections if o.proposal == proposal_id and o.side is side]
    if not own:
        return ""
    texts = " and ".join(f"“{state.scenario.objection(o.objection).text}”" for o in own)
    if len(own) == 1:
        return (
            f"Your own objection {texts} blocks it: even once both sides accept, it cannot be "
            f"agreed until you withdraw the objection ({WITHDRAW_HEADING}, a move of its own)."
        )
    return (
        f"Your own objections {texts} block it: even once both sides accept, it cannot be "
        f"agreed until you withdraw them ({WITHDRAW_HEADING}, a move each)."
    )


def _withdraw_lines(state: State, move: WithdrawObjection) -> list[str]:
    """What withdrawing an objection does: what it unblocks, and that it costs the move."""
    scenario = state.scenario
    title = scenario.proposal(move.proposal).title
    live = state.proposal(move.proposal)
    again = (
        "You have accepted it, so you cannot raise it again."
        if move.side in live.accepted_by
        else "You may raise it again later, as long as you have not accepted the proposal."
    )
    lines = [
        f"You take back your objection “{scenario.objection(move.objection).text}”: "
        f"it no longer blocks '{title}'.",
        f"Withdrawing changes no trust or support of itself: it only takes this move. {again}",
    ]
    others = [
        o for o in state.objections if o.proposal == move.proposal and o.objection != move.objection
    ]
    if others:
        count = len(others)
        lines.append(
            f"{count} other objection{'s' if count > 1 else ''} against it "
            f"{'are' if count > 1 else 'is'} still open."
        )
    elif set(live.accepted_by) == set(SideId):
        lines.append(
            "Both sides have accepted it, so withdrawing agrees it at once, and the agreement "
            f"brings {agreement_changes(state, move.side, move.proposal)}."
        )
    else:
        lines.append("It is agreed once both sides accept the same terms.")
    return lines


LAST_MOVE_OFFER = "This is the last move of the talks: the other side cannot accept it now."
"""What tabling or amending does on the game's last move (nothing can follow it)."""


def _last_move(state: State) -> bool:
    """Whether the side to move makes the game's last move (the second move of the last round)."""
    return state.round >= state.rounds and state.moved_this_round == 1


def move_details(state: State, move: Move) -> list[Block]:
    """What the move is and what it will do, for the side making it."""
    scenario, side = state.scenario, move.side
    other = scenario.sides.of(side.other).short
    lines: list[str] = []
    last = _last_move(state)
    if isinstance(move, Table):
        lines.append(
            LAST_MOVE_OFFER
            if last
            else "Tabling counts as your acceptance; it is agreed once the other side accepts."
        )
        lines.append(_worth(state, side, move.proposal, move.terms))
        proposal = scenario.proposal(move.proposal)
        brings = effect_words(state, side, proposal.effects.tabled)
        if brings:
            lines.append(f"Tabling it also brings: {brings}.")
        lines.append(proposal.summary)
        lines += _meanings(scenario, move.proposal, terms_with_defaults(proposal, move.terms))
    elif isinstance(move, Amend):
        live = state.proposal(move.proposal)
        changed = dict(live.terms)
        changed[move.term] = move.variant
        lines.append(
            LAST_MOVE_OFFER
            if last
            else "After an amendment only your acceptance stands: the other side must accept again."
        )
        lines.append(_worth(state, side, move.proposal, tuple(sorted(changed.items()))))
        # The change first: it is what the heading names; then what the whole proposal is.
        lines += _meanings(scenario, move.proposal, ((move.term, move.variant),))
        lines.append(scenario.proposal(move.proposal).summary)
    elif isinstance(move, RaiseObjection):
        objection = scenario.objection(move.objection)
        lines.append(
            f"While it is open, '{scenario.proposal(move.proposal).title}' cannot be agreed."
        )
        # What the proposal is, next to its title: the line after is what the side says.
        lines.append(scenario.proposal(move.proposal).summary)
        lines.append(f"You say: {objection.text}")
    elif isinstance(move, Answer):
        argument = scenario.argument(move.argument)
        lines.append(f"You say: {argument.text}")
        chance = f"{round(argument.chance * 100)}% chance to resolve the objection"
        # The cost is paid first, and the condition tested after it (support may be part).
        paid = change_support(state, side, -argument.cost.support, argument.title)
        condition = describe_condition(argument.condition, scenario, state, paid)
        lines.append(chance + (f", and only if {condition}" if condition else "") + ".")
        if argument.cost.support:
            lines.append(f"Costs {argument.cost.support} support at home, paid even if it fails.")
        lines.append("Each argument can be tried once against an objection.")
    elif isinstance(move, WithdrawObjection):
        lines += _withdraw_lines(state, move)
    elif isinstance(move, Accept):
        live = state.proposal(move.proposal)
        lines.append(_worth(state, side, move.proposal, live.terms))
        lines.append(_own_objections_block(state, side, move.proposal))
        lines.append(
            f"If {other} has accepted too and no objection is open, it is agreed: "
            f"{agreement_changes(state, side, move.proposal)}."
        )
        lines.append(scenario.proposal(move.proposal).summary)
    elif isinstance(move, Reject):
        live = state.proposal(move.proposal)
        if live.tabled_by is side:
            lines.append(
                "You withdraw your own proposal; you may table it again later with other terms."
            )
        else:
            lines.append(
                f"{other}'s trust in you changes by {C.REJECTION_TRUST}; it may table it "
                "again only with different terms."
            )
            brings = effect_words(state, side, scenario.proposal(move.proposal).effects.rejected)
            if brings:
                lines.append(f"Rejecting it also brings: {brings}.")
            lines.append(_restraint(state, side))
        lines.append(scenario.proposal(move.proposal).summary)
    elif isinstance(move, Statement):
        if move.tone is Tone.FIRM:
            lines.append(_restraint(state, side))
    elif isinstance(move, Pass):
        if last:
            lines.append("This is the last move of the talks: they end after it.")
        elif not any(live.status is Status.AGREED for live in state.proposals):
            lines.append("Nothing is agreed yet, so passing signs nothing.")
        else:
            lines.append(f"If {other} passes next, the agreed package is signed.")
    elif isinstance(move, WalkOut):
        lines.append(f"The game ends at once in breakdown; trust {C.WALK_OUT_TRUST} both ways.")
    blocks: list[Block] = [Para(describe_move(scenario, move, before=state), 15, True)]
    blocks += [Para(line, 14, gap=6) for line in lines if line]
    citation = _citation(scenario, move)
    if citation is not None:
        blocks.append(quote_para(quoted(scenario, citation), gap=8))
    return blocks


def _citation(scenario: Scenario, move: Move) -> Citation | None:
    """The source's words for what the move brings to the table: the argument it makes, the
    objection it raises, or the proposal it is about."""
    if isinstance(move, Answer):
        return scenario.argument(move.argument).citation
    if isinstance(move, RaiseObjection):
        return scenario.objection(move.objection).citation
    if isinstance(move, (Table, Amend, Accept, Reject)):
        return scenario.proposal(move.proposal).citation
    return None
