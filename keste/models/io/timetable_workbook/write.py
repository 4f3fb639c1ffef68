"""The whole timetable workbook, sheet by sheet in the order people read it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from keste.models.grouping import Grouping
from keste.models.io.labels import label
from keste.models.io.timetable_workbook.grids import class_sheets, owner_grid, school_grids
from keste.models.io.timetable_workbook.lessons import (
    changes_sheet,
    lessons_sheet,
    load_sheet,
    meals_sheet,
)
from keste.models.io.timetable_workbook.report import grouping_report, report_sheet
from keste.models.io.timetable_workbook.students import electives_sheet, student_sheets
from keste.models.io.workbook import save_atomically
from keste.models.school import School
from keste.models.timetable import Timetable
from keste.models.verification import ValidationReport


def timetable_workbook(
    school: School,
    timetable: Timetable,
    report: ValidationReport,
    lang: str,
    changes: list | None = None,
    grouping: Grouping | None = None,
) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    lessons_sheet(workbook, timetable, lang)
    meals_sheet(workbook, timetable, lang)
    school_grids(workbook, school, timetable, lang)
    class_sheets(workbook, school, timetable, lang)
    student_sheets(workbook, school, timetable, report.unmet_choices, lang)
    owner_grid(workbook, school, timetable, lang, "Teachers")
    if school.rooms:
        owner_grid(workbook, school, timetable, lang, "Rooms")
    load_sheet(workbook, school, timetable, lang)
    if school.electives:
        electives_sheet(workbook, school, lang)
    if changes is not None:
        changes_sheet(workbook, changes, lang)
    report_sheet(workbook, school, timetable, report, lang, changes)
    if grouping is not None:
        grouping_report(workbook[label("Report", lang)], grouping, lang)
    return workbook


def write_timetable(
    school: School,
    timetable: Timetable,
    report: ValidationReport,
    path: Path,
    lang: str,
    changes: list | None = None,
    grouping: Grouping | None = None,
) -> None:
    workbook = timetable_workbook(school, timetable, report, lang, changes, grouping)
    save_atomically(workbook, path)
