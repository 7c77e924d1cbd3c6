"""Helpers for report tests: saved games on the rule-book scenario, and a link checker."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from game.saves import write_save
from game.scenario import Scenario, load
from tests.saves.helpers import long_game, record_for, scenario_copy

MARKED = {
    "title: Rule-book table": 'title: "Rule | book *table*"',
    "title: Transparency on tests": 'title: "Transparency | tests <b>now</b>"',
    "priorities: [A written guarantee.]": 'priorities: ["# A written guarantee."]',
    "  what_happened: [NATO declared an interim capability at Chicago in May 2012.]": (
        '  what_happened: ["# Invented *really* <b>bold</b>", "1984. Not a list", "---"]'
    ),
    "    - What would have built trust faster?": '    - "- What | would [have](x) built?"',
}
"""Scenario text with Markdown marks in it: pipes, a heading, emphasis, HTML, list marks."""


def marked_scenario(tmp: Path) -> tuple[Scenario, Path]:
    """The rule-book scenario, copied, with Markdown marks in its titles and debrief."""
    _, path = scenario_copy(tmp)
    text = path.read_text(encoding="utf-8")
    for plain, marked in MARKED.items():
        assert plain in text
        text = text.replace(plain, marked)
    path.write_text(text, encoding="utf-8")
    return load(path), path


def saved_game(
    scenario: Scenario, path: Path, seed: int, folder: Path, label: str | None = None
) -> Path:
    """Play a random game of some length to the end and save it (hot seat) into `folder`."""
    state = long_game(scenario, first_seed=seed)
    record = replace(record_for(scenario, path, state.seed, "hotseat"), game_id=f"table-{seed}")
    if label is not None:
        record = replace(record, label=label)
    return write_save(record, state, folder=folder)


class Links(HTMLParser):
    """Every src/href and tag of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "srcset", "data", "action", "poster"):
                self.links.append((tag, name, value or ""))


def external_resources(page: str) -> list[tuple[str, str, str]]:
    """The links of a page that point outside it (anything but data: and #anchors)."""
    parser = Links()
    parser.feed(page)
    outside = [link for link in parser.links if not link[2].startswith(("data:", "#"))]
    outside += [(tag, "", "") for tag in parser.tags if tag in ("script", "link", "iframe")]
    if "url(" in page.replace("url(data:", ""):
        outside.append(("style", "url", "css url()"))
    if "@import" in page:
        outside.append(("style", "import", "@import"))
    return outside
