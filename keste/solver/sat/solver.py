"""How keste creates a CP-SAT solver: time limit, threads and seed in one place.

CP-SAT catches Ctrl-C itself by default; keste leaves that to the command line, which stops the
search and keeps the best timetable found so far.
"""

from __future__ import annotations

import os

from ortools.sat.python import cp_model

MIN_SECONDS = 0.1


def new_solver(
    time_limit: float,
    workers: int = 0,
    seed: int = 0,
    parameters: dict[str, object] | None = None,
) -> cp_model.CpSolver:
    """A solver with a time limit, threads (0: every core), a seed and any other parameters."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(MIN_SECONDS, time_limit)
    solver.parameters.num_workers = workers or os.cpu_count() or 1
    solver.parameters.random_seed = seed
    solver.parameters.catch_sigint_signal = False
    for name, value in (parameters or {}).items():
        if isinstance(value, list):
            getattr(solver.parameters, name).extend(value)
        else:
            setattr(solver.parameters, name, value)
    return solver


def hint_all(model: cp_model.CpModel, values: list[int]) -> None:
    """Hint every variable of the model with its value in a whole solution of it."""
    assert len(values) == len(model.proto.variables), "a hint for every variable"
    model.clear_hints()
    hint = model.proto.solution_hint
    hint.vars.extend(range(len(values)))
    hint.values.extend(values)


def hint_variables(model: cp_model.CpModel, variables: list, values: list[int]) -> None:
    """Hint only these variables, each with its value in a solution (indexed by variable)."""
    model.clear_hints()
    hint = model.proto.solution_hint
    hint.vars.extend(v.index for v in variables)
    hint.values.extend(values[v.index] for v in variables)
