"""The format's extension for what the curriculum cannot say (and FET files hold): activities with
several classes (a stream), several teachers (team teaching), named groups that are not halves,
lessons longer than a period; classes unavailable at times; teachers' working days."""

from __future__ import annotations

import dataclasses

from keste.models.io.reading import read_school, write_school
from keste.models.school import Activity, ClassGroup
from keste.models.timetable import Timetable
from keste.models.values import parse_time_blocks
from keste.solver.verify import validate
from tests.schoolkit import _clear_caches, add_class, add_subject, infeasible, placed, school, solve


def _school(days: str = "Mon,Tue", periods: int = 4):
    s = school(days=days, periods=periods)
    for name in ("10A", "10B"):
        add_class(s, name, grade=10)
    for code in ("lecture", "lang", "lab", "pe"):
        add_subject(s, code)
    return s


def _teachers(s, *codes: str) -> None:
    from keste.models.school import Teacher

    s.teachers += [Teacher(code, ("lecture", "lang", "lab", "pe")) for code in codes]


def _solved(s):
    _clear_caches(s)
    result = solve(s)
    assert result.solved and result.report.ok, result.report and result.report.violations
    return result


def test_a_stream_with_three_teachers_meets_as_one_lesson():
    s = _school()
    _teachers(s, "T1", "T2", "T3", "P", "Q")
    s.activities = [
        Activity("L", ("10A", "10B"), "lecture", 2, ("T1", "T2", "T3")),
        Activity("PA", ("10A",), "pe", 2, ("P",)),
        Activity("PB", ("10B",), "pe", 2, ("Q",)),
    ]
    result = _solved(s)
    assert placed(result, "10A", "lecture") == placed(result, "10B", "lecture")
    rows = [r for r in result.timetable.lessons if r.subject == "lecture"]
    assert {r.teachers for r in rows} == {("T1", "T2", "T3")} and {r.block for r in rows} == {"L"}


def test_three_groups_of_a_class_study_at_once():
    s = _school(days="Mon", periods=2)
    s.groups = [ClassGroup("10A", g) for g in ("en", "de", "fr")]
    _teachers(s, "E", "D", "F", "M")
    s.activities = [
        Activity(f"lang-{g}", (f"10A/{g}",), "lang", 1, (t,))
        for g, t in (("en", "E"), ("de", "D"), ("fr", "F"))
    ] + [Activity("lab", ("10A",), "lab", 1, ("M",))]
    result = _solved(s)
    slots = {placed(result, "10A", "lang")[0]} | set(placed(result, "10A", "lang"))
    assert len(slots) == 1  # the three groups at one time, the whole class's lab at the other
    assert placed(result, "10A", "lab") != sorted(slots)
    s.activities[0] = Activity("lang-en", ("10A/en",), "lang", 2, ("D",))
    _clear_caches(s)
    assert infeasible(solve(s))  # D cannot teach two groups at once, and the day has two periods


def test_a_lesson_of_three_periods():
    s = _school(days="Mon", periods=4)
    _teachers(s, "T1", "T2")
    s.activities = [
        Activity("lab", ("10A",), "lab", 1, ("T1",), length=3),
        Activity("pe", ("10A",), "pe", 1, ("T2",)),
    ]
    result = _solved(s)
    periods = [p for _, p in placed(result, "10A", "lab")]
    assert periods in ([1, 2, 3], [2, 3, 4])


def test_last_of_day_and_a_class_that_starts_later():
    s = _school(days="Mon", periods=4)
    _teachers(s, "T1", "T2")
    s.classes[0].unavailable = parse_time_blocks("Mon 1")
    s.activities = [
        Activity("a", ("10A",), "lecture", 1, ("T1",), last_of_day=True),
        Activity("b", ("10A",), "pe", 1, ("T2",)),
    ]
    result = _solved(s)
    assert placed(result, "10A", "pe") == [("Mon", 2)]  # the day starts at period 2
    assert placed(result, "10A", "lecture") == [("Mon", 3)]


def test_a_teacher_works_at_most_max_days():
    s = _school(days="Mon,Tue,Wed", periods=2)
    _teachers(s, "T1")
    s.teachers[0].max_days = 1
    s.activities = [Activity("a", ("10A",), "lecture", 2, ("T1",), max_per_day=2)]
    result = _solved(s)
    assert len({day for day, _ in placed(result, "10A")}) == 1
    s.activities = [Activity("a", ("10A",), "lecture", 2, ("T1",))]  # one a day: two days
    _clear_caches(s)
    assert infeasible(solve(s))


def test_a_teacher_teaches_at_most_max_lessons_per_day():
    """Four lessons of T1 in a week of two days of three periods: with at most two a day they
    split two and two; with at most one a day they cannot all fit (and the reason is found)."""
    s = _school(days="Mon,Tue", periods=3)
    _teachers(s, "T1")
    s.teachers[0].max_lessons_per_day = 2
    s.activities = [Activity("a", ("10A",), "lecture", 4, ("T1",), max_per_day=3)]
    result = _solved(s)
    days = [day for day, _ in placed(result, "10A")]
    assert sorted(days) == ["Mon", "Mon", "Tue", "Tue"]
    s.teachers[0].max_lessons_per_day = 1
    _clear_caches(s)
    assert infeasible(solve(s))


def test_an_activity_only_within_its_times():
    """Two lessons that may meet twice a day, only within Tue 2-3: both there. Any lesson moved
    out of its times is caught by the validator."""
    s = _school(days="Mon,Tue", periods=3)
    _teachers(s, "T1", "T2")
    s.activities = [
        Activity("a", ("10A",), "lecture", 2, ("T1",), max_per_day=2, double="allowed"),
        Activity("b", ("10A",), "pe", 4, ("T2",), max_per_day=3),
    ]
    s.activities[0].times = parse_time_blocks("Tue 2-3")
    result = _solved(s)
    assert placed(result, "10A", "lecture") == [("Tue", 2), ("Tue", 3)]
    first = next(r for r in result.timetable.lessons if r.period == 1)
    at_first = {"period": 1, "start": first.start, "end": first.end}
    moved = [
        dataclasses.replace(r, **at_first) if r.subject == "lecture" and r.period == 2 else r
        for r in result.timetable.lessons
    ]
    messages = [v.message for v in validate(s, Timetable(moved)).violations]
    assert any("outside its times" in m for m in messages)


def test_the_new_sheets_round_trip(tmp_path):
    s = _school()
    _teachers(s, "T1", "T2")
    s.teachers[0].max_days = 3
    s.teachers[1].max_lessons_per_day = 5
    times = parse_time_blocks("Mon 1-2; Tue")
    s.classes[1].unavailable = parse_time_blocks("Tue 3-4")
    s.groups = [ClassGroup("10A", "x", 12), ClassGroup("10A", "y", 13)]
    s.activities = [
        Activity("1", ("10A/x", "10B"), "lab", 2, ("T1", "T2"), length=2, room_type="lab"),
        Activity("2", ("10A/y",), "lang", 1, ("T2",), last_of_day=True, times=times),
    ]
    for suffix in ("xlsx", "json"):
        path = tmp_path / f"school.{suffix}"
        write_school(s, path)
        back, problems = read_school(path)
        assert not problems.has_errors(), problems.errors
        assert back.activities == s.activities and back.groups == s.groups
        assert (
            back.teachers[0].max_days == 3
            and back.teachers[1].max_lessons_per_day == 5
            and back.classes[1].unavailable == s.classes[1].unavailable
        )


def test_activities_are_checked_on_reading(tmp_path):
    s = _school()
    _teachers(s, "T1")
    s.activities = [Activity("1", ("10A/nope", "11Z"), "lab", 9, ("Nobody",))]
    path = tmp_path / "school.xlsx"
    write_school(s, path)
    _, problems = read_school(path)
    texts = " | ".join(f"{p.value}: {p.expected}" for p in problems.errors)
    for expected in (
        "10A/nope: expected a group of 10A listed on the Groups sheet",
        "11Z: expected a class listed on the Classes sheet",
        "Nobody: expected a teacher listed on the Teachers sheet",
        "9: 9 lessons a week do not fit 2 days at 1 a day",
    ):
        assert expected in texts, texts
