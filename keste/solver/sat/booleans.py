"""Boolean patterns every CP-SAT model of keste writes: a literal that is exactly "any of these"
or exactly "both of these". Exact (not just bounded) so that a penalty built on them is the
timetable's true value in any solution, not only in an optimal one."""

from __future__ import annotations

from ortools.sat.python import cp_model

Literal = cp_model.IntVar | int  # a Boolean variable, or a constant 0 / 1


def any_of(model: cp_model.CpModel, literals: list[Literal], name: str = "") -> Literal:
    """1 exactly when one of the literals is: a constant when one is a constant 1 or all are 0,
    the literal itself when there is one."""
    variables = [v for v in literals if not isinstance(v, int)]
    if any(isinstance(v, int) and v for v in literals):
        return 1
    if not variables:
        return 0
    if len(variables) == 1:
        return variables[0]
    flag = model.new_bool_var(name)
    for variable in variables:
        model.add_implication(variable, flag)
    model.add(flag <= sum(variables))
    return flag


def both(model: cp_model.CpModel, first: Literal, second: Literal, name: str = "") -> Literal:
    """1 exactly when both literals are."""
    if isinstance(first, int) or isinstance(second, int):
        constant, other = (first, second) if isinstance(first, int) else (second, first)
        return other if constant else 0
    flag = model.new_bool_var(name)
    model.add(flag >= first + second - 1)
    model.add(flag <= first)
    model.add(flag <= second)
    return flag
