"""Properties over small random schools (generated_schools.py): every school the checks accept
either solves to a timetable the validator passes, with the solver's objective equal to the
validator's penalties, or is proven impossible with a reason; and every way of breaking a valid
timetable (delete, duplicate or move a lesson, swap two lessons' teachers, give a lesson a busy
teacher or a busy room) is caught by the validator.

CI runs a fixed sequence of 300 examples; `python benchmarks/properties.py --examples N --seed S`
runs many more, different for each seed (KESTE_PROPERTY_EXAMPLES, KESTE_PROPERTY_SEED)."""

from __future__ import annotations

import dataclasses
import os

from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from keste.models.input_checks import validate_school
from keste.models.problems import Problems
from keste.models.timetable import LessonRow, Timetable
from keste.solver.verify import validate
from tests.generated_schools import describe, small_schools
from tests.schoolkit import infeasible, solve

EXAMPLES = int(os.environ.get("KESTE_PROPERTY_EXAMPLES", "300"))
PROPERTIES = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="KESTE_PROPERTY_SEED" not in os.environ,  # else the same examples on every run
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTIES
@given(s=small_schools(), data=st.data())
def test_accepted_schools_solve_validly_or_are_proven_impossible(s, data):
    note(describe(s))
    problems = Problems()
    validate_school(s, problems)
    if problems.has_errors():
        event("rejected by the checks")
        return
    result = solve(s, time_limit=5)
    if not result.solved:
        event("impossible" if infeasible(result) else "input error")
        assert not result.problems.has_errors(), [str(p) for p in result.problems.items]
        assert infeasible(result), result.timetable
        return
    event("solved")
    assert result.report.ok, [v.message for v in result.report.violations]
    assert result.report.objective == result.timetable.info.objective
    edit = data.draw(st.sampled_from(EDITS), label="edit")
    broken = edit(data, result.school, result.timetable.lessons)
    if broken is None:
        event(f"{edit.__name__}: nothing to edit")
        return
    found = validate(result.school, Timetable(broken, result.timetable.meals)).violations
    assert found, f"{edit.__name__} went unnoticed"


def _delete(data, school, rows):
    index = data.draw(st.integers(0, len(rows) - 1), label="deleted")
    return rows[:index] + rows[index + 1 :]


def _duplicate(data, school, rows):
    """A copy of a lesson placed where its class already has another lesson."""
    pairs = _clashing_pairs(school, rows)
    if not pairs:
        return None
    row, other = data.draw(st.sampled_from(pairs), label="duplicated")
    return [*rows, _at(row, other)]


def _move(data, school, rows):
    """A lesson moved onto another lesson of its class."""
    pairs = _clashing_pairs(school, rows)
    if not pairs:
        return None
    row, other = data.draw(st.sampled_from(pairs), label="moved")
    return [_at(row, other) if r is row else r for r in rows]


def _swap_teachers(data, school, rows):
    pairs = [
        (a, b)
        for a in rows
        for b in rows
        if a.teachers != b.teachers
        and (a.class_name, a.subject, a.group) != (b.class_name, b.subject, b.group)
        and not set(a.teachers) & set(b.teachers)
    ]
    if not pairs:
        return None
    a, b = data.draw(st.sampled_from(pairs), label="swapped")
    swapped = {id(a): b.teachers, id(b): a.teachers}
    return [
        dataclasses.replace(r, teachers=swapped[id(r)]) if id(r) in swapped else r for r in rows
    ]


def _busy_teacher(data, school, rows):
    """A lesson given a teacher who teaches another lesson at that time."""
    pairs = [
        (a, t)
        for a in rows
        for b in rows
        if _overlap(a, b) and _lesson(a) != _lesson(b)
        for t in b.teachers
        if t not in a.teachers
    ]
    if not pairs:
        return None
    row, teacher = data.draw(st.sampled_from(pairs), label="busy teacher")
    return [dataclasses.replace(r, teachers=(teacher,)) if r is row else r for r in rows]


def _busy_room(data, school, rows):
    pairs = [
        (a, b.room)
        for a in rows
        for b in rows
        if a.room and b.room and a.room != b.room and _overlap(a, b) and _lesson(a) != _lesson(b)
    ]
    if not pairs:
        return None
    row, room = data.draw(st.sampled_from(pairs), label="busy room")
    return [dataclasses.replace(r, room=room) if r is row else r for r in rows]


EDITS = (_delete, _duplicate, _move, _swap_teachers, _busy_teacher, _busy_room)


def _clashing_pairs(school, rows) -> list[tuple[LessonRow, LessonRow]]:
    """(a, b): b is another lesson at another time with some of a's students."""
    electives = {g.block for g in school.electives}
    return [
        (a, b)
        for a in rows
        for b in rows
        if a.class_name == b.class_name
        and (a.day, a.period) != (b.day, b.period)
        and _lesson(a) != _lesson(b)
        and (a.week is None or b.week is None or a.week == b.week)
        and (
            a.group is None
            or b.group is None
            or a.group == b.group
            or a.block in electives
            or b.block in electives
        )
    ]


def _at(row: LessonRow, other: LessonRow) -> LessonRow:
    return dataclasses.replace(
        row, day=other.day, period=other.period, start=other.start, end=other.end
    )


def _overlap(a: LessonRow, b: LessonRow) -> bool:
    weeks = a.week is None or b.week is None or a.week == b.week
    return weeks and a.day == b.day and a.start < b.end and b.start < a.end


def _lesson(row: LessonRow) -> tuple:
    """The rows of one block or activity are one lesson."""
    return (row.block,) if row.block else (row.class_name, row.subject, row.group)
