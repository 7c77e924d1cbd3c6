"""Scenario loading speed: read, parse, validate and cross-check shipped files and a 1 MB one."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import yaml

from game.scenario import load, load_text
from game.scenario.safeyaml import decode, parse
from game.scenario.starter import starter_text

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
RUNS = 7
BIG_RUNS = 5
BIG_BYTES = 1_000_000


def median_ms(action: Any, runs: int) -> float:
    """The median wall time of `action()` over several runs, in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1e3


_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Writes shared values out in full: the loader refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        """Never use an alias."""
        return True


def generated_scenario(size: int = BIG_BYTES) -> str:
    """A valid scenario of about `size` bytes: the starter plus many numbered proposals."""
    data = parse(decode(starter_text("bench", "bench.yaml", "scenario.schema.json"))).data
    proposal = data["proposals"][0]
    objection = data["objections"][0]
    argument = data["arguments"][0]
    event = data["events"][0]
    unit = len(yaml.dump({"p": [proposal, objection, argument, event]}, Dumper=_Dumper))
    for n in range(size // unit):
        tag = f"n{n}"
        data["proposals"].append(
            {**proposal, "id": f"proposal-{tag}", "requires": [data["proposals"][-1]["id"]]}
        )
        data["arguments"].append({**argument, "id": f"argument-{tag}", "side": "nato"})
        data["objections"].append(
            {
                **objection,
                "id": f"objection-{tag}",
                "side": "russia",
                "against": [f"proposal-{tag}"],
                "answers": [f"argument-{tag}"],
            }
        )
        data["events"].append({**event, "id": f"event-{tag}", "round": 1 + n % 6})
    return str(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False))


def main() -> list[tuple[str, str, str]]:
    """Rows of (benchmark, figure, value): median load times."""
    rows = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        load(path)  # warm up: imports, pydantic's first use
        rows.append(
            (
                f"load {path.name}",
                f"median of {RUNS} runs",
                f"{median_ms(lambda path=path: load(path), RUNS):.1f} ms",
            )
        )
    text = generated_scenario()
    size = len(text.encode())
    scenario = load_text(text, "generated.yaml")
    label = f"load generated {size / 1e6:.2f} MB ({len(scenario.proposals)} proposals)"
    big = median_ms(lambda: load_text(text, "generated.yaml"), BIG_RUNS)
    rows.append((label, f"median of {BIG_RUNS} runs", f"{big:.0f} ms"))
    rows.append(
        (
            "  of which YAML parsing",
            f"median of {BIG_RUNS} runs",
            f"{median_ms(lambda: parse(decode(text)), BIG_RUNS):.0f} ms",
        )
    )
    rows.append(("  throughput", "MB/s", f"{size / 1e6 / (big / 1e3):.2f}"))
    return rows
