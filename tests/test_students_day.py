"""The School sheet's students_day, by hand on one-day schools: compact (from period 1, no
windows), no_windows (one run that may start later) and free (no rule), in the model and, read
again from the workbook's setting, in the validator."""

from __future__ import annotations

import pytest

from keste.models.findings import render
from keste.models.school import Activity, Teacher
from keste.models.values import parse_time_blocks
from keste.solver.pipeline import explain_school
from keste.solver.timetable.search import SolveOptions
from keste.solver.verify import validate
from tests.schoolkit import add_class, add_subject, infeasible, placed, school, solve, teach


def _late_start(rule: str):
    """7A's only lesson is with a teacher who cannot come at period 1."""
    s = school(days="Mon", periods=3, students_day=rule)
    add_subject(s, "math")
    add_class(s, "7A")
    teach(s, "7A", "math", 1, "T1", unavailable="Mon 1")
    return s


def _window(rule: str):
    """7A's two teachers can come only at period 1 and only at period 3: a window at 2."""
    s = school(days="Mon", periods=3, students_day=rule)
    add_subject(s, "math")
    add_subject(s, "art")
    add_class(s, "7A")
    teach(s, "7A", "math", 1, "T1", unavailable="Mon 2-3")
    teach(s, "7A", "art", 1, "T2", unavailable="Mon 1-2")
    return s


LATE = [[("Mon", 2)], [("Mon", 3)]]  # 7A's only lesson after period 1
WINDOW = [[("Mon", 1), ("Mon", 3)]]


@pytest.mark.parametrize(
    "make, rule, placements",
    [
        (_late_start, "compact", None),  # None: impossible
        (_late_start, "no_windows", LATE),
        (_late_start, "free", LATE),
        (_window, "compact", None),
        (_window, "no_windows", None),
        (_window, "free", WINDOW),
    ],
)
def test_late_starts_and_windows_by_the_setting(make, rule, placements):
    result = solve(make(rule))
    if placements is None:
        assert infeasible(result)
    else:
        assert result.solved and result.report.ok
        assert placed(result, "7A") in placements


@pytest.mark.parametrize(
    "make, broken_under",
    [(_late_start, {"compact"}), (_window, {"compact", "no_windows"})],
)
def test_the_validator_judges_by_the_setting(make, broken_under):
    """Each timetable solved with no rule, judged under each rule by the validator alone."""
    s = make("free")
    timetable = solve(s).timetable
    for rule in ("compact", "no_windows", "free"):
        s.settings.students_day = rule
        rules = {v.rule for v in validate(s, timetable).violations}
        assert ("compact_days" in rules) == (rule in broken_under), rule


def test_last_of_day_holds_across_a_window():
    """With windows allowed, an activity that ends its students' day still has nothing after it,
    however far: 7A's last-of-day lesson can only be at period 2 and another only at period 4."""
    s = school(days="Mon", periods=4, students_day="free")
    add_class(s, "7A")
    add_subject(s, "lecture")
    add_subject(s, "art")
    s.teachers = [
        Teacher("T1", ("lecture",), unavailable=parse_time_blocks("Mon 1, 3-4")),
        Teacher("T2", ("art",), unavailable=parse_time_blocks("Mon 1-3")),
    ]
    s.activities = [
        Activity("a", ("7A",), "lecture", 1, ("T1",), last_of_day=True),
        Activity("b", ("7A",), "art", 1, ("T2",)),
    ]
    assert infeasible(solve(s))
    s.teachers[1].unavailable = parse_time_blocks("Mon 2-4")  # art at period 1: before it
    result = solve(s)
    assert result.solved and result.report.ok
    assert placed(result, "7A") == [("Mon", 1), ("Mon", 2)]


@pytest.mark.parametrize(
    "rule, words",
    [("compact", "starts at period 1 and has no windows"), ("no_windows", "has no windows")],
)
def test_an_impossible_window_is_explained_by_the_setting(rule, words):
    """Under no_windows a late start is allowed, so the explanation does not speak of period 1."""
    diagnosis = explain_school(_window(rule), SolveOptions(time_limit=20, workers=2)).diagnosis
    assert diagnosis is not None and diagnosis.impossible
    text = "\n".join(render(finding) for finding in diagnosis.findings)
    assert f"the day of 7A {words}" in text, text
    assert rule == "compact" or "period 1" not in text, text
