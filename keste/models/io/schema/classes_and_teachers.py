"""The Classes and Teachers sheets: one row per class, one row per teacher."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from keste.models.io.schema.columns import Column, SheetSpec, record_builders
from keste.models.io.schema.parsers import grades, parse_wishes, positive_int
from keste.models.io.schema.shared import (
    BELLS,
    CLASS,
    GRADE,
    GROUP_SIZE,
    LANGUAGE,
    MAX_LESSONS_PER_DAY,
    TEACHER,
    UNAVAILABLE,
)
from keste.models.problems import Problems, Source
from keste.models.school import SchoolClass, Teacher
from keste.models.values import format_number, parse_hours, parse_name_list

CLASSES_SHEET = SheetSpec(
    "Classes",
    "Сыныптар",
    "Классы",
    (
        CLASS,
        replace(
            GRADE, required=True, aliases=("сынып деңгейі", "номер класса", "year"), hint="1-12"
        ),
        replace(
            GROUP_SIZE,
            required=True,
            aliases=("оқушы саны", "количество учащихся", "size"),
            hint="Class size",
        ),
        LANGUAGE,
        BELLS,
        Column(
            "home_room",
            "сынып бөлмесі",
            "кабинет класса",
            aliases=("home room",),
            hint="The class's own room",
        ),
        replace(MAX_LESSONS_PER_DAY, hint="Overrides the grade's limit"),
        replace(UNAVAILABLE, hint="Times with no lessons, e.g. Tue 6-7"),
    ),
    True,
    *record_builders(SchoolClass, {"class": "name"}),
    unique=("class",),
    hint="One row per class.",
)

_TEACHER_BUILD, _TEACHER_UNBUILD = record_builders(Teacher, {"teacher": "code"})


def _build_teacher(values: dict[str, Any], source: Source, problems: Problems) -> Any:
    low, high = values.get("min_hours"), values.get("max_hours")
    if low is not None and high is not None and low > high:
        problems.error(
            f"expected max_hours of at least min_hours ({format_number(low)})",
            **problems.at(source, "max_hours"),
            value=format_number(high),
        )
    return _TEACHER_BUILD(values, source, problems)


TEACHERS_SHEET = SheetSpec(
    "Teachers",
    "Мұғалімдер",
    "Учителя",
    (
        TEACHER,
        Column("name", "аты-жөні", "фио", aliases=("аты", "имя"), hint="Full name"),
        Column(
            "subjects",
            "пәндері",
            "предметы",
            parse_name_list,
            required=True,
            hint="Comma list of subject codes",
        ),
        Column(
            "grades",
            "параллельдер",
            "параллели",
            grades,
            aliases=("сыныптар",),
            hint="e.g. 5-11; empty = any",
        ),
        Column("min_hours", "ең аз сағат", "мин часов", parse_hours, hint="Minimum weekly hours"),
        Column("max_hours", "ең көп сағат", "макс часов", parse_hours, hint="Maximum weekly hours"),
        replace(UNAVAILABLE, hint="e.g. Mon 1-2; Fri"),
        Column(
            "wishes",
            "тілектер",
            "пожелания",
            parse_wishes,
            hint="e.g. free day; free day Fri; avoid Mon 1",
        ),
        Column(
            "max_days",
            "ең көп күн",
            "макс дней",
            positive_int,
            aliases=("жұмыс күндері", "рабочих дней"),
            hint="Working days a week at most",
        ),
        replace(MAX_LESSONS_PER_DAY, hint="Lessons a day at most"),
    ),
    True,
    _build_teacher,
    _TEACHER_UNBUILD,
    unique=("teacher",),
    hint="One row per teacher.",
)
