"""A scenario's quotes in words, attributed alike wherever they show: the table, the news and
the reports."""

from __future__ import annotations

from game.scenario.models import Citation, Scenario, Source


def source_of(scenario: Scenario, citation: Citation) -> Source | None:
    """The source a citation quotes (None only for a scenario that skipped the cross-checks)."""
    return next((source for source in scenario.sources if source.id == citation.source), None)


def attribution(source: Source) -> str:
    """Who said it and when, short enough to follow every quote: the author without the
    title after a comma, and the year ('Anders Fogh Rasmussen, 2011')."""
    return f"{source.author.split(',')[0].strip()}, {source.date:%Y}"


def quoted(scenario: Scenario, citation: Citation) -> str:
    """The quote in quotation marks with its attribution: '“We offered …” (Anders Fogh
    Rasmussen, 2011)'."""
    source = source_of(scenario, citation)
    where = f" ({attribution(source)})" if source is not None else ""
    return f"“{citation.quote}”{where}"


def reference(source: Source) -> str:
    """A source in full, for a list of the sources quoted: author, title, date, note."""
    note = f" {source.note}" if source.note else ""
    return f"{source.author}: “{source.title}”, {source.date.day} {source.date:%B %Y}.{note}"
