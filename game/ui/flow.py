"""How a game moves between screens: start, hand-overs and briefings, the end, the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.models import SideId

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session


def begin(app: App, session: Session) -> None:
    """Open the table for a new or loaded game, behind the first side's hand-over or briefing.

    Other modules (e.g. loading a saved game) call this with a resumed session.
    """
    from game.ui.screens.table import TableScreen

    app.reset(TableScreen(app, session))
    if session.over:
        finish(app, session)
    elif session.solo:
        brief(app, session, session.setup.human)
    else:
        hand_over(app, session, session.to_move)


def hand_over(app: App, session: Session, side: SideId) -> None:
    """Cover the table until the incoming side confirms it is at the keyboard (hot-seat)."""
    from game.ui.screens.handover import HandoverScreen

    app.push(HandoverScreen(app, session, side))


def brief(app: App, session: Session, side: SideId) -> None:
    """Show a side its private briefing (once per game, or again on request)."""
    from game.ui.screens.briefing import BriefingScreen

    app.push(BriefingScreen(app, session, side))


def finish(app: App, session: Session) -> None:
    """Replace the table with the debrief."""
    from game.ui.screens.debrief import DebriefScreen

    session.close()
    app.reset(DebriefScreen(app, session))


def to_title(app: App) -> None:
    """Leave whatever is open and go back to the title screen."""
    from game.ui.screens.title import TitleScreen

    app.reset(TitleScreen(app))
