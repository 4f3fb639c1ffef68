"""The tariff list (тарификация): per teacher, what they teach and their total against the rate.

Written into the timetable workbook (as timetabled) and into `keste allocate`'s workbook (as
allocated), which also carries a Load sheet in the school workbook's own format, to edit and feed
back, and the hours each subject and grade band needs against what its teachers can give.
"""

from __future__ import annotations

from collections import defaultdict

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from keste.models.allocation import Allocation, CapacityLine, TariffEntry
from keste.models.io.labels import label
from keste.models.io.schema import SHEET_BY_KEY, localise_cell
from keste.models.io.styling import BOLD, TITLE_FONT, print_setup, style_table
from keste.models.io.workbook import save_atomically
from keste.models.school import School, Teacher
from keste.models.values import format_int_ranges, format_number

ALLOCATED = PatternFill("solid", fgColor="FFF2CC")  # rows keste filled in


def tariff_sheet(
    workbook: Workbook,
    school: School,
    entries: list[TariffEntry],
    lang: str,
    title: str | None = None,
) -> None:
    sheet = workbook.create_sheet(title or label("Load", lang))
    columns = (
        "teacher",
        "name",
        "subject",
        "class",
        "group",
        "hours",
        "total",
        "rate",
        "max_hours",
        "over_under",
    )
    sheet.append([label(k, lang) for k in columns])
    by_teacher = defaultdict(list)
    for entry in sorted(set(entries), key=lambda e: (e.teacher, e.subject, e.where, e.group or "")):
        by_teacher[entry.teacher].append(entry)
    rate = school.settings.rate_hours
    for teacher in school.teachers:
        mine = by_teacher.get(teacher.code, [])
        total = sum(e.hours for e in mine)
        for index, entry in enumerate(mine):
            last = index == len(mine) - 1
            sheet.append(
                [
                    teacher.code,
                    teacher.label,
                    _subject_label(school, entry.subject),
                    entry.where,
                    entry.group,
                    format_number(entry.hours),
                    format_number(total) if last else None,
                    round(total / rate, 2) if last else None,
                    format_number(teacher.max_hours) if last and teacher.max_hours else None,
                    over_under(teacher, total, lang) if last else None,
                ]
            )
            if entry.allocated:
                for cell in sheet[sheet.max_row][2:6]:
                    cell.fill = ALLOCATED
            if last:
                for cell in sheet[sheet.max_row][6:10]:
                    cell.font = BOLD
    style_table(sheet)
    print_setup(sheet)


def over_under(teacher: Teacher, total: float, lang: str) -> str:
    if teacher.max_hours is not None and total > teacher.max_hours:
        return f"{label('over', lang)} {format_number(total - teacher.max_hours)}"
    if teacher.min_hours is not None and total < teacher.min_hours:
        return f"{label('under', lang)} {format_number(teacher.min_hours - total)}"
    return label("ok", lang)


def _subject_label(school: School, code: str) -> str:
    subject = school.subject_by_code.get(code)
    return subject.label if subject else code


def load_sheet(workbook: Workbook, school: School, rows: list, allocated: set, lang: str) -> None:
    """The Load sheet in the school workbook's format; rows keste allocated are shaded."""
    spec = SHEET_BY_KEY["Load"]
    sheet = workbook.create_sheet(spec.label(lang), 0)
    sheet.append([column.label(lang) for column in spec.columns])
    for row in rows:
        cells = spec.unbuild(row)
        sheet.append([localise_cell(c.key, cells.get(c.key), lang) for c in spec.columns])
        if (row.class_name, row.subject, row.group) in allocated:
            for cell in sheet[sheet.max_row]:
                cell.fill = ALLOCATED
    style_table(sheet)


def capacity_sheet(
    workbook: Workbook, school: School, lines: list[CapacityLine], lang: str
) -> None:
    sheet = workbook.create_sheet({"en": "Capacity", "kk": "Сыйымдылық", "ru": "Ёмкость"}[lang])
    sheet.append(
        [
            "subject",
            "grades",
            "hours needed",
            "qualified teachers",
            "their max hours (all subjects)",
        ]
    )
    for line in lines:
        sheet.append(
            [
                _subject_label(school, line.subject),
                format_int_ranges(line.grades),
                format_number(line.hours),
                ", ".join(line.teachers),
                "" if line.their_max is None else format_number(line.their_max),
            ]
        )
    style_table(sheet)


def summary_sheet(
    workbook: Workbook, school: School, status: str, penalties: dict, reasons: list[str], lang: str
) -> None:
    sheet = workbook.create_sheet(label("Report", lang), 0)
    sheet.append([school.settings.name])
    sheet["A1"].font = TITLE_FONT
    sheet.append([label("status", lang), status])
    for reason in reasons:
        sheet.append(["", reason])
    sheet.append([])
    sheet.append(
        [label("rule", lang), label("count", lang), label("weight", lang), label("penalty", lang)]
    )
    for name, (count, weight) in penalties.items():
        sheet.append([name, count, weight, count * weight])
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 90


def allocation_workbook(
    school: School,
    load_rows: list,
    allocated: set,
    entries: list[TariffEntry],
    capacity: list[CapacityLine],
    status: str,
    penalties: dict,
    reasons: list[str],
    lang: str,
) -> Workbook:
    """Report, Load (the school format, allocated rows shaded), Tariff and Capacity sheets."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    if load_rows:
        load_sheet(workbook, school, load_rows, allocated, lang)
        tariff_sheet(workbook, school, entries, lang, TARIFF_TITLE[lang])
    capacity_sheet(workbook, school, capacity, lang)
    summary_sheet(workbook, school, status, penalties, reasons, lang)
    for sheet in workbook.worksheets:
        print_setup(sheet)
    return workbook


TARIFF_TITLE = {"en": "Tariff", "kk": "Тарификация", "ru": "Тарификация"}


def tariff_entries(allocation: Allocation) -> list[TariffEntry]:
    entries = []
    for item in allocation.items:
        for teacher in allocation.teachers_of.get(item.index, item.fixed):
            entries.append(
                TariffEntry(
                    teacher,
                    item.subject,
                    f"block {item.block}" if item.block else item.classes[0],
                    item.group,
                    item.hours,
                    allocated=teacher not in item.fixed,
                )
            )
    return entries


def write_allocation(
    school: School, allocation: Allocation, capacity: list[CapacityLine], path, lang: str
) -> None:
    """keste allocate's workbook: the Load sheet, the tariff list and each subject's capacity."""
    rows = allocation.apply(school).load if allocation.ok else []
    allocated = {
        (i.classes[0], i.subject, None if i.group is None else int(i.group))
        for i in allocation.allocated()
        if not i.block
    }
    workbook = allocation_workbook(
        school,
        rows,
        allocated,
        tariff_entries(allocation) if allocation.ok else [],
        capacity,
        allocation.status,
        allocation.penalties,
        allocation.reasons,
        lang,
    )
    save_atomically(workbook, path)
