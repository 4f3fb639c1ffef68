"""Running a long search in a thread so that the first Ctrl-C stops it and keeps the best
timetable so far."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Searches:
    """The solvers a command has started, so that one Ctrl-C stops each of them, including one
    that starts after the Ctrl-C came."""

    def __init__(self) -> None:
        self.running: list = []
        self.stopped = threading.Event()

    def started(self, solver) -> None:
        self.running.append(solver)
        if self.stopped.is_set():
            solver.stop()

    def stop(self) -> None:
        self.stopped.set()
        for solver in self.running:
            solver.stop()


def interruptible(work: Callable[[], T], stop: Callable[[], object]) -> T:
    """Run work in a thread; the first Ctrl-C calls stop (the search ends and keeps the best
    timetable so far), a second one interrupts keste as usual."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # re-raised in the main thread
            outcome["error"] = error

    def interrupt(signum, frame) -> None:
        stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    thread = threading.Thread(target=run, daemon=True)
    before = signal.signal(signal.SIGINT, interrupt)
    try:
        thread.start()
        while thread.is_alive():
            thread.join(0.2)
    finally:
        signal.signal(signal.SIGINT, before)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
