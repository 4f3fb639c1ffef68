"""Students' days: compact_days (each day starts at period 1 with no windows, meals counted; or,
by the School sheet's students_day, one unbroken run, or no rule),
lessons_per_day (at most the grade's lessons a day), subject_per_day (a subject at most its
max_per_day a day, no more than two in a row, doubles only where allowed and as many as planned)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from keste.models.school import SchoolClass
from keste.models.timetable import LessonRow
from keste.models.verification import Violation
from keste.solver.verify.curriculum import splits, taught, weekly_lessons
from keste.solver.verify.rows import covers, probe, runs, set_name
from keste.solver.verify.week import Week


def compact_days(week: Week) -> Iterator[Violation]:
    meals = defaultdict(set)
    for meal in week.meals:
        meals[(meal.class_name, meal.day)].add(meal.period)
    for (class_name, half), days in week.set_days.items():
        school_class = week.school_class(class_name)
        limit = week.school.max_lessons_per_day(school_class)
        who = set_name(class_name, half)
        for day in week.days:
            periods = days.get(day, {})
            yield from _window(week, who, school_class, day, periods, meals[(class_name, day)])
            lessons = {p for p, rows in periods.items() if any(r.week != "B" for r in rows)}
            if len(lessons) > limit:
                yield Violation(
                    "lessons_per_day",
                    f"{who} has {len(lessons)} lessons on {day}; at most {limit}",
                )


def _window(
    week: Week,
    who: str,
    school_class: SchoolClass,
    day: str,
    periods: dict[int, list[LessonRow]],
    meals: set[int],
) -> Iterator[Violation]:
    """The first week (A or B) whose day has a window; meals fill their periods."""
    rule = week.school.settings.students_day
    if rule == "free":
        return
    for which in ("A", "B"):
        busy = {p for p, rows in periods.items() if any(r.week in (None, which) for r in rows)}
        occupied = busy | meals
        expected = _open_periods(week, school_class, day, max(occupied, default=0))
        if rule == "no_windows":  # the run may start later
            expected = {p for p in expected if p >= min(occupied, default=0)}
        if occupied and occupied != expected:
            missing = sorted(expected - occupied)
            yield Violation(
                "compact_days",
                f"{who} on {day}"
                + (f" (week {which})" if _has_weeks(periods) else "")
                + f": window at period {', '.join(map(str, missing))}",
            )
            return


def _open_periods(week: Week, school_class: SchoolClass, day: str, last: int) -> set[int]:
    """Periods 1..last of the class's day, less those it is unavailable (it is elsewhere)."""
    schedule = week.bells[week.school.bells_of(school_class)]
    return {
        p.number
        for p in schedule.periods
        if p.number <= last
        and not any(
            covers(block, probe(day, p.number, p.start, p.end))
            for block in school_class.unavailable
        )
    }


def _has_weeks(periods: dict[int, list[LessonRow]]) -> bool:
    return any(r.week for rows in periods.values() for r in rows)


def subject_days(week: Week) -> Iterator[Violation]:
    """Lessons of a subject a day and double lessons, per class or group, weekly lessons."""
    school = week.school
    periods = defaultdict(set)
    for row in week.lessons:
        if row.block is None and row.week is None:
            periods[(row.class_name, row.subject, row.group, row.day)].add(row.period)
    yield from _block_days(week)
    doubles_in_week = Counter()
    for (class_name, subject_code, group, day), taken in periods.items():
        subject = school.subject_by_code[subject_code]
        school_class = school.class_by_name[class_name]
        who = f"{set_name(class_name, group)} {subject_code}"
        found = runs(sorted(taken))
        if len(found) > subject.max_per_day:
            yield Violation(
                "subject_per_day",
                f"{who}: {len(found)} lessons on {day}; at most {subject.max_per_day}",
            )
        for run in found:
            if len(run) > 2:
                yield Violation("subject_per_day", f"{who}: {len(run)} lessons in a row on {day}")
            elif len(run) == 2:
                doubles_in_week[(class_name, subject_code, group)] += 1
                if allowed_doubles(week, school_class, subject_code)[1] == 0:
                    yield Violation(
                        "subject_per_day",
                        f"{who}: a double lesson on {day}, which is not allowed",
                    )
    yield from _double_counts(week, doubles_in_week)


def _block_days(week: Week) -> Iterator[Violation]:
    """An elective group's lessons a day: at most its subject's max_per_day, no doubles."""
    periods = defaultdict(set)
    for row in week.lessons:
        if row.block in week.elective_blocks:
            periods[(row.block, row.group, row.subject, row.day)].add(row.period)
    for (block, group, subject_code, day), taken in periods.items():
        most = week.school.subject_max_per_day(subject_code)
        found = runs(sorted(taken))
        who = f"block {block} group {group} ({subject_code})"
        if len(found) > most:
            yield Violation(
                "subject_per_day", f"{who}: {len(found)} lessons on {day}; at most {most}"
            )
        if any(len(run) > 1 for run in found):
            yield Violation("subject_per_day", f"{who}: a double lesson on {day}")


def allowed_doubles(week: Week, school_class: SchoolClass, subject_code: str) -> tuple[int, int]:
    """(least, most) double lessons a week for a class's subject."""
    school = week.school
    row = taught(school, school_class).get(subject_code)
    subject = school.subject_by_code[subject_code]
    if row is None or school.is_primary(school_class.grade):
        return 0, 0
    lessons = int(weekly_lessons(school, row.hours))
    if row.doubles is not None:
        planned = min(row.doubles, lessons // 2)
        return planned, planned
    return {"required": (lessons // 2,) * 2, "allowed": (0, lessons // 2)}.get(
        subject.double, (0, 0)
    )


def _double_counts(week: Week, doubles_in_week: Counter) -> Iterator[Violation]:
    """At least the planned double lessons a week, per class or half."""
    school = week.school
    for school_class in school.classes:
        for subject_code, row in taught(school, school_class).items():
            groups = ("1", "2") if splits(school, school_class, row) else (None,)
            least, _ = allowed_doubles(week, school_class, subject_code)
            for group in groups:
                have = doubles_in_week[(school_class.name, subject_code, group)]
                if have < least:
                    yield Violation(
                        "subject_per_day",
                        f"{school_class.name} {subject_code}: "
                        f"{have} double lessons, {least} planned",
                    )
