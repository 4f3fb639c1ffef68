"""Progress when stdout is not a terminal: plain lines with time, objective and bound."""

from __future__ import annotations

import io

from rich.console import Console

from keste.cli.progress import PlainProgress, SolveDisplay, solve_display
from keste.solver.timetable.search import Progress


def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=100), out


def test_not_a_terminal_gets_plain_lines():
    console, out = _console(terminal=False)
    display = solve_display(60, console)
    assert isinstance(display, PlainProgress)
    with display:
        display.update(Progress(0.1, None, None, 0, stage="allocating the teaching load"))
        display.update(Progress(1.0, None, None, 1))
        display.update(Progress(2.0, 540, None, 2))
        display.update(Progress(3.0, None, 120, 2))
        display.update(Progress(3.5, None, 120, 2))  # nothing new: no line
    lines = out.getvalue().splitlines()
    assert lines[0].endswith("looking for a first timetable")
    assert "allocating the teaching load" in lines[1]
    assert "a first timetable is found" in lines[2]
    assert "objective 540" in lines[3] and "(2 found)" in lines[3]
    assert "objective 540  bound 120" in lines[4]
    assert len(lines) == 5
    assert all(line.split()[1] == "s" and float(line.split()[0]) >= 0 for line in lines)


def test_a_terminal_gets_the_bar():
    console, _ = _console(terminal=True)
    assert isinstance(solve_display(60, console), SolveDisplay)
