"""Why there is no timetable: counting checks first, then a minimal set of rules that conflict.

The capacity checks (checks.py) catch the common impossibilities by counting. What they miss, the
solver finds: every family of hard rules is guarded per class, teacher, room type, subject, lock
and meal by an assumption literal; a feasibility-only copy of the model (no objective) returns a
set of guards that cannot all hold, shrunk by deletion to a minimal one (cores.py), and each guard
becomes a fact in words. Where leaving out one fact is enough for a timetable to exist, that is
the suggestion.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from keste.models.findings import Finding
from keste.models.school import School
from keste.models.values import format_int_ranges, format_time_blocks
from keste.solver.demand import Demand
from keste.solver.diagnosis.counting import capacity_checks
from keste.solver.sat.cores import Core, decide, minimal_core
from keste.solver.timetable.build import build_model
from keste.solver.timetable.constraints.lessons import owner
from keste.solver.timetable.context import ModelContext
from keste.solver.timetable.search import FIRST_PARAMETERS

IMPOSSIBLE, FEASIBLE, UNDECIDED = "impossible", "feasible", "undecided"

# Facts the scheduler can most easily change come first, both in the list and as suggestions.
FAMILY_ORDER = (
    "unavailable",
    "teacher_days",
    "teacher_lessons",
    "lock",
    "lessons_per_day",
    "rooms",
    "home_room",
    "canteen",
    "meals",
    "subject_per_day",
    "compact",
    "hours",
    "teacher_clash",
    "class_clash",
)
RELAXATIONS_TRIED = 3
# What a scheduler can change; the curriculum, windows and class clashes are not theirs to relax.
RELAXABLE = tuple(f for f in FAMILY_ORDER if f not in ("compact", "hours", "class_clash"))


@dataclass
class Diagnosis:
    verdict: str  # impossible, feasible or undecided
    findings: list[Finding] = field(default_factory=list)
    wall_time: float = 0.0

    @property
    def impossible(self) -> bool:
        return self.verdict == IMPOSSIBLE


@dataclass
class TimetableCore:
    """The guarded model and the guards that cannot all hold, as (family, key)."""

    ctx: ModelContext
    core: Core
    facts: list[tuple[str, str]]


def find_core(school: School, demand: Demand, time_limit: float, workers: int = 0) -> TimetableCore:
    """The facts that cannot all hold; building the guarded model counts in the time limit (a
    few seconds on the largest schools)."""
    deadline = time.perf_counter() + time_limit
    ctx = build_model(school, demand, diagnose=True)
    guards = list(ctx.guards.values())
    left = max(1.0, deadline - time.perf_counter())
    core = minimal_core(ctx.model, guards, left, workers, FIRST_PARAMETERS)
    names = {literal.index: key for key, literal in ctx.guards.items()}
    facts = sorted((names[literal.index] for literal in core.literals), key=_fact_order)
    return TimetableCore(ctx, core, facts)


def _fact_order(fact: tuple[str, str]) -> tuple[int, str]:
    family, key = fact
    rank = FAMILY_ORDER.index(family) if family in FAMILY_ORDER else len(FAMILY_ORDER)
    return rank, key


def diagnose(school: School, demand: Demand, time_limit: float, workers: int = 0) -> Diagnosis:
    """Checks by counting; when they find nothing, the solver's minimal conflict."""
    started = time.perf_counter()
    findings = capacity_checks(school, demand)
    if findings:
        return Diagnosis(IMPOSSIBLE, findings, time.perf_counter() - started)
    found = find_core(school, demand, time_limit, workers)
    remaining = time_limit - (time.perf_counter() - started)
    diagnosis = explain_core(found, remaining, workers)
    diagnosis.wall_time = time.perf_counter() - started
    return diagnosis


def explain_core(found: TimetableCore, time_limit: float, workers: int = 0) -> Diagnosis:
    if found.core.status == cp_model.FEASIBLE or found.core.status == cp_model.OPTIMAL:
        return Diagnosis(FEASIBLE, [Finding("feasible")])
    if not found.core.infeasible:
        return Diagnosis(UNDECIDED, [Finding("undecided")])
    if not found.facts:
        return Diagnosis(IMPOSSIBLE, [Finding("impossible_unexplained")])
    facts = [describe_fact(found.ctx, family, key) for family, key in found.facts]
    finding = Finding(
        "core" if found.core.minimal else "core_not_minimal",
        facts=facts,
        entities=tuple(dict.fromkeys(e for fact in facts for e in fact.entities)),
    )
    relaxed = _enough_to_relax(found, time_limit, workers)
    if relaxed is not None:
        change = describe_relaxation(found.ctx, *relaxed)
        finding.suggestion = Finding("suggest_relax", {"change": change})
    return Diagnosis(IMPOSSIBLE, [finding])


def _enough_to_relax(
    found: TimetableCore, time_limit: float, workers: int
) -> tuple[str, str] | None:
    """The first fact a scheduler can change whose guard alone, left out of the whole model,
    lets a timetable exist."""
    deadline = time.perf_counter() + time_limit
    every = list(found.ctx.guards.values())
    relaxable = [fact for fact in found.facts if fact[0] in RELAXABLE]
    for fact in relaxable[:RELAXATIONS_TRIED]:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return None
        others = [literal for literal in every if literal is not found.ctx.guards[fact]]
        status = decide(found.ctx.model, others, remaining, workers, FIRST_PARAMETERS)
        if status in (cp_model.FEASIBLE, cp_model.OPTIMAL):
            return fact
    return None


def describe_relaxation(ctx: ModelContext, family: str, key: str) -> Finding:
    """What to change so that one guarded family of rules no longer binds."""
    fact = describe_fact(ctx, family, key)
    params = dict(fact.params)
    if family in ("lessons_per_day", "subject_per_day", "teacher_days", "teacher_lessons"):
        params["want"] = params["limit"] + 1
    elif family == "canteen":
        params["want"] = params["capacity"] + 1
    return Finding(f"relax_{family}", params, fact.entities)


def describe_fact(ctx: ModelContext, family: str, key: str) -> Finding:
    """One guarded family of rules for one entity, in words with its numbers."""
    school = ctx.school
    if family == "hours":
        lessons = sum(m.lessons for m in ctx.meetings if owner(m) == key)
        return Finding("fact_hours", {"owner": key, "lessons": lessons}, tuple(key.split(",")))
    if family == "lessons_per_day":
        limit = school.max_lessons_per_day(school.class_by_name[key])
        return Finding("fact_lessons_per_day", {"cls": key, "limit": limit}, (key,))
    if family == "compact" and school.settings.students_day == "no_windows":
        return Finding("fact_no_windows", {"cls": key}, (key,))  # a late start is allowed
    if family in ("compact", "class_clash"):
        return Finding(f"fact_{family}", {"cls": key}, (key,))
    if family == "teacher_clash":
        meetings = ctx.meetings_of_teacher.get(key, [])
        classes = sorted({c for m in meetings for c in m.classes})
        params = {
            "teacher": key,
            "lessons": sum(m.lessons for m in meetings),
            "classes": ", ".join(classes),
        }
        return Finding("fact_teacher_clash", params, (key, *classes))
    if family == "unavailable":
        teacher = school.teacher_by_code[key]
        when = format_time_blocks(teacher.unavailable)
        return Finding("fact_unavailable", {"teacher": key, "when": when}, (key,))
    if family == "teacher_days":
        limit = school.teacher_by_code[key].max_days
        return Finding("fact_teacher_days", {"teacher": key, "limit": limit}, (key,))
    if family == "teacher_lessons":
        limit = school.teacher_by_code[key].max_lessons_per_day
        return Finding("fact_teacher_lessons", {"teacher": key, "limit": limit}, (key,))
    if family == "rooms":
        rooms = sum(1 for r in school.rooms if r.type == key)
        return Finding("fact_rooms", {"type": key, "rooms": rooms}, (key,))
    if family == "home_room":
        return Finding("fact_home_room", {"room": key}, (key,))
    if family == "subject_per_day":
        subject = school.subject_by_code.get(key)
        limit = subject.max_per_day if subject else 1
        return Finding("fact_subject_per_day", {"subject": key, "limit": limit}, (key,))
    if family == "lock":
        return Finding("fact_lock", {"lock": key}, (key.split()[0],))
    rule = next(r for r in school.meals if r.meal == key)
    if family == "canteen":
        params = {"meal": key, "capacity": rule.canteen_capacity}
        return Finding("fact_canteen", params, (key,))
    return Finding("fact_meals", {"meal": key, "window": format_int_ranges(rule.window)}, (key,))
