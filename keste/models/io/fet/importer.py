"""read_fet: a FET (.fet) file into a school, step by step (days and hours, subjects, students,
teachers, activities, constraints), with the import report and any problems."""

from __future__ import annotations

from pathlib import Path

from keste.models.io.fet.activities import qualify_teachers, read_activities
from keste.models.io.fet.constraints import map_constraints
from keste.models.io.fet.state import FetImport, ImportReport
from keste.models.io.fet.students import read_students
from keste.models.io.fet.xml import keste_code, names_of, parse_fet, text_of
from keste.models.problems import Problems
from keste.models.school import School, Subject, Teacher
from keste.models.settings import Settings
from keste.models.values import DAYS

# FET has none of these rules: an imported school is judged by FET's own constraints only.
WEIGHTS_OFF = ("difficulty_profile", "hard_subject_position", "hardest_back_to_back")


def read_fet(path: Path | str) -> tuple[School | None, ImportReport, Problems]:
    path = Path(path)
    problems = Problems()
    report = ImportReport(path.name)
    root = parse_fet(path, problems)
    if root is None:
        return None, report, problems
    return _school(FetImport(root, report, problems)), report, problems


def _school(fet: FetImport) -> School | None:
    school = fet.school
    _time(fet)
    if fet.problems.has_errors():
        return None
    school.subjects = [
        Subject(keste_code(name)) for name in names_of(fet.root, "Subjects_List", "Subject")
    ]
    school.classes, school.groups = read_students(fet)
    school.teachers = [
        Teacher(keste_code(name), ()) for name in names_of(fet.root, "Teachers_List", "Teacher")
    ]
    rows_of = read_activities(fet)
    map_constraints(fet, rows_of)
    qualify_teachers(school)
    return school


def _time(fet: FetImport) -> None:
    """FET's days and hours as keste's days and periods, and the school's settings."""
    days = names_of(fet.root, "Days_List", "Day")
    hours = names_of(fet.root, "Hours_List", "Hour")
    if not 1 <= len(days) <= len(DAYS) or not hours:
        fet.problems.error(
            f"expected 1 to 7 days and some hours; the file has {len(days)} days and "
            f"{len(hours)} hours",
            sheet="Days_List",
        )
        return
    fet.days = dict(zip(days, DAYS, strict=False))
    fet.hours = {name: number for number, name in enumerate(hours, start=1)}
    name = text_of(fet.root.find("Institution_Name")) or "Imported from FET"
    settings = Settings(
        name=name,
        days=DAYS[: len(days)],
        periods_per_day=len(hours),
        language="en",
        primary_grades=(),
        students_day="free",  # FET's rule unless the file's constraints ask for more
    )
    settings.max_lessons_per_day = {grade: len(hours) for grade in range(13)}
    settings.max_weekly_hours = {}  # the Kazakh maximum loads do not apply
    settings.weights = dict.fromkeys(WEIGHTS_OFF, 0)
    fet.school.settings = settings
    fet.report.note(
        "days "
        + ", ".join(f"{n} = {c}" for n, c in fet.days.items())
        + "; hours "
        + ", ".join(f"{n} = period {p}" for n, p in fet.hours.items())
    )
