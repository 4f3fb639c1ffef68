"""Daily substitutions: a free teacher for each lesson of the absent teachers, as a small CP-SAT
assignment per date.

Each lesson of an absent teacher is covered by one of: a free teacher of the subject (qualified
for it and the class's grade), any free teacher to supervise, or, when nobody is free, the class
joins a parallel lesson at the same time (the other group of its class, or a class of the same
grade); otherwise it is cancelled. A free teacher has no lesson overlapping in clock time and is
not unavailable then. The cost, in this order: cancelling, merging, supervising instead of
teaching; then few new gaps in substitutes' days and the extra load spread fairly over the
teachers, counting their substitutions of the last 30 days in the history.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, replace

from ortools.sat.python import cp_model

from keste.models.availability import teacher_free
from keste.models.school import School, Teacher
from keste.models.substitution import Substitution
from keste.models.timetable import LessonRow, Timetable
from keste.models.values import DAYS
from keste.solver.sat.booleans import any_of
from keste.solver.sat.solver import new_solver

COST = {"cancelled": 1000, "merged": 200, "supervision": 30, "subject": 0}
PAST_SUBSTITUTION = 4  # per substitution the teacher did in the last FAIRNESS_DAYS
SECOND_TODAY = 10  # per substitution beyond a teacher's first of the day
NEW_GAP = 3  # per window a substitution opens in the teacher's day
FAIRNESS_DAYS = 30


@dataclass(frozen=True)
class Lesson:
    """One lesson on the date: the rows of the Lessons sheet that meet together."""

    rows: tuple[LessonRow, ...]

    @property
    def first(self) -> LessonRow:
        return self.rows[0]

    @property
    def teachers(self) -> tuple[str, ...]:
        return self.first.teachers

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.class_name for row in self.rows))

    def overlaps(self, other: Lesson) -> bool:
        return self.first.start < other.first.end and other.first.start < self.first.end


def school_days(school: School, start: datetime.date, count: int) -> list[datetime.date]:
    """The first `count` dates from `start` that are school days."""
    dates, day = [], start
    while len(dates) < count:
        if DAYS[day.weekday()] in school.settings.days:
            dates.append(day)
        day += datetime.timedelta(days=1)
    return dates


def week_of(date: datetime.date) -> str:
    """Every-other-week lessons: week A in odd ISO weeks, B in even ones."""
    return "A" if date.isocalendar().week % 2 else "B"


def lessons_on(timetable: Timetable, date: datetime.date) -> list[Lesson]:
    day, week = DAYS[date.weekday()], week_of(date)
    grouped: dict[tuple, list[LessonRow]] = defaultdict(list)
    for row in timetable.lessons:
        if row.day == day and row.week in (None, week):
            key = (row.start, row.end, row.subject, row.group, row.teachers, row.block)
            grouped[key].append(row)
    return [Lesson(tuple(rows)) for rows in grouped.values()]


def plan_day(
    school: School,
    timetable: Timetable,
    absent: set[str],
    date: datetime.date,
    history: list[Substitution],
    time_limit: float = 10.0,
) -> list[Substitution]:
    lessons = lessons_on(timetable, date)
    missing = [lesson for lesson in lessons if set(lesson.teachers) & absent]
    plan = []
    uncovered = []
    for lesson in missing:
        present = [t for t in lesson.teachers if t not in absent]
        if present:
            plan.append(_record(date, lesson, absent, present[0], "co_teacher"))
        else:
            uncovered.append(lesson)
    if uncovered:
        plan += _assign(school, lessons, uncovered, absent, date, history, time_limit)
    return sorted(plan, key=lambda s: (s.start, s.classes))


def _record(date, lesson: Lesson, absent, teacher, kind, merged_with=None, room=None):
    row = lesson.first
    return Substitution(
        date.isoformat(),
        row.day,
        row.period,
        row.start,
        row.end,
        ",".join(lesson.classes),
        row.group,
        row.subject,
        ",".join(t for t in row.teachers if t in absent),
        teacher,
        kind,
        room if room is not None else row.room,
        merged_with,
    )


@dataclass
class _Options:
    teach: dict[tuple[int, str], cp_model.IntVar]  # (lesson, teacher)
    merge: dict[tuple[int, int], cp_model.IntVar]  # (lesson, host lesson)
    cancel: dict[int, cp_model.IntVar]


def _assign(
    school: School,
    lessons: list[Lesson],
    uncovered: list[Lesson],
    absent: set[str],
    date: datetime.date,
    history: list[Substitution],
    time_limit: float,
) -> list[Substitution]:
    model = cp_model.CpModel()
    options = _Options({}, {}, {})
    busy = _busy(lessons)
    hosts = [lesson for lesson in lessons if not set(lesson.teachers) & absent]
    cost = []
    for index, lesson in enumerate(uncovered):
        choices = []
        for teacher in school.teachers:
            if teacher.code in absent or not _free(teacher, lesson, busy):
                continue
            variable = model.new_bool_var(f"teach_{index}_{teacher.code}")
            options.teach[(index, teacher.code)] = variable
            cost.append(COST[_kind(school, teacher, lesson)] * variable)
            choices.append(variable)
        for host_index, host in enumerate(hosts):
            if _can_join(school, lesson, host):
                variable = model.new_bool_var(f"merge_{index}_{host_index}")
                options.merge[(index, host_index)] = variable
                cost.append(COST["merged"] * variable)
                choices.append(variable)
        options.cancel[index] = model.new_bool_var(f"cancel_{index}")
        cost.append(COST["cancelled"] * options.cancel[index])
        model.add_exactly_one([*choices, options.cancel[index]])
    _one_place_at_a_time(model, uncovered, options)
    for host_index in range(len(hosts)):
        joining = [v for (_, h), v in options.merge.items() if h == host_index]
        if len(joining) > 1:
            model.add(sum(joining) <= 1)
    cost += _fairness(model, school, options, date, history)
    cost += _gaps(model, uncovered, options, busy)
    model.minimize(sum(cost))
    solver = new_solver(time_limit, workers=1)
    solver.solve(model)
    return _read_plan(solver, school, uncovered, hosts, options, absent, date)


def _busy(lessons: list[Lesson]) -> dict[str, list[Lesson]]:
    found: dict[str, list[Lesson]] = defaultdict(list)
    for lesson in lessons:
        for teacher in lesson.teachers:
            found[teacher].append(lesson)
    return found


def _free(teacher: Teacher, lesson: Lesson, busy: dict[str, list[Lesson]]) -> bool:
    row = lesson.first
    if not teacher_free(teacher, row.day, row.period, (row.start, row.end)):
        return False
    return not any(other.overlaps(lesson) for other in busy.get(teacher.code, []))


def _kind(school: School, teacher: Teacher, lesson: Lesson) -> str:
    grades = [school.class_by_name[c].grade for c in lesson.classes if c in school.class_by_name]
    qualified = lesson.first.subject in teacher.subjects and all(
        not teacher.grades or grade in teacher.grades for grade in grades
    )
    return "subject" if qualified else "supervision"


def _can_join(school: School, lesson: Lesson, host: Lesson) -> bool:
    """The other group of the class, or a parallel class (same grade), at the same time."""
    if lesson.first.block or host.first.block or not lesson.overlaps(host):
        return False
    mine, theirs = lesson.classes[0], host.classes[0]
    if mine == theirs:
        return lesson.first.group is not None and host.first.group != lesson.first.group
    grade = school.class_by_name.get(mine)
    other = school.class_by_name.get(theirs)
    return grade is not None and other is not None and grade.grade == other.grade


def _one_place_at_a_time(model: cp_model.CpModel, uncovered: list[Lesson], options) -> None:
    by_teacher: dict[str, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
    for (index, teacher), variable in options.teach.items():
        by_teacher[teacher].append((index, variable))
    for choices in by_teacher.values():
        for position, (index, variable) in enumerate(choices):
            for other, second in choices[position + 1 :]:
                if uncovered[index].overlaps(uncovered[other]):
                    model.add(variable + second <= 1)


def _fairness(model, school: School, options, date: datetime.date, history) -> list:
    since = (date - datetime.timedelta(days=FAIRNESS_DAYS)).isoformat()
    past: dict[str, int] = defaultdict(int)
    for item in history:
        if since <= item.date < date.isoformat() and item.substitute and item.kind != "merged":
            past[item.substitute] += 1
    terms = []
    by_teacher: dict[str, list] = defaultdict(list)
    for (_, teacher), variable in options.teach.items():
        by_teacher[teacher].append(variable)
        terms.append(PAST_SUBSTITUTION * past[teacher] * variable)
    for teacher, variables in by_teacher.items():
        if len(variables) > 1:
            extra = model.new_int_var(0, len(variables), f"extra_{teacher}")
            model.add(extra >= sum(variables) - 1)
            terms.append(SECOND_TODAY * extra)
    return terms


def _gaps(model, uncovered: list[Lesson], options, busy) -> list:
    """Windows in each substitute's day: a free stretch between two of their lessons."""
    terms = []
    by_teacher: dict[str, list[tuple[Lesson, cp_model.IntVar]]] = defaultdict(list)
    for (index, teacher), variable in options.teach.items():
        by_teacher[teacher].append((uncovered[index], variable))
    for teacher, choices in by_teacher.items():
        starts = sorted(
            {lesson.first.start for lesson in busy.get(teacher, [])}
            | {lesson.first.start for lesson, _ in choices}
        )
        occupied = []
        for start in starts:
            fixed = any(lesson.first.start == start for lesson in busy.get(teacher, []))
            chosen = [v for lesson, v in choices if lesson.first.start == start]
            if fixed:
                occupied.append(1)
            else:
                flag = model.new_bool_var("")
                model.add(flag == sum(chosen))
                occupied.append(flag)
        terms += _windows(model, occupied)
    return [NEW_GAP * term for term in terms]


def _windows(model, occupied: list) -> list:
    """An idle slot with a busy one before and after it is a window (the slots are in order)."""
    windows = []
    for position in range(1, len(occupied) - 1):
        if isinstance(occupied[position], int):
            continue
        before = any_of(model, occupied[:position])
        after = any_of(model, occupied[position + 1 :])
        window = model.new_bool_var("")
        model.add(window >= before + after - 1 - occupied[position])
        windows.append(window)
    return windows


def _read_plan(solver, school, uncovered, hosts, options, absent, date) -> list[Substitution]:
    plan = []
    for index, lesson in enumerate(uncovered):
        record = _record(date, lesson, absent, None, "cancelled")
        for (i, teacher), variable in options.teach.items():
            if i == index and solver.boolean_value(variable):
                kind = _kind(school, school.teacher_by_code[teacher], lesson)
                record = _record(date, lesson, absent, teacher, kind)
        for (i, host_index), variable in options.merge.items():
            if i == index and solver.boolean_value(variable):
                host = hosts[host_index].first
                joined = f"{host.class_name}" + (f" g{host.group}" if host.group else "")
                joined += f" {host.subject}"
                record = _record(
                    date, lesson, absent, ",".join(host.teachers), "merged", joined, host.room
                )
        plan.append(record)
    return plan


def plan_substitutions(
    school: School,
    timetable: Timetable,
    absent: set[str],
    dates: list[datetime.date],
    history: list[Substitution],
    time_limit: float = 10.0,
) -> list[Substitution]:
    """Each date in turn; a day's substitutions count in the fairness of the next."""
    plan: list[Substitution] = []
    for date in dates:
        plan += plan_day(school, timetable, absent, date, history + plan, time_limit)
    return plan


def with_substitutions(
    timetable: Timetable, plan: list[Substitution], date: datetime.date
) -> Timetable:
    """The week as taught on that date: covered lessons with their substitute, merged and
    cancelled ones gone (for the validator). A weekly lesson covered on a date of week A or B
    is that week's lesson with the substitute and the other week's as planned: the substitute
    may teach in the other week at that time."""
    day, week = DAYS[date.weekday()], week_of(date)
    other = "B" if week == "A" else "A"
    mine = {
        (s.start, s.subject, s.group, c): s
        for s in plan
        if s.date == date.isoformat()
        for c in s.classes.split(",")
    }
    lessons = []
    for row in timetable.lessons:
        found = mine.get((row.start, row.subject, row.group, row.class_name))
        if row.day != day or row.week not in (None, week) or found is None:
            lessons.append(row)
        elif found.kind in ("subject", "supervision", "co_teacher"):
            lessons.append(replace(row, teachers=(found.substitute,), week=row.week or week))
            if row.week is None:
                lessons.append(replace(row, week=other))
    return Timetable(lessons, timetable.meals, timetable.info)


def unexplained(report, plan: list[Substitution]) -> list:
    """The validator's violations that the plan does not explain: a cancelled or merged lesson is
    missing from its class's hours and may start its day late or leave a window; a covered
    lesson has another teacher than the Load sheet's."""
    missing = {c for s in plan if s.kind in ("cancelled", "merged") for c in s.classes.split(",")}
    covered = {c for s in plan for c in s.classes.split(",")}
    return [
        v
        for v in report.violations
        if not (v.rule in ("hours", "compact_days") and v.message.split()[0] in missing)
        and not (v.rule == "teachers" and v.message.split()[0] in covered)
    ]
