"""The part of a model that a neighbourhood touches, for a step of the neighbourhood search.

A step frees a few classes' lessons on a few days and keeps everything else. Handing CP-SAT the
whole model with the rest fixed costs a load and a presolve of the whole school every step. A
step's model instead holds only the variables that may change and the constraints that can notice
the change: those on a freed decision, and, through the derived variables they reach (a teacher's
busy periods, first and last lesson, gaps; a class's daily difficulty; ...), every constraint on
those. A derived variable not reached keeps its value, since all its constraints see only
unchanged variables. Fixed variables become constants: folded into a linear constraint's bounds or
an expression's offset, and a literal fixed true or false becomes one shared constant literal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

LITERAL_FIELDS = ("bool_or", "bool_and", "exactly_one", "at_most_one")
BIG = 2**61  # bounds beyond this stand for "unbounded" and are not shifted


@dataclass
class Expression:
    variables: list[int]
    coefficients: list[int]
    offset: int
    row: int = -1  # its row in Terms


@dataclass
class Constraint:
    """A constraint of the source model in plain Python lists, quick to rewrite every step."""

    kind: str  # "linear", "lin_max" or one of LITERAL_FIELDS
    enforcement: list[int]
    literals: list[int]  # for the literal kinds
    linear: Expression | None  # for linear
    domain: list[int]  # for linear
    target: Expression | None  # for lin_max
    expressions: list[Expression]  # for lin_max

    def variables(self) -> list[int]:
        found = [_variable(r) for r in (*self.enforcement, *self.literals)]
        for expression in (self.linear, self.target, *self.expressions):
            if expression is not None:
                found += expression.variables
        return found


@dataclass
class StepModel:
    model: cp_model.CpModel
    loose: list[int]  # the source variable of each of the step's variables but its last (1)

    def solution(self, values: list[int], found: list[int]) -> list[int]:
        """A whole solution of the source model: values, with the step's variables replaced."""
        whole = list(values)
        for old, value in zip(self.loose, list(found)[: len(self.loose)], strict=True):
            whole[old] = value
        return whole


class SubModel:
    """Builds a step's model from groups of decision variables (a class's day, say) and the
    incumbent's values."""

    def __init__(self, model: cp_model.CpModel, groups: dict[Hashable, list[int]]):
        source = model.proto
        self.groups = groups
        self.decisions = {i for variables in groups.values() for i in variables}
        self.domains = [list(v.domain) for v in source.variables]
        self.objective = list(zip(source.objective.vars, source.objective.coeffs, strict=True))
        self.constraints = [_parse(c) for c in source.constraints]
        self.terms = Terms(
            [e for c in self.constraints for e in (c.linear, c.target, *c.expressions) if e]
        )
        self.constraints_of: dict[int, list[int]] = defaultdict(list)
        self.variables_of: list[list[int]] = []
        for index, constraint in enumerate(self.constraints):
            variables = constraint.variables()
            for variable in variables:
                self.constraints_of[variable].append(index)
            self.variables_of.append(variables)
        self.reach_of: dict[Hashable, tuple[set[int], set[int]]] = {}

    def step_model(self, freed: list[Hashable], values: list[int]) -> StepModel:
        """The model of the freed groups' decisions and what they reach, hinted with values."""
        loose: set[int] = set()
        constraints: set[int] = set()
        for key in freed:
            variables, reached = self._reach(key)
            loose |= variables
            constraints |= reached
        chosen = [self.constraints[index] for index in sorted(constraints)]
        rows = [e.row for c in chosen for e in (c.linear, c.target, *c.expressions) if e]
        ordered = sorted(loose)
        folded = self.terms.fold(rows, ordered, values)
        writer = _Writer(ordered, values, self.domains, folded)
        for constraint in chosen:
            writer.add(constraint)
        writer.minimise(self.objective)
        return StepModel(writer.model, ordered)

    def _reach(self, key: Hashable) -> tuple[set[int], set[int]]:
        """A group's decisions with the derived variables they reach, and the constraints they
        reach (the reach of a union is the union of the reaches, so each group's is kept)."""
        if key in self.reach_of:
            return self.reach_of[key]
        variables = set(self.groups[key])
        constraints: set[int] = set()
        frontier = list(variables)
        while frontier:
            variable = frontier.pop()
            for index in self.constraints_of.get(variable, ()):
                if index in constraints:
                    continue
                constraints.add(index)
                for other in self.variables_of[index]:
                    if other not in self.decisions and other not in variables:
                        variables.add(other)
                        frontier.append(other)
        self.reach_of[key] = (variables, constraints)
        return variables, constraints


class Terms:
    """Every linear expression of the source model as a row of flat arrays, so that a step folds
    the fixed terms of thousands of expressions at once."""

    def __init__(self, expressions: list[Expression]):
        for row, expression in enumerate(expressions):
            expression.row = row
        self.length = np.array([len(e.variables) for e in expressions], dtype=np.int64)
        self.start = np.cumsum(self.length) - self.length
        self.variable = np.array([v for e in expressions for v in e.variables], dtype=np.int64)
        self.coefficient = np.array(
            [c for e in expressions for c in e.coefficients], dtype=np.int64
        )
        self.offset = np.array([e.offset for e in expressions], dtype=np.int64)
        self.values_of: tuple[list[int], np.ndarray] | None = None

    def fold(self, rows: list[int], loose: list[int], values: list[int]) -> Folded:
        """The rows with their fixed terms folded into the offsets, the loose ones renumbered."""
        rows_array = np.array(rows, dtype=np.int64)
        lengths = self.length[rows_array]
        firsts = np.cumsum(lengths) - lengths
        term = np.repeat(self.start[rows_array] - firsts, lengths) + np.arange(lengths.sum())
        segment = np.repeat(np.arange(len(rows)), lengths)
        variable, coefficient = self.variable[term], self.coefficient[term]
        renumber = np.full(len(values), -1, dtype=np.int64)
        renumber[np.array(loose, dtype=np.int64)] = np.arange(len(loose))
        new = renumber[variable]
        fixed = new < 0
        folded = coefficient[fixed] * self._values(values)[variable[fixed]]
        sums = np.bincount(segment[fixed], weights=folded, minlength=len(rows))
        kept = np.bincount(segment[~fixed], minlength=len(rows))
        return Folded(
            (self.offset[rows_array] + np.rint(sums).astype(np.int64)).tolist(),
            new[~fixed].tolist(),
            coefficient[~fixed].tolist(),
            np.concatenate(([0], np.cumsum(kept))).tolist(),
        )

    def _values(self, values: list[int]) -> np.ndarray:
        """values as an array, converted once per incumbent."""
        if self.values_of is None or self.values_of[0] is not values:
            self.values_of = (values, np.array(values, dtype=np.int64))
        return self.values_of[1]


@dataclass
class Folded:
    """Terms.fold's result: per row in order, its offset and its loose terms (a slice)."""

    offsets: list[int]
    variables: list[int]
    coefficients: list[int]
    bounds: list[int]  # row k's terms are [bounds[k], bounds[k + 1])


class _Writer:
    """Writes constraints into a step's model, the fixed variables as constants."""

    def __init__(
        self, loose: list[int], values: list[int], domains: list[list[int]], folded: Folded
    ):
        self.values = values
        self.folded = folded
        self.row = 0  # the next row of folded
        self.index = {old: new for new, old in enumerate(loose)}
        self.model = cp_model.CpModel()
        self.proto = self.model.proto
        for old in loose:
            self.proto.variables.add().domain.extend(domains[old])
        self.true = len(loose)  # a variable fixed to 1 for the literals fixed either way
        self.proto.variables.add().domain.extend([1, 1])
        hint = self.proto.solution_hint
        hint.vars.extend(range(len(loose) + 1))
        hint.values.extend([*(values[old] for old in loose), 1])

    def literal(self, literal: int) -> int:
        variable = _variable(literal)
        new = self.index.get(variable)
        if new is not None:
            return new if literal >= 0 else -new - 1
        value = self.values[variable] if literal >= 0 else 1 - self.values[variable]
        return self.true if value else -self.true - 1

    def expression(self, target) -> int:
        """Write the next folded row's loose terms into target; return its offset."""
        folded, row = self.folded, self.row
        first, last = folded.bounds[row], folded.bounds[row + 1]
        target.vars.extend(folded.variables[first:last])
        target.coeffs.extend(folded.coefficients[first:last])
        self.row += 1
        return folded.offsets[row]

    def add(self, constraint: Constraint) -> None:
        written = self.proto.constraints.add()
        if constraint.enforcement:
            written.enforcement_literal.extend([self.literal(r) for r in constraint.enforcement])
        kind = constraint.kind
        if kind == "linear":
            linear = written.linear
            offset = self.expression(linear)
            linear.domain.extend(
                _shift(constraint.domain, -offset) if offset else constraint.domain
            )
        elif kind == "lin_max":
            lin_max = written.lin_max
            target = lin_max.target
            target.offset = self.expression(target)
            for _ in constraint.expressions:
                expression = lin_max.exprs.add()
                expression.offset = self.expression(expression)
        else:
            literal = self.literal
            getattr(written, kind).literals.extend([literal(r) for r in constraint.literals])

    def minimise(self, objective: list[tuple[int, int]]) -> None:
        index = self.index
        kept = [(index[v], c) for v, c in objective if v in index]
        self.proto.objective.vars.extend(v for v, _ in kept)
        self.proto.objective.coeffs.extend(c for _, c in kept)


def _shift(domain: list[int], by: int) -> list[int]:
    return [bound if abs(bound) >= BIG else bound + by for bound in domain]


def _parse(constraint) -> Constraint:
    enforcement = list(constraint.enforcement_literal)
    parsed = Constraint("", enforcement, [], None, [], None, [])
    if constraint.has_linear():
        linear = constraint.linear
        parsed.kind = "linear"
        parsed.linear = Expression(list(linear.vars), list(linear.coeffs), 0)
        parsed.domain = list(linear.domain)
        return parsed
    if constraint.has_lin_max():
        parsed.kind = "lin_max"
        parsed.target = _expression(constraint.lin_max.target)
        parsed.expressions = [_expression(e) for e in constraint.lin_max.exprs]
        return parsed
    for name in LITERAL_FIELDS:
        if getattr(constraint, f"has_{name}")():
            parsed.kind = name
            parsed.literals = list(getattr(constraint, name).literals)
            return parsed
    raise ValueError(f"a constraint the step model cannot hold: {constraint}")


def _expression(expression) -> Expression:
    return Expression(list(expression.vars), list(expression.coeffs), expression.offset)


def _variable(literal: int) -> int:
    return literal if literal >= 0 else -literal - 1
