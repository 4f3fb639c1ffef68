"""Why a choice is unmet, in numbers: before the model (too few chose, nobody teaches it, beyond
the weekly maximum) and after it (solved again with all of one student's choices met)."""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from keste.models.curriculum import student_hours
from keste.models.findings import Finding
from keste.models.grouping import Course, Grouping
from keste.models.values import format_number
from keste.solver.grouping.courses import course_of
from keste.solver.grouping.model import Model, Solved
from keste.solver.grouping.pools import Pool


def wanted_courses(pool: Pool, grouping: Grouping) -> dict[str, list[Course]]:
    """Each student's courses the model should try; the rest are unmet now, with a reason:
    a course too few chose, one nobody teaches, or one beyond the weekly maximum."""
    dropped = _unteachable(pool, grouping)
    wanted: dict[str, list[Course]] = defaultdict(list)
    limit = pool.school.settings.max_weekly_hours.get(pool.grade)
    load: dict[str, float] = {}
    for choice in pool.choices:
        student, course = choice.student, course_of(choice)
        if (student, course) in dropped or pool.rules[course] is None:
            continue
        school_class = pool.school.class_by_name[choice.class_name]
        if student not in load:
            load[student] = student_hours(pool.school, student, school_class)
        hours = load[student] + pool.rules[course].hours
        if limit is not None and hours > limit:
            reason = Finding(
                "choice_load",
                {
                    "student": student,
                    "cls": choice.class_name,
                    "course": pool.label(course),
                    "hours": format_number(hours),
                    "grade": pool.grade,
                    "limit": format_number(limit),
                },
                (student, choice.class_name),
            )
            pool.unmet(grouping, student, course, reason)
            continue
        load[student] = hours
        wanted[student].append(course)
    return dict(wanted)


def _unteachable(pool: Pool, grouping: Grouping) -> set[tuple[str, Course]]:
    """The (student, course) choices of courses too few chose or nobody teaches, unmet now."""
    by_course: dict[Course, list[str]] = defaultdict(list)
    for choice in pool.choices:
        by_course[course_of(choice)].append(choice.student)
    dropped: set[tuple[str, Course]] = set()
    for course, students in by_course.items():
        rules = pool.rules[course]
        if rules is None:
            continue  # the school's validation reports the missing hours
        kind = None
        if rules.at_once == 0:
            kind = "choice_no_teacher"
        elif len(students) < rules.least or rules.least > rules.most:
            kind = "choice_small"
        if kind:
            reason = Finding(
                kind,
                {
                    "course": pool.label(course),
                    "grade": pool.grade,
                    "count": len(students),
                    "least": rules.least,
                    "teachers": len(pool.teachers[course.subject]),
                    "per_group": pool.per_group(course.subject),
                    "students": ", ".join(students),
                },
                (course.subject, *students),
            )
            for student in students:
                pool.unmet(grouping, student, course, reason)
                dropped.add((student, course))
    return dropped


def explain(
    pool: Pool,
    left: dict[str, list[Course]],
    profiles: dict[frozenset[Course], list[str]],
    solved: Solved | None,
    grouping: Grouping,
) -> None:
    """A reason for every student the model left with unmet choices: solve again with all of
    one of them met and say what that costs (once per choice profile: its students are
    interchangeable), within the pool's time."""
    profile_of = {s: p for p, students in profiles.items() for s in students}
    outcomes: dict[frozenset[Course], tuple[str, dict]] = {}
    waiting = len({profile_of[s] for s in left})
    for student, courses in left.items():
        profile = profile_of[student]
        if profile not in outcomes:
            budget = pool.seconds_left() / max(1, waiting - len(outcomes))
            outcomes[profile] = _outcome(pool, student, len(courses), profiles, solved, budget)
        kind, extra = outcomes[profile]
        params = {
            "student": student,
            "cls": pool.class_of[student],
            "courses": ", ".join(sorted(pool.label(c) for c in profile)),
            **extra,
        }
        reason = Finding(kind, params, (student, pool.class_of[student]))
        for course in courses:
            pool.unmet(grouping, student, course, reason)


def _outcome(
    pool: Pool,
    student: str,
    own: int,
    profiles: dict[frozenset[Course], list[str]],
    solved: Solved | None,
    seconds: float,
) -> tuple[str, dict]:
    """Why a student's choices (own of them unmet) are not all met: the kind of reason and
    its numbers, from a solve with all of them met."""
    undecided = ("choice_undecided", {"seconds": format_number(round(seconds, 1))})
    if solved is None or seconds < 0.2:
        return undecided
    profile = next(p for p, students in profiles.items() if student in students)
    others = {p: [s for s in students if s != student] for p, students in profiles.items()}
    again = Model(pool, {p: s for p, s in others.items() if s}, must_meet=profile).solve(seconds)
    if again is not None and again.status_code == cp_model.INFEASIBLE:
        return "choice_no_arrangement", _arrangement_numbers(pool, profile)
    proven = (
        again is not None
        and again.status_code == cp_model.OPTIMAL
        and solved.status_code == cp_model.OPTIMAL
    )
    if not proven:
        return undecided
    lost = again.unmet - (solved.unmet - own)
    if lost <= own:
        return "choice_tie", {}
    return "choice_tradeoff", {"others": lost}


def _arrangement_numbers(pool: Pool, profile: frozenset[Course]) -> dict:
    rules = [pool.rules[c] for c in profile]
    return {
        "least": min(r.least for r in rules),
        "most": max(r.most for r in rules),
        "free": pool.free,
        "classes": ", ".join(c.name for c in pool.classes),
    }
