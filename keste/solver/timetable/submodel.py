"""The part of a model that a neighbourhood touches, for a step of the neighbourhood search.

A step frees a few classes' lessons on a few days and keeps everything else. Handing CP-SAT the
whole model with the rest fixed costs a load and a presolve of the whole school every step (a
third of a half-second step on 88 classes). Instead, a step's model keeps every variable (fixed
ones at their value) but only the constraints that can notice the change: those on a freed
decision, and, through the derived variables they reach (a teacher's busy periods, first and last
lesson, gaps; a class's daily difficulty; ...), every constraint on those. A derived variable not
reached keeps its value, since all its constraints see only unchanged variables.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

LITERAL_FIELDS = ("bool_or", "bool_and", "exactly_one", "at_most_one")


class SubModel:
    """A model whose constraints are replaced, step by step, by those a set of freed decision
    variables reaches. Decisions (lessons, meals) are fixed unless freed; derived variables are
    fixed at their value unless reached."""

    def __init__(self, model: cp_model.CpModel, decisions: set[int]):
        self.source = model.proto
        self.decisions = decisions
        self.model = cp_model.CpModel()
        self.model.proto.copy_from(self.source)
        self.model.proto.constraints.clear()
        self.domains = [list(v.domain) for v in self.source.variables]
        self.constraints_of: dict[int, list[int]] = defaultdict(list)
        self.variables_of: list[list[int]] = []
        self.always: list[int] = []  # constraints of kinds not indexed: kept in every step
        for index, constraint in enumerate(self.source.constraints):
            variables = constraint_variables(constraint)
            if variables is None:
                self.always.append(index)
            for variable in variables or ():
                self.constraints_of[variable].append(index)
            self.variables_of.append(variables or [])
        self.loose: set[int] = set(range(len(self.domains)))  # variables not fixed now

    def focus(self, freed: set[int], values: list[int]) -> None:
        """Keep only the constraints the freed decisions reach; fix every other variable to its
        value."""
        reached, constraints = self._reach(freed)
        variables = self.model.proto.variables
        loose = freed | reached
        for index in self.loose - loose:
            _set(variables[index].domain, [values[index], values[index]])
        for index in loose:
            _set(variables[index].domain, self.domains[index])
        self.loose = loose
        target = self.model.proto.constraints
        target.clear()
        for index in sorted(constraints):
            target.add().copy_from(self.source.constraints[index])

    def _reach(self, freed: set[int]) -> tuple[set[int], set[int]]:
        """The derived variables and the constraints the freed decisions reach."""
        reached: set[int] = set()
        constraints: set[int] = set(self.always)
        frontier = list(freed)
        while frontier:
            variable = frontier.pop()
            for index in self.constraints_of.get(variable, ()):
                if index in constraints:
                    continue
                constraints.add(index)
                for other in self.variables_of[index]:
                    if other not in self.decisions and other not in reached:
                        reached.add(other)
                        frontier.append(other)
        return reached, constraints


def _set(domain, bounds: list[int]) -> None:
    domain.clear()
    domain.extend(bounds)


def constraint_variables(constraint) -> list[int] | None:
    """The variables a constraint reads (literals as variables); None for kinds keste's timetable
    model does not use."""
    found = [_variable(r) for r in constraint.enforcement_literal]
    if constraint.has_linear():
        return found + list(constraint.linear.vars)
    if constraint.has_lin_max():
        lin_max = constraint.lin_max
        found += list(lin_max.target.vars)
        for expression in lin_max.exprs:
            found += list(expression.vars)
        return found
    for name in LITERAL_FIELDS:
        if getattr(constraint, f"has_{name}")():
            return found + [_variable(r) for r in getattr(constraint, name).literals]
    return None


def _variable(literal: int) -> int:
    return literal if literal >= 0 else -literal - 1
