"""Each hard rule on hand-made schools: one school the rule makes impossible, and one where the rule
decides the answer. Every solved timetable also passes the independent validator."""

from __future__ import annotations

from keste.models.school import Lock, MealRule, Room
from keste.models.values import parse_time_blocks
from tests.schoolkit import (
    add_class,
    add_subject,
    bells,
    infeasible,
    placed,
    school,
    solve,
    teach,
)


def _valid(result) -> None:
    assert result.solved, result.timetable.info.status if result.timetable else result.problems
    assert result.report.ok, [v.message for v in result.report.violations]


def test_every_lesson_is_placed_and_a_class_is_in_one_place():
    s = school(days="Mon", periods=3)
    add_class(s, "7A")
    for code in ("a", "b", "c"):
        add_subject(s, code)
        teach(s, "7A", code, 1, f"T{code}")
    result = solve(s)
    _valid(result)
    assert placed(result, "7A") == [("Mon", 1), ("Mon", 2), ("Mon", 3)]  # one lesson per period


def test_more_lessons_than_periods_is_impossible():
    s = school(days="Mon", periods=3)
    add_class(s, "7A")
    for code in ("a", "b", "c", "d"):
        add_subject(s, code)
        teach(s, "7A", code, 1, f"T{code}")
    assert infeasible(solve(s))


def test_a_teacher_is_in_one_place():
    s = school(days="Mon,Tue", periods=1)
    for name in ("7A", "7B"):
        add_class(s, name)
    add_subject(s, "math")
    teach(s, "7A", "math", 1, "T1")
    teach(s, "7B", "math", 1, "T1")
    result = solve(s)
    _valid(result)
    assert {placed(result, "7A")[0][0], placed(result, "7B")[0][0]} == {"Mon", "Tue"}
    s.settings.days = ("Mon",)
    assert infeasible(solve(s))


def test_teacher_clash_by_clock_time_across_bell_schedules():
    s = school(days="Mon", periods=2)
    bells(s, "early", "08:00-08:45", "08:50-09:35")
    bells(s, "late", "08:30-09:15", "09:40-10:25")  # late 1 overlaps early 1 and 2
    add_class(s, "5A", bells="early")
    add_class(s, "9A", bells="late")
    add_subject(s, "eng")
    add_subject(s, "art")
    teach(s, "5A", "eng", 1, "T1")
    teach(s, "9A", "eng", 1, "T1")
    teach(s, "9A", "art", 1, "T2")
    result = solve(s)
    _valid(result)
    # 9A's English cannot overlap 5A's English, which is at period 1 (compact day): only late 2.
    assert placed(result, "9A", "eng") == [("Mon", 2)]
    s.bells[1].periods = s.bells[1].periods[:1]  # late keeps only period 1
    s.curriculum = [r for r in s.curriculum if r.subject != "art"]
    s.load = [r for r in s.load if r.subject != "art"]
    assert infeasible(solve(s))


def test_split_groups_meet_together_with_two_teachers_or_apart_with_one():
    s = school(days="Mon,Tue", periods=2)
    add_class(s, "7A", students=26)
    add_subject(s, "eng", split=True)
    add_subject(s, "math")
    teach(s, "7A", "eng", 1, "E1", group=1)
    teach(s, "7A", "eng", 1, "E2", group=2)
    teach(s, "7A", "math", 1, "M1")
    result = solve(s)
    _valid(result)
    rows = [r for r in result.timetable.lessons if r.subject == "eng"]
    assert {(r.group, r.teachers) for r in rows} == {("1", ("E1",)), ("2", ("E2",))}
    assert len({(r.day, r.period) for r in rows}) == 1  # both halves at once
    s.load = [r for r in s.load if not (r.subject == "eng" and r.group == 2)]
    teach(s, "7A", "eng", 1, "E1", group=2)  # one teacher for both halves: they meet apart
    result = solve(s)
    _valid(result)
    rows = [r for r in result.timetable.lessons if r.subject == "eng"]
    assert len({(r.day, r.period) for r in rows}) == 2


def test_room_type_capacity():
    s = school(days="Mon", periods=2)
    s.rooms = [Room("Lab", "lab"), Room("101", "classroom"), Room("102", "classroom")]
    for name, home in (("8A", "101"), ("8B", "102")):
        add_class(s, name, home_room=home)
    add_subject(s, "chem", room_type="lab")
    add_subject(s, "hist")
    for name in ("8A", "8B"):
        teach(s, name, "chem", 1, f"C{name}")
        teach(s, name, "hist", 1, f"H{name}")
    result = solve(s)
    _valid(result)
    assert placed(result, "8A", "chem") != placed(result, "8B", "chem")  # one lab
    assert {r.room for r in result.timetable.lessons if r.subject == "chem"} == {"Lab"}
    assert {r.room for r in result.timetable.lessons if r.subject == "hist"} == {"101", "102"}
    s.settings.days = ("Mon",)
    s.curriculum = [r for r in s.curriculum if r.subject == "chem"]
    s.load = [r for r in s.load if r.subject == "chem"]
    assert infeasible(solve(s))  # both chemistry lessons must be at period 1, one lab


def test_days_are_compact_from_the_first_period():
    s = school(days="Mon,Tue", periods=3)
    add_class(s, "7A")
    add_subject(s, "a")
    add_subject(s, "b")
    teach(s, "7A", "a", 1, "T1", unavailable="Mon 1; Tue 1")
    teach(s, "7A", "b", 1, "T2")
    result = solve(s)
    _valid(result)
    # 'a' cannot be first; with no window it must follow 'b' on the same day at period 2.
    day_a, period_a = placed(result, "7A", "a")[0]
    assert period_a == 2 and placed(result, "7A", "b") == [(day_a, 1)]
    s.curriculum = [r for r in s.curriculum if r.subject == "a"]
    s.load = [r for r in s.load if r.subject == "a"]
    assert infeasible(solve(s))  # alone, 'a' would leave a window at period 1


def test_lessons_per_day_limit():
    s = school(days="Mon,Tue", periods=4)
    s.settings.max_lessons_per_day = {7: 2}
    add_class(s, "7A")
    for code in ("a", "b", "c", "d"):
        add_subject(s, code)
        teach(s, "7A", code, 1, f"T{code}")
    result = solve(s)
    _valid(result)
    assert sorted(p for _, p in placed(result, "7A")) == [1, 1, 2, 2]
    add_subject(s, "e")
    teach(s, "7A", "e", 1, "Te")
    assert infeasible(solve(s))


def test_a_subject_at_most_max_per_day():
    s = school(days="Mon,Tue", periods=3)
    add_class(s, "7A")
    add_subject(s, "math")
    add_subject(s, "art")
    teach(s, "7A", "math", 2, "T1")
    teach(s, "7A", "art", 2, "T2")
    result = solve(s)
    _valid(result)
    assert sorted(d for d, _ in placed(result, "7A", "math")) == ["Mon", "Tue"]
    s.curriculum[0].hours = 3
    assert infeasible(solve(s))


def test_double_lessons_where_planned_and_never_in_primary():
    s = school(days="Mon,Tue,Wed", periods=3)
    add_class(s, "8A", grade=8)
    add_subject(s, "chem", double="required")
    add_subject(s, "art")
    teach(s, "8A", "chem", 2, "T1")
    teach(s, "8A", "art", 1, "T2")
    result = solve(s)
    _valid(result)
    (day1, p1), (day2, p2) = placed(result, "8A", "chem")
    assert day1 == day2 and abs(p1 - p2) == 1  # one double lesson
    s.classes[0].grade = 3  # primary: no double lessons, so two days
    result = solve(s)
    _valid(result)
    assert len({d for d, _ in placed(result, "8A", "chem")}) == 2


def test_teacher_unavailable_times():
    s = school(days="Mon,Tue", periods=1)
    add_class(s, "7A")
    add_subject(s, "math")
    teach(s, "7A", "math", 1, "T1", unavailable="Mon")
    result = solve(s)
    _valid(result)
    assert placed(result, "7A") == [("Tue", 1)]
    s.teachers[0].unavailable = parse_time_blocks("Mon; Tue")
    assert infeasible(solve(s))


def test_locked_lessons():
    s = school(days="Mon,Tue", periods=2)
    add_class(s, "7A")
    for code in ("a", "b", "c"):
        add_subject(s, code)
        teach(s, "7A", code, 1, f"T{code}")
    s.locks = [Lock("7A", "c", "Tue", 2)]
    result = solve(s)
    _valid(result)
    assert placed(result, "7A", "c") == [("Tue", 2)]
    s.locks.append(Lock("7A", "b", "Tue", 2))
    assert infeasible(solve(s))


def test_meals_in_the_window_and_canteen_capacity():
    s = school(days="Mon", periods=4)
    for name in ("1A", "1B"):
        add_class(s, name, grade=1)
        for code in ("a", "b"):
            add_subject(s, f"{code}{name}")
            teach(s, name, f"{code}{name}", 1, f"T{code}{name}")
    s.meals = [MealRule("lunch", ("1",), (2, 3), 1)]
    result = solve(s)
    _valid(result)
    meals = sorted(m.period for m in result.timetable.meals)
    assert meals == [2, 3]  # one sitting each; the canteen seats one class
    for meal in result.timetable.meals:  # the day stays compact around the meal
        lessons = [p for _, p in placed(result, meal.class_name)]
        assert set(lessons) | {meal.period} == set(range(1, 4))
    s.meals[0].window = (2,)
    assert infeasible(solve(s))


def test_a_class_eats_only_when_it_is_there():
    """7A is away at period 3, so lunch (window 2-3) is at 2 and one lesson fits before it;
    two lessons do not fit (found by the property tests: lunch was put in the away period)."""
    s = school(days="Mon", periods=3)
    add_class(s, "7A", unavailable=parse_time_blocks("Mon 3"))
    add_subject(s, "math")
    teach(s, "7A", "math", 1, "T1")
    s.meals = [MealRule("lunch", ("7A",), (2, 3))]
    result = solve(s)
    _valid(result)
    assert [m.period for m in result.timetable.meals] == [2]
    assert placed(result, "7A") == [("Mon", 1)]
    s.curriculum[0].hours = 2
    s.subjects[0].max_per_day = 2
    assert infeasible(solve(s))


def test_half_hours_pair_into_weeks_a_and_b():
    s = school(days="Mon,Tue", periods=3)
    add_class(s, "5A", grade=5)
    for code in ("x", "y", "z"):
        add_subject(s, code)
        teach(s, "5A", code, 0.5, f"T{code}")
    add_subject(s, "math")
    teach(s, "5A", "math", 2, "TM")
    result = solve(s)
    _valid(result)
    weeks = {r.subject: (r.week, r.day, r.period) for r in result.timetable.lessons if r.week}
    assert weeks["x"][0] == "A" and weeks["y"][0] == "B" and weeks["x"][1:] == weeks["y"][1:]
    # z is alone: week A only, and the last lesson of its day so week B has no window.
    day, period = weeks["z"][1:]
    assert weeks["z"][0] == "A"
    assert all(p < period for d, p in placed(result, "5A") if d == day and p != period)


def test_academic_hours_become_lessons_of_the_school_length():
    s = school(days="Mon,Tue,Wed,Thu", periods=2, lesson_minutes=60, academic_hour_minutes=40)
    add_class(s, "11A", grade=11)
    add_subject(s, "math", max_per_day=1)
    teach(s, "11A", "math", 6, "T1")  # 6 x 40 min = 4 lessons of 60
    result = solve(s)
    _valid(result)
    assert len(placed(result, "11A", "math")) == 4
