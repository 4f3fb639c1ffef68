"""What the timetable sheets share: day and subject labels, a lesson cell's text, lessons and
meals by slot, titles and the look of a grid."""

from __future__ import annotations

from collections import defaultdict

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from keste.models.io.styling import BOLD, BOX, CENTER, TITLE_FONT, print_setup
from keste.models.school import School
from keste.models.timetable import LessonRow, Timetable
from keste.models.values import DAY_LABELS


def day_label(day: str, lang: str) -> str:
    return DAY_LABELS[lang][day]


def subject_label(school: School, code: str) -> str:
    subject = school.subject_by_code.get(code)
    return subject.label if subject else code


def cell_text(
    school: School,
    rows: list[LessonRow],
    show_class: bool = False,
    show_teacher: bool = True,
    show_room: bool = True,
) -> str:
    parts = []
    for row in sorted(rows, key=lambda r: (r.week or "", r.group or "")):
        text = subject_label(school, row.subject)
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


def lessons_by_class(timetable: Timetable) -> defaultdict[str, defaultdict[tuple, list]]:
    """class -> (day, period) -> the lessons there."""
    by_class = defaultdict(lambda: defaultdict(list))
    for row in timetable.lessons:
        by_class[row.class_name][(row.day, row.period)].append(row)
    return by_class


def meals_by_slot(timetable: Timetable) -> dict[tuple[str, str, int], str]:
    """(class, day, period) -> the meal eaten there."""
    return {(m.class_name, m.day, m.period): m.meal for m in timetable.meals}


def unique_title(name: str, used: set[str]) -> str:
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:28] or "class"
    title, number = base, 2
    while title in used:
        title = f"{base}~{number}"
        number += 1
    used.add(title)
    return title


def title(sheet: Worksheet, text: str) -> None:
    """The sheet's first row, in the title font."""
    sheet.append([text])
    sheet["A1"].font = TITLE_FONT


def heading(sheet: Worksheet, text: str) -> None:
    """A bold line starting a section of a text sheet."""
    sheet.append([text])
    sheet[sheet.max_row][0].font = BOLD


def grid_look(sheet: Worksheet, header_row: int = 1, first_width: int = 8, width: int = 16) -> None:
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
