"""The timetable workbook: Lessons (the machine-readable contract) and Meals, the grids people
print (the whole school, one sheet per class, teachers, rooms), the Load list and the Report.

read_timetable reads the Lessons and Meals sheets back, from keste's output or a hand-edited copy,
in any of the three languages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from keste.models.bells import schedules
from keste.models.changes import KINDS, Change
from keste.models.curriculum import class_curriculum, student_hours
from keste.models.findings import Finding, render
from keste.models.grouping import Grouping, PoolSummary
from keste.models.io.labels import aliases, label
from keste.models.io.schema import SHEET_BY_KEY, Column, SheetSpec, normalise_header
from keste.models.io.styling import BOLD, BOX, CENTER, TITLE_FONT, print_setup, style_table
from keste.models.io.tables import RawTable, match_columns, parse_value
from keste.models.io.tariff import TariffEntry, tariff_sheet
from keste.models.io.workbook import append_table, read_tables, save_atomically
from keste.models.problems import Problems
from keste.models.school import School
from keste.models.timetable import LessonRow, MealRow, Timetable
from keste.models.values import (
    DAY_LABELS,
    clean_text,
    format_number,
    format_time,
    parse_day,
    parse_int,
    parse_name_list,
    parse_time,
)
from keste.models.verification import ValidationReport

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


# ------------------------------------------------------------------------------------ writing


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
    _lessons_sheet(workbook, timetable, lang)
    _meals_sheet(workbook, timetable, lang)
    _school_grids(workbook, school, timetable, lang)
    _class_sheets(workbook, school, timetable, lang)
    _student_sheets(workbook, school, timetable, report.unmet_choices, lang)
    _owner_grid(workbook, school, timetable, lang, "Teachers")
    if school.rooms:
        _owner_grid(workbook, school, timetable, lang, "Rooms")
    _load_sheet(workbook, school, timetable, lang)
    if school.electives:
        electives_sheet(workbook, school, lang)
    if changes is not None:
        _changes_sheet(workbook, changes, lang)
    _report_sheet(workbook, school, timetable, report, lang, changes)
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


def write_groups(school: School, grouping: Grouping, path: Path, lang: str) -> None:
    """keste groups' workbook: the Report (each grade's figures, the reason for every unmet
    choice), the Electives sheet to feed back, and each student's groups."""
    workbook = Workbook()
    report = workbook.active
    report.title = label("Report", lang)
    report.append([school.settings.name])
    report["A1"].font = TITLE_FONT
    grouping_report(report, grouping, lang)
    report.column_dimensions["A"].width = 120
    print_setup(report, landscape=False, repeat_rows=None)
    electives_sheet(workbook, school, lang)
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
    save_atomically(workbook, path)


def electives_sheet(workbook: Workbook, school: School, lang: str) -> None:
    """The Electives sheet of the school as solved (groups formed from choices, with members and
    teachers): `keste solve --groups` and `keste validate` read it back."""
    sheet = append_table(workbook, SHEET_BY_KEY["Electives"], school.electives, lang)
    style_table(sheet)
    print_setup(sheet)


def grouping_report(sheet: Worksheet, grouping: Grouping, lang: str) -> None:
    """The groups formed from choices on a Report sheet: each pool's figures, then the reason
    for every choice that is not met."""
    sheet.append([])
    sheet.append([label("grouping", lang)])
    sheet[sheet.max_row][0].font = BOLD
    for pool in grouping.pools:
        sheet.append([pool_line(pool, lang)])
    for reason in grouping.reasons():
        for line in render(reason, lang).splitlines():
            sheet.append([line])


def pool_line(pool: PoolSummary, lang: str) -> str:
    return label("grouping_pool", lang).format(
        grade=pool.grade,
        classes=", ".join(pool.classes),
        students=pool.students,
        courses=pool.courses,
        groups=pool.groups,
        blocks=len(pool.blocks),
        lengths=" + ".join(map(str, pool.blocks)) or "0",
        free=pool.free,
        unmet=pool.unmet,
        status=pool.status,
        seconds=f"{pool.seconds:.1f}",
    )


def _student_sheets(
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
    by_class = defaultdict(lambda: defaultdict(list))
    for row in timetable.lessons:
        by_class[row.class_name][(row.day, row.period)].append(row)
    meals = {(m.class_name, m.day, m.period): m.meal for m in timetable.meals}
    bells = schedules(school)
    used = set(workbook.sheetnames)
    for school_class in school.classes:
        names = students.get(school_class.name)
        if not names:
            continue
        periods = bells[school.bells_of(school_class)].periods
        slots = [(day, p.number) for day in school.settings.days for p in periods]
        title = _unique_title(f"{school_class.name} {label('students_sheet', lang)}", used)
        sheet = workbook.create_sheet(title)
        sheet.append(
            [
                label("student", lang),
                label("hours", lang),
                label("study_periods", lang),
                label("unmet", lang),
            ]
            + [f"{_day(day, lang)} {number}" for day, number in slots]
        )
        study = label("study_periods", lang)
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
        _grid_look(sheet, first_width=14, width=10)
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
            texts.append(_subject_label(school, row.subject))
    if not texts and blocks:
        return label("study_periods", lang)
    return "\n".join(dict.fromkeys(texts)) or None


def write_diagnosis(
    school: School,
    findings: list[Finding],
    wall_time: float,
    path: Path,
    lang: str,
    grouping: Grouping | None = None,
) -> None:
    """A workbook with only the Report sheet: why there is no timetable (and the groups formed
    from choices, which the timetable would have had)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = label("Report", lang)
    sheet.append([school.settings.name])
    sheet["A1"].font = TITLE_FONT
    sheet.append([label("no_timetable", lang)])
    sheet[sheet.max_row][0].font = BOLD
    for finding in findings:
        for line in render(finding, lang).splitlines():
            sheet.append([line])
        sheet.append([])
    sheet.append([label("diagnosis_time", lang), round(wall_time, 1)])
    if grouping is not None:
        grouping_report(sheet, grouping, lang)
    sheet.column_dimensions["A"].width = 120
    print_setup(sheet, landscape=False, repeat_rows=None)
    save_atomically(workbook, path)


def _day(day: str, lang: str) -> str:
    return DAY_LABELS[lang][day]


def _lessons_sheet(workbook: Workbook, timetable: Timetable, lang: str) -> None:
    sheet = workbook.create_sheet(label("Lessons", lang))
    sheet.append([label(c, lang) for c in LESSON_COLUMNS])
    for row in timetable.lessons:
        sheet.append(
            [
                _day(row.day, lang),
                row.period,
                format_time(row.start),
                format_time(row.end),
                row.class_name,
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


def _meals_sheet(workbook: Workbook, timetable: Timetable, lang: str) -> None:
    if not timetable.meals:
        return
    sheet = workbook.create_sheet(label("Meals", lang))
    sheet.append([label(c, lang) for c in MEAL_COLUMNS])
    for meal in timetable.meals:
        sheet.append(
            [
                _day(meal.day, lang),
                meal.period,
                format_time(meal.start),
                format_time(meal.end),
                meal.class_name,
                meal.meal,
            ]
        )
    style_table(sheet)


def _subject_label(school: School, code: str) -> str:
    subject = school.subject_by_code.get(code)
    return subject.label if subject else code


def _cell_text(
    school: School,
    rows: list[LessonRow],
    show_class: bool = False,
    show_teacher: bool = True,
    show_room: bool = True,
) -> str:
    parts = []
    for row in sorted(rows, key=lambda r: (r.week or "", r.group or "")):
        text = _subject_label(school, row.subject)
        if row.group:
            text += f" ({row.group})"
        if row.week:
            text += f" [{row.week}]"
        if show_class:
            text = f"{row.class_name}: {text}"
        extra = []
        if show_teacher and row.teachers:
            extra.append(
                ", ".join(
                    school.teacher_by_code[t].label if t in school.teacher_by_code else t
                    for t in row.teachers
                )
            )
        if show_room and row.room:
            extra.append(row.room)
        parts.append(text + (f"\n{' · '.join(extra)}" if extra else ""))
    return "\n".join(dict.fromkeys(parts))


def _school_grids(workbook: Workbook, school: School, timetable: Timetable, lang: str) -> None:
    """The usual summary timetable: days and periods down, classes across; one per shift."""
    bells = schedules(school)
    by_slot = defaultdict(list)
    for row in timetable.lessons:
        by_slot[(row.class_name, row.day, row.period)].append(row)
    meals = {(m.class_name, m.day, m.period): m.meal for m in timetable.meals}
    for name, schedule in bells.items():
        classes = [c for c in school.classes if school.bells_of(c) == name]
        if not classes:
            continue
        title = label("School", lang) + ("" if len(bells) == 1 else f" {name}")
        sheet = workbook.create_sheet(title[:31])
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
                    rows = by_slot.get((school_class.name, day, period.number), [])
                    meal = meals.get((school_class.name, day, period.number))
                    cells.append(_cell_text(school, rows, show_room=True) if rows else meal)
                sheet.append(
                    [
                        _day(day, lang),
                        period.number,
                        f"{format_time(period.start)}-{format_time(period.end)}",
                        *cells,
                    ]
                )
        _grid_look(sheet, first_width=6, width=18)
        sheet.freeze_panes = "D2"


def _class_sheets(workbook: Workbook, school: School, timetable: Timetable, lang: str) -> None:
    bells = schedules(school)
    by_class = defaultdict(lambda: defaultdict(list))
    for row in timetable.lessons:
        by_class[row.class_name][(row.day, row.period)].append(row)
    meals = {(m.class_name, m.day, m.period): m.meal for m in timetable.meals}
    used = set(workbook.sheetnames)
    for school_class in school.classes:
        title = _unique_title(school_class.name, used)
        sheet = workbook.create_sheet(title)
        sheet.append([f"{school_class.name} — {school.settings.name}"])
        sheet["A1"].font = TITLE_FONT
        sheet.append(
            [
                label("period", lang),
                label("time", lang),
                *[_day(d, lang) for d in school.settings.days],
            ]
        )
        schedule = bells[school.bells_of(school_class)]
        for period in schedule.periods:
            cells = []
            for day in school.settings.days:
                rows = by_class[school_class.name].get((day, period.number), [])
                meal = meals.get((school_class.name, day, period.number))
                cells.append(_cell_text(school, rows) if rows else meal)
            sheet.append(
                [period.number, f"{format_time(period.start)}-{format_time(period.end)}", *cells]
            )
        _grid_look(sheet, header_row=2, first_width=6, width=24)


def _unique_title(name: str, used: set[str]) -> str:
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:28] or "class"
    title, number = base, 2
    while title in used:
        title = f"{base}~{number}"
        number += 1
    used.add(title)
    return title


def _owner_grid(
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
        ["", ""] + [_day(day, lang) if start == times[0][0] else None for day, start in columns]
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
                _cell_text(
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
    _grid_look(sheet, header_row=2, first_width=10, width=12)
    sheet.freeze_panes = "C3"


def _grid_look(
    sheet: Worksheet, header_row: int = 1, first_width: int = 8, width: int = 16
) -> None:
    for row in sheet.iter_rows(min_row=header_row):
        for cell in row:
            cell.border = BOX
            cell.alignment = (
                CENTER if cell.row == header_row else Alignment(wrap_text=True, vertical="top")
            )
    for cell in sheet[header_row]:
        cell.font = BOLD
    for index, column in enumerate(
        sheet.iter_cols(min_row=header_row, max_row=header_row), start=1
    ):
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = first_width if index <= 2 else width
    print_setup(sheet, repeat_rows=f"{header_row}:{header_row}")


def _load_sheet(workbook: Workbook, school: School, timetable: Timetable, lang: str) -> None:
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


def _changes_sheet(workbook: Workbook, changes: list[Change], lang: str) -> None:
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
    return [f"{_day(row.day, lang)} {row.period}", ", ".join(row.teachers), row.room]


def _report_sheet(
    workbook: Workbook,
    school: School,
    timetable: Timetable,
    report: ValidationReport,
    lang: str,
    changes: list[Change] | None = None,
) -> None:
    info = timetable.info
    sheet = workbook.create_sheet(label("Report", lang), 0)
    sheet.append([school.settings.name])
    sheet["A1"].font = TITLE_FONT
    sheet.append([label("solver", lang)])
    sheet[sheet.max_row][0].font = BOLD
    verdict = label(f"verdict_{info.verdict}", lang) + (
        f": {info.gap:.0%}" if info.verdict == "gap" else ""
    )
    rows = [
        (label("status", lang), info.status),
        ("", verdict),
        (label("objective", lang), info.objective),
        (label("bound", lang), info.bound),
        (label("first_solution", lang), _seconds(info.first_solution_time)),
        (label("wall_time", lang), _seconds(info.wall_time)),
        (label("workers", lang), f"{info.workers} / {info.seed} / {info.time_limit:g}"),
        (label("model", lang), f"{info.variables} variables, {info.constraints} constraints"),
    ]
    if info.interrupted:
        rows.append(("", label("interrupted", lang)))
    if changes is not None:
        counts = Counter(change.kind for change in changes)
        summary = ", ".join(f"{label('change_' + k, lang)} {counts[k]}" for k in KINDS)
        rows.append((label("changes_count", lang), summary))
    rows += [("", note) for note in info.notes]
    for row in rows:
        sheet.append(list(row))
    sheet.append([])
    sheet.append([label("hard_rules", lang)])
    sheet[sheet.max_row][0].font = BOLD
    sheet.append([label("rule", lang), label("what", lang), label("violations", lang)])
    for rule in report.hard_rules:
        description = label(f"rule_{rule}", lang)
        found = [v.message for v in report.violations if v.rule == rule]
        sheet.append([rule, description, len(found), "; ".join(found[:5])])
    sheet.append([])
    sheet.append([label("soft_rules", lang)])
    sheet[sheet.max_row][0].font = BOLD
    sheet.append([label(k, lang) for k in ("rule", "what", "count", "weight", "penalty")])
    for rule, count in report.penalties.items():
        weight = report.weights.get(rule, 0)
        sheet.append([rule, label(f"rule_{rule}", lang), count, weight, count * weight])
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 12
    sheet.column_dimensions["D"].width = 60
    print_setup(sheet, landscape=False, repeat_rows=None)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.font != BOLD and cell.font != TITLE_FONT:
                cell.font = Font()


def _seconds(value: float | None) -> str | None:
    return None if value is None else f"{value:.1f}"


# ------------------------------------------------------------------------------------ reading


def _column(key: str, parse, required: bool = False) -> Column:
    _en, kk, ru = aliases(key)
    return Column(key, kk, ru, parse, required)


def _group(value: object) -> str:
    return clean_text(value)


def _week(value: object) -> str:
    text = clean_text(value).upper().replace("А", "A").replace("Б", "B")
    if text not in ("A", "B"):
        raise ValueError("expected week A or B (or empty for every week)")
    return text


LESSONS_SPEC = SheetSpec(
    "Lessons",
    *aliases("Lessons")[1:],
    (
        _column("day", parse_day, True),
        _column("period", lambda v: parse_int(v, low=1), True),
        _column("start", parse_time),
        _column("end", parse_time),
        _column("class", clean_text, True),
        _column("group", _group),
        _column("subject", clean_text, True),
        _column("teacher", parse_name_list),
        _column("room", clean_text),
        _column("block", clean_text),
        _column("week", _week),
    ),
    True,
    lambda v, s, p: v,
    lambda r: r,
)
MEALS_SPEC = SheetSpec(
    "Meals",
    *aliases("Meals")[1:],
    (
        _column("day", parse_day, True),
        _column("period", lambda v: parse_int(v, low=1), True),
        _column("start", parse_time),
        _column("end", parse_time),
        _column("class", clean_text, True),
        _column("meal", clean_text, True),
    ),
    False,
    lambda v, s, p: v,
    lambda r: r,
)


def read_timetable(path: Path, school: School) -> tuple[Timetable | None, Problems]:
    """The Lessons and Meals sheets of a timetable workbook; clock times default to the bells."""
    problems = Problems()
    names = LESSONS_SPEC.names() | MEALS_SPEC.names()
    tables = read_tables(Path(path), problems, lambda title: normalise_header(title) in names)
    if tables is None:
        return None, problems
    found = {}
    for table in tables:
        for spec in (LESSONS_SPEC, MEALS_SPEC):
            if normalise_header(table.name) in spec.names():
                table.spec = spec
                found[spec.key] = table
    if "Lessons" not in found:
        problems.error(
            "expected a sheet 'Lessons' (Сабақтар / Уроки) with one row per lesson", sheet=str(path)
        )
        return None, problems
    bells = schedules(school)
    lessons = [_lesson(values, school, bells) for values in _rows(found["Lessons"], problems)]
    meals = [_meal(values, school, bells) for values in _rows(found.get("Meals"), problems)]
    return Timetable([r for r in lessons if r], [m for m in meals if m]), problems


def _rows(table: RawTable | None, problems: Problems) -> list[dict[str, Any]]:
    if table is None:
        return []
    positions = match_columns(table, problems)
    rows = []
    for row in table.rows:
        values = {}
        for position, column in positions.items():
            raw = row.cells.get(position)
            values[column.key] = (
                parse_value(column, raw, table.name, row.number, problems)
                if raw is not None
                else None
            )
        if all(values.get(c.key) is not None for c in positions.values() if c.required):
            rows.append(values)
    return rows


def _clock(values: dict[str, Any], school: School, bells) -> tuple[int, int] | None:
    school_class = school.class_by_name.get(values["class"])
    if values.get("start") is not None and values.get("end") is not None:
        return values["start"], values["end"]
    if school_class is None:
        return None
    period = bells[school.bells_of(school_class)].period(values["period"])
    return (period.start, period.end) if period else None


def _lesson(values: dict[str, Any], school: School, bells) -> LessonRow | None:
    clock = _clock(values, school, bells) or (0, 0)
    return LessonRow(
        values["day"],
        values["period"],
        clock[0],
        clock[1],
        values["class"],
        values["subject"],
        tuple(values.get("teacher") or ()),
        values.get("group") or None,
        values.get("room") or None,
        values.get("block") or None,
        values.get("week"),
    )


def _meal(values: dict[str, Any], school: School, bells) -> MealRow | None:
    clock = _clock(values, school, bells) or (0, 0)
    return MealRow(
        values["day"], values["period"], clock[0], clock[1], values["class"], values["meal"]
    )
