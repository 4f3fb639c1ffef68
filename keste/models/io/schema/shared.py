"""Columns that several sheets share; a sheet that words one differently takes a replace() of it,
so each column's names in kk/ru are written once."""

from __future__ import annotations

from keste.models.io.schema.columns import Column
from keste.models.io.schema.parsers import (
    grade,
    half_group,
    non_negative_int,
    parse_double,
    parse_level,
    parse_selector,
    periods_a_day,
    positive_int,
    split_choice,
)
from keste.models.values import parse_hours, parse_language, parse_time_blocks

CLASS = Column("class", "сынып", "класс", required=True, hint="Class name, e.g. 7А")
SUBJECT = Column("subject", "пән", "предмет", required=True, hint="Subject code from Subjects")
HOURS = Column(
    "hours", "сағат", "часы", parse_hours, required=True, hint="Academic hours a week; 0.5 allowed"
)
TEACHER = Column("teacher", "мұғалім", "учитель", required=True, hint="Teacher code from Teachers")
OPTIONAL_TEACHER = Column(
    "teacher", "мұғалім", "учитель", hint="Teacher code; empty: keste allocates one"
)
CO_TEACHER = Column(
    "co_teacher",
    "екінші мұғалім",
    "второй учитель",
    aliases=("co teacher", "қосымша мұғалім"),
    hint="A second teacher (team teaching)",
)
GROUP = Column("group", "топ", "группа", half_group, hint="1 or 2 for a half of a split class")
GROUP_NAME = Column("group", "топ", "группа", required=True, hint="Group name")
GROUP_SIZE = Column("students", "оқушылар", "ученики", non_negative_int, hint="Group size")
LANGUAGE = Column(
    "language",
    "тілі",
    "язык",
    parse_language,
    aliases=("оқыту тілі", "язык обучения"),
    hint="kk, ru or en",
)
LEVEL_COLUMN = Column("level", "деңгей", "уровень", parse_level, hint="standard or higher")
ROOM_TYPE = Column(
    "room_type",
    "бөлме түрі",
    "тип кабинета",
    aliases=("кабинет түрі",),
    hint="Room type needed, e.g. lab, gym, computer",
)
GRADE = Column("grade", "параллель", "параллель", grade, aliases=("сынып деңгейі", "year"))
CLASSES = Column("classes", "сыныптар", "классы", parse_selector, required=True)
BELLS = Column(
    "bells",
    "қоңырау кестесі",
    "расписание звонков",
    aliases=("ауысым", "смена", "shift"),
    hint="Bell schedule name (shift)",
)
PERIOD = Column("period", "сабақ", "урок", positive_int, required=True, hint="Period number")
UNAVAILABLE = Column(
    "unavailable", "бос емес", "занят", parse_time_blocks, aliases=("қолжетімсіз", "недоступен")
)
MAX_LESSONS_PER_DAY = Column(
    "max_lessons_per_day", "күніне ең көп сабақ", "макс уроков в день", periods_a_day
)
MAX_PER_DAY = Column("max_per_day", "күніне ең көп", "макс в день", periods_a_day)
SPLIT = Column("split", "бөлу", "деление", split_choice)
DOUBLE_LESSON = Column("double", "қос сабақ", "спаренный", parse_double)
