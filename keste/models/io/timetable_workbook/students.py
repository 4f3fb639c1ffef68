"""Students' own weeks (a sheet per class whose students chose), the Electives sheet as solved,
and `keste groups`' workbook."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook

from keste.models.bells import schedules
from keste.models.curriculum import student_hours
from keste.models.grouping import Grouping
from keste.models.io.labels import label
from keste.models.io.schema import SHEET_BY_KEY
from keste.models.io.styling import print_setup, style_table
from keste.models.io.timetable_workbook.common import (
    day_label,
    grid_look,
    lessons_by_class,
    meals_by_slot,
    subject_label,
    unique_title,
)
from keste.models.io.timetable_workbook.report import (
    finish_text_report,
    grouping_report,
    text_report,
)
from keste.models.io.workbook import append_table, save_atomically
from keste.models.school import School
from keste.models.timetable import LessonRow, Timetable
from keste.models.values import format_number


def student_sheets(
    workbook: Workbook, school: School, timetable: Timetable, unmet: list, lang: str
) -> None:
    """Each student's own week: a sheet per class whose students chose, a row per student."""
    if not school.member_groups:
        return
    groups_of = school.member_groups
    not_met: dict[str, list[str]] = defaultdict(list)
    for student, _, subject, level in unmet:
        not_met[student].append(subject + (f" ({level})" if level else ""))
    students: dict[str, list[str]] = defaultdict(list)
    for choice in school.choices:
        if choice.student not in students[choice.class_name]:
            students[choice.class_name].append(choice.student)
    by_class = lessons_by_class(timetable)
    meals = meals_by_slot(timetable)
    bells = schedules(school)
    used = set(workbook.sheetnames)
    study = label("study_periods", lang)
    for school_class in school.classes:
        names = students.get(school_class.name)
        if not names:
            continue
        periods = bells[school.bells_of(school_class)].periods
        slots = [(day, p.number) for day in school.settings.days for p in periods]
        title = unique_title(f"{school_class.name} {label('students_sheet', lang)}", used)
        sheet = workbook.create_sheet(title)
        sheet.append(
            [label(key, lang) for key in ("student", "hours", "study_periods", "unmet")]
            + [f"{day_label(day, lang)} {number}" for day, number in slots]
        )
        for student in sorted(names):
            mine = {(g.block, g.group) for g in groups_of.get(student, [])}
            hours = student_hours(school, student, school_class)
            cells = [
                _student_cell(school, by_class[school_class.name].get(slot, []), mine, lang)
                or meals.get((school_class.name, *slot))
                for slot in slots
            ]
            sheet.append(
                [
                    student,
                    format_number(hours),
                    cells.count(study),
                    ", ".join(not_met.get(student, [])),
                    *cells,
                ]
            )
        grid_look(sheet, first_width=14, width=10)
        sheet.column_dimensions["D"].width = 16
        sheet.freeze_panes = "E2"


def _student_cell(school: School, rows: list[LessonRow], mine: set, lang: str) -> str | None:
    """What one student has in one period: a class lesson, one of their groups, or a study
    period while their class's block runs without them."""
    texts = []
    blocks = False
    formed = {g.block for g in school.electives if g.members}
    listed = {g.block for g in school.electives if not g.members}
    for row in rows:
        if row.block in formed:
            blocks = True
            if (row.block, row.group) in mine:
                texts.append(row.group or row.subject)
        elif row.block in listed:  # a block without member lists: one of its groups
            texts.append(f"{label('block', lang)} {row.block}")
        else:
            texts.append(subject_label(school, row.subject))
    if not texts and blocks:
        return label("study_periods", lang)
    return "\n".join(dict.fromkeys(texts)) or None


def electives_sheet(workbook: Workbook, school: School, lang: str) -> None:
    """The Electives sheet of the school as solved (groups formed from choices, with members and
    teachers): `keste solve --groups` and `keste validate` read it back."""
    sheet = append_table(workbook, SHEET_BY_KEY["Electives"], school.electives, lang)
    style_table(sheet)
    print_setup(sheet)


def write_groups(school: School, grouping: Grouping, path: Path, lang: str) -> None:
    """keste groups' workbook: the Report (each grade's figures, the reason for every unmet
    choice), the Electives sheet to feed back, and each student's groups."""
    workbook, report = text_report(school, lang)
    grouping_report(report, grouping, lang)
    finish_text_report(report)
    electives_sheet(workbook, school, lang)
    _groups_of_students(workbook, school, grouping, lang)
    save_atomically(workbook, path)


def _groups_of_students(workbook: Workbook, school: School, grouping: Grouping, lang: str) -> None:
    """A row per student who chose: their class, weekly hours, groups and choices not met."""
    sheet = workbook.create_sheet(label("students_sheet", lang))
    columns = ("student", "class", "hours", "Electives", "unmet")
    sheet.append([label(key, lang) for key in columns])
    not_met: dict[str, list[str]] = defaultdict(list)
    for unmet in grouping.unmet:
        not_met[unmet.student].append(unmet.course.subject)
    for student, class_name in dict.fromkeys((c.student, c.class_name) for c in school.choices):
        hours = student_hours(school, student, school.class_by_name[class_name])
        groups = school.member_groups.get(student, [])
        sheet.append(
            [
                student,
                class_name,
                format_number(hours),
                ", ".join(f"{g.group} ({g.block})" for g in groups),
                ", ".join(not_met.get(student, [])),
            ]
        )
    style_table(sheet)
    print_setup(sheet)
