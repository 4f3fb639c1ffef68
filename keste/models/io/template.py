"""`keste template`: a school workbook to fill in, with instructions and drop-down lists."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from keste.models.io.schema import (
    DOUBLE,
    LEVEL,
    SCHOOL_SHEET,
    SETTING_KEYS,
    SHEETS,
    YES_NO,
    Column,
    SheetSpec,
)
from keste.models.io.styling import BOLD, TITLE_FONT, style_table
from keste.models.io.workbook import save_atomically, school_workbook
from keste.models.school import School
from keste.models.values import DAY_LABELS

TEMPLATE_ROWS = 300  # rows prepared with drop-downs and text format
LANGUAGE_VALUES = ("kk", "ru", "en")
# Columns Excel would turn into dates (5-11, 1-2) or numbers: kept as text.
TEXT_COLUMNS = {
    ("Teachers", "grades"),
    ("Teachers", "unavailable"),
    ("Teachers", "subjects"),
    ("Meals", "classes"),
    ("Meals", "window"),
    ("Electives", "classes"),
    ("Classes", "class"),
    ("Curriculum", "class"),
    ("Load", "class"),
    ("Locks", "class"),
    ("Choices", "class"),
}

INSTRUCTIONS = {
    "en": (
        "keste: school workbook",
        [
            "Fill in one sheet per kind of data. Headers may be in English, Kazakh or Russian.",
            "Required sheets: School, Classes, Subjects, Curriculum, Teachers. The others are "
            "optional: leave them empty or delete them.",
            "Empty optional cells take the default. Hours may be 0.5 (one lesson every other "
            "week).",
            "Days: Mon..Sun, Дс..Жс or Пн..Вс. Times: 08:00. Ranges: 1-4 or 5,7-9.",
            "Check the workbook with:  keste check school.xlsx",
            "Build the timetable with:  keste solve school.xlsx -o timetable.xlsx",
        ],
    ),
    "kk": (
        "keste: мектеп жұмыс кітабы",
        [
            "Әр деректі өз парағына толтырыңыз. Тақырыптар қазақ, орыс немесе ағылшын тілінде "
            "болуы мүмкін.",
            "Міндетті парақтар: Мектеп, Сыныптар, Пәндер, Оқу жоспары, Мұғалімдер. Қалғандары "
            "қосымша: бос қалдыруға немесе жоюға болады.",
            "Бос ұяшықтар әдепкі мәнді алады. Сағат 0.5 болуы мүмкін (екі аптада бір сабақ).",
            "Күндер: Дс..Жс, Пн..Вс немесе Mon..Sun. Уақыт: 08:00. Аралық: 1-4 немесе 5,7-9.",
            "Тексеру:  keste check school.xlsx",
            "Кесте құру:  keste solve school.xlsx -o timetable.xlsx",
        ],
    ),
    "ru": (
        "keste: рабочая книга школы",
        [
            "Заполните по листу на каждый вид данных. Заголовки могут быть на русском, казахском "
            "или английском.",
            "Обязательные листы: Школа, Классы, Предметы, Учебный план, Учителя. Остальные — по "
            "желанию: оставьте пустыми или удалите.",
            "Пустые ячейки принимают значение по умолчанию. Часы могут быть 0.5 (урок раз в две "
            "недели).",
            "Дни: Пн..Вс, Дс..Жс или Mon..Sun. Время: 08:00. Диапазоны: 1-4 или 5,7-9.",
            "Проверка:  keste check school.xlsx",
            "Построить расписание:  keste solve school.xlsx -o timetable.xlsx",
        ],
    ),
}
_HEADINGS = {
    "en": ("Sheet", "Column", "Kazakh", "Russian", "Required", "What to write"),
    "kk": ("Парақ", "Баған", "Қазақша", "Орысша", "Міндетті", "Не жазу керек"),
    "ru": ("Лист", "Столбец", "Казахский", "Русский", "Обязательный", "Что писать"),
}
_INSTRUCTION_SHEET = {"en": "Instructions", "kk": "Нұсқаулық", "ru": "Инструкция"}


def template_workbook(lang: str = "en", school: School | None = None) -> Workbook:
    workbook = school_workbook(school or School(), lang, all_sheets=True)
    _instructions(workbook, lang)
    for spec in (SCHOOL_SHEET, *SHEETS):
        sheet = workbook[spec.label(lang)]
        if spec is SCHOOL_SHEET:
            _describe_settings(sheet, lang)
        else:
            _prepare_inputs(sheet, spec, lang)
        style_table(sheet)
    return workbook


def write_template(path: Path, lang: str = "en", school: School | None = None) -> None:
    save_atomically(template_workbook(lang, school), path)


def _instructions(workbook: Workbook, lang: str) -> None:
    sheet = workbook.create_sheet(_INSTRUCTION_SHEET[lang], 0)
    title, lines = INSTRUCTIONS[lang]
    sheet.append([title])
    sheet["A1"].font = TITLE_FONT
    for line in lines:
        sheet.append([line])
    sheet.append([])
    sheet.append(list(_HEADINGS[lang]))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = BOLD
    yes, no = YES_NO[lang]
    for spec in (SCHOOL_SHEET, *SHEETS):
        for column in spec.columns:
            sheet.append(
                [
                    spec.label(lang),
                    column.key,
                    column.kk,
                    column.ru,
                    yes if column.required else no,
                    column.hint,
                ]
            )
    for letter, width in zip("ABCDEF", (16, 22, 24, 24, 12, 70), strict=True):
        sheet.column_dimensions[letter].width = width


def _describe_settings(sheet: Worksheet, lang: str) -> None:
    """The School sheet lists every setting; unset ones stay empty so defaults apply."""
    present = {sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)}
    for column in SETTING_KEYS:
        if column.key not in present:
            sheet.append([column.key, None])
    sheet.cell(row=1, column=3, value=SCHOOL_SHEET.columns[2].label(lang))
    hints = {column.key: column.hint for column in SETTING_KEYS}
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=3, value=hints.get(sheet.cell(row=row, column=1).value))


def _prepare_inputs(sheet: Worksheet, spec: SheetSpec, lang: str) -> None:
    last = max(TEMPLATE_ROWS, sheet.max_row + 50)
    for index, column in enumerate(spec.columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        cells = f"{letter}2:{letter}{last}"
        choices = _choices(spec, column, lang)
        if choices:
            validation = DataValidation(
                type="list", formula1=f'"{",".join(choices)}"', allow_blank=True
            )
            validation.error = f"Choose one of: {', '.join(choices)}"
            validation.errorStyle = "warning"
            sheet.add_data_validation(validation)
            validation.add(cells)
        if (spec.key, column.key) in TEXT_COLUMNS:
            for row in range(2, last + 1):
                sheet.cell(row=row, column=index).number_format = "@"


def _choices(spec: SheetSpec, column: Column, lang: str) -> tuple[str, ...]:
    if column.key in {"split"}:
        return YES_NO[lang]
    if column.key == "day":
        return tuple(DAY_LABELS[lang][day] for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat"))
    if column.key == "language":
        return LANGUAGE_VALUES
    if column.key == "double":
        return DOUBLE[lang]
    if column.key == "level":
        return LEVEL[lang]
    return ()
