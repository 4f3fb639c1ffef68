"""The Subjects and Curriculum sheets: what is taught, and how many hours a week per grade or
class."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from keste.models.io.schema.columns import Column, SheetSpec, record_builders
from keste.models.io.schema.parsers import (
    difficulty,
    non_negative_int,
    positive_int,
    split_choice,
)
from keste.models.io.schema.shared import (
    CLASS,
    DOUBLE_LESSON,
    GRADE,
    HOURS,
    LANGUAGE,
    LEVEL_COLUMN,
    MAX_PER_DAY,
    ROOM_TYPE,
    SPLIT,
    SUBJECT,
)
from keste.models.problems import Problems, Source
from keste.models.school import CurriculumRow, Subject

SUBJECTS_SHEET = SheetSpec(
    "Subjects",
    "Пәндер",
    "Предметы",
    (
        SUBJECT,
        Column("name", "атауы", "название", hint="Full name for printing"),
        Column(
            "difficulty",
            "қиындық",
            "трудность",
            difficulty,
            aliases=("балл", "difficulty points"),
            hint="ДСМ-76 points 1-11",
        ),
        replace(
            SPLIT,
            aliases=("бөлінеді", "делится"),
            hint="yes: split classes at the threshold into two groups",
        ),
        ROOM_TYPE,
        replace(
            DOUBLE_LESSON, aliases=("double lessons", "спаренные"), hint="no, allowed or required"
        ),
        replace(MAX_PER_DAY, hint="Lessons of this subject a day (1)"),
        Column(
            "co_taught",
            "екі мұғалім",
            "два учителя",
            split_choice,
            aliases=("team teaching", "командалық оқыту", "командное обучение"),
            hint="yes: two teachers teach it together (team teaching)",
        ),
        Column(
            "min_group",
            "топта ең аз",
            "мин в группе",
            positive_int,
            aliases=("min group", "ең аз оқушы", "мин учеников"),
            hint="Fewest students in a group formed from choices (School: 5)",
        ),
    ),
    True,
    *record_builders(Subject, {"subject": "code"}),
    unique=("subject",),
    hint="One row per subject.",
)

_CURRICULUM_BUILD, _CURRICULUM_UNBUILD = record_builders(CurriculumRow, {"class": "class_name"})


def _build_curriculum(values: dict[str, Any], source: Source, problems: Problems) -> Any:
    if (values.get("grade") is None) == (values.get("class") is None):
        problems.error(
            "expected either a grade or a class on each curriculum row (not both, not neither)",
            **problems.at(source, "grade"),
        )
        return None
    return _CURRICULUM_BUILD(values, source, problems)


CURRICULUM_SHEET = SheetSpec(
    "Curriculum",
    "Оқу жоспары",
    "Учебный план",
    (
        replace(GRADE, hint="Grade (or give a class)"),
        replace(CLASS, required=False, hint="A class: overrides its grade's row"),
        SUBJECT,
        HOURS,
        LANGUAGE,
        replace(SPLIT, hint="Override the subject's split"),
        Column(
            "doubles",
            "қос сабақтар",
            "спаренные",
            non_negative_int,
            hint="Number of double lessons a week",
        ),
        LEVEL_COLUMN,
    ),
    False,  # a school may state its lessons on Activities instead (validation checks)
    _build_curriculum,
    _CURRICULUM_UNBUILD,
    unique=("grade", "class", "subject", "language", "level"),
    hint="Weekly academic hours per grade (optionally per language) or per class.",
)
