"""Run every benchmark module's `main()` and print one table of (benchmark, figure, value)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

Row = tuple[str, str, str]


def module_names() -> list[str]:
    """The benchmark modules in this folder, in name order."""
    folder = str(Path(__file__).resolve().parent)
    return sorted(
        info.name for info in pkgutil.iter_modules([folder]) if not info.name.startswith("_")
    )


def table(rows: Sequence[tuple[str, str, str, str]]) -> str:
    """Rows as aligned text columns under a header."""
    header = ("module", "benchmark", "figure", "value")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    lines = []
    for row in [header, tuple("-" * w for w in widths), *rows]:
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the named modules (all of them by default); exit 1 if any failed."""
    wanted = list(argv if argv is not None else sys.argv[1:]) or module_names()
    rows: list[tuple[str, str, str, str]] = []
    failed = False
    for name in wanted:
        try:
            module = importlib.import_module(f"bench.{name}")
            results: list[Row] = module.main()
        except Exception:
            traceback.print_exc()
            rows.append((name, "(failed: see the error above)", "", ""))
            failed = True
            continue
        rows.extend((name, *row) for row in results)
    print(table(rows))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
