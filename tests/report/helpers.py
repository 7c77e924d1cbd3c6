"""Helpers for report tests: saved games on the rule-book scenario, and a link checker."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from game.saves import write_save
from game.scenario import Scenario
from tests.saves.helpers import long_game, record_for


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
