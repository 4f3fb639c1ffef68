"""Each soft rule moves the timetable the right way, on schools small enough to solve to optimality,
and the validator's independent penalties always equal the solver's objective."""

from __future__ import annotations

from keste.models.values import DAYS, parse_time_blocks
from keste.solver.verify import MODEL_RULES
from tests.schoolkit import add_class, add_subject, bells, placed, school, solve, teach


def _optimal(result) -> None:
    assert result.solved and result.report.ok, result.report.violations
    assert result.timetable.info.status == "OPTIMAL"
    assert result.report.objective == result.timetable.info.objective


def _weights(s, **weights) -> None:
    s.settings.weights.update(weights)


def _gappy_day():
    """One day of four periods, one primary class: a, c and e by T1, b (the hardest) by T2. A
    primary class's hard subjects belong in periods 2-3, and b in either leaves T1 a gap; b first
    or last leaves none."""
    s = school(days="Mon", periods=4)
    add_class(s, "2A", grade=2)
    add_subject(s, "b", difficulty=11)
    teach(s, "2A", "b", 1, "T2")
    for easy in ("a", "c", "e"):
        add_subject(s, easy, difficulty=2)
        teach(s, "2A", easy, 1, "T1")
    return s


def test_teacher_gaps_outweigh_a_hard_subject_position():
    s = _gappy_day()
    _weights(s, hard_subject_position=5)
    result = solve(s)
    _optimal(result)
    assert placed(result, "2A", "b") in ([("Mon", 2)], [("Mon", 3)])
    assert result.report.penalties["teacher_gaps"] == 1
    _weights(s, teacher_gaps=10)
    result = solve(s)
    _optimal(result)
    assert placed(result, "2A", "b") in ([("Mon", 1)], [("Mon", 4)])
    assert result.report.penalties["teacher_gaps"] == 0


def test_difficulty_profile_peaks_on_tuesday_and_wednesday():
    s = school(periods=1)
    add_class(s, "7A")
    for code, points in (("m", 11), ("p", 9), ("g", 6), ("t", 3), ("u", 1)):
        add_subject(s, code, difficulty=points)
        teach(s, "7A", code, 1, f"T{code}")
    _weights(s, difficulty_profile=1)
    result = solve(s)
    _optimal(result)
    day_of = {r.subject: r.day for r in result.timetable.lessons}
    assert {day_of["m"], day_of["p"]} == {"Tue", "Wed"}
    assert {day_of["t"], day_of["u"]} == {"Mon", "Fri"}
    assert day_of["g"] == "Thu"
    assert result.report.penalties["difficulty_profile"] == 0


def test_hard_subjects_on_lessons_two_to_four():
    s = school(days="Mon", periods=5)
    add_class(s, "7A")
    for code, points in (("math", 11), ("art", 2), ("music", 1), ("pe", 5), ("tech", 4)):
        add_subject(s, code, difficulty=points)
        teach(s, "7A", code, 1, f"T{code}")
    _weights(s, hard_subject_position=1)
    result = solve(s)
    _optimal(result)
    assert placed(result, "7A", "math")[0][1] in (2, 3, 4)


def test_primary_hard_subjects_on_lessons_two_to_three():
    s = school(days="Mon", periods=4)
    add_class(s, "2A", grade=2)
    for code, points in (("math", 11), ("art", 2), ("music", 1), ("pe", 5)):
        add_subject(s, code, difficulty=points)
        teach(s, "2A", code, 1, f"T{code}")
    _weights(s, hard_subject_position=1)
    result = solve(s)
    _optimal(result)
    assert placed(result, "2A", "math")[0][1] in (2, 3)


def test_hardest_subjects_not_back_to_back():
    s = school(days="Mon", periods=4)
    add_class(s, "7A")
    for code, points in (("algebra", 11), ("geometry", 11), ("art", 2), ("music", 1)):
        add_subject(s, code, difficulty=points)
        teach(s, "7A", code, 1, f"T{code}")
    _weights(s, hardest_back_to_back=1)
    result = solve(s)
    _optimal(result)
    first = placed(result, "7A", "algebra")[0][1]
    second = placed(result, "7A", "geometry")[0][1]
    assert abs(first - second) >= 2


def test_a_subject_spreads_over_the_week():
    s = school(periods=1)
    add_class(s, "7A")
    add_subject(s, "hist")
    teach(s, "7A", "hist", 2, "T1")
    for code in ("a", "b", "c"):
        add_subject(s, code)
        teach(s, "7A", code, 1, f"T{code}")
    _weights(s, subject_spread=1)
    result = solve(s)
    _optimal(result)
    first, second = (DAYS.index(d) for d, _ in placed(result, "7A", "hist"))
    assert abs(first - second) >= 2


def test_teacher_wish_for_a_given_free_day():
    s = school(periods=1)
    add_class(s, "7A")
    for code, teacher in (("a", "T1"), ("b", "T1"), ("c", "T2"), ("d", "T2"), ("e", "T2")):
        add_subject(s, code)
        teach(s, "7A", code, 1, teacher)
    from keste.models.school import Wish
    from keste.models.values import TimeBlock

    s.teachers[0].wishes = (Wish("free_day", TimeBlock("Mon")),)
    _weights(s, teacher_wishes=1)
    result = solve(s)
    _optimal(result)
    monday = [r for r in result.timetable.lessons if r.day == "Mon"]
    assert monday and monday[0].teachers == ("T2",)


def test_teacher_wish_for_any_free_day():
    s = school(periods=2)
    add_class(s, "7A")
    for index in range(5):
        add_subject(s, f"t{index}")
        teach(s, "7A", f"t{index}", 1, "T1")
        add_subject(s, f"u{index}")
        teach(s, "7A", f"u{index}", 1, "T2")
    from keste.models.school import Wish

    s.teachers[0].wishes = (Wish("free_day"),)
    _weights(s, teacher_wishes=1)
    result = solve(s)
    _optimal(result)
    days_of_t1 = {r.day for r in result.timetable.lessons if r.teachers == ("T1",)}
    assert len(days_of_t1) <= 4


def test_weights_come_from_the_school_sheet():
    s = _gappy_day()
    _weights(s, hard_subject_position=5, teacher_gaps=10)
    assert solve(s).report.weights["teacher_gaps"] == 10
    assert set(MODEL_RULES) - {"moved_lessons"} <= set(solve(s).report.penalties)  # no --from


def _day_round_a_break(other_class_at_three: bool, own_bells: bool = False):
    """One day of five periods; 2A is away in period 3 and has four one-hour subjects, all by T1,
    so T1 teaches periods 1, 2, 4 and 5. When every class is away in period 3 it is a break of the
    school, no gap of T1's; when 2B has lessons then (on 2A's bells or on its own with the same
    times), T1 waits one idle period."""
    s = school(days="Mon", periods=5, students_day="no_windows")
    s.settings.weights["teacher_gaps"] = 1
    times = ("08:00-08:45", "08:50-09:35", "09:45-10:30", "10:40-11:25", "11:30-12:15")
    bells(s, "main", *times)
    bells(s, "other", *times)
    away = parse_time_blocks("Mon 3")
    add_class(s, "2A", grade=2, unavailable=away, bells="main")
    add_class(
        s, "2B", grade=2, unavailable=() if other_class_at_three else away,
        bells="other" if own_bells else "main",
    )  # fmt: skip
    for subject in ("a", "c", "e", "g"):
        add_subject(s, subject)
        teach(s, "2A", subject, 1, "T1")
    add_subject(s, "b")
    teach(s, "2B", "b", 1, "T2")
    return s


def test_a_break_of_the_whole_school_is_no_teacher_gap():
    result = solve(_day_round_a_break(other_class_at_three=False))
    _optimal(result)
    assert sorted(p for _, p in placed(result, "2A")) == [1, 2, 4, 5]
    assert result.report.penalties["teacher_gaps"] == 0
    for own_bells in (False, True):  # only 2A away: no break, whichever bells 2B follows
        result = solve(_day_round_a_break(other_class_at_three=True, own_bells=own_bells))
        _optimal(result)
        assert result.report.penalties["teacher_gaps"] == 1, own_bells
