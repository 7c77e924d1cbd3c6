"""Benchmarks, run with `make bench` (`python -m bench`); not tests: they print figures.

Convention: each module `bench/NAME.py` (engine, scenario, ai, ui, ...) defines
`main() -> list[tuple[str, str, str]]` returning rows of (benchmark, figure, value), e.g.
("load tutorial.yaml", "median of 7 runs", "4.1 ms"). `python -m bench` imports every module
here whose name does not start with an underscore, calls its `main()` and prints one table.
Time with `time.perf_counter()` and report medians of several runs; keep each module's run
under a minute on a 2-core machine. `python -m bench NAME ...` runs only the named modules.
"""
