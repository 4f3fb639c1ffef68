"""Live progress of a solve on the terminal: elapsed time, objective and bound."""

from __future__ import annotations

import threading
import time

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from keste.solver.timetable.search import Progress as SolverProgress


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
