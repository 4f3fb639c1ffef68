"""The sheets with a row per lesson: Lessons (the machine-readable contract), Meals, Changes,
and the Load list computed from the lessons."""

from __future__ import annotations

from openpyxl import Workbook

from keste.models.allocation import TariffEntry
from keste.models.changes import Change
from keste.models.curriculum import class_curriculum
from keste.models.io.labels import label
from keste.models.io.styling import print_setup, style_table
from keste.models.io.tariff import tariff_sheet
from keste.models.io.timetable_workbook.common import day_label
from keste.models.school import School
from keste.models.timetable import LessonRow, MealRow, Timetable
from keste.models.values import format_time

LESSON_COLUMNS = (
    "day",
    "period",
    "start",
    "end",
    "class",
    "group",
    "subject",
    "teacher",
    "room",
    "block",
    "week",
)
MEAL_COLUMNS = ("day", "period", "start", "end", "class", "meal")


def _when(row: LessonRow | MealRow, lang: str) -> list:
    """The cells a Lessons or Meals row starts with: day, period, clock times and class."""
    return [
        day_label(row.day, lang),
        row.period,
        format_time(row.start),
        format_time(row.end),
        row.class_name,
    ]


def lessons_sheet(workbook: Workbook, timetable: Timetable, lang: str) -> None:
    sheet = workbook.create_sheet(label("Lessons", lang))
    sheet.append([label(c, lang) for c in LESSON_COLUMNS])
    for row in timetable.lessons:
        sheet.append(
            [
                *_when(row, lang),
                row.group,
                row.subject,
                ", ".join(row.teachers),
                row.room,
                row.block,
                row.week,
            ]
        )
    style_table(sheet)
    print_setup(sheet)


def meals_sheet(workbook: Workbook, timetable: Timetable, lang: str) -> None:
    if not timetable.meals:
        return
    sheet = workbook.create_sheet(label("Meals", lang))
    sheet.append([label(c, lang) for c in MEAL_COLUMNS])
    for meal in timetable.meals:
        sheet.append([*_when(meal, lang), meal.meal])
    style_table(sheet)


def changes_sheet(workbook: Workbook, changes: list[Change], lang: str) -> None:
    """Each lesson that moved, changed teacher or room, or was removed or added."""
    sheet = workbook.create_sheet(label("Changes", lang), 1)
    columns = ("change", "class", "group", "subject", "before", "teacher", "room")
    sheet.append([label(k, lang) for k in columns] + [label(k, lang) for k in columns[4:]])
    sheet.cell(1, 8).value = label("after", lang)
    for change in changes:
        sheet.append(
            [
                label(f"change_{change.kind}", lang),
                change.class_name,
                change.group,
                change.subject,
                *_lesson_cells(change.before, lang),
                *_lesson_cells(change.after, lang),
            ]
        )
    style_table(sheet)
    print_setup(sheet)


def _lesson_cells(row: LessonRow | None, lang: str) -> list:
    if row is None:
        return [None, None, None]
    return [f"{day_label(row.day, lang)} {row.period}", ", ".join(row.teachers), row.room]


def load_sheet(workbook: Workbook, school: School, timetable: Timetable, lang: str) -> None:
    """The tariff list as timetabled: per teacher, what they teach and their total in rates."""
    entries = []
    for row in timetable.lessons:
        if row.block:
            group = next(
                (g for g in school.electives if g.block == row.block and g.group == row.group),
                None,
            )
            hours = group.hours if group else 0
        else:
            plan = class_curriculum(school, school.class_by_name[row.class_name])
            hours = plan[row.subject].hours if row.subject in plan else 0
        for teacher in row.teachers:
            entries.append(
                TariffEntry(teacher, row.subject, row.block or row.class_name, row.group, hours)
            )
    tariff_sheet(workbook, school, entries, lang)
