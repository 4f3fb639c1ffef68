"""The independent validator catches every kind of broken timetable: a real solved timetable of the
small sample is edited the way a person might, and the validator must name what broke."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import load_workbook

from keste.models.bells import schedules
from keste.models.io.reading import load_school
from keste.models.io.timetable_workbook import read_timetable, write_timetable
from keste.models.school import Lock, MealRule
from keste.models.timetable import LessonRow, MealRow, Timetable
from keste.models.values import parse_time_blocks
from keste.solver.pipeline import solve_school
from keste.solver.timetable.search import SolveOptions
from keste.solver.verify import validate
from tests.conftest import SAMPLES_DIR, run


@pytest.fixture(scope="module")
def solved():
    school = load_school(SAMPLES_DIR / "small.xlsx")
    result = solve_school(school, SolveOptions(time_limit=8, workers=2))
    assert result.solved and result.report.ok
    return school, result.timetable


def _with(timetable: Timetable, lessons: list[LessonRow], meals=None) -> Timetable:
    return Timetable(lessons, timetable.meals if meals is None else meals, timetable.info)


def _rules(school, timetable) -> set[str]:
    return {v.rule for v in validate(school, timetable).violations}


def _first(timetable, **match) -> LessonRow:
    return next(r for r in timetable.lessons if all(getattr(r, k) == v for k, v in match.items()))


def test_a_solved_timetable_is_valid(solved):
    school, timetable = solved
    assert validate(school, timetable).ok


def test_a_missing_lesson(solved):
    school, timetable = solved
    last = max((r for r in timetable.lessons if r.class_name == "9А"), key=lambda r: r.period)
    lessons = [r for r in timetable.lessons if r is not last]
    assert "hours" in _rules(school, _with(timetable, lessons))


def test_a_class_in_two_lessons(solved):
    school, timetable = solved
    row = _first(timetable, class_name="7А", period=1)
    moved = dataclasses.replace(
        _first(timetable, class_name="7А", period=2), period=1, start=row.start, end=row.end
    )
    lessons = [
        r
        for r in timetable.lessons
        if not (
            r.class_name == "7А"
            and r.period == 2
            and r.subject == moved.subject
            and r.day == moved.day
        )
    ] + [moved]
    rules = _rules(school, _with(timetable, lessons))
    assert "class_clash" in rules and "compact_days" in rules


def test_a_teacher_in_two_classes_at_once(solved):
    school, timetable = solved
    row = _first(timetable, class_name="10А", day="Mon", period=1)
    other = _first(timetable, class_name="11А", day="Mon", period=1)
    lessons = [
        dataclasses.replace(r, teachers=row.teachers) if r is other else r
        for r in timetable.lessons
    ]
    assert "teacher_clash" in _rules(school, _with(timetable, lessons))


def test_a_window_in_a_students_day(solved):
    school, timetable = solved
    day = timetable.lessons[0].day
    lessons = [
        r
        for r in timetable.lessons
        if not (r.class_name == "8А" and r.day == day and r.period == 2)
    ]
    rules = _rules(school, _with(timetable, lessons))
    assert "compact_days" in rules and "hours" in rules


def test_a_teacher_made_unavailable(solved):
    school, timetable = solved
    row = _first(timetable, class_name="5А", day="Tue")
    school = dataclasses.replace(school)
    school.teachers = [
        dataclasses.replace(t, unavailable=parse_time_blocks("Tue"))
        if t.code == row.teachers[0]
        else t
        for t in school.teachers
    ]
    assert "teacher_unavailable" in _rules(school, timetable)


def test_a_teacher_working_more_days_than_allowed(solved):
    school, timetable = solved
    row = _first(timetable, class_name="5А", day="Tue")
    days = {r.day for r in timetable.lessons if row.teachers[0] in r.teachers}
    assert len(days) > 1
    school = dataclasses.replace(school)
    school.teachers = [
        dataclasses.replace(t, max_days=1) if t.code == row.teachers[0] else t
        for t in school.teachers
    ]
    assert "teacher_days" in _rules(school, timetable)


def test_a_teacher_teaching_more_lessons_a_day_than_allowed(solved):
    school, timetable = solved
    row = _first(timetable, class_name="5А", day="Tue")
    teacher = row.teachers[0]
    busiest = max(
        len({(r.start, r.end) for r in timetable.lessons if teacher in r.teachers and r.day == day})
        for day in school.settings.days
    )
    school = dataclasses.replace(school)
    for limit, broken in ((busiest, False), (busiest - 1, True)):
        school.teachers = [
            dataclasses.replace(t, max_lessons_per_day=limit) if t.code == teacher else t
            for t in school.teachers
        ]
        assert ("teacher_days" in _rules(school, timetable)) == broken


def test_a_lock_not_kept(solved):
    school, timetable = solved
    row = _first(timetable, class_name="6А", day="Wed", period=3)
    school = dataclasses.replace(school, locks=[Lock("6А", row.subject, "Thu", 3)])
    if any(
        r.class_name == "6А" and r.subject == row.subject and r.day == "Thu" and r.period == 3
        for r in timetable.lessons
    ):
        pytest.skip("the lesson happens to be there too")
    assert "locks" in _rules(school, timetable)


def test_too_many_lessons_of_a_subject_a_day(solved):
    school, timetable = solved
    math = [r for r in timetable.lessons if r.class_name == "9А" and r.subject == "algebra"]
    first, second = math[0], next(r for r in math if r.day != math[0].day)
    others = [
        r
        for r in timetable.lessons
        if r.class_name == "9А" and r.day == first.day and r.period != first.period
    ]
    swap = others[-1]
    lessons = [r for r in timetable.lessons if r not in (second, swap)]
    lessons += [
        dataclasses.replace(
            second, day=swap.day, period=swap.period, start=swap.start, end=swap.end
        ),
        dataclasses.replace(
            swap, day=second.day, period=second.period, start=second.start, end=second.end
        ),
    ]
    assert "subject_per_day" in _rules(school, _with(timetable, lessons))


def test_meals_and_canteen(solved):
    school, timetable = solved
    school = dataclasses.replace(school, meals=[MealRule("lunch", ("1-2",), (5,), 1)])
    rules = _rules(school, timetable)
    assert "meals" in rules
    fifth = schedules(school)["main"].period(5)
    meals = [
        MealRow(day, 5, fifth.start, fifth.end, name, "lunch")
        for day in school.settings.days
        for name in ("1А", "2А")
    ]
    report = validate(school, _with(timetable, timetable.lessons, meals))
    assert any("canteen seats 1" in v.message for v in report.violations)


def test_unknown_names_and_wrong_periods(solved):
    school, timetable = solved
    lessons = [
        *timetable.lessons,
        dataclasses.replace(timetable.lessons[0], class_name="99Я"),
        dataclasses.replace(timetable.lessons[1], period=12),
    ]
    report = validate(school, _with(timetable, lessons))
    messages = " ".join(v.message for v in report.violations if v.rule == "references")
    assert "99Я" in messages and "no period 12" in messages


def _when_cells(sheet, row: int) -> tuple:
    return tuple(sheet.cell(row=row, column=c).value for c in range(1, 6))


def test_hand_edited_workbook_is_checked(solved, tmp_path, runner):
    school, timetable = solved
    path = tmp_path / "timetable.xlsx"
    write_timetable(school, timetable, validate(school, timetable), path, "ru")
    again, problems = read_timetable(path, school)
    assert not problems.has_errors() and again.lessons == timetable.lessons
    assert run(runner, "validate", SAMPLES_DIR / "small.xlsx", path).exit_code == 0
    workbook = load_workbook(path)
    sheet = workbook["Уроки"]
    # Two whole-class lessons of every week: moving one onto the other's class and time must
    # clash, whichever timetable the solver returned (split groups may share a period).
    whole = [
        i + 2 for i, row in enumerate(timetable.lessons) if not (row.group or row.week or row.block)
    ]
    kept, moved = (
        whole[0],
        next(r for r in whole[1:] if _when_cells(sheet, r) != _when_cells(sheet, whole[0])),
    )
    for column in range(1, 6):  # day, period, start, end, class
        sheet.cell(row=moved, column=column).value = sheet.cell(row=kept, column=column).value
    workbook.save(path)
    result = run(runner, "validate", SAMPLES_DIR / "small.xlsx", path)
    assert result.exit_code == 4
    assert "class_clash" in result.output
