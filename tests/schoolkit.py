"""Tiny hand-made schools for solver tests, and helpers to solve them and read the answer."""

from __future__ import annotations

from functools import cached_property

from keste.models.school import (
    BellSchedule,
    CurriculumRow,
    LoadRow,
    Period,
    School,
    SchoolClass,
    Subject,
    Teacher,
)
from keste.models.settings import Settings
from keste.models.values import parse_time_blocks
from keste.solver.pipeline import SolveResult, solve_school
from keste.solver.timetable.search import SolveOptions


def school(days: str = "Mon,Tue,Wed,Thu,Fri", periods: int = 4, **settings) -> School:
    result = School(settings=Settings(days=tuple(days.split(",")), periods_per_day=periods))
    result.settings.max_lessons_per_day = {g: periods for g in range(0, 13)}
    for weight in (
        "teacher_gaps",
        "difficulty_profile",
        "hard_subject_position",
        "hardest_back_to_back",
        "subject_spread",
        "teacher_wishes",
    ):
        result.settings.weights[weight] = 0  # each test switches on what it studies
    for key, value in settings.items():
        setattr(result.settings, key, value)
    return result


def add_class(s: School, name: str, grade: int = 7, students: int = 20, **kwargs) -> None:
    s.classes.append(SchoolClass(name, grade, students, **kwargs))


def add_subject(s: School, code: str, difficulty: int = 5, **kwargs) -> None:
    s.subjects.append(Subject(code, difficulty=difficulty, **kwargs))


def teach(
    s: School,
    class_name: str,
    subject: str,
    hours: float,
    teacher: str,
    group: int | None = None,
    unavailable: str = "",
    **row,
) -> None:
    """A curriculum row for the class (unless there is one) and a Load row for the teacher."""
    if not any(r.class_name == class_name and r.subject == subject for r in s.curriculum):
        s.curriculum.append(CurriculumRow(subject, hours, class_name=class_name, **row))
    if not any(t.code == teacher for t in s.teachers):
        s.teachers.append(Teacher(teacher, (), unavailable=parse_time_blocks(unavailable)))
    found = next(t for t in s.teachers if t.code == teacher)
    if subject not in found.subjects:
        found.subjects = (*found.subjects, subject)
    s.load.append(LoadRow(class_name, subject, teacher, group))
    _clear_caches(s)


def bells(s: School, name: str, *times: str) -> None:
    """A bell schedule from 'HH:MM-HH:MM' periods."""
    periods = []
    for number, text in enumerate(times, start=1):
        start, end = text.split("-")
        periods.append(Period(number, _minutes(start), _minutes(end)))
    s.bells.append(BellSchedule(name, tuple(periods)))


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _clear_caches(s: School) -> None:
    """Forget the school's cached lookups after a test changed its lists."""
    for name, value in vars(School).items():
        if isinstance(value, cached_property):
            s.__dict__.pop(name, None)


def solve(s: School, time_limit: float = 10) -> SolveResult:
    _clear_caches(s)
    return solve_school(s, SolveOptions(time_limit=time_limit, workers=2))


def placed(result: SolveResult, class_name: str | None = None, subject: str | None = None):
    """(day, period) of every lesson row matching class and subject, sorted."""
    return sorted(
        (r.day, r.period)
        for r in result.timetable.lessons
        if (class_name is None or r.class_name == class_name)
        and (subject is None or r.subject == subject)
    )


def infeasible(result: SolveResult) -> bool:
    """No timetable, proven: by the counting checks or by the solver (and explained)."""
    return not result.solved and result.diagnosis is not None and result.diagnosis.impossible
