"""Checks of the Curriculum sheet: hours that fit the week, doubles, each class's weekly load."""

from __future__ import annotations

from keste.models.curriculum import (
    lessons_for_hours,
    weekly_hours,
)
from keste.models.problems import Problems
from keste.models.school import School, SchoolClass
from keste.models.values import format_number


def check_curriculum(school: School, problems: Problems) -> None:
    grades = {c.grade for c in school.classes}
    for row in school.curriculum:
        at = problems.at
        subject = school.subject_by_code.get(row.subject)
        if subject is None and school.subjects:  # no Subjects sheet: its own error says so
            problems.error(
                "expected a subject listed on the Subjects sheet",
                **at(row.source, "subject"),
                value=row.subject,
            )
        if not school.classes:  # the Classes sheet's own error says it all
            continue
        if row.class_name is not None and row.class_name not in school.class_by_name:
            problems.error(
                "expected a class listed on the Classes sheet",
                **at(row.source, "class"),
                value=row.class_name,
            )
        if row.grade is not None and row.grade not in grades:
            problems.warning(
                f"no class of grade {row.grade}; the row is not used",
                **at(row.source, "grade"),
                value=row.grade,
            )
        if row.doubles:
            _check_doubles(school, row, problems)
        if subject is not None:
            _check_fits_week(school, row, subject, problems)
    for school_class in school.classes:
        _check_weekly_load(school, school_class, problems)


def _check_fits_week(school: School, row, subject, problems: Problems) -> None:
    """A subject's lessons fit the days at max_per_day a day (a double counts as one lesson)."""
    lessons = int(lessons_for_hours(school, row.hours))
    days = len(school.settings.days)
    primary = row.grade is not None and school.is_primary(row.grade)
    per_day = subject.max_per_day * (1 if subject.double == "no" or primary else 2)
    if lessons > days * per_day:
        problems.error(
            f"{lessons} lessons of {row.subject} a week do not fit {days} days at "
            f"{subject.max_per_day} a day (Subjects sheet, max_per_day)"
            + ("" if primary or subject.double != "no" else "; allow doubles or raise max_per_day"),
            **problems.at(row.source, "hours"),
            value=format_number(row.hours),
        )


def _check_doubles(school: School, row, problems: Problems) -> None:
    at = problems.at
    subject = school.subject_by_code.get(row.subject)
    if row.doubles * 2 > row.hours:
        problems.error(
            f"expected at most {int(row.hours // 2)} double lessons in {format_number(row.hours)} "
            "hours",
            **at(row.source, "doubles"),
            value=row.doubles,
        )
    if subject is not None and subject.double == "no":
        problems.error(
            f"double lessons need the subject '{row.subject}' marked double = allowed or required",
            **at(row.source, "doubles"),
            value=row.doubles,
        )
    grade = row.grade
    if grade is None and row.class_name in school.class_by_name:
        grade = school.class_by_name[row.class_name].grade
    if grade is not None and school.is_primary(grade):
        problems.error(
            f"no double lessons in primary grades (ДСМ-76 p.73); grade {grade} is primary",
            **at(row.source, "doubles"),
            value=row.doubles,
        )


def _check_weekly_load(school: School, school_class: SchoolClass, problems: Problems) -> None:
    limit = school.settings.max_weekly_hours.get(school_class.grade)
    hours = weekly_hours(school, school_class)
    if limit is not None and hours > limit:
        problems.warning(
            f"class {school_class.name} has {format_number(hours)} hours a week, above the "
            f"maximum load of {format_number(limit)} for grade {school_class.grade}",
            **problems.at(school_class.source, "class"),
            value=school_class.name,
        )
    if hours == 0 and not any(
        school_class.name == name for a in school.activities for name, _ in a.parts()
    ):
        problems.warning(
            f"class {school_class.name} has no curriculum hours",
            **problems.at(school_class.source, "class"),
            value=school_class.name,
        )
