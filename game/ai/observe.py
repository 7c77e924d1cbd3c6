"""Work out what the other side did between two of our turns, from the two views alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.engine.handlers import objection_withdrawn
from game.engine.moves import Accept, Amend, Move, Reject, Table, Terms
from game.engine.state import Status
from game.engine.view import View
from game.scenario.models import SideId

_TRUST_NEEDED = re.compile(r"trust in .+? is (\d+), below the (\d+) it needs")
"""A failed argument's reason, in the log's words (a side's name may have spaces)."""


@dataclass(frozen=True)
class Seen:
    """One thing the other side did, as far as the view shows it."""

    kind: str
    """table, amend, accept, reject, withdraw, object, withdraw_objection (they took back
    their own objection), firm, conciliatory, gesture, pass, walk_out, or ignore (our offer
    sat on the table through their turn)."""
    proposal: str | None = None
    terms: Terms = ()
    before: Terms = ()


@dataclass(frozen=True)
class _Snapshot:
    status: Status
    tabled_by: SideId | None
    terms: Terms
    accepted_by: tuple[SideId, ...]


class Observer:
    """Keeps the last view and reports the other side's moves since then."""

    def __init__(self, side: SideId) -> None:
        """An observer for the side whose views it will be given."""
        self.side = side
        self.other = side.other
        self._last: dict[str, _Snapshot] | None = None
        self._objections: set[tuple[str, str]] = set()
        self._log_length = 0
        self.broken: int = 0
        """How many promises of restraint the other side has broken."""
        self.trust_needed: int | None = None
        """The highest trust level a failed argument of ours was told it needs."""
        self.refused: dict[tuple[str, Terms], int] = {}
        """How often the other side turned down each (proposal, terms) by amending or rejecting."""
        self.ignored: dict[tuple[str, Terms], int] = {}
        """How often the other side let each (proposal, terms) of ours sit on the table."""

    def update(self, view: View) -> list[Seen]:
        """The other side's moves since the last call (on the first call, since the start)."""
        seen: list[Seen] = []
        now = {
            p.id: _Snapshot(p.status, p.tabled_by, p.chosen, p.accepted_by) for p in view.proposals
        }
        before = self._last or {
            pid: _Snapshot(Status.AVAILABLE, None, snap.terms, ()) for pid, snap in now.items()
        }
        # An offer of ours they objected to is waiting for our answer, not passed over; nor
        # is one whose objection they spent their move withdrawing.
        lifted = self._lifted(view)
        awaiting_answer = {o.proposal for o in view.objections if o.side is self.other}
        for pid, snap in now.items():
            old = before.get(pid)
            if old is None:
                continue
            for item in self._compare(pid, old, snap):
                if item.kind == "ignore" and pid in awaiting_answer | lifted:
                    continue
                seen.append(item)
                if item.kind in ("amend", "reject"):
                    key = (pid, item.before if item.kind == "amend" else item.terms)
                    self.refused[key] = self.refused.get(key, 0) + 1
                if item.kind == "ignore":
                    key = (pid, item.terms)
                    self.ignored[key] = self.ignored.get(key, 0) + 1
        objections = {(o.objection, o.proposal) for o in view.objections if o.side is self.other}
        for _, proposal in sorted(objections - self._objections):
            seen.append(Seen("object", proposal))
        seen.extend(Seen("withdraw_objection", pid) for pid in sorted(lifted))
        self._objections = objections
        for entry in view.log[self._log_length :]:
            if entry.side is self.other and entry.kind == "move":
                tone = _tone(entry.text)
                if tone:
                    seen.append(Seen(tone))
            if entry.side is self.side and entry.kind == "objection":
                match = _TRUST_NEEDED.search(entry.text)
                if match:
                    self.trust_needed = max(self.trust_needed or 0, int(match.group(2)))
        self._log_length = len(view.log)
        self.broken = sum(
            1 for c in view.commitments if c.side is self.other and c.status == "broken"
        )
        self._last = now
        return seen

    def _lifted(self, view: View) -> set[str]:
        """The proposals the other side withdrew an objection to since the last update.

        Read from the log: an objection also disappears when we answer it or a proposal
        leaves the table, and only the log tells a withdrawal from those.
        """
        name = view.names.of(self.other)
        sentences = {objection_withdrawn(name, p.title): p.id for p in view.proposals}
        return {
            sentences[entry.text]
            for entry in view.log[self._log_length :]
            if entry.side is self.other and entry.kind == "move" and entry.text in sentences
        }

    def after_own(self, move: Move) -> None:
        """Apply our own move to the remembered position, so the next update sees only theirs."""
        if self._last is None or not hasattr(move, "proposal"):
            return
        pid = str(move.proposal)
        old = self._last.get(pid)
        if old is None:
            return
        new = old
        if isinstance(move, Table):
            new = _Snapshot(Status.TABLED, self.side, move.terms, (self.side,))
        elif isinstance(move, Amend):
            chosen = dict(old.terms)
            chosen[move.term] = move.variant
            new = _Snapshot(
                Status.AMENDED, old.tabled_by, tuple(sorted(chosen.items())), (self.side,)
            )
        elif isinstance(move, Accept):
            accepted = (*old.accepted_by, self.side)
            status = Status.AGREED if self.other in accepted else old.status
            new = _Snapshot(status, old.tabled_by, old.terms, accepted)
        elif isinstance(move, Reject):
            status = Status.WITHDRAWN if old.tabled_by is self.side else Status.REJECTED
            new = _Snapshot(status, None, old.terms, ())
        self._last = {**self._last, pid: new}

    def _compare(self, pid: str, old: _Snapshot, new: _Snapshot) -> list[Seen]:
        """The other side's moves on one proposal."""
        other = self.other
        fresh = new.status.on_table and new.tabled_by is other
        if fresh and (not old.status.on_table or old.tabled_by is not other):
            return [Seen("table", pid, new.terms)]
        if new.status.on_table and old.status.on_table and new.terms != old.terms:
            if new.accepted_by == (other,):
                return [Seen("amend", pid, new.terms, old.terms)]
            return []
        if other in new.accepted_by and other not in old.accepted_by:
            return [Seen("accept", pid, new.terms)]
        if new.status is Status.AGREED and old.status.on_table and other not in old.accepted_by:
            return [Seen("accept", pid, old.terms)]
        if old.status.on_table and old.tabled_by is self.side and new.status is Status.REJECTED:
            return [Seen("reject", pid, old.terms)]
        ours = new.status.on_table and self.side in new.accepted_by
        if ours and other not in new.accepted_by and self._last is not None:
            return [Seen("ignore", pid, new.terms)]
        if old.status.on_table and old.tabled_by is other and new.status is Status.WITHDRAWN:
            return [Seen("withdraw", pid, old.terms)]
        return []


def _tone(text: str) -> str | None:
    """The kind of a non-proposal move from its log sentence."""
    for phrase, kind in (
        ("firm public statement", "firm"),
        ("conciliatory public statement", "conciliatory"),
        ("goodwill gesture", "gesture"),
        ("walked out", "walk_out"),
    ):
        if phrase in text:
            return kind
    if text.endswith(" passed."):
        return "pass"
    return None
