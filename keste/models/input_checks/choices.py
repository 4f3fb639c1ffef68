"""Checks of students' choices: pools, group size limits, course hours across a grade."""

from __future__ import annotations

from collections import defaultdict

from keste.models.curriculum import (
    course_row,
    lessons_for_hours,
)
from keste.models.input_checks.school_sheets import check_reference
from keste.models.problems import Problems
from keste.models.school import School
from keste.models.values import format_number


def check_choices(school: School, problems: Problems) -> None:
    class_of: dict[str, str] = {}
    for choice in school.choices:
        at = problems.at
        known = check_reference(
            school, problems, choice.source, "class", choice.class_name, "class"
        )
        known &= check_reference(
            school, problems, choice.source, "subject", choice.subject, "subject"
        )
        first = class_of.setdefault(choice.student, choice.class_name)
        if first != choice.class_name:
            problems.error(
                f"student {choice.student} is already in class {first}: each student is in one "
                "class (give two students with the same name different names)",
                **at(choice.source, "class"),
                value=choice.class_name,
            )
        if known:
            _check_course_hours(school, problems, choice)
    _check_pool_hours(school, problems)
    _check_group_limits(school, problems)


def _check_pool_hours(school: School, problems: Problems) -> None:
    """The students of a grade choose together, so a course has one number of hours there."""
    seen: dict[tuple[int, str, str], dict[float, str]] = defaultdict(dict)
    for choice in school.choices:
        school_class = school.class_by_name.get(choice.class_name)
        if school_class is None:
            continue
        row = course_row(school, school_class, choice.subject, choice.level)
        if row is not None:
            key = (school_class.grade, choice.subject, choice.level or "standard")
            seen[key].setdefault(row.hours, school_class.name)
    for (grade, subject, level), hours in seen.items():
        if len(hours) > 1:
            found = ", ".join(f"{format_number(h)} in {c}" for h, c in hours.items())
            problems.error(
                f"{subject} ({level}) has different hours in grade {grade} ({found}); the "
                "grade's students choose together, so give it one number of hours",
                sheet="Curriculum",
                value=subject,
            )


def _check_group_limits(school: School, problems: Problems) -> None:
    for subject in sorted({c.subject for c in school.choices} & set(school.subject_by_code)):
        least, most = school.group_limits(subject)
        if least > most:
            problems.error(
                f"a group of {subject} needs at least {least} students but may have at most "
                f"{most} (max_group_students, split_threshold - 1, or its largest room)",
                **problems.at(school.subject_by_code[subject].source, "min_group"),
                value=least,
            )


def _check_course_hours(school: School, problems: Problems, choice) -> None:
    school_class = school.class_by_name[choice.class_name]
    row = course_row(school, school_class, choice.subject, choice.level)
    level = choice.level or "standard"
    if row is None:
        problems.error(
            f"no hours for {choice.subject} at {level} level in grade {school_class.grade}: add "
            f"a Curriculum row (grade {school_class.grade}, {choice.subject}"
            + (f", level {choice.level})" if choice.level else ")"),
            **problems.at(choice.source, "subject"),
            value=choice.subject,
        )
    elif lessons_for_hours(school, row.hours) % 1:
        problems.error(
            f"{format_number(row.hours)} hours of {choice.subject} ({level}) are not whole "
            "lessons; a group formed from choices meets every week",
            **problems.at(row.source, "hours"),
            value=format_number(row.hours),
        )
