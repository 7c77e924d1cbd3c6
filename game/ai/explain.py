"""Explanations in words a student can learn from, formatted from a decision's own reasons."""

from __future__ import annotations

from game.ai.player import HOLD_WORDS, Reasons, Waiting


def explain(who: str, reasons: Reasons) -> str:
    """One or two sentences saying what the player does and why, with the numbers it used;
    `who` is the player's side as sentences name it (its view's `names`)."""
    sentence = _explain_move(who, reasons)
    if reasons.waiting is not None:
        sentence += " " + _sentence(_waiting_words(reasons.waiting), [])
    return sentence


def _waiting_words(waiting: Waiting) -> str:
    """Why the other side's newest offer is left waiting while we do something else."""
    offer = f"their offer on '{waiting.title}'"
    if waiting.barred:
        return f"{offer} crosses one of our red lines as it stands"
    if round(waiting.value, 2) <= 0:
        # A proposal with nothing to gain for us has no "share of its best" worth saying.
        cost = "would cost us" if round(waiting.value, 2) < 0 else "gives us nothing"
        return f"{offer} waits: as it stands it {cost}"
    worth = _value_words(Reasons("accept", value=waiting.share))
    bar = f"the {_n(waiting.bar)} {waiting.bar_words}"
    if waiting.share >= waiting.bar - 1e-9:
        # Acceptable, yet not taken: say so, or "can wait" reads as a reason to accept.
        return (
            f"{offer} would do ({worth}, at or above {bar}), but this move gains us more "
            "now; we may still accept it later"
        )
    return f"{offer} waits: it is {worth}, below {bar}"


def _explain_move(who: str, reasons: Reasons) -> str:
    """The sentence about the move itself."""
    title = f"'{reasons.title}'" if reasons.title else ""
    parts: list[str] = []
    action = reasons.action
    if action == "accept" and reasons.scale != "balance":
        head = f"{who} accepts {title}"
        if reasons.bar == HOLD_WORDS and reasons.bar_why:
            # Below the round's aim: the reason first, then what holding out is worth.
            parts.append(
                f"{_value_words(reasons)}; {reasons.bar_why}, so holding out for better terms "
                f"is worth only {_n(reasons.aim)}"
            )
        else:
            parts.append(_worth(reasons, "at or above"))
            if reasons.bar_why:
                parts.append(reasons.bar_why)
    elif action == "accept":
        head = f"{who} accepts {title} although {reasons.factors[0][0]}"
        parts.append(
            f"the package so far gives us {_n(reasons.value)} against their "
            f"{_n(reasons.aim)} by our estimate, so we can afford to even it out: it gives them "
            "more than it costs us, and leaves us no worse off than them"
        )
        return _sentence(head, parts)
    elif action == "counter":
        head = f"{who} rejects {title} as it stands"
        if _nothing_against_nothing(reasons):
            # Terms worth nothing need no bar: "0.00 against the 0.00" reads as a slip.
            parts.append(_value_words(reasons))
        elif reasons.bar == HOLD_WORDS and reasons.bar_why:
            # Below the round's aim, the bar needs its reason, as when accepting; "still"
            # because the reason lowered the bar, yet holding out beats these terms.
            worth = _worth(reasons, "against").replace(" is worth", " is still worth", 1)
            parts.append(f"{worth} ({reasons.bar_why})")
        else:
            parts.append(_worth(reasons, "against"))
        if reasons.trust_note:
            parts.append(reasons.trust_note)
        if reasons.note and reasons.chance is not None:
            parts.append(
                f"{reasons.note}; we put their chance of accepting it at {reasons.chance:.0%}"
            )
        elif reasons.note:
            parts.append(reasons.note)
        return _sentence(head, parts)
    elif action == "redline":
        head = f"{who} cannot accept {title} as it stands: it crosses one of our red lines"
        if reasons.chance is not None:
            parts.append(
                f"{reasons.note}; we put their chance of accepting it at {reasons.chance:.0%}"
            )
        else:
            parts.append(str(reasons.note))
        return _sentence(head, parts)
    elif action in ("table", "amend"):
        head = f"{who} {_offer_verb(reasons)} {title}"
        if reasons.note:
            head += f" ({reasons.note})"
        if reasons.scale == "gain":
            parts.append(f"it would add {_n(reasons.value)} to our package")
        elif _meets(reasons):
            parts.append(_worth(reasons, "at or above"))
        else:
            parts.append(_worth(reasons, "below"))
            parts.append("holding out for more would leave it off the table")
    elif action == "pass":
        head = f"{who} passes"
        if reasons.value is not None and reasons.title:
            parts.append(f"{title} is {_worth(reasons, 'against')}")
        if reasons.note:
            parts.append(reasons.note)
    else:
        head = {
            "answer": f"{who} answers the objection to {title}",
            "firm": f"{who} makes a firm public statement",
            "conciliatory": f"{who} makes a conciliatory public statement",
            "gesture": f"{who} makes a goodwill gesture",
            "object": f"{who} objects to {title}",
            "reject": f"{who} rejects {title}",
            "walk_out": f"{who} walks out",
        }.get(action, f"{who} moves")
        if reasons.value is not None and reasons.aim is not None:
            parts.append(_worth(reasons, "against"))
    parts.extend(label for label, _ in reasons.factors[:2])
    if reasons.chance is not None and action in ("table", "amend"):
        parts.append(f"we put their chance of accepting at {reasons.chance:.0%}")
    if reasons.trust_note:
        parts.append(reasons.trust_note)
    if reasons.change:
        parts.append(reasons.change)
    if reasons.note and action not in ("table", "amend", "pass"):
        parts.append(reasons.note)
    return _sentence(head, parts)


def _offer_verb(reasons: Reasons) -> str:
    """Tabling, softening our own offer, or changing its terms at no cost to us."""
    if reasons.action == "table":
        return "tables"
    if _change(reasons) < 0:
        return "softens its offer on"
    # Terms at least as good for us as the old ones are not a concession, so not called one
    # (the other side may like them better too: a fair offer near the deadline can be).
    return "changes the terms of its offer on"


def _change(reasons: Reasons) -> int:
    """Whether a change to our own offer made it worth more (1), less (-1) or the same to us."""
    if reasons.before is None or reasons.value is None:
        return -1
    if abs(reasons.value - reasons.before) < 0.005:
        return 0
    return 1 if reasons.value > reasons.before else -1


def _value_words(reasons: Reasons) -> str:
    """What the terms are worth to us, in words a student reads without a slip."""
    value = reasons.value
    if value is not None and round(value, 2) < 0:
        # "Worth -4.00 of its best" reads as a typo: say it is a loss first.
        return f"worth less than nothing to us as it stands ({_n(value)} of its best)"
    if value is not None and round(value, 2) == 0:
        return f"worth nothing to us as it stands ({_n(value)} of its best)"
    return f"worth {_n(value)} of its best to us"


def _worth(reasons: Reasons, relation: str) -> str:
    if reasons.scale != "share":
        return f"worth {_n(reasons.value)} to us, {relation} the {_n(reasons.aim)} we aim for"
    worth = _value_words(reasons)
    if reasons.before is not None:
        change = _change(reasons)
        worth += (
            ", as before"
            if change == 0
            else f" ({'up' if change > 0 else 'down'} from {_n(reasons.before)})"
        )
    return f"{worth}, {relation} the {_n(reasons.aim)} {reasons.bar}"


def _nothing_against_nothing(reasons: Reasons) -> bool:
    """Whether terms worth nothing would be set against a bar that also reads as nothing."""
    value, aim = reasons.value, reasons.aim
    if value is None or aim is None:
        return False
    return round(value, 2) <= 0 and round(value, 2) >= round(aim, 2)


def _meets(reasons: Reasons) -> bool:
    if reasons.value is None or reasons.aim is None:
        return True
    return reasons.value >= reasons.aim - 1e-9


def _n(number: float | None) -> str:
    return "?" if number is None else f"{number:.2f}"


def _sentence(head: str, parts: list[str]) -> str:
    text = head + (": " + "; ".join(parts) if parts else "") + "."
    return text[0].upper() + text[1:]
