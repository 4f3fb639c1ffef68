"""Live progress of a solve: elapsed time, objective and bound. On a terminal a bar that fills up
to the time limit; otherwise (a log file, a pipe, CI) plain lines, one per change and at least one
every few seconds, so the search never goes silent."""

from __future__ import annotations

import threading
import time

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from keste.solver.timetable.search import Progress as SolverProgress

HEARTBEAT_SECONDS = 5.0


def solve_display(time_limit: float, console: Console):
    """The bar on a terminal, plain lines elsewhere."""
    if console.is_terminal:
        return SolveDisplay(time_limit, console)
    return PlainProgress(console)


class SolveDisplay:
    """A bar that fills up to the time limit, with the best objective and bound beside it."""

    def __init__(self, time_limit: float, console: Console):
        self.progress = Progress(
            TextColumn("[bold]solving"),
            BarColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[state]}"),
            console=console,
        )
        self.task = self.progress.add_task(
            "solve", total=time_limit, state="looking for a first timetable"
        )
        self.objective: float | None = None
        self.bound: float | None = None
        self.solutions = 0
        self._started = time.perf_counter()
        self._done = threading.Event()

    def __enter__(self) -> SolveDisplay:
        self.progress.start()
        threading.Thread(target=self._tick, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self.progress.stop()

    def _tick(self) -> None:
        while not self._done.wait(0.5):
            self.progress.update(self.task, completed=time.perf_counter() - self._started)

    def update(self, event: SolverProgress) -> None:
        if event.objective is not None:
            self.objective = event.objective
        if event.bound is not None:
            self.bound = event.bound
        self.solutions = event.solutions
        if event.stage:
            self.progress.update(self.task, state=event.stage)
            return
        if self.objective is None:
            state = (
                "a first timetable is found; improving it"
                if event.solutions
                else "looking for a first timetable"
            )
        else:
            state = f"objective {self.objective:g}"
            if self.bound is not None:
                state += f"   bound {self.bound:g}"
        self.progress.update(self.task, state=f"{state}   ({event.solutions} found)")


class PlainProgress:
    """Progress as plain lines: `  12.4 s  objective 540  bound 120  (5 found)`."""

    def __init__(self, console: Console):
        self.console = console
        self.state = "looking for a first timetable"
        self.solutions = 0
        self.objective: float | None = None
        self.bound: float | None = None
        self._shown: str | None = None
        self._last_line = 0.0
        self._started = time.perf_counter()
        self._done = threading.Event()
        self._lock = threading.Lock()

    def __enter__(self) -> PlainProgress:
        self._show()
        threading.Thread(target=self._tick, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()

    def _tick(self) -> None:
        while not self._done.wait(1.0):
            if time.perf_counter() - self._last_line >= HEARTBEAT_SECONDS:
                self._show(force=True)

    def update(self, event: SolverProgress) -> None:
        self.solutions = event.solutions
        if event.objective is not None:
            self.objective = event.objective
        if event.bound is not None:
            self.bound = event.bound
        if event.stage:
            self.state = event.stage
        elif self.objective is not None or self.bound is not None:
            parts = [] if self.objective is None else [f"objective {self.objective:g}"]
            if self.bound is not None:
                parts.append(f"bound {self.bound:g}")
            self.state = "  ".join(parts)
        elif event.solutions:
            self.state = "a first timetable is found; improving it"
        self._show()

    def _show(self, force: bool = False) -> None:
        with self._lock:
            if self.state == self._shown and not force:
                return
            elapsed = time.perf_counter() - self._started
            found = f"  ({self.solutions} found)" if self.solutions else ""
            self.console.print(f"{elapsed:7.1f} s  {self.state}{found}", highlight=False)
            self._shown = self.state
            self._last_line = time.perf_counter()
