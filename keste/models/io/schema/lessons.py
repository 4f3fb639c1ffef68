"""The sheets that say who teaches what and when: Load, Electives, Groups, Activities, Choices
and Locks."""

from __future__ import annotations

from dataclasses import replace

from keste.models.io.schema.columns import Column, SheetSpec, record_builders
from keste.models.io.schema.parsers import positive_int, split_choice
from keste.models.io.schema.shared import (
    CLASS,
    CLASSES,
    CO_TEACHER,
    DOUBLE_LESSON,
    GROUP,
    GROUP_NAME,
    GROUP_SIZE,
    HOURS,
    LEVEL_COLUMN,
    MAX_PER_DAY,
    OPTIONAL_TEACHER,
    PERIOD,
    ROOM_TYPE,
    SUBJECT,
    TEACHER,
)
from keste.models.school import Activity, Choice, ClassGroup, ElectiveGroup, LoadRow, Lock
from keste.models.values import parse_day, parse_name_list, parse_time_blocks

LOAD_SHEET = SheetSpec(
    "Load",
    "Жүктеме",
    "Нагрузка",
    (CLASS, SUBJECT, GROUP, TEACHER, CO_TEACHER),
    False,
    *record_builders(LoadRow, {"class": "class_name"}),
    unique=("class", "subject", "group"),
    hint="Who teaches what (the tariff list). Missing rows are allocated by keste.",
)
ELECTIVES_SHEET = SheetSpec(
    "Electives",
    "Элективтер",
    "Элективы",
    (
        Column("block", "блок", "блок", required=True, hint="Groups of a block meet together"),
        replace(CLASSES, hint="e.g. 11A,11B or 11*"),
        HOURS,
        GROUP_NAME,
        SUBJECT,
        OPTIONAL_TEACHER,
        ROOM_TYPE,
        GROUP_SIZE,
        CO_TEACHER,
        LEVEL_COLUMN,
        Column(
            "members",
            "топ мүшелері",
            "состав группы",
            parse_name_list,
            aliases=("оқушылар тізімі", "список учеников", "student list"),
            hint="The group's students (names as on Choices), comma list",
        ),
    ),
    False,
    *record_builders(ElectiveGroup, {}),
    unique=("block", "group"),
    hint="Elective blocks: every group of a block at the same times.",
)
GROUPS_SHEET = SheetSpec(
    "Groups",
    "Топтар",
    "Группы",
    (CLASS, GROUP_NAME, GROUP_SIZE),
    False,
    *record_builders(ClassGroup, {"class": "class_name"}),
    unique=("class", "group"),
    hint="Named groups that divide a class (not only halves); lessons on Activities.",
)
ACTIVITIES_SHEET = SheetSpec(
    "Activities",
    "Сабақтар",
    "Занятия",
    (
        Column(
            "activity",
            "сабақ",
            "занятие",
            required=True,
            aliases=("id", "№"),
            hint="A name or number",
        ),
        Column(
            "students",
            "оқушылар",
            "ученики",
            parse_name_list,
            required=True,
            aliases=("сыныптар", "классы", "classes"),
            hint="Classes or class/group, comma list: 10A,10B or 9B/hist1",
        ),
        SUBJECT,
        Column(
            "teachers",
            "мұғалімдер",
            "учителя",
            parse_name_list,
            aliases=("teacher", "мұғалім", "учитель"),
            hint="Comma list: every teacher is in the lesson",
        ),
        Column(
            "lessons",
            "сабақ саны",
            "уроков",
            positive_int,
            required=True,
            aliases=("per week", "аптасына", "в неделю"),
            hint="Lessons a week",
        ),
        Column(
            "length",
            "ұзақтығы",
            "длительность",
            positive_int,
            aliases=("duration",),
            hint="Periods each lesson lasts (1)",
        ),
        replace(MAX_PER_DAY, hint="Lessons of it a day (1)"),
        ROOM_TYPE,
        Column(
            "last_of_day",
            "күннің соңы",
            "последний урок",
            split_choice,
            hint="yes: it ends its students' day",
        ),
        replace(
            DOUBLE_LESSON,
            hint="no, allowed or required: two of its lessons in a row on one day",
        ),
        Column(
            "times",
            "уақыты",
            "время",
            parse_time_blocks,
            hint="Only within these times, e.g. Mon 1-4; Fri (empty: any time)",
        ),
    ),
    False,
    *record_builders(Activity, {}),
    unique=("activity",),
    hint="Lessons stated directly: streams of classes, team teaching, any groups.",
)
CHOICES_SHEET = SheetSpec(
    "Choices",
    "Таңдаулар",
    "Выбор",
    (
        Column("student", "оқушы", "ученик", required=True, hint="Student name or id"),
        CLASS,
        SUBJECT,
        LEVEL_COLUMN,
    ),
    False,
    *record_builders(Choice, {"class": "class_name"}),
    unique=("student", "subject"),
    hint="Students' choices of electives and profile subjects.",
)
LOCKS_SHEET = SheetSpec(
    "Locks",
    "Бекітулер",
    "Закрепления",
    (
        CLASS,
        GROUP,
        SUBJECT,
        Column("day", "күн", "день", parse_day, required=True, hint="Mon, Дс, Пн..."),
        PERIOD,
    ),
    False,
    *record_builders(Lock, {"class": "class_name"}),
    unique=("class", "group", "day", "period"),
    hint="Lessons pinned by the scheduler.",
)
