"""Front-end figures: table frame times during play, start-up to the title, idle CPU."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "2011-lisbon-to-chicago.yaml"
FRAME = 1 / 60
STARTS = 5
WARM_UP = 3
"""Frames left out at the start of each game: the window's own start-up events."""
IDLE_SECONDS = 5.0


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def table_frames(games: int = 2) -> tuple[list[float], list[float]]:
    """Play whole games against the computer through posted events; time every table frame.

    The person moves at a steady pace (choose a move, then press M half a second later);
    each frame is one `App.step` plus the flip, in milliseconds of wall-clock time and of
    the window thread's own CPU time (which other busy processes on the machine do not inflate).
    """
    import pygame

    from game.scenario import load
    from game.scenario.models import SideId
    from game.settings import Settings
    from game.ui.app import App
    from game.ui.flow import begin
    from game.ui.screens.table import TableScreen
    from game.ui.session import Session, Setup

    scenario = load(SCENARIO)
    times: list[float] = []
    cpu: list[float] = []
    for game in range(games):
        app = App(Settings(sound=False), remember=False)
        session = Session.start(
            scenario, Setup(human=SideId.NATO, difficulty="hard", seed=game + 1)
        )
        begin(app, session)
        app.pop()  # the briefing
        table = app.top
        assert isinstance(table, TableScreen)
        wait = 0
        for _ in range(20_000):
            if session.over:
                break
            if app.top is not table:
                wait += 1
                if wait >= 45:  # a pop-up: read it for a moment, then press Enter
                    pygame.event.post(
                        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)
                    )
                    wait = 0
            elif session.human_turn and not table.busy():
                wait += 1
                if wait == 30 and table.panel.buttons:
                    button = next(iter(table.panel.buttons))
                    pos = button.rect.center
                    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                        pygame.event.post(pygame.event.Event(kind, pos=pos, button=1))
                elif wait >= 60:
                    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_m, mod=0))
                    wait = 0
            started, thread = time.perf_counter(), time.thread_time()
            app.step(pygame.event.get(), FRAME)
            pygame.display.flip()
            if table in app.stack and app.frames > WARM_UP:
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.thread_time() - thread) * 1000)
        app.close()
    return times, cpu


_STARTUP = textwrap.dedent(
    """
    import game.ui.app as module
    original = module.App.run
    def run(self, first_frame=None):
        def drawn():
            print("drawn", flush=True)
            self.running = False
        return original(self, first_frame=drawn)
    module.App.run = run
    from game.cli import main
    raise SystemExit(main([]))
    """
)


def startup_seconds() -> list[float]:
    """Wall time from launching `detente` (no arguments) to the first drawn title screen."""
    results = []
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, DETENTE_SETTINGS=str(Path(folder) / "settings.json"))
        for _ in range(STARTS):
            started = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", _STARTUP],
                stdout=subprocess.PIPE,
                env=env,
                cwd=ROOT,
                text=True,
            )
            assert child.stdout is not None
            line = child.stdout.readline()
            results.append(time.perf_counter() - started)
            child.wait(timeout=30)
            if line.strip() != "drawn":
                raise RuntimeError("the title screen was not drawn")
    return results


_IDLE = textwrap.dedent(
    """
    import os, sys, threading, time
    import pygame
    from game.scenario import load
    from game.settings import Settings
    from game.ui.app import App
    from game.ui.flow import begin
    from game.ui.session import Session, Setup

    app = App(Settings(sound=False), remember=False)
    begin(app, Session.start(load(sys.argv[1]), Setup(seed=1)))
    app.pop()  # the briefing: the table waits for the person's move
    marks = []

    def watch():
        time.sleep(2.0)  # past the full-rate moment after start-up
        marks.append((time.perf_counter(), sum(os.times()[:2])))
        time.sleep(float(sys.argv[2]))
        marks.append((time.perf_counter(), sum(os.times()[:2])))
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    threading.Thread(target=watch, daemon=True).start()
    app.run()
    (wall0, cpu0), (wall1, cpu1) = marks
    print((cpu1 - cpu0) / (wall1 - wall0))
    """
)


def idle_cpu() -> float:
    """Share of one core the window uses on the table while nobody touches anything."""
    output = subprocess.run(
        [sys.executable, "-c", _IDLE, str(SCENARIO), str(IDLE_SECONDS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=60,
    ).stdout
    return float(output.strip().splitlines()[-1])


def main() -> list[tuple[str, str, str]]:
    """Rows of (benchmark, figure, value)."""
    frames, cpu = table_frames()
    starts = startup_seconds()
    idle = idle_cpu()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return [
        ("ui table frame", "frames timed (2 games vs hard)", f"{len(frames)}"),
        (
            "ui table frame",
            "wall median / p99 / max (goal p99 <= 8 ms)",
            f"{statistics.median(frames):.2f} ms / {_percentile(frames, 0.99):.2f} ms / "
            f"{max(frames):.2f} ms",
        ),
        (
            "ui table frame",
            "window-thread CPU median / p99 / max",
            f"{statistics.median(cpu):.2f} ms / {_percentile(cpu, 0.99):.2f} ms / "
            f"{max(cpu):.2f} ms",
        ),
        ("ui machine", "load average while measuring", f"{load:.2f} on {os.cpu_count()} cores"),
        (
            "ui start-up",
            f"launch to first title frame, median of {STARTS} (goal <= 1.5 s)",
            f"{statistics.median(starts):.2f} s (best {min(starts):.2f} s)",
        ),
        ("ui idle", f"CPU over {IDLE_SECONDS:.0f} s idle on the table (goal < 5%)", f"{idle:.1%}"),
    ]


if __name__ == "__main__":
    for row in main():
        print("  ".join(row))
