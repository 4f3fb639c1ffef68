"""Daily substitutions on a hand-made Monday, with the answer worked out by hand: a day with three
absent teachers, a day when nobody is free, fairness over the month, and the command."""

from __future__ import annotations

import csv
import datetime

from openpyxl import load_workbook

from keste.models.bells import schedules
from keste.models.io.reading import write_school
from keste.models.io.timetable_workbook import write_timetable
from keste.models.school import Teacher
from keste.models.substitution import Substitution
from keste.models.timetable import LessonRow, Timetable
from keste.solver.midyear.substitute import plan_substitutions, unexplained, with_substitutions
from keste.solver.verify import validate
from tests.conftest import run
from tests.schoolkit import _clear_caches, add_class, add_subject, school, teach

MONDAY = datetime.date(2026, 11, 23)
DAY = {  # Monday: (period, class) -> (subject, teacher)
    (1, "7A"): ("math", "M1"),
    (1, "7B"): ("pe", "P1"),
    (1, "8A"): ("hist", "H1"),
    (2, "7A"): ("eng", "E1"),
    (2, "7B"): ("eng", "E2"),
    (2, "8A"): ("math", "M2"),
    (3, "7A"): ("hist", "H1"),
    (3, "7B"): ("math", "M2"),
    (3, "8A"): ("pe", "P1"),
}


def _school():
    s = school(days="Mon", periods=3)
    for name, grade in (("7A", 7), ("7B", 7), ("8A", 8)):
        add_class(s, name, grade=grade)
    for subject in ("math", "pe", "hist", "eng"):
        add_subject(s, subject)
    for (_, class_name), (subject, teacher) in DAY.items():
        teach(s, class_name, subject, 1, teacher)
    s.teachers.append(Teacher("P2", ("pe",)))
    _clear_caches(s)
    return s


def _timetable(s) -> Timetable:
    bells = schedules(s)["main"]
    rows = []
    for (period, class_name), (subject, teacher) in DAY.items():
        clock = bells.period(period)
        rows.append(
            LessonRow("Mon", period, clock.start, clock.end, class_name, subject, (teacher,))
        )
    return Timetable(rows)


def _plan(absent: set[str], history=()):
    s = _school()
    timetable = _timetable(s)
    plan = plan_substitutions(s, timetable, absent, [MONDAY], list(history))
    report = validate(s, with_substitutions(timetable, plan, MONDAY))
    assert unexplained(report, plan) == []
    cancelled = sum(1 for item in plan if item.kind in ("cancelled", "merged"))
    assert len([v for v in report.violations if v.rule == "hours"]) == cancelled
    return {(item.period, item.classes): item for item in plan}


def test_three_absent_teachers():
    plan = _plan({"M1", "E1", "H1"})
    assert set(plan) == {(1, "7A"), (1, "8A"), (2, "7A"), (3, "7A")}
    assert (plan[(1, "7A")].kind, plan[(1, "7A")].substitute) == ("subject", "M2")
    # nobody else teaches history or is a free English teacher at 2: free teachers supervise
    assert {plan[k].kind for k in ((1, "8A"), (2, "7A"), (3, "7A"))} == {"supervision"}
    assert plan[(2, "7A")].substitute in ("P1", "P2")  # E2 teaches 7B then
    assert all(item.room is None for item in plan.values())


def test_the_extra_load_goes_to_who_did_least_this_month():
    past = [
        Substitution("2026-11-1" + str(d), "Mon", 1, 0, 0, "7B", None, "pe", "P1", "P2", "subject")
        for d in range(5)
    ]
    plan = _plan({"M1", "E1", "H1"}, past)
    assert "P2" not in {item.substitute for item in plan.values()}
    assert plan[(2, "7A")].substitute == "P1"  # fills P1's window between 7B and 8A


def test_when_nobody_is_free_a_class_joins_a_parallel_lesson_or_the_lesson_is_cancelled():
    plan = _plan({"M1", "E1", "H1", "P1", "P2"})
    assert (plan[(2, "7A")].kind, plan[(2, "7A")].merged_with) == ("merged", "7B eng")
    assert sorted(plan[(1, c)].kind for c in ("7A", "8A", "7B")) == [
        "cancelled",
        "subject",
        "supervision",
    ]
    assert (plan[(3, "8A")].kind, plan[(3, "8A")].substitute) == ("supervision", "E2")
    assert (plan[(3, "7A")].kind, plan[(3, "7A")].merged_with) == ("merged", "7B math")


def test_substitute_command_writes_the_sheet_and_the_history(tmp_path, runner):
    s = _school()
    school_path = tmp_path / "school.xlsx"
    write_school(s, school_path)
    timetable = tmp_path / "timetable.xlsx"
    write_timetable(s, _timetable(s), validate(s, _timetable(s)), timetable, "en")
    arguments = ("substitute", timetable, "--school", school_path, "--absent", "M1,E1")
    result = run(runner, *arguments, "--absent", "H1", "--date", "2026-11-23", "--lang", "en")
    assert result.exit_code == 0, result.output
    sheet = load_workbook(tmp_path / "substitutions-2026-11-23.xlsx")["2026-11-23"]
    rows = list(sheet.iter_rows(min_row=3, max_row=6, values_only=True))
    assert (rows[0][0], rows[0][2], rows[0][6]) == (1, "7A", "M2")
    history = tmp_path / "substitutions-history.csv"
    assert len(list(csv.DictReader(history.open()))) == 4
    run(runner, *arguments, "--absent", "H1", "--date", "2026-11-23")  # the same day again
    assert len(list(csv.DictReader(history.open()))) == 4  # replaced, not doubled
    bad = run(runner, *arguments, "--absent", "Nobody", "--date", "2026-11-23")
    assert bad.exit_code == 2 and "Nobody" in bad.output
    assert run(runner, *arguments, "--date", "23.11.2026").exit_code == 2
    saturday = run(runner, *arguments, "--date", "2026-11-28")  # was moved to Monday silently
    assert saturday.exit_code == 2 and "not a school day" in " ".join(saturday.output.split())


def test_a_teacher_free_in_week_b_covers_a_weekly_lesson_on_a_b_week_date():
    """A1 teaches 7B's every-other-week art in week A at period 1; on a Monday of week B A1 is
    free then and supervises 7A's weekly math for absent M1. The week as taught that day has
    A1 in week B only, so it is no clash (the command used to stop with one)."""
    s = school(days="Mon", periods=1)
    for name in ("7A", "7B"):
        add_class(s, name)
    for subject in ("math", "art"):
        add_subject(s, subject)
    teach(s, "7A", "math", 1, "M1")
    teach(s, "7B", "art", 0.5, "A1")
    _clear_caches(s)
    clock = schedules(s)["main"].period(1)
    timetable = Timetable(
        [
            LessonRow("Mon", 1, clock.start, clock.end, "7A", "math", ("M1",)),
            LessonRow("Mon", 1, clock.start, clock.end, "7B", "art", ("A1",), week="A"),
        ]
    )
    assert validate(s, timetable).ok
    plan = plan_substitutions(s, timetable, {"M1"}, [MONDAY], [])
    assert [(p.substitute, p.kind) for p in plan] == [("A1", "supervision")]
    report = validate(s, with_substitutions(timetable, plan, MONDAY))
    assert unexplained(report, plan) == [], report.violations
