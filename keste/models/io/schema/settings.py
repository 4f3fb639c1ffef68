"""The School sheet: settings as key / value rows, their parsers, and the settings back as rows."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from keste.models.io.schema.columns import Column, SheetSpec
from keste.models.io.schema.parsers import (
    Parser,
    difficulty,
    grades,
    non_negative_int,
    parse_students_day,
    periods_a_day,
    positive_int,
)
from keste.models.io.schema.shared import MAX_LESSONS_PER_DAY
from keste.models.settings import ALLOCATION_RULES, SOFT_RULES, Settings
from keste.models.values import (
    clean_text,
    format_int_ranges,
    format_number,
    format_time,
    parse_days,
    parse_hours,
    parse_int,
    parse_int_ranges,
    parse_language,
    parse_time,
    split_list,
)


def _big_breaks(value: object) -> dict[int, int]:
    breaks = {}
    for item in split_list(clean_text(value)):
        match = re.fullmatch(r"(\d+)\s*:\s*(\d+)", item)
        if not match:
            raise ValueError("expected breaks such as 2:15,4:15 (after lesson 2 a 15-minute break)")
        breaks[int(match.group(1))] = int(match.group(2))
    return breaks


def _grade_map(number: Parser) -> Parser:
    def parse(value: object) -> dict[int, Any]:
        result: dict[int, Any] = {}
        for item in split_list(clean_text(value)):
            grades_text, sep, amount = item.partition(":")
            if not sep:
                raise ValueError("expected grade limits such as 1:4,2-4:5,5-6:6,7-11:7")
            for grade in parse_int_ranges(grades_text, "grades"):
                result[grade] = number(amount)
        return result

    return parse


def format_grade_map(mapping: dict[int, Any]) -> str:
    groups: list[tuple[list[int], Any]] = []
    for grade in sorted(mapping):
        value = mapping[grade]
        if groups and groups[-1][1] == value and groups[-1][0][-1] == grade - 1:
            groups[-1][0].append(grade)
        else:
            groups.append(([grade], value))
    return ",".join(f"{format_int_ranges(g)}:{format_number(v)}" for g, v in groups)


def _lesson_minutes(value: object) -> int:
    return parse_int(value, low=20, high=120)


def _positive_hours(value: object) -> float:
    hours = parse_hours(value)
    if hours <= 0:
        raise ValueError("expected a positive number of hours, such as 16")
    return hours


SETTING_KEYS: tuple[Column, ...] = (
    Column("name", "атауы", "название", hint="School name"),
    Column("days", "күндер", "дни", parse_days, hint="Teaching days, e.g. Mon,Tue,Wed,Thu,Fri"),
    Column(
        "lesson_minutes",
        "сабақ ұзақтығы",
        "длительность урока",
        _lesson_minutes,
        hint="Lesson length: 40, 45 or 60 (other lengths need a Bells sheet)",
    ),
    Column(
        "academic_hour_minutes",
        "академиялық сағат",
        "академический час",
        _lesson_minutes,
        hint="Length of one curriculum hour; default = lesson_minutes",
    ),
    Column("first_lesson", "бірінші сабақ", "первый урок", parse_time, hint="Start, e.g. 08:00"),
    Column("break_minutes", "үзіліс", "перемена", non_negative_int, hint="Ordinary break, minutes"),
    Column(
        "big_breaks",
        "үлкен үзілістер",
        "большие перемены",
        _big_breaks,
        hint="e.g. 2:15,4:15 = a 15-minute break after lessons 2 and 4",
    ),
    Column(
        "periods_per_day",
        "күндік сабақ саны",
        "уроков в день",
        periods_a_day,
        hint="Periods in the generated bell schedule",
    ),
    Column(
        "split_threshold",
        "бөлу шегі",
        "порог деления",
        positive_int,
        hint="A class with at least this many students is split for split subjects",
    ),
    Column(
        "rate_hours",
        "ставка сағаты",
        "часов в ставке",
        _positive_hours,
        hint="Hours in one teaching rate (16)",
    ),
    Column("language", "тіл", "язык", parse_language, hint="Output language: kk, ru or en"),
    Column(
        "primary_grades",
        "бастауыш сыныптар",
        "начальные классы",
        grades,
        hint="Primary grades (no double lessons), e.g. 1-4",
    ),
    replace(
        MAX_LESSONS_PER_DAY,
        parse=_grade_map(periods_a_day),
        hint="Per grade, e.g. 1:4,2-4:5,5-6:6,7-11:7",
    ),
    Column(
        "max_weekly_hours",
        "апталық ең көп жүктеме",
        "макс недельная нагрузка",
        _grade_map(_positive_hours),
        hint="Maximum weekly load per grade, e.g. 1:20.5,2:24",
    ),
    Column(
        "hard_difficulty",
        "қиын пән шегі",
        "порог трудных",
        difficulty,
        hint="Difficulty at or above which a subject should sit on lessons 2-4",
    ),
    Column(
        "hardest_difficulty",
        "ең қиын пән шегі",
        "порог самых трудных",
        difficulty,
        hint="Difficulty at or above which two subjects should not be back to back",
    ),
    Column(
        "min_group_students",
        "топта ең аз оқушы",
        "мин учеников в группе",
        positive_int,
        hint="Fewest students in a group formed from choices (5)",
    ),
    Column(
        "max_group_students",
        "топта ең көп оқушы",
        "макс учеников в группе",
        positive_int,
        hint="Most students in a group formed from choices (split_threshold - 1)",
    ),
    Column(
        "students_day",
        "оқушылар күні",
        "день учеников",
        parse_students_day,
        hint="compact (from lesson 1, no windows), no_windows (may start later) or free",
    ),
    *tuple(
        Column(
            f"weight_{rule}",
            f"салмақ {rule}",
            f"вес {rule}",
            non_negative_int,
            hint=f"Weight of the soft rule '{rule}'",
        )
        for rule in (*SOFT_RULES, *ALLOCATION_RULES)
    ),
)


def build_settings(values: dict[str, Any]) -> Settings:
    settings = Settings()
    for key, value in values.items():
        if value is None:
            continue
        if key.startswith("weight_"):
            settings.weights[key.removeprefix("weight_")] = value
        else:
            setattr(settings, key, value)
    return settings


def settings_rows(settings: Settings) -> list[tuple[str, Any]]:
    default = Settings()
    rows: list[tuple[str, Any]] = [
        ("name", settings.name),
        ("days", ",".join(settings.days)),
        ("lesson_minutes", settings.lesson_minutes),
    ]
    if settings.academic_hour_minutes is not None:
        rows.append(("academic_hour_minutes", settings.academic_hour_minutes))
    rows += [
        ("first_lesson", format_time(settings.first_lesson)),
        ("break_minutes", settings.break_minutes),
        ("big_breaks", ",".join(f"{k}:{v}" for k, v in sorted(settings.big_breaks.items()))),
        ("periods_per_day", settings.periods_per_day),
        ("split_threshold", settings.split_threshold),
        ("rate_hours", format_number(settings.rate_hours)),
        ("language", settings.language),
    ]
    optional = [
        ("primary_grades", format_int_ranges(settings.primary_grades)),
        ("max_lessons_per_day", format_grade_map(settings.max_lessons_per_day)),
        ("max_weekly_hours", format_grade_map(settings.max_weekly_hours)),
        ("hard_difficulty", settings.hard_difficulty),
        ("hardest_difficulty", settings.hardest_difficulty),
        ("min_group_students", settings.min_group_students),
        ("max_group_students", settings.max_group_students),
        ("students_day", settings.students_day),
    ]
    for key, text in optional:
        if getattr(settings, key) != getattr(default, key):
            rows.append((key, text))
    rows += [(f"weight_{rule}", w) for rule, w in sorted(settings.weights.items())]
    return rows


SCHOOL_SHEET = SheetSpec(
    "School",
    "Мектеп",
    "Школа",
    (
        Column("key", "кілт", "ключ", required=True, aliases=("параметр", "setting")),
        Column("value", "мән", "значение", required=True),
        Column("comment", "түсініктеме", "комментарий", aliases=("description", "сипаттама")),
    ),
    True,
    lambda v, s, p: v,
    lambda r: r,
    hint="Settings as key / value rows.",
)
