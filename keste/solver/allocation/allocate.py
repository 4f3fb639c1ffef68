"""Teacher load allocation (тарификация): a qualified teacher for every load item without one.

The open items fall into groups that share no candidate teacher (load_items.components); each is
allocated on its own: first any allocation that keeps the hard rules (fast), then the best one the
time allows, starting from it (allocation_model.py has the rules). When none exists, the reasons
come in numbers (allocation_explain.py).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field, replace

from keste.models.school import LoadRow, School
from keste.solver.allocation.explain import explain_allocation, quick_checks
from keste.solver.allocation.items import LoadItem, candidates, components, load_items, qualified
from keste.solver.allocation.model import add_soft_rules, build, penalties, previous_teachers
from keste.solver.sat.solver import new_solver

FOUND = ("OPTIMAL", "FEASIBLE")
MIN_PHASE_SECONDS = 0.5


@dataclass
class Allocation:
    items: list[LoadItem]
    teachers_of: dict[int, tuple[str, ...]] = field(default_factory=dict)
    status: str = "UNKNOWN"
    penalties: dict[str, tuple[int, int]] = field(default_factory=dict)  # rule: (count, weight)
    reasons: list[str] = field(default_factory=list)
    wall_time: float = 0.0
    first_time: float | None = None  # seconds to the first allocation that keeps every hard rule

    @property
    def ok(self) -> bool:
        return self.status in FOUND

    def allocated(self) -> list[LoadItem]:
        return [item for item in self.items if item.open]

    def hours_of(self) -> dict[str, float]:
        hours: dict[str, float] = defaultdict(float)
        for item in self.items:
            for teacher in self.teachers_of.get(item.index, item.fixed):
                hours[teacher] += item.hours
        return dict(hours)

    def apply(self, school: School) -> School:
        """The school with a complete Load sheet and every elective group's teachers."""
        load = []
        for item in self.items:
            teachers = self.teachers_of.get(item.index, item.fixed)
            if item.block or not teachers:
                continue
            group = None if item.group is None else int(item.group)
            co_teacher = teachers[1] if len(teachers) > 1 else None
            load.append(LoadRow(item.classes[0], item.subject, teachers[0], group, co_teacher))
        by_group = {(i.block, i.group): i for i in self.items if i.block}
        electives = []
        for group in school.electives:
            item = by_group.get((group.block, group.group))
            teachers = self.teachers_of.get(item.index, item.fixed) if item else ()
            electives.append(
                replace(
                    group,
                    teacher=teachers[0] if teachers else group.teacher,
                    co_teacher=teachers[1] if len(teachers) > 1 else group.co_teacher,
                )
            )
        return replace(school, load=load, electives=electives)


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


def tariff_entries(allocation: Allocation) -> list:
    from keste.models.io.tariff import TariffEntry

    entries = []
    for item in allocation.items:
        for teacher in allocation.teachers_of.get(item.index, item.fixed):
            entries.append(
                TariffEntry(
                    teacher,
                    item.subject,
                    f"block {item.block}" if item.block else item.classes[0],
                    item.group,
                    item.hours,
                    allocated=teacher not in item.fixed,
                )
            )
    return entries


def grade_bands(school: School) -> list[tuple[int, ...]]:
    """Primary grades, then basic up to 9, then the upper grades."""
    grades = sorted({c.grade for c in school.classes})
    primary = tuple(g for g in grades if school.is_primary(g))
    basic = tuple(g for g in grades if g not in primary and g <= 9)
    upper = tuple(g for g in grades if g not in primary and g > 9)
    return [band for band in (primary, basic, upper) if band]


def capacity_lines(school: School, items: list[LoadItem]) -> list:
    """Per subject and grade band: hours needed, who is qualified, and their max hours."""
    from keste.models.io.tariff import CapacityLine

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


def write_allocation(school: School, allocation: Allocation, path, lang: str) -> None:
    from keste.models.io.tariff import allocation_workbook
    from keste.models.io.workbook import save_atomically

    rows = allocation.apply(school).load if allocation.ok else []
    allocated = {
        (i.classes[0], i.subject, None if i.group is None else int(i.group))
        for i in allocation.allocated()
        if not i.block
    }
    workbook = allocation_workbook(
        school,
        rows,
        allocated,
        tariff_entries(allocation) if allocation.ok else [],
        capacity_lines(school, allocation.items),
        allocation.status,
        allocation.penalties,
        allocation.reasons,
        lang,
    )
    save_atomically(workbook, path)
