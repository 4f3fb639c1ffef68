"""Why a model has no solution: a minimal set of guarded rules that cannot all hold.

Every hard rule is guarded by an assumption literal (one per family of rules and entity). CP-SAT
returns a sufficient set of assumptions for infeasibility; deleting them one at a time while the
rest stays infeasible shrinks it to a minimal one. Each trial is solved with its literals fixed in
a copy of the model rather than assumed: CP-SAT's presolve then decides it far faster. Within a
time budget: a larger set is still a true explanation, only a less sharp one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from keste.solver.sat.solver import new_solver


@dataclass
class Core:
    status: int  # of the model under every assumption: INFEASIBLE, FEASIBLE or UNKNOWN
    literals: list = field(default_factory=list)  # a set that cannot all hold (when INFEASIBLE)
    minimal: bool = False  # no literal can be left out (every deletion was tried and decided)

    @property
    def infeasible(self) -> bool:
        return self.status == cp_model.INFEASIBLE


def decide(
    model: cp_model.CpModel,
    literals: list,
    time_limit: float,
    workers: int = 0,
    parameters: dict | None = None,
) -> int:
    """Whether the model has a solution with every literal true. Literals fixed in a copy of the
    model, not assumed: CP-SAT's presolve then uses them, which is much faster on a school."""
    fixed = model.clone()
    for literal in literals:
        fixed.add(fixed.get_bool_var_from_proto_index(literal.index) == 1)
    return new_solver(time_limit, workers, parameters=parameters).solve(fixed)


def infeasible(
    model: cp_model.CpModel,
    literals: list,
    time_limit: float,
    workers: int = 0,
    parameters: dict | None = None,
) -> tuple[int, list[int]]:
    """Solve under the assumptions; (status, indices of a sufficient set when INFEASIBLE)."""
    model.clear_assumptions()
    model.add_assumptions(literals)
    solver = new_solver(time_limit, workers, parameters=parameters)
    status = solver.solve(model)
    found = (
        list(solver.sufficient_assumptions_for_infeasibility())
        if status == cp_model.INFEASIBLE
        else []
    )
    model.clear_assumptions()
    return status, found


def minimal_core(
    model: cp_model.CpModel,
    literals: list,
    time_limit: float,
    workers: int = 0,
    parameters: dict | None = None,
) -> Core:
    """A minimal infeasible subset of the literals, as far as the time allows."""
    deadline = time.perf_counter() + time_limit
    status = decide(model, literals, time_limit, workers, parameters)
    if status != cp_model.INFEASIBLE:
        return Core(status)
    remaining = deadline - time.perf_counter()
    status, found = infeasible(model, literals, remaining, workers, parameters)
    if status != cp_model.INFEASIBLE:
        return Core(cp_model.INFEASIBLE, [], minimal=False)  # impossible; not narrowed in time
    by_index = {literal.index: literal for literal in literals}
    core = [by_index[i] for i in found if i in by_index] or list(literals)
    minimal = True
    index = 0
    while index < len(core):
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            minimal = False
            break
        trial = core[:index] + core[index + 1 :]
        status = decide(model, trial, remaining, workers, parameters)
        if status == cp_model.INFEASIBLE:
            core = trial
        else:
            minimal = minimal and status != cp_model.UNKNOWN
            index += 1
    return Core(cp_model.INFEASIBLE, core, minimal)
