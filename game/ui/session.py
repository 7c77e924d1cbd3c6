"""A game in progress as the screens see it: whose seat is whose, the computer's turn, timers."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine import (
    Applied,
    Rejected,
    apply,
    describe_move,
    legal_moves,
    new_game,
    round_fading,
    view,
)
from game.engine.moves import Move, Pass
from game.engine.state import Direction, LogEntry, State
from game.engine.trust import trust_words
from game.engine.view import View
from game.scenario.models import Event, Scenario, SideId

THINK_SECONDS = 0.6
"""The computer's shortest visible pause before its move appears."""
SOLO, HOTSEAT = "solo", "hotseat"


@dataclass(frozen=True)
class Setup:
    """How a game is played: mode, the human's side (solo), difficulty, turn timer, seed,
    and the table's name."""

    mode: str = SOLO
    human: SideId = SideId.NATO
    difficulty: str = "medium"
    timer: int = 0
    """Seconds each side has for a turn (0: no timer); when it runs out the side passes."""
    seed: int = 1
    table: str = ""
    """The table's or team's name for the class record ("Table 3"); "" when unnamed."""


@dataclass
class ComputerTurn:
    """The computer's move being worked out in a worker thread, and the time shown so far."""

    future: Future[Any]
    waited: float = 0.0


@dataclass
class Session:
    """The screens' handle on one game: the engine state plus who plays which side."""

    scenario: Scenario
    setup: Setup
    state: State
    path: Path | None = None
    explanation: str = ""
    """The computer's explanation of its last move."""
    computer_move: str = ""
    reasons: dict[int, tuple[str, str]] = field(default_factory=dict)
    """The computer's (move, explanation) by the number of moves made once it had moved."""
    trust_notes: dict[Direction, str] = field(default_factory=dict)
    fading: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """How trust faded as each round began, in the log's words (the log has no line for it)."""
    pending_events: list[Event] = field(default_factory=list)
    """News the person at the keyboard has yet to see."""
    unseen_news: dict[SideId, list[Event]] = field(default_factory=dict)
    """Hot seat: news each side away from the keyboard will see once it sits down."""
    seated: SideId | None = None
    """Hot seat: the side that last confirmed a hand-over, so is at the keyboard now."""
    briefed: set[SideId] = field(default_factory=set)
    timer_left: float = 0.0
    last_message: str = ""
    """A notice for the person (time ran out, a refused move); kept until a person moves."""
    timed_out: set[int] = field(default_factory=set)
    """The numbers (1 for the first move) of the passes made because time ran out; saves
    keep them so the record can say so."""
    _player: Any = None
    _turn: ComputerTurn | None = None
    _pool: ThreadPoolExecutor | None = None

    @classmethod
    def start(cls, scenario: Scenario, setup: Setup, path: Path | None = None) -> Session:
        """A new game of `scenario`, with the news of its first round waiting to be shown
        (it comes before anyone moves, so no move brings it)."""
        session = cls.resume(scenario, setup, new_game(scenario, setup.seed), path)
        for event_id, _round in session.state.events_fired:
            session._tell(scenario.event_by_id[event_id])
        return session

    @classmethod
    def resume(
        cls, scenario: Scenario, setup: Setup, state: State, path: Path | None = None
    ) -> Session:
        """A session around an existing state (a loaded save)."""
        session = cls(scenario, setup, state, path)
        session.timer_left = float(setup.timer)
        if setup.mode == SOLO:
            session._player = session._new_player()
        session._replay_from_start(state)
        return session

    def _new_player(self) -> Any:
        """The computer player of a game against the computer, remembering nothing yet."""
        from game.ai import make_player

        return make_player(self.setup.difficulty, self.setup.human.other, seed=self.setup.seed)

    # -- who is who -------------------------------------------------------------------------

    @property
    def solo(self) -> bool:
        """True against the computer."""
        return self.setup.mode == SOLO

    def is_human(self, side: SideId) -> bool:
        """Whether a person plays `side`."""
        return not self.solo or side is self.setup.human

    @property
    def to_move(self) -> SideId:
        """The side whose turn it is."""
        return self.state.to_move

    @property
    def over(self) -> bool:
        """Whether the game has ended."""
        return self.state.over

    @property
    def human_turn(self) -> bool:
        """Whether a person is to move now."""
        return not self.over and self.is_human(self.to_move)

    @property
    def viewer(self) -> SideId:
        """The side whose view the table shows: the human in solo; in hot seat the side at the
        keyboard, which changes only at a hand-over (until the first, the side to move)."""
        if self.solo:
            return self.setup.human
        return self.seated or self.to_move

    def sit_down(self, side: SideId) -> None:
        """Hot seat: `side` confirmed it is at the keyboard; it now sees the news it missed."""
        self.seated = side
        self.pending_events += self.unseen_news.pop(side, [])

    def view(self, side: SideId | None = None) -> View:
        """What `side` (by default the viewer) may see."""
        return view(self.state, side or self.viewer)

    def legal(self) -> list[Move]:
        """The moves the person at the table may make now (none on the computer's turn)."""
        return legal_moves(self.state, self.to_move) if self.human_turn else []

    # -- moves ------------------------------------------------------------------------------

    def play(self, move: Move) -> Applied | Rejected:
        """Make a move; remember what the screens must show about it."""
        result = apply(self.state, move)
        if isinstance(result, Rejected):
            self.last_message = result.message
            return result
        fired_before = {event_id for event_id, _ in self.state.events_fired}
        fading = round_fading(self.state, move)
        self.state = result.state
        if self.is_human(move.side):
            # Only a person's own move retires a notice: the computer replies at once, and
            # "Time ran out" would otherwise vanish before anyone could read it.
            self.last_message = ""
        self._note_trust(result.log, fading)
        for event_id, _round in self.state.events_fired:
            if event_id not in fired_before:
                self._tell(self.scenario.event_by_id[event_id])
        self.timer_left = float(self.setup.timer)
        return result

    def _tell(self, event: Event) -> None:
        """Queue news for the person at the keyboard and, in hot seat, for the other side too:
        it is public, but the other player is looking away until the hand-over."""
        self.pending_events.append(event)
        if not self.solo:
            self.unseen_news.setdefault(self.viewer.other, []).append(event)

    def _replay_from_start(self, state: State) -> None:
        """Play a resumed game's moves again: for the trust notes and their fading, and so
        that the computer decides each of its past moves again and remembers the game as if
        it had never stopped (its aim, its model of the other side, its reasoning)."""
        replayed = new_game(self.scenario, state.seed)
        self._note_trust(replayed.log, {})
        in_step = self._player is not None
        for move in state.moves:
            fading = round_fading(replayed, move)
            made_in = replayed.round
            reasoning = None
            if in_step and move.side is not self.setup.human:
                reasoning = self._decide_again(replayed, move)
                in_step = reasoning is not None
            result = apply(replayed, move)
            if not isinstance(result, Applied):
                break  # a loaded save was checked already; a stray state keeps what it has
            self._note_trust(result.log, fading)
            before, replayed = replayed, result.state
            if self.solo and move.side is not self.setup.human:
                self.computer_move = describe_move(self.scenario, move, before=before)
                self.explanation = reasoning or (
                    f"Made in round {made_in}. Its reasoning is not kept in saved games."
                )
                if reasoning is not None:
                    self.reasons[len(replayed.moves)] = (self.computer_move, reasoning)

    def _decide_again(self, state: State, made: Move) -> str | None:
        """Have the computer decide a past move of its own again; its explanation, or None
        when it now chooses otherwise (a game played by another version of the game), in
        which case it starts afresh and learns the game from what it sees next."""
        side = made.side
        decision = self._player.choose(view(state, side), legal_moves(state, side))
        if decision.move == made:
            return str(decision.explanation)
        self._player = self._new_player()
        return None

    def carry_over(self, earlier: Session) -> None:
        """Keep what an earlier session of this game knew for the moves that still stand
        (after an undo): the briefings read, the computer's reasoning, the passes on time."""
        self.briefed = set(earlier.briefed)
        standing = len(self.state.moves)
        self.timed_out = {number for number in earlier.timed_out if number <= standing}
        self.reasons = {count: why for count, why in earlier.reasons.items() if count <= standing}
        if self.reasons:
            self.computer_move, self.explanation = self.reasons[max(self.reasons)]

    def _note_trust(self, entries: tuple[LogEntry, ...], fading: dict[Direction, str]) -> None:
        """Remember the latest change to each trust level, in the order the log has them.

        Fading comes straight after a new round's first line; the log has no line for it,
        so without this the note would say "rose 3 to 68" under a bar at 64.
        """
        for entry in entries:
            if entry.kind == "round" and entry.round > 1:
                self.fading[entry.round] = tuple(fading.values())
                for direction, sentence in fading.items():
                    self.trust_notes[direction] = f"Last change (round {entry.round}): {sentence}"
            if entry.kind != "trust":
                continue
            for direction in Direction:
                if entry.text.startswith(trust_words(self.state.names, direction)):
                    self.trust_notes[direction] = f"Last change (round {entry.round}): {entry.text}"

    # -- the computer -----------------------------------------------------------------------

    @property
    def thinking(self) -> bool:
        """Whether the computer is working out its move."""
        return self._turn is not None

    def start_computer(self) -> None:
        """Begin the computer's move in a worker thread, so the window keeps drawing."""
        if self._turn is not None or self.over or self.human_turn or self._player is None:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="detente-ai")
        side = self.to_move
        future = self._pool.submit(
            self._player.choose, view(self.state, side), legal_moves(self.state, side)
        )
        self._turn = ComputerTurn(future)

    def poll_computer(self, dt: float) -> Applied | None:
        """Make the computer's move once it is ready and the short pause has passed."""
        turn = self._turn
        if turn is None:
            return None
        turn.waited += dt
        if turn.waited < THINK_SECONDS or not turn.future.done():
            return None
        self._turn = None
        decision = turn.future.result()
        before = self.state
        result = self.play(decision.move)
        if isinstance(result, Rejected):
            raise RuntimeError(f"the computer chose an illegal move: {result.message}")
        self.explanation = decision.explanation
        self.computer_move = describe_move(self.scenario, decision.move, before=before)
        self.reasons[len(self.state.moves)] = (self.computer_move, self.explanation)
        return result

    # -- the turn timer ---------------------------------------------------------------------

    def tick_timer(self, dt: float) -> Applied | None:
        """Count down a person's turn; at zero the side passes (the classroom time box)."""
        if not self.setup.timer or not self.human_turn:
            return None
        self.timer_left = max(0.0, self.timer_left - dt)
        if self.timer_left > 0:
            return None
        side, made_in = self.to_move, self.state.round
        result = self.play(Pass(side))
        if isinstance(result, Applied):
            name = self.scenario.sides.of(side).name
            self.last_message = f"Time ran out in round {made_in}: {name} passed."
            self.timed_out.add(len(self.state.moves))
            return result
        return None

    def close(self) -> None:
        """Stop the worker thread (the game is being left)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._turn = None
