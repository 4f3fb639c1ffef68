"""Every table sheet in workbook order (SHEETS), each sheet by its key, and the School attribute
each one fills."""

from __future__ import annotations

from typing import Any

from keste.models.io.schema.bells import BELLS_SHEET, bells_rows
from keste.models.io.schema.classes_and_teachers import CLASSES_SHEET, TEACHERS_SHEET
from keste.models.io.schema.columns import SheetSpec
from keste.models.io.schema.curriculum import CURRICULUM_SHEET, SUBJECTS_SHEET
from keste.models.io.schema.lessons import (
    ACTIVITIES_SHEET,
    CHOICES_SHEET,
    ELECTIVES_SHEET,
    GROUPS_SHEET,
    LOAD_SHEET,
    LOCKS_SHEET,
)
from keste.models.io.schema.rooms_and_meals import MEALS_SHEET, ROOMS_SHEET
from keste.models.io.schema.settings import SCHOOL_SHEET
from keste.models.school import School

SHEETS: tuple[SheetSpec, ...] = (
    BELLS_SHEET,
    CLASSES_SHEET,
    SUBJECTS_SHEET,
    CURRICULUM_SHEET,
    TEACHERS_SHEET,
    LOAD_SHEET,
    ROOMS_SHEET,
    ELECTIVES_SHEET,
    GROUPS_SHEET,
    ACTIVITIES_SHEET,
    CHOICES_SHEET,
    LOCKS_SHEET,
    MEALS_SHEET,
)
SHEET_BY_KEY = {spec.key: spec for spec in (SCHOOL_SHEET, *SHEETS)}

SHEET_ATTRIBUTE = {
    "Bells": "bells",
    "Classes": "classes",
    "Subjects": "subjects",
    "Curriculum": "curriculum",
    "Teachers": "teachers",
    "Load": "load",
    "Rooms": "rooms",
    "Electives": "electives",
    "Groups": "groups",
    "Activities": "activities",
    "Choices": "choices",
    "Locks": "locks",
    "Meals": "meals",
}


def sheet_records(school: School) -> dict[str, list[Any]]:
    """The records each table sheet holds, keyed by the sheet's canonical name."""
    records = {key: getattr(school, name) for key, name in SHEET_ATTRIBUTE.items()}
    records["Bells"] = bells_rows(school.bells)
    return records
