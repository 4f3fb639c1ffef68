"""Electives, profile subjects, team teaching and students' choices: groups formed from the
Choices sheet (sizes, fewest groups, no student in two places), blocks that meet together, the
7- and 10-hour mathematics, co-teachers, the reasons for unmet choices, and the validator's check
of every student's week."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter, defaultdict

import pytest
from openpyxl import load_workbook

from keste.models.bells import schedules
from keste.models.findings import render
from keste.models.grouping import Course
from keste.models.input_checks import validate_school
from keste.models.problems import Problems
from keste.models.school import Choice, CurriculumRow, ElectiveGroup, LoadRow, Teacher
from keste.models.timetable import Timetable
from keste.solver.grouping import form_groups
from keste.solver.grouping import split_profile as _split_profile
from keste.solver.verify import validate
from tests.conftest import SAMPLES_DIR, run
from tests.schoolkit import add_class, add_subject, bells, infeasible, school, solve, teach


def choice_school(students: int = 12, periods: int = 6, **settings):
    """Two parallel classes of grade 11 with one class subject each (their own teachers) and
    40-minute academic hours; electives are added by each test."""
    s = school(periods=periods, lesson_minutes=40, split_threshold=18, **settings)
    for name, teacher in (("11A", "K1"), ("11B", "K2")):
        add_class(s, name, grade=11, students=students)
        if not any(sub.code == "kaz" for sub in s.subjects):
            add_subject(s, "kaz", max_per_day=1)
        teach(s, name, "kaz", 3, teacher)
    return s


def offer(s, subject: str, hours: float, teachers: int = 1, level: str | None = None, **kw):
    """A subject students may choose, its hours (at a level) and qualified teachers."""
    if not any(sub.code == subject for sub in s.subjects):
        add_subject(s, subject, max_per_day=2, **kw)
        for number in range(1, teachers + 1):
            s.teachers.append(Teacher(f"{subject}{number}", (subject,)))
    s.curriculum.append(CurriculumRow(subject, hours, grade=11, level=level))


def choose(s, count: int, *subjects: str, prefix: str = "s", level: str | None = None):
    """count students (alternating 11A and 11B) who choose the subjects; their names."""
    names = []
    for number in range(count):
        student = f"{prefix}{number:03d}"
        for subject in subjects:
            s.choices.append(Choice(student, ("11A", "11B")[number % 2], subject, level))
        names.append(student)
    return names


def groups_of(grouping, subject: str) -> list[ElectiveGroup]:
    return [g for g in grouping.groups if g.subject == subject]


# ------------------------------------------------------------------------ forming the groups


def test_groups_stay_within_the_size_limit_with_as_few_as_possible():
    s = choice_school(students=20)
    offer(s, "physics", 3, teachers=3)
    choose(s, 40, "physics")
    grouping = form_groups(s, time_limit=10, workers=2)
    physics = groups_of(grouping, "physics")
    # 40 students, at most 17 a group (split_threshold 18): ceil(40 / 17) = 3 groups, even sizes
    assert sorted(len(g.members) for g in physics) == [13, 13, 14]
    assert Counter(m for g in physics for m in g.members) == Counter(
        {c.student: 1 for c in s.choices}
    )
    assert len({g.block for g in physics}) == 1  # three teachers: all three at once
    assert grouping.pools[0].blocks == (3,)
    assert not grouping.unmet


def test_groups_beyond_the_teachers_go_to_another_block():
    s = choice_school(students=20)
    offer(s, "physics", 3, teachers=2)
    choose(s, 40, "physics")
    grouping = form_groups(s, time_limit=10, workers=2)
    blocks = Counter(g.block for g in groups_of(grouping, "physics"))
    assert sorted(blocks.values()) == [1, 2]  # two teachers: two groups at once, then one
    assert grouping.pools[0].blocks == (3, 3)


def test_teachers_of_two_subjects_count_once_in_a_block():
    s = choice_school(students=20)
    offer(s, "geography", 3)
    offer(s, "economics", 3)
    s.teachers = [t for t in s.teachers if t.code in ("K1", "K2")]
    s.teachers += [Teacher(code, ("geography", "economics")) for code in ("G1", "G2")]
    choose(s, 20, "geography", prefix="g")
    choose(s, 20, "economics", prefix="e")
    grouping = form_groups(s, time_limit=10, workers=2)
    # two groups of each (at most 17 a group) and two teachers for both subjects: at most two
    # groups at once, so two blocks
    assert len(grouping.groups) == 4 and not grouping.unmet
    assert grouping.pools[0].blocks == (3, 3)
    assert all(n == 2 for n in Counter(g.block for g in grouping.groups).values())


def test_co_taught_groups_get_two_teachers_each():
    s = choice_school(students=15)
    offer(s, "science", 3, teachers=3, co_taught=True)
    choose(s, 30, "science")
    grouping = form_groups(s, time_limit=10, workers=2)
    # two groups (at most 17 a group); three teachers give one co-taught group at a time
    assert len(grouping.groups) == 2 and grouping.pools[0].blocks == (3, 3)
    s.teachers.append(Teacher("science4", ("science",)))
    result = solve(s, 20)
    assert result.solved and result.report.ok, result.report.violations
    groups = [g for g in result.school.electives if g.subject == "science"]
    assert len({g.block for g in groups}) == 1  # four teachers: both groups at once
    teachers = [t for g in groups for t in (g.teacher, g.co_teacher)]
    assert len(set(teachers)) == 4 and None not in teachers
    rows = [r for r in result.timetable.lessons if r.subject == "science"]
    assert all(len(r.teachers) == 2 for r in rows)


def test_a_profile_splits_into_students_without_clashes():
    """Any counts of (course, block) that a profile's students could take split into students
    (König's theorem, constructively): each at most one course per block and one block per
    course, and the counts kept."""
    rng = random.Random(3)
    for _ in range(300):
        size = rng.randint(1, 8)
        courses = [Course(f"c{i}") for i in range(rng.randint(1, 5))]
        blocks = list(range(rng.randint(1, 6)))
        counts: Counter = Counter()
        for _ in range(size):
            free = rng.sample(blocks, len(blocks))
            for course in courses:
                if free and rng.random() < 0.7:
                    counts[(course, free.pop())] += 1
        placed = _split_profile([f"s{i}" for i in range(size)], dict(counts))
        got: Counter = Counter()
        for taken in placed.values():
            assert len({c for c, _ in taken}) == len({b for _, b in taken}) == len(taken)
            got.update(taken)
        assert got == counts


def test_students_never_have_two_groups_at_once():
    s = choice_school(students=15)
    for subject in ("physics", "chemistry", "biology"):
        offer(s, subject, 5, teachers=2)
    choose(s, 10, "physics", "chemistry", prefix="pc")
    choose(s, 10, "chemistry", "biology", prefix="cb")
    choose(s, 10, "physics", "biology", prefix="pb")
    grouping = form_groups(s, time_limit=10, workers=2)
    assert not grouping.unmet
    blocks_of = defaultdict(list)
    for group in grouping.groups:
        for member in group.members:
            blocks_of[member].append(group.block)
    assert all(len(set(blocks)) == len(blocks) == 2 for blocks in blocks_of.values())
    # three pairs of three subjects need a subject in both blocks: 2 blocks of 5 lessons
    assert grouping.pools[0].blocks == (5, 5)


def test_classes_of_a_grade_in_two_shifts_choose_apart():
    s = choice_school(students=12, min_group_students=1)
    bells(s, "morning", "08:00-08:40", "08:50-09:30", "09:40-10:20", "10:30-11:10")
    bells(s, "afternoon", "13:00-13:40", "13:50-14:30", "14:40-15:20", "15:30-16:10")
    s.classes = [
        dataclasses.replace(c, bells=b)
        for c, b in zip(s.classes, ("morning", "afternoon"), strict=True)
    ]
    offer(s, "physics", 3)
    choose(s, 10, "physics")
    grouping = form_groups(s, time_limit=10, workers=2)
    # a block meets at one time, so each shift's class forms its own groups
    assert sorted(pool.classes for pool in grouping.pools) == [("11A",), ("11B",)]
    assert all(len(g.classes) == 1 for g in grouping.groups)


def test_a_course_needs_one_number_of_hours_in_a_grade():
    s = choice_school(students=12)
    offer(s, "physics", 3)
    s.curriculum.append(CurriculumRow("physics", 4, class_name="11B"))
    choose(s, 10, "physics")
    problems = Problems()
    validate_school(s, problems)
    assert any(
        "physics (standard) has different hours in grade 11 (3 in 11A, 4 in 11B)" in p.expected
        for p in problems.errors
    )


def test_a_group_below_its_minimum_is_not_formed_and_says_why():
    s = choice_school(students=12)
    offer(s, "german", 2, min_group=12)
    few = choose(s, 8, "german")
    grouping = form_groups(s, time_limit=10, workers=2)
    assert not grouping.groups
    assert sorted(u.student for u in grouping.unmet) == sorted(few)
    (reason,) = grouping.reasons()
    assert reason.kind == "choice_small"
    text = render(reason)
    assert "8 student(s) chose it" in text and "at least 12" in text and few[0] in text

    enough = choice_school(students=12)
    offer(enough, "german", 2, min_group=12)
    choose(enough, 14, "german")
    (group,) = form_groups(enough, time_limit=10, workers=2).groups
    assert len(group.members) == 14


def test_a_choice_beyond_the_weekly_maximum_is_not_met_and_says_why():
    s = choice_school(students=12)
    s.settings.max_weekly_hours = {11: 12}
    offer(s, "physics", 5, level="higher")
    offer(s, "chemistry", 5, level="higher")
    (student,) = choose(s, 1, "physics", "chemistry", level="higher")
    s.settings.min_group_students = 1
    grouping = form_groups(s, time_limit=10, workers=2)
    (unmet,) = grouping.unmet
    assert (unmet.student, unmet.course.subject) == (student, "chemistry")
    assert unmet.reason.kind == "choice_load"
    # 3 hours of kaz + 5 + 5 = 13 hours, above the 12 allowed
    assert "13 hours" in render(unmet.reason) and "is 12" in render(unmet.reason)


def test_a_student_whose_choices_cannot_fit_the_week_is_told_why():
    s = choice_school(students=12, min_group_students=1)
    s.settings.max_lessons_per_day = {11: 3}  # 15 periods a week, 3 for kaz: 12 for blocks
    for subject in ("physics", "chemistry", "biology"):
        offer(s, subject, 5)
    others = choose(s, 10, "physics", "chemistry", prefix="pc")
    (student,) = choose(s, 1, "physics", "chemistry", "biology", prefix="t")
    grouping = form_groups(s, time_limit=10, workers=2)
    # three courses of 5 lessons need three blocks (15 periods); the week leaves 12
    (unmet,) = grouping.unmet
    assert unmet.student == student
    assert unmet.reason.kind == "choice_no_arrangement"
    text = render(unmet.reason)
    assert student in text and "12 periods" in text
    met = {m for g in grouping.groups for m in g.members}
    assert set(others) <= met


def test_a_student_who_would_cost_others_their_choices_is_told_so():
    s = choice_school(students=12, min_group_students=5)
    s.settings.max_lessons_per_day = {11: 3}  # 12 periods for blocks: two blocks of 5
    for subject in ("physics", "chemistry", "biology"):
        offer(s, subject, 5)
    choose(s, 5, "physics", "chemistry", prefix="pc")
    choose(s, 4, "physics", "biology", prefix="pb")
    (student,) = choose(s, 1, "chemistry", "biology", prefix="cb")
    grouping = form_groups(s, time_limit=10, workers=2)
    # Worked by hand: physics in one block for all nine (four alone are too few for a group),
    # chemistry and biology in the other, so the student misses chemistry (biology needs them
    # to reach five). Meeting both would put the four physics-biology students' physics into
    # a group of four: four other choices unmet.
    (unmet,) = grouping.unmet
    assert (unmet.student, unmet.course.subject) == (student, "chemistry")
    assert unmet.reason.kind == "choice_tradeoff"
    assert unmet.reason.params["others"] == 4
    assert "leave 4 other choice(s) unmet" in render(unmet.reason)


# ------------------------------------------------------------------------ in the timetable


def _rows(result, **match):
    return [
        r
        for r in result.timetable.lessons
        if all(getattr(r, key) == value for key, value in match.items())
    ]


def test_mathematics_of_7_and_10_hours_share_one_block():
    s = choice_school(students=12, periods=8)
    add_subject(s, "rus")  # two math lessons a day are never adjacent: other lessons between
    teach(s, "11A", "rus", 5, "R1")
    teach(s, "11B", "rus", 5, "R2")
    offer(s, "math", 7, teachers=2)
    offer(s, "math", 10, level="higher")
    standard = choose(s, 12, "math", prefix="m")
    higher = choose(s, 12, "math", prefix="h", level="higher")
    result = solve(s, 20)
    assert result.solved and result.report.ok, result.report.violations
    (block,) = {g.block for g in result.school.electives}
    lower = {g.group: g for g in result.school.electives if g.level == "standard"}
    upper = {g.group: g for g in result.school.electives if g.level == "higher"}
    assert sorted(m for g in lower.values() for m in g.members) == sorted(standard)
    assert sorted(m for g in upper.values() for m in g.members) == sorted(higher)
    times = {
        name: {(r.day, r.period) for r in _rows(result, group=name, class_name="11A")}
        for name in (*lower, *upper)
    }
    (s_group,), (h_group,) = lower, upper
    assert len(times[s_group]) == 7 and len(times[h_group]) == 10
    assert times[s_group] <= times[h_group]  # the 7-hour group meets in 7 of the 10 lessons
    assert all(r.block == block for name in times for r in _rows(result, group=name))

    moved = _move_one(result.school, result.timetable, s_group, away_from=times[h_group])
    assert "blocks" in {v.rule for v in validate(result.school, moved).violations}


def _move_one(school_, timetable: Timetable, group: str, away_from: set) -> Timetable:
    """The group's first lesson moved to a period when the other group does not meet."""
    first = next(r for r in timetable.lessons if r.group == group)
    periods = schedules(school_)[school_.default_bells].periods
    day, period = next(
        (d, p) for d in school_.settings.days for p in periods if (d, p.number) not in away_from
    )
    lessons = [
        dataclasses.replace(r, day=day, period=period.number, start=period.start, end=period.end)
        if (r.group, r.day, r.period) == (group, first.day, first.period)
        else r
        for r in timetable.lessons
    ]
    return Timetable(lessons, timetable.meals, timetable.info)


def test_an_elective_blocks_groups_meet_at_the_same_times():
    s = choice_school(students=12)
    for subject, teacher in (("physics", "P1"), ("chemistry", "C1")):
        add_subject(s, subject)
        s.teachers.append(Teacher(teacher, (subject,)))
        s.electives.append(ElectiveGroup("X", ("11*",), 2, subject, subject, teacher))
    result = solve(s, 10)
    assert result.solved and result.report.ok
    physics = {(r.day, r.period) for r in _rows(result, group="physics")}
    chemistry = {(r.day, r.period) for r in _rows(result, group="chemistry")}
    assert physics == chemistry and len(physics) == 2
    for class_name in ("11A", "11B"):
        during = [r for r in _rows(result, class_name=class_name) if (r.day, r.period) in physics]
        assert {r.block for r in during} == {"X"}  # nothing else for the classes then
    moved = _move_one(result.school, result.timetable, "chemistry", away_from=physics)
    assert "blocks" in {v.rule for v in validate(s, moved).violations}
    day, period = min(physics)
    without = [
        r
        for r in result.timetable.lessons
        if (r.class_name, r.day, r.period) != ("11B", day, period)
    ]
    found = validate(s, Timetable(without, [], result.timetable.info)).violations
    assert any(v.rule == "blocks" and "without 11B" in v.message for v in found)


def test_groups_of_one_block_get_different_teachers():
    s = choice_school(students=12)
    add_subject(s, "physics")
    s.teachers.append(Teacher("P1", ("physics",)))
    for group in ("g1", "g2"):
        s.electives.append(ElectiveGroup("X", ("11*",), 2, group, "physics"))
    assert infeasible(solve(s, 10))  # one physics teacher cannot take two groups at once
    s.teachers.append(Teacher("P2", ("physics",)))
    result = solve(s, 10)
    assert result.solved and result.report.ok
    teachers = {g.group: g.teacher for g in result.school.electives}
    assert sorted(teachers.values()) == ["P1", "P2"]


def test_one_teacher_named_on_two_groups_of_a_block_is_an_input_error():
    """The groups of a block meet at once: the check names the cell, and solving stops before
    any search instead of writing a timetable with the teacher in two rooms."""
    s = choice_school(students=12)
    for subject in ("physics", "chemistry"):
        add_subject(s, subject)
    s.teachers.append(Teacher("P1", ("physics", "chemistry")))
    for subject in ("physics", "chemistry"):
        s.electives.append(ElectiveGroup("X", ("11*",), 2, subject, subject, "P1"))
    problems = Problems()
    validate_school(s, problems)
    errors = [p for p in problems.items if p.severity == "error"]
    assert len(errors) == 1 and errors[0].value == "P1" and errors[0].column == "teacher"
    assert "group physics of block X" in errors[0].expected
    result = solve(s, 10)
    assert not result.solved and result.problems.has_errors()
    assert any("two groups of block X" in p.expected for p in result.problems.items)


def test_classes_of_one_grade_in_two_shifts_choose_in_blocks_of_their_own():
    """A block meets at one time, so 8A (first shift) and 8B (second) cannot share one; their
    blocks got the same name and were refused at solve time (found by the property tests)."""
    s = school(days="Mon,Tue", periods=3)
    bells(s, "first", "08:00-08:45", "08:55-09:40", "09:50-10:35")
    bells(s, "second", "09:00-09:45", "09:55-10:40", "10:50-11:35")
    add_subject(s, "bio")
    s.curriculum.append(CurriculumRow("bio", 1, grade=8))
    s.teachers.append(Teacher("B1", ("bio",)))
    for name, shift in (("8A", "first"), ("8B", "second")):
        add_class(s, name, grade=8, students=12, bells=shift)
        add_subject(s, f"kaz{name}")
        teach(s, name, f"kaz{name}", 1, f"K{name}")
        s.choices += [Choice(f"{name}-{n}", name, "bio") for n in range(6)]
    result = solve(s, 10)
    assert result.solved and result.report.ok, result.problems.items or result.report.violations
    blocks = {g.block: g.classes for g in result.school.electives}
    assert sorted(blocks.values()) == [("8A",), ("8B",)]
    assert sorted(blocks) == ["E8-first-1", "E8-second-1"]


def test_a_co_teacher_is_busy_in_both_lessons():
    def two_classes(co_teacher: str | None):
        s = school(days="Mon", periods=2)
        for name, subject in (("7A", "project"), ("7B", "art")):
            add_class(s, name)
            add_subject(s, subject)
        teach(s, "7A", "project", 1, "P1")
        teach(s, "7B", "art", 1, "P2")
        s.load[0] = dataclasses.replace(s.load[0], co_teacher=co_teacher)
        return s

    # each class has one lesson, so both are at period 1: P2 cannot co-teach 7A's project then
    assert solve(two_classes(None), 10).solved
    assert infeasible(solve(two_classes("P2"), 10))


def test_a_co_taught_lesson_names_both_teachers_and_the_validator_sees_them():
    s = school(periods=3)
    for name in ("7A", "7B"):
        add_class(s, name)
    add_subject(s, "project")
    add_subject(s, "art")
    teach(s, "7A", "project", 3, "P1")
    s.load[-1] = LoadRow("7A", "project", "P1", co_teacher="P2")
    teach(s, "7B", "art", 3, "P2")
    teach(s, "7A", "art", 3, "A1")
    teach(s, "7B", "project", 3, "P3")
    result = solve(s, 10)
    assert result.solved and result.report.ok
    project = _rows(result, class_name="7A", subject="project")
    assert all(r.teachers == ("P1", "P2") for r in project)
    art = {(r.day, r.period) for r in _rows(result, class_name="7B", subject="art")}
    assert not art & {(r.day, r.period) for r in project}
    clash = next(r for r in _rows(result, class_name="7B", subject="art"))
    lessons = [
        dataclasses.replace(
            r,
            day=project[0].day,
            period=project[0].period,
            start=project[0].start,
            end=project[0].end,
        )
        if r == clash
        else r
        for r in result.timetable.lessons
    ]
    edited = Timetable(lessons, [], result.timetable.info)
    assert "teacher_clash" in {v.rule for v in validate(s, edited).violations}


# ------------------------------------------------------------------------ every student's week


@pytest.fixture(scope="module")
def chosen():
    s = choice_school(students=10, periods=7)
    for subject in ("physics", "chemistry", "biology"):
        offer(s, subject, 3, teachers=2)
    choose(s, 8, "physics", "chemistry", prefix="pc")
    choose(s, 8, "chemistry", "biology", prefix="cb")
    result = solve(s, 20)
    assert result.solved and result.report.ok, result.report.violations
    assert not result.report.unmet_choices
    return result


def _rules(school, timetable) -> dict[str, list[str]]:
    found = defaultdict(list)
    for violation in validate(school, timetable).violations:
        found[violation.rule].append(violation.message)
    return found


def test_a_class_lesson_moved_into_a_students_group_is_a_student_clash(chosen):
    school_, timetable = chosen.school, chosen.timetable
    group = next(g for g in school_.electives if g.members)
    member = group.members[0]
    mine = next(r for r in timetable.lessons if r.group == group.group)
    class_of = next(c.class_name for c in school_.choices if c.student == member)
    kaz = next(r for r in timetable.lessons if r.class_name == class_of and r.subject == "kaz")
    lessons = [
        dataclasses.replace(r, day=mine.day, period=mine.period, start=mine.start, end=mine.end)
        if r == kaz
        else r
        for r in timetable.lessons
    ]
    found = _rules(school_, Timetable(lessons, timetable.meals, timetable.info))
    assert any(member in m and "at once" in m for m in found["student_clash"])


def test_a_student_over_the_weekly_maximum(chosen):
    school_ = dataclasses.replace(chosen.school)
    school_.settings = dataclasses.replace(school_.settings, max_weekly_hours={11: 8})
    found = _rules(school_, chosen.timetable)
    # 3 hours of kaz and two groups of 3 hours: 9 hours, above 8
    assert found["student_load"] and all("9 hours" in m for m in found["student_load"])


def test_groups_too_small_and_students_in_two_groups_of_a_subject(chosen):
    electives = list(chosen.school.electives)
    first = electives[0]
    shrunk = dataclasses.replace(first, members=first.members[:2])
    twin = next(g for g in electives if g.subject != first.subject)
    doubled = ElectiveGroup(
        "extra",
        first.classes,
        first.hours,
        "twin",
        twin.subject,
        twin.teacher,
        members=(twin.members[0],),
    )
    school_ = dataclasses.replace(chosen.school, electives=[shrunk, *electives[1:], doubled])
    report = validate(school_, chosen.timetable)
    messages = [v.message for v in report.violations if v.rule == "group_size"]
    assert any("2 students" in m for m in messages)
    assert any(twin.members[0] in m and "2 groups" in m for m in messages)
    dropped = set(first.members[2:])
    assert dropped <= {student for student, *_ in report.unmet_choices}


# ------------------------------------------------------------------------ the NIS-style sample


def test_the_nis_sample_forms_groups_solves_and_validates(tmp_path, runner):
    out = tmp_path / "nis.xlsx"
    result = run(runner, "solve", SAMPLES_DIR / "nis.xlsx", "-o", out, "--time-limit", "30")
    assert result.exit_code == 0, result.output
    assert "german" in result.output  # 8 students of grade 12: below a group of 12
    book = load_workbook(out)
    assert {"11А оқушылар", "12Ә оқушылар", "Элективтер"} <= set(book.sheetnames)
    students = list(book["11А оқушылар"].iter_rows(min_row=2, values_only=True))
    assert len(students) == 24 and all(row[1] is not None for row in students)
    checked = run(runner, "validate", SAMPLES_DIR / "nis.xlsx", out)
    assert checked.exit_code == 0, checked.output

    groups = tmp_path / "groups.xlsx"
    formed = run(runner, "groups", SAMPLES_DIR / "nis.xlsx", "-o", groups, "--time-limit", "10")
    assert formed.exit_code == 0, formed.output
    again = tmp_path / "again.xlsx"
    fed = run(
        runner,
        "solve",
        SAMPLES_DIR / "nis.xlsx",
        "--groups",
        groups,
        "-o",
        again,
        "--time-limit",
        "30",
    )
    assert fed.exit_code == 0, fed.output
    assert "11-параллель" not in fed.output  # the groups as given: none formed
    resolved = tmp_path / "resolved.xlsx"
    again_from = run(
        runner,
        "solve",
        SAMPLES_DIR / "nis.xlsx",
        "--from",
        out,
        "-o",
        resolved,
        "--time-limit",
        "30",
    )
    assert again_from.exit_code == 0, again_from.output
    assert "11-параллель" not in again_from.output  # the approved timetable's groups
    assert _members(resolved) == _members(out)


def _members(path) -> list:
    sheet = load_workbook(path)["Элективтер"]
    return sorted(row[3:] for row in sheet.iter_rows(min_row=2, values_only=True))
