"""Teacher load allocation: qualification, hours, split groups, fixed rows, the impossible cases
with their numbers, the soft rules, and the samples without their Load sheets."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from keste.models.io.reading import load_school, read_school
from keste.models.school import CurriculumRow, LoadRow, Teacher, promoted
from keste.solver.allocation.allocate import allocate
from keste.solver.allocation.items import candidates, components, load_items
from keste.solver.allocation.model import penalties
from keste.solver.pipeline import solve_school
from keste.solver.timetable.search import SolveOptions
from tests.conftest import SAMPLES_DIR, run
from tests.schoolkit import add_class, add_subject, school


def _school_with(*teachers: Teacher, periods: int = 6):
    s = school(periods=periods)
    s.teachers = list(teachers)
    return s


def _need(s, class_name: str, subject: str, hours: float, grade: int = 8, students: int = 20):
    if not any(c.name == class_name for c in s.classes):
        add_class(s, class_name, grade=grade, students=students)
    if not any(x.code == subject for x in s.subjects):
        add_subject(s, subject)
    s.curriculum.append(CurriculumRow(subject, hours, class_name=class_name))
    for name in ("class_by_name", "subject_by_code", "teacher_by_code"):
        s.__dict__.pop(name, None)


def _teachers_of(allocation, label: str) -> tuple[str, ...]:
    item = next(i for i in allocation.items if i.label == label)
    return allocation.teachers_of[item.index]


def test_only_qualified_teachers_by_subject_and_grade():
    s = _school_with(
        Teacher("Chem", ("chem",), grades=(8, 9)),
        Teacher("Young", ("chem",), grades=(5, 6, 7)),
        Teacher("Bio", ("bio",)),
    )
    _need(s, "8A", "chem", 2)
    allocation = allocate(s)
    assert allocation.ok
    assert _teachers_of(allocation, "8A chem") == ("Chem",)


def test_maximum_and_minimum_hours():
    s = _school_with(Teacher("A", ("math",), max_hours=5), Teacher("B", ("math",), min_hours=4))
    for name in ("7A", "7B", "7C"):
        _need(s, name, "math", 3, grade=7)
    allocation = allocate(s)
    assert allocation.ok
    hours = allocation.hours_of()
    assert hours["A"] <= 5 and hours["B"] >= 4 and hours["A"] + hours["B"] == 9


def test_split_groups_get_two_teachers():
    s = _school_with(Teacher("E1", ("eng",)), Teacher("E2", ("eng",)))
    _need(s, "7A", "eng", 3, grade=7, students=26)
    s.subjects[0].split = True
    allocation = allocate(s)
    assert allocation.ok
    first = _teachers_of(allocation, "7A eng group 1")
    second = _teachers_of(allocation, "7A eng group 2")
    assert len(first) == len(second) == 1 and first != second


def test_fixed_rows_stay():
    s = _school_with(Teacher("A", ("math",)), Teacher("B", ("math",)))
    for name in ("7A", "7B"):
        _need(s, name, "math", 4, grade=7)
    s.load = [LoadRow("7A", "math", "B")]
    allocation = allocate(s)
    assert allocation.ok
    assert _teachers_of(allocation, "7A math") == ("B",)
    rows = allocation.apply(s).load
    assert LoadRow("7A", "math", "B") in rows and len(rows) == 2


def test_co_taught_subject_gets_two_teachers():
    s = _school_with(Teacher("P1", ("physics",)), Teacher("P2", ("physics",)))
    _need(s, "11A", "physics", 3, grade=11)
    s.subjects[0].co_taught = True
    allocation = allocate(s)
    assert allocation.ok
    assert sorted(_teachers_of(allocation, "11A physics")) == ["P1", "P2"]
    row = allocation.apply(s).load[0]
    assert {row.teacher, row.co_teacher} == {"P1", "P2"}


def test_demand_above_capacity_is_explained_in_numbers():
    s = _school_with(
        Teacher("C1", ("chemistry",), grades=(8, 9, 10, 11), max_hours=20),
        Teacher("C2", ("chemistry",), grades=(8, 9, 10, 11), max_hours=20),
    )
    for grade in (8, 9, 10, 11):
        for letter in "AB":
            _need(s, f"{grade}{letter}", "chemistry", 3, grade=grade)
    assert allocate(s).ok  # 24 hours, 40 available
    s.teachers = [replace(t, max_hours=10) for t in s.teachers]
    s.__dict__.pop("teacher_by_code", None)
    allocation = allocate(s)
    assert not allocation.ok
    assert any(
        "chemistry, grades 8-11: 24 hours needed; qualified teachers (C1, C2) can give "
        "at most 20" in reason
        for reason in allocation.reasons
    ), allocation.reasons


def test_nobody_qualified_is_named():
    s = _school_with(Teacher("Bio", ("biology",)))
    add_subject(s, "biology")
    _need(s, "9A", "chemistry", 2, grade=9)
    allocation = allocate(s)
    assert not allocation.ok
    assert any(
        "9A chemistry needs 1 more teacher(s) of chemistry for grade 9" in r
        for r in allocation.reasons
    )


def test_split_class_with_one_qualified_teacher():
    s = _school_with(Teacher("E1", ("eng",)))
    _need(s, "7A", "eng", 3, grade=7, students=26)
    s.subjects[0].split = True
    allocation = allocate(s)
    assert not allocation.ok
    assert any(
        "7A is split for eng: its two groups meet at once and need two teachers; only E1" in r
        for r in allocation.reasons
    )


def test_minimum_hours_out_of_reach():
    s = _school_with(Teacher("A", ("music",), min_hours=16))
    _need(s, "5A", "music", 1, grade=5)
    allocation = allocate(s)
    assert not allocation.ok
    assert any(
        "A must have at least 16 hours; everything they are qualified for adds up to 1" in r
        for r in allocation.reasons
    )


def test_two_subjects_only_impossible_together():
    """Each subject alone fits; the shared teacher cannot do both: the core names both."""
    s = _school_with(
        Teacher("Both", ("hist", "geo"), max_hours=6),
        Teacher("Hist", ("hist",), max_hours=2),
        Teacher("Geo", ("geo",), max_hours=2),
    )
    _need(s, "8A", "hist", 4)
    _need(s, "8A", "geo", 4)
    allocation = allocate(s)
    assert not allocation.ok
    assert allocation.reasons[0] == (
        "geo and hist, grades 8: 8 hours needed; qualified teachers (Both) can give at most 6 "
        "(their max_hours less what the Load sheet already gives them; a teacher counts only "
        "where a whole item fits)"
    ), allocation.reasons


def test_a_teacher_of_short_days_has_few_periods():
    """A grade-1 class has 4 periods a day: 5 days give a teacher 20 periods, not 30."""
    s = _school_with(Teacher("P", ("read", "math")), Teacher("Q", ("read", "math")))
    s.settings.max_lessons_per_day = {1: 4}
    _need(s, "1A", "read", 12, grade=1)
    _need(s, "1B", "read", 12, grade=1)
    _need(s, "1A", "math", 8, grade=1)
    _need(s, "1B", "math", 8, grade=1)
    allocation = allocate(s)
    assert allocation.ok
    hours = allocation.hours_of()
    assert hours["P"] <= 20 and hours["Q"] <= 20


def test_primary_class_keeps_its_class_teacher():
    s = _school_with(Teacher("A", ("read", "math", "art")), Teacher("B", ("read", "math", "art")))
    s.settings.weights.update(class_teacher=10, load_balance=0, rate_fit=0)
    for name in ("2A", "2B"):
        for subject, hours in (("read", 5), ("math", 5), ("art", 1)):
            _need(s, name, subject, hours, grade=2)
    allocation = allocate(s)
    assert allocation.ok
    for name in ("2A", "2B"):
        teachers = {
            _teachers_of(allocation, f"{name} {subject}") for subject in ("read", "math", "art")
        }
        assert len(teachers) == 1


def test_continuity_with_last_year():
    s = _school_with(Teacher("A", ("math",)), Teacher("B", ("math",)))
    s.settings.weights.update(continuity=10)
    _need(s, "8A", "math", 4)
    _need(s, "8B", "math", 4)
    last_year = promoted([LoadRow("7A", "math", "B"), LoadRow("7B", "math", "A")])
    assert [row.class_name for row in last_year] == ["8A", "8B"]
    allocation = allocate(s, previous=last_year)
    assert allocation.ok
    assert _teachers_of(allocation, "8A math") == ("B",)
    assert _teachers_of(allocation, "8B math") == ("A",)


def test_loads_close_to_whole_rates():
    s = _school_with(Teacher("A", ("math",)), Teacher("B", ("math",)))
    s.settings.weights.update(rate_fit=10, load_balance=0, class_teachers=0)
    for letter in "ABCDEFGH":
        _need(s, f"7{letter}", "math", 4, grade=7)
    allocation = allocate(s)
    assert allocation.ok
    assert sorted(allocation.hours_of().values()) == [16, 16]


@pytest.mark.parametrize("name", ["small", "medium"])
def test_samples_without_load_allocate_solve_and_validate(name):
    sample = load_school(SAMPLES_DIR / f"{name}.xlsx")
    bare = replace(sample, load=[])
    assert all(item.open for item in load_items(bare))
    result = solve_school(bare, SolveOptions(time_limit=30, workers=2))
    assert result.allocation is not None and result.allocation.ok
    assert result.solved and result.report.ok, result.report.violations[:5]
    hours = result.allocation.hours_of()
    for teacher in bare.teachers:
        assert teacher.max_hours is None or hours.get(teacher.code, 0) <= teacher.max_hours


def test_large_sample_without_load():
    sample = load_school(SAMPLES_DIR / "large.xlsx")
    bare = replace(sample, load=[])
    result = solve_school(bare, SolveOptions(time_limit=90, workers=2))
    assert result.allocation.ok and result.solved and result.report.ok


def test_allocate_command_and_feeding_the_load_back(tmp_path, runner):
    sample = load_school(SAMPLES_DIR / "small.xlsx")
    from keste.models.io.reading import write_school

    bare = tmp_path / "bare.xlsx"
    write_school(replace(sample, load=sample.load[:40]), bare)
    load = tmp_path / "load.xlsx"
    result = run(runner, "allocate", bare, "-o", load, "--time-limit", "20", "--lang", "en")
    assert result.exit_code == 0, result.output
    workbook = load_workbook(load)
    assert {"Load", "Tariff", "Capacity", "Report"} <= set(workbook.sheetnames)
    out = tmp_path / "timetable.xlsx"
    result = run(runner, "solve", bare, "--load", load, "-o", out, "--time-limit", "10")
    assert result.exit_code == 0, result.output
    assert "allocated" not in result.output  # the fed-back Load sheet is complete
    school_read, _ = read_school(bare)
    assert len(school_read.load) == 40  # the input school is untouched


def test_allocate_command_explains_no_allocation(tmp_path, runner):
    s = _school_with(Teacher("Bio", ("biology",)))
    add_subject(s, "biology")
    _need(s, "9A", "chemistry", 2, grade=9)
    from keste.models.io.reading import write_school

    path = tmp_path / "school.xlsx"
    write_school(s, path)
    result = run(runner, "allocate", path, "-o", tmp_path / "load.xlsx")
    assert result.exit_code == 5
    assert "9A chemistry needs 1 more teacher(s)" in " ".join(result.output.split())


def test_solve_moves_allocated_load_off_a_teacher_whose_lessons_cannot_be_placed():
    """X is last year's teacher of both math classes, so the allocator gives X both; but Y and Z
    can only teach at period 2, which forces both math lessons to period 1: impossible for one
    teacher. keste finds X in the conflict and gives one class to W."""
    from keste.models.values import parse_time_blocks

    s = school(days="Mon", periods=2)
    s.settings.weights.update(continuity=10)
    s.teachers = [
        Teacher("X", ("math",)),
        Teacher("W", ("math",)),
        Teacher("Y", ("art",), unavailable=parse_time_blocks("Mon 1")),
        Teacher("Z", ("music",), unavailable=parse_time_blocks("Mon 1")),
    ]
    _need(s, "8A", "math", 1)
    _need(s, "8A", "art", 1)
    _need(s, "8B", "math", 1)
    _need(s, "8B", "music", 1)
    last_year = promoted([LoadRow("7A", "math", "X"), LoadRow("7B", "math", "X")])
    assert sorted(allocate(s, previous=last_year).hours_of().items()) == [
        ("X", 2),
        ("Y", 1),
        ("Z", 1),
    ]
    result = solve_school(s, SolveOptions(time_limit=20, workers=2), previous=last_year)
    assert result.solved and result.report.ok
    assert any("teacher X's allocated load; re-allocating 1 hours" in n for n in result.notes)
    math_teachers = {r.teachers for r in result.timetable.lessons if r.subject == "math"}
    assert math_teachers == {("X",), ("W",)}


def test_allocation_is_optimal_by_brute_force():
    """On a school small enough to try every allocation, keste's has the least weighted penalty
    as recomputed from the allocation alone (every soft rule in play)."""
    s = _school_with(
        Teacher("P1", ("read", "math", "art"), max_hours=12),
        Teacher("P2", ("read", "math", "art"), max_hours=12),
        Teacher("A", ("art", "music")),
        Teacher("E1", ("eng",)),
        Teacher("E2", ("eng", "music")),
    )
    s.settings.rate_hours = 8
    for name, needs in (
        ("2A", (("read", 5), ("math", 4), ("art", 1), ("music", 1))),
        ("2B", (("read", 5), ("math", 4))),
    ):
        for subject, hours in needs:
            _need(s, name, subject, hours, grade=2)
    _need(s, "8A", "eng", 3, grade=8, students=26)
    _need(s, "8A", "music", 1, grade=8, students=26)
    next(x for x in s.subjects if x.code == "eng").split = True
    last_year = promoted([LoadRow("1A", "read", "P2"), LoadRow("7A", "music", "E2")])
    allocation = allocate(s, previous=last_year)
    assert allocation.status == "OPTIMAL"

    items = load_items(s)
    groups = components(s, items)

    def weighted(teachers_of) -> int:
        counts = penalties(s, items, teachers_of, groups, last_year)
        return sum(count * s.settings.weight(rule) for rule, count in counts.items())

    best = None
    for choice in itertools.product(*(candidates(s, item) for item in items)):
        teachers_of = {item.index: (t.code,) for item, t in zip(items, choice, strict=True)}
        hours = defaultdict(float)
        for item, teacher in zip(items, choice, strict=True):
            hours[teacher.code] += item.hours
        if any(t.max_hours is not None and hours[t.code] > t.max_hours for t in s.teachers):
            continue
        if any(
            item.pair is not None and choice[item.pair] == t
            for item, t in zip(items, choice, strict=True)
        ):
            continue
        value = weighted(teachers_of)
        best = value if best is None else min(best, value)
    assert weighted(allocation.teachers_of) == best
