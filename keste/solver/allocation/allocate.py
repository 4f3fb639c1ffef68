"""Teacher load allocation (тарификация): a qualified teacher for every load item without one.

The open items fall into groups that share no candidate teacher (load_items.components); each is
allocated on its own: first any allocation that keeps the hard rules (fast), then the best one the
time allows, starting from it (allocation_model.py has the rules). When none exists, the reasons
come in numbers (allocation_explain.py).
"""

from __future__ import annotations

import time
from collections import defaultdict

from keste.models.allocation import Allocation, CapacityLine, LoadItem
from keste.models.school import LoadRow, School
from keste.solver.allocation.explain import explain_allocation, quick_checks
from keste.solver.allocation.items import candidates, components, load_items, qualified
from keste.solver.allocation.model import add_soft_rules, build, penalties, previous_teachers
from keste.solver.sat.solver import new_solver

FOUND = ("OPTIMAL", "FEASIBLE")
MIN_PHASE_SECONDS = 0.5


def allocate(
    school: School,
    time_limit: float = 30,
    workers: int = 0,
    seed: int = 0,
    previous: list[LoadRow] | None = None,
    reserved: dict[str, float] | None = None,
) -> Allocation:
    """Allocate every open item. `reserved` lowers teachers' maximum hours (re-allocation)."""
    started = time.perf_counter()
    items = load_items(school)
    reserved, previous = reserved or {}, previous or []
    allocation = Allocation(items, {item.index: item.fixed for item in items})
    groups = components(school, items)
    allocation.reasons = quick_checks(school, items, reserved) if groups else []
    if allocation.reasons:
        allocation.status = "INFEASIBLE"
        return allocation
    firsts = []
    for group in groups:
        remaining = started + time_limit - time.perf_counter()
        status, first = _first_allocation(
            school, items, group, reserved, previous, remaining, workers, seed
        )
        if status not in FOUND:
            allocation.status = status
            if status == "INFEASIBLE":
                allocation.reasons = explain_allocation(
                    school, items, group, reserved, max(5.0, remaining)
                )
            allocation.wall_time = time.perf_counter() - started
            return allocation
        firsts.append(first)
    allocation.first_time = time.perf_counter() - started
    sizes = [sum(len(candidates(school, item)) for item in group) for group in groups]
    statuses = []
    for position, (group, first) in enumerate(zip(groups, firsts, strict=True)):
        remaining = started + time_limit - time.perf_counter()
        budget = remaining * sizes[position] / sum(sizes[position:])
        status, chosen = _improve(
            school, items, group, reserved, previous, first, budget, workers, seed
        )
        statuses.append(status)
        for (index, teacher), taken in chosen.items():
            if taken:
                allocation.teachers_of[index] = (*allocation.teachers_of[index], teacher)
    allocation.status = "OPTIMAL" if all(s == "OPTIMAL" for s in statuses) else "FEASIBLE"
    counts = penalties(school, items, allocation.teachers_of, groups, previous)
    allocation.penalties = {
        name: (count, school.settings.weight(name)) for name, count in counts.items()
    }
    allocation.wall_time = time.perf_counter() - started
    return allocation


Choice = dict[tuple[int, str], bool]  # (item index, teacher) -> given


def _first_allocation(
    school: School,
    items: list[LoadItem],
    group: list[LoadItem],
    reserved: dict[str, float],
    previous: list[LoadRow],
    time_limit: float,
    workers: int,
    seed: int,
) -> tuple[str, Choice]:
    """Any allocation of the group that keeps the hard rules (last year's teachers as a hint)."""
    hard = build(school, items, group, reserved)
    for index, teacher in previous_teachers(group, previous).items():
        if (index, teacher) in hard.assign:
            hard.model.add_hint(hard.assign[(index, teacher)], True)
    solver = new_solver(max(MIN_PHASE_SECONDS, time_limit), workers, seed)
    status = solver.status_name(solver.solve(hard.model))
    if status not in FOUND:
        return status, {}
    return status, {key: solver.boolean_value(v) for key, v in hard.assign.items()}


def _improve(
    school: School,
    items: list[LoadItem],
    group: list[LoadItem],
    reserved: dict[str, float],
    previous: list[LoadRow],
    first: Choice,
    budget: float,
    workers: int,
    seed: int,
) -> tuple[str, Choice]:
    """A better allocation of the group within the budget, starting from the first one."""
    full = build(school, items, group, reserved)
    add_soft_rules(full, previous)
    if not full.model.has_objective():
        return "OPTIMAL", first
    for key, variable in full.assign.items():
        full.model.add_hint(variable, first[key])
    solver = new_solver(max(MIN_PHASE_SECONDS, budget), workers, seed)
    status = solver.status_name(solver.solve(full.model))
    if status not in FOUND:
        return "FEASIBLE", first
    return status, {key: solver.boolean_value(v) for key, v in full.assign.items()}


# ------------------------------------------------------------------------------ reporting


def grade_bands(school: School) -> list[tuple[int, ...]]:
    """Primary grades, then basic up to 9, then the upper grades."""
    grades = sorted({c.grade for c in school.classes})
    primary = tuple(g for g in grades if school.is_primary(g))
    basic = tuple(g for g in grades if g not in primary and g <= 9)
    upper = tuple(g for g in grades if g not in primary and g > 9)
    return [band for band in (primary, basic, upper) if band]


def capacity_lines(school: School, items: list[LoadItem]) -> list:
    """Per subject and grade band: hours needed, who is qualified, and their max hours."""
    lines = []
    for band in grade_bands(school):
        by_subject: dict[str, list[LoadItem]] = defaultdict(list)
        for item in items:
            if set(item.grades) & set(band):
                by_subject[item.subject].append(item)
        for subject, mine in sorted(by_subject.items()):
            teachers = sorted({t.code for t in school.teachers for i in mine if qualified(t, i)})
            limits = [school.teacher_by_code[t].max_hours for t in teachers]
            their_max = None if any(m is None for m in limits) else sum(limits)
            grades = tuple(sorted({g for i in mine for g in i.grades}))
            lines.append(
                CapacityLine(
                    subject,
                    grades,
                    sum(i.hours * i.needed for i in mine),
                    tuple(teachers),
                    their_max,
                )
            )
    return lines
