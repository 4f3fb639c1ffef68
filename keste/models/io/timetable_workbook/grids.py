"""The grids people print: the whole school (one per shift), a sheet per class, and Teachers and
Rooms (who is where all week)."""

from __future__ import annotations

from collections import defaultdict

from openpyxl import Workbook

from keste.models.bells import schedules
from keste.models.io.labels import label
from keste.models.io.timetable_workbook.common import (
    cell_text,
    day_label,
    grid_look,
    lessons_by_class,
    meals_by_slot,
    title,
    unique_title,
)
from keste.models.school import School
from keste.models.timetable import Timetable
from keste.models.values import format_time


def school_grids(workbook: Workbook, school: School, timetable: Timetable, lang: str) -> None:
    """The usual summary timetable: days and periods down, classes across; one per shift."""
    bells = schedules(school)
    by_class = lessons_by_class(timetable)
    meals = meals_by_slot(timetable)
    for name, schedule in bells.items():
        classes = [c for c in school.classes if school.bells_of(c) == name]
        if not classes:
            continue
        sheet_title = label("School", lang) + ("" if len(bells) == 1 else f" {name}")
        sheet = workbook.create_sheet(sheet_title[:31])
        sheet.append(
            [
                label("day", lang),
                label("period", lang),
                label("time", lang),
                *[c.name for c in classes],
            ]
        )
        for day in school.settings.days:
            for period in schedule.periods:
                cells = []
                for school_class in classes:
                    rows = by_class[school_class.name].get((day, period.number), [])
                    meal = meals.get((school_class.name, day, period.number))
                    cells.append(cell_text(school, rows, show_room=True) if rows else meal)
                sheet.append(
                    [
                        day_label(day, lang),
                        period.number,
                        f"{format_time(period.start)}-{format_time(period.end)}",
                        *cells,
                    ]
                )
        grid_look(sheet, first_width=6, width=18)
        sheet.freeze_panes = "D2"


def class_sheets(workbook: Workbook, school: School, timetable: Timetable, lang: str) -> None:
    bells = schedules(school)
    by_class = lessons_by_class(timetable)
    meals = meals_by_slot(timetable)
    used = set(workbook.sheetnames)
    for school_class in school.classes:
        sheet = workbook.create_sheet(unique_title(school_class.name, used))
        title(sheet, f"{school_class.name} — {school.settings.name}")
        sheet.append(
            [
                label("period", lang),
                label("time", lang),
                *[day_label(d, lang) for d in school.settings.days],
            ]
        )
        schedule = bells[school.bells_of(school_class)]
        for period in schedule.periods:
            cells = []
            for day in school.settings.days:
                rows = by_class[school_class.name].get((day, period.number), [])
                meal = meals.get((school_class.name, day, period.number))
                cells.append(cell_text(school, rows) if rows else meal)
            sheet.append(
                [period.number, f"{format_time(period.start)}-{format_time(period.end)}", *cells]
            )
        grid_look(sheet, header_row=2, first_width=6, width=24)


def owner_grid(
    workbook: Workbook, school: School, timetable: Timetable, lang: str, kind: str
) -> None:
    """Teachers (or rooms) down, days and periods across: who is where, all week on one sheet."""
    bells = schedules(school)
    times = sorted({(p.start, p.end) for s in bells.values() for p in s.periods})
    single = len(bells) == 1
    columns = [(day, start) for day in school.settings.days for start, _ in times]
    owners = (
        [(t.code, t.label) for t in school.teachers]
        if kind == "Teachers"
        else [(r.name, r.type) for r in school.rooms]
    )
    cells = defaultdict(list)
    for row in timetable.lessons:
        keys = row.teachers if kind == "Teachers" else ((row.room,) if row.room else ())
        for key in keys:
            cells[(key, row.day, row.start)].append(row)
    sheet = workbook.create_sheet(label(kind, lang))
    number_of = {start: index + 1 for index, (start, _) in enumerate(times)}
    sheet.append(
        ["", ""]
        + [day_label(day, lang) if start == times[0][0] else None for day, start in columns]
    )
    sheet.append(
        [
            label("teacher" if kind == "Teachers" else "room", lang),
            label("name" if kind == "Teachers" else "type", lang),
        ]
        + [number_of[start] if single else format_time(start) for _, start in columns]
    )
    for key, description in owners:
        row_cells = []
        for day, start in columns:
            rows = cells.get((key, day, start), [])
            text = (
                cell_text(
                    school,
                    rows,
                    show_class=True,
                    show_teacher=kind == "Rooms",
                    show_room=kind == "Teachers",
                )
                if rows
                else None
            )
            row_cells.append(text.replace("\n", " ") if text else None)
        sheet.append([key, description, *row_cells])
    for index in range(len(school.settings.days)):
        first = 3 + index * len(times)
        sheet.merge_cells(
            start_row=1, start_column=first, end_row=1, end_column=first + len(times) - 1
        )
    grid_look(sheet, header_row=2, first_width=10, width=12)
    sheet.freeze_panes = "C3"
