"""Mid-year changes: re-solving from the approved timetable moves as few lessons as it can, and the
Changes sheet lists each one. Expected counts are worked out by hand on small schools."""

from __future__ import annotations

from dataclasses import replace

from openpyxl import load_workbook

from keste.models.bells import schedules
from keste.models.changes import count
from keste.models.io.reading import write_school
from keste.models.io.timetable_workbook import write_timetable
from keste.models.school import Teacher
from keste.models.timetable import LessonRow, Timetable
from keste.models.values import parse_time_blocks
from keste.solver.pipeline import solve_school
from keste.solver.timetable.search import SolveOptions
from keste.solver.verify import validate
from tests.conftest import run
from tests.schoolkit import _clear_caches, add_class, add_subject, school, teach

WEEK = {  # the approved timetable of 7A: (day, period) -> (subject, teacher)
    ("Mon", 1): ("a", "T1"),
    ("Mon", 2): ("b", "T2"),
    ("Mon", 3): ("c", "T3"),
    ("Tue", 1): ("d", "T4"),
    ("Tue", 2): ("e", "T5"),
    ("Tue", 3): ("f", "T6"),
}


def _school(periods: int = 3):
    s = school(days="Mon,Tue", periods=periods)
    add_class(s, "7A")
    for subject, teacher in WEEK.values():
        add_subject(s, subject)
        teach(s, "7A", subject, 1, teacher)
    return s


def _approved(s) -> Timetable:
    bells = schedules(s)["main"]
    rows = []
    for (day, period), (subject, teacher) in WEEK.items():
        clock = bells.period(period)
        rows.append(LessonRow(day, period, clock.start, clock.end, "7A", subject, (teacher,)))
    return Timetable(rows)


def _resolve(s, approved: Timetable):
    _clear_caches(s)
    result = solve_school(s, SolveOptions(time_limit=20, workers=2), approved=approved)
    assert result.solved and result.report.ok, result.report and result.report.violations
    return result


def test_nothing_changed_nothing_moves():
    s = _school()
    result = _resolve(s, _approved(s))
    assert result.changes == []
    assert result.report.penalties["moved_lessons"] == 0


def test_a_teacher_loses_monday_one_swap_moves_two_lessons():
    """Both days are full: a must go to Tuesday and one Tuesday lesson to Monday."""
    s = _school()
    s.teachers[0].unavailable = parse_time_blocks("Mon")
    result = _resolve(s, _approved(s))
    assert count(result.changes, "moved") == 2
    assert result.report.penalties["moved_lessons"] == 2  # the validator agrees
    assert result.timetable.info.penalties["moved_lessons"][0] == 2  # and so does the solver
    assert {c.subject for c in result.changes} & {"a"} == {"a"}


def test_an_added_hour_moves_nothing():
    s = _school(periods=4)
    s.curriculum = [replace(r, hours=2) if r.subject == "a" else r for r in s.curriculum]
    result = _resolve(s, _approved(s))
    assert count(result.changes, "moved") == 0
    assert count(result.changes, "added") == 1


def test_a_teacher_who_leaves_is_replaced_in_the_same_slots():
    s = _school()
    s.teachers = [t for t in s.teachers if t.code != "T6"] + [Teacher("T7", ("f",))]
    s.load = [row for row in s.load if row.teacher != "T6"]  # f is allocated again
    result = _resolve(s, _approved(s))
    assert count(result.changes, "moved") == 0
    assert [(c.kind, c.subject, c.after.teachers) for c in result.changes] == [
        ("teacher", "f", ("T7",))
    ]


def test_a_new_class_leaves_the_old_ones_in_place():
    s = _school()
    add_class(s, "7B")
    for subject, teacher in WEEK.values():
        teach(s, "7B", subject, 1, teacher + "b")
    result = _resolve(s, _approved(s))
    assert count(result.changes, "moved") == 0
    assert count(result.changes, "added") == 6


def test_fewer_hours_remove_rather_than_move():
    s = _school()
    s.curriculum = [r for r in s.curriculum if r.subject != "f"]
    s.load = [r for r in s.load if r.subject != "f"]
    result = _resolve(s, _approved(s))
    assert count(result.changes, "removed") == 1
    assert result.report.penalties["moved_lessons"] == count(result.changes, "moved")


def test_validator_counts_moved_lessons_on_its_own():
    s = _school()
    approved = _approved(s)
    swapped = [
        replace(row, day="Tue" if row.day == "Mon" else "Mon") if row.period == 1 else row
        for row in approved.lessons
    ]
    report = validate(s, Timetable(swapped), approved)
    assert report.penalties["moved_lessons"] == 2


def test_solve_from_writes_the_changes_sheet(tmp_path, runner):
    s = _school()
    path = tmp_path / "school.xlsx"
    write_school(s, path)
    old = tmp_path / "approved.xlsx"
    write_timetable(s, _approved(s), validate(s, _approved(s)), old, "en")
    s.teachers[0].unavailable = parse_time_blocks("Mon")
    changed = tmp_path / "changed.xlsx"
    write_school(s, changed)
    out = tmp_path / "new.xlsx"
    result = run(
        runner, "solve", changed, "--from", old, "-o", out, "--time-limit", "10", "--lang", "en"
    )
    assert result.exit_code == 0, result.output
    assert "moved 2" in " ".join(result.output.split())
    sheet = load_workbook(out)["Changes"]
    kinds = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert kinds == ["moved", "moved"]
