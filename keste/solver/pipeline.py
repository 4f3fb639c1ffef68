"""The main job: a school in, a checked timetable out (or the reason there is none).

school --allocate--> load --demand--> meetings --checks--> CP-SAT --> placements --rooms-->
timetable --validate--> report; when the timetable is impossible, diagnose.py says why.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from keste.models.allocation import Allocation
from keste.models.changes import Change, timetable_changes
from keste.models.findings import Finding
from keste.models.grouping import Grouping
from keste.models.problems import Problems
from keste.models.school import LoadRow, School
from keste.models.timetable import Timetable
from keste.models.values import format_number
from keste.solver.allocation.allocate import allocate
from keste.solver.allocation.items import candidates, load_items
from keste.solver.demand import Demand, expand
from keste.solver.diagnosis.counting import capacity_checks
from keste.solver.diagnosis.diagnose import (
    IMPOSSIBLE,
    UNDECIDED,
    Diagnosis,
    TimetableCore,
    diagnose,
    explain_core,
    find_core,
)
from keste.solver.grouping import choice_pools, form_groups
from keste.solver.rooms.assign import assign_rooms, build_timetable, room_seconds
from keste.solver.timetable.build import build_model
from keste.solver.timetable.objectives.moves import approved_load
from keste.solver.timetable.search import Progress, SolveOptions, TimetableSolver
from keste.solver.verify import ValidationReport, validate


@dataclass
class SolveResult:
    problems: Problems
    timetable: Timetable | None = None
    report: ValidationReport | None = None
    demand: Demand | None = None
    school: School | None = None  # the school as solved: with the allocated load
    allocation: Allocation | None = None
    diagnosis: Diagnosis | None = None  # why there is no timetable, when there is none
    changes: list[Change] | None = None  # against the approved timetable, when re-solving
    grouping: Grouping | None = None  # the groups formed from students' choices
    notes: list[str] = field(default_factory=list)

    @property
    def solved(self) -> bool:
        return self.timetable is not None and bool(self.timetable.lessons)

    @property
    def proven_impossible(self) -> bool:
        info = self.timetable.info if self.timetable else None
        return info is not None and info.status == "INFEASIBLE" and not info.interrupted


REALLOCATION_ROUNDS = 3
MIN_DIAGNOSIS_SECONDS = 30.0
FIND_SHARE = 0.75  # of the diagnosis's time, to find the conflict; the rest to suggest a way out
ALLOCATION_SECONDS = 30.0  # at most; a quarter of the time limit when that is less
GROUPING_SECONDS = 20.0  # at most; a sixth of the time limit when that is less


def solve_school(
    school: School,
    options: SolveOptions,
    on_progress: Callable[[Progress], None] | None = None,
    on_solver: Callable[[TimetableSolver], None] | None = None,
    previous: list[LoadRow] | None = None,
    approved: Timetable | None = None,
) -> SolveResult:
    """Form groups from students' choices, allocate what the Load sheet leaves open, then build
    and solve the timetable. When the timetable is impossible because of teachers keste gave
    load to, move load off them and try again (saying what moved); when it is impossible
    otherwise, say why.

    previous: last year's Load (under this year's class names), for continuity. approved: the
    timetable in use, to change as little as possible (its teachers are the previous load).
    on_solver receives the running solver so a caller can stop() it.
    """
    started = time.perf_counter()
    if options.started is None:  # progress and the first timetable count from here
        options = replace(options, started=started)
    school, grouping = _group_choices(school, options, on_progress)
    left = replace(
        options, time_limit=max(1.0, options.time_limit - (time.perf_counter() - started))
    )
    result = _solve_grouped(school, left, on_progress, on_solver, previous, approved)
    result.grouping = grouping
    return result


def _group_choices(
    school: School, options: SolveOptions, on_progress=None
) -> tuple[School, Grouping | None]:
    """The school with elective groups formed from the Choices sheet (when it has choices
    whose groups the Electives sheet does not list)."""
    if not choice_pools(school):
        return school, None
    if on_progress:
        on_progress(Progress(0.0, None, None, 0, stage="forming groups from students' choices"))
    limit = min(GROUPING_SECONDS, options.time_limit / 6)
    grouping = form_groups(school, limit, options.workers, options.seed)
    return grouping.apply(school), grouping


def _solve_grouped(
    school: School,
    options: SolveOptions,
    on_progress,
    on_solver,
    previous: list[LoadRow] | None,
    approved: Timetable | None,
) -> SolveResult:
    if approved is not None and previous is None:
        previous = approved_load(approved)
    started = time.perf_counter()
    reserved: dict[str, float] = {}
    result = SolveResult(Problems(), school=school)
    for _ in range(REALLOCATION_ROUNDS + 1):
        deadline = started + options.time_limit
        retry = _solve_once(
            school,
            options,
            deadline,
            on_progress,
            on_solver,
            previous,
            reserved,
            result.notes,
            approved,
        )
        if reserved and retry.allocation is not None and not retry.allocation.ok:
            result.notes.append(
                "moving that load elsewhere leaves no allocation: the timetable stays impossible"
            )
            break
        result = retry
        if not result.proven_impossible:
            return result
        explained_by = _diagnosis_deadline(deadline, options, on_progress)
        found = find_core(result.school, result.demand, _to_find(explained_by), options.workers)
        moved = _teachers_to_relieve(result, found)
        if not moved:
            result.diagnosis = explain_core(found, _left(explained_by), options.workers)
            return result
        for teacher, hours in moved.items():
            reserved[teacher] = reserved.get(teacher, 0) + hours
            result.notes.append(
                f"the timetable was impossible with teacher {teacher}'s allocated load; "
                f"re-allocating {format_number(hours)} hours of it to other teachers"
            )
    if result.proven_impossible and result.diagnosis is None:
        explained_by = _diagnosis_deadline(started + options.time_limit, options, on_progress)
        found = find_core(result.school, result.demand, _to_find(explained_by), options.workers)
        result.diagnosis = explain_core(found, _left(explained_by), options.workers)
    return result


def _diagnosis_deadline(deadline: float, options: SolveOptions, on_progress) -> float:
    """When finding why no timetable exists must end (finding the conflict and explaining it
    share it): what is left of the limit, but at least MIN_DIAGNOSIS_SECONDS, and the progress
    says when that goes past the limit."""
    left = deadline - time.perf_counter()
    budget = max(MIN_DIAGNOSIS_SECONDS, left)
    if on_progress:
        past = f", {budget - max(left, 0):.0f} s past the time limit" if budget > left else ""
        stage = f"no timetable exists; finding out why (up to {budget:.0f} s{past})"
        started = options.started or time.perf_counter()
        on_progress(Progress(time.perf_counter() - started, None, None, 0, stage=stage))
    return time.perf_counter() + budget


def _to_find(deadline: float) -> float:
    """Seconds to find the conflict: most of the time to the deadline; the rest is for saying
    what would lift it (explain_core tries relaxing rules)."""
    return FIND_SHARE * _left(deadline)


def _left(deadline: float) -> float:
    """Seconds to a deadline; at least one, so a solver gets a chance to say what it has."""
    return max(1.0, deadline - time.perf_counter())


def _solve_once(
    school: School,
    options: SolveOptions,
    deadline: float,
    on_progress,
    on_solver,
    previous: list[LoadRow] | None,
    reserved: dict[str, float],
    notes: list[str],
    approved: Timetable | None = None,
) -> SolveResult:
    problems = Problems()
    result = SolveResult(problems, school=school, notes=notes)
    if on_progress and any(item.open for item in load_items(school)):
        on_progress(Progress(0.0, None, None, 0, stage="allocating the teaching load"))
    if not _allocate_open_load(result, options, previous, reserved):
        return result
    school = result.school
    demand = expand(school, problems)
    result.demand = demand
    if problems.has_errors():
        return result
    findings = capacity_checks(school, demand)
    if findings:
        result.diagnosis = Diagnosis(IMPOSSIBLE, findings)
        return result
    ctx = build_model(school, demand, approved=approved)
    for_rooms = room_seconds(options.time_limit) if school.rooms else 0.0
    left = deadline - time.perf_counter() - for_rooms
    remaining = replace(options, time_limit=max(1.0, left))
    solver = TimetableSolver(ctx, remaining, on_progress)
    if on_solver:
        on_solver(solver)
    solution = solver.solve()
    if not solution.placements:
        result.timetable = Timetable(info=solution.info)
        return result
    rooms = assign_rooms(school, demand, solution, approved, for_rooms, options.workers)
    if rooms.shortage:
        solution.info.notes.append(f"too few rooms: {rooms.shortage}")
    timetable = build_timetable(school, demand, solution, approved, rooms)
    result.timetable = timetable
    result.report = validate(school, timetable, approved)
    if approved is not None:
        result.changes = timetable_changes(approved, timetable, school.settings.days)
    return result


def _allocate_open_load(
    result: SolveResult,
    options: SolveOptions,
    previous: list[LoadRow] | None,
    reserved: dict[str, float] | None = None,
) -> bool:
    """Give every load item the Load sheet leaves open a teacher; False when none can be found
    (result.diagnosis says why)."""
    school = result.school
    if not any(item.open for item in load_items(school)):
        return True
    allocation = allocate(
        school,
        time_limit=min(ALLOCATION_SECONDS, options.time_limit / 4),
        workers=options.workers,
        seed=options.seed,
        previous=previous,
        reserved=reserved,
    )
    result.allocation = allocation
    if not allocation.ok:
        reasons = allocation.reasons or ["no allocation was found within the time limit"]
        verdict = IMPOSSIBLE if allocation.status == "INFEASIBLE" else UNDECIDED
        findings = [Finding("allocation", {"reason": reason}) for reason in reasons]
        result.diagnosis = Diagnosis(verdict, findings, allocation.wall_time)
        return False
    result.school = allocation.apply(school)
    result.notes.append(
        f"allocated {len(allocation.allocated())} load items in {allocation.wall_time:.1f} s"
    )
    return True


def explain_school(
    school: School, options: SolveOptions, previous: list[LoadRow] | None = None
) -> SolveResult:
    """Only the diagnosis: whether a timetable exists and, when none does, why."""
    started = time.perf_counter()
    school, grouping = _group_choices(school, options)
    result = SolveResult(Problems(), school=school, grouping=grouping)
    if not _allocate_open_load(result, options, previous):
        return result
    result.demand = expand(result.school, result.problems)
    if result.problems.has_errors():
        return result
    remaining = options.time_limit - (time.perf_counter() - started)
    result.diagnosis = diagnose(result.school, result.demand, remaining, options.workers)
    return result


def _teachers_to_relieve(result: SolveResult, found: TimetableCore) -> dict[str, float]:
    """Teachers whose allocated load makes the timetable impossible, and hours to move off each.

    Only when some of the conflict's teachers have load keste allocated that another qualified
    teacher could take (a fixed Load row is the school's decision and stays).
    """
    allocation = result.allocation
    if allocation is None or not found.core.infeasible:
        return {}
    teachers = {key for family, key in found.facts if family in ("teacher_clash", "unavailable")}
    school = result.school
    moved = {}
    for teacher in sorted(teachers):
        movable = [
            item.hours
            for item in allocation.allocated()
            if teacher in allocation.teachers_of[item.index]
            and teacher not in item.fixed
            and any(t.code != teacher for t in candidates(school, item))
        ]
        if movable:
            moved[teacher] = min(movable)
    return moved
