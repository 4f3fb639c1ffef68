"""A corpus of broken school workbooks: each gives a precise problem, never a traceback, and the
file is never modified."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from keste.models.io.reading import read_school
from tests.conftest import digest, run, sheets_of_small_school, write_rows

Sheets = dict[str, list[list]]


@dataclass
class Case:
    make: Callable[[Path], Path]
    expected: str  # part of the message
    severity: str = "error"
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    value: object = None
    usable: bool = False  # a warning-only case still passes `keste check`


def edited(change: Callable[[Sheets], None], name: str = "school.xlsx") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        sheets = sheets_of_small_school()
        change(sheets)
        return write_rows(folder / name, sheets)

    return make


def raw_file(content: bytes, name: str = "school.xlsx") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


def cell(sheets: Sheets, sheet: str, column: str, row: int, value: object) -> None:
    """Set a value by header name; row 2 is the first data row, as in Excel."""
    header = sheets[sheet][0]
    sheets[sheet][row - 1][header.index(column)] = value


def row_where(sheets: Sheets, sheet: str, column: str, value: object) -> int:
    """The Excel row number of the first data row whose column holds value."""
    index = sheets[sheet][0].index(column)
    return next(n for n, row in enumerate(sheets[sheet], start=1) if row[index] == value)


def merged_header(folder: Path) -> Path:
    path = edited(lambda s: None)(folder)
    workbook = load_workbook(path)
    workbook["Classes"].merge_cells("A1:B1")
    workbook.save(path)
    return path


def huge_sheet(folder: Path) -> Path:
    def grow(sheets: Sheets) -> None:
        template = sheets["Classes"][1]
        sheets["Classes"] += [[f"X{i}", *template[1:]] for i in range(10_050)]

    return edited(grow)(folder)


def kazakh_headers_with_error(folder: Path) -> Path:
    """Kazakh sheet and column names are read; the error message still points at the cell."""
    path = edited(lambda s: cell(s, "Classes", "students", 3, "жиырма"))(folder)
    workbook = load_workbook(path)
    workbook["Classes"].title = "Сыныптар"
    sheet = workbook["Сыныптар"]
    for column, name in zip("ABC", ("Сынып", "Параллель", "Оқушылар"), strict=True):
        sheet[f"{column}1"] = name
    workbook.save(path)
    return path


def without(sheet: str) -> Callable[[Sheets], None]:
    return lambda sheets: sheets.pop(sheet)


def add_sheet(name: str, rows: list[list]) -> Callable[[Sheets], None]:
    return lambda sheets: sheets.__setitem__(name, rows)


def set_setting(key: str, value: object) -> Callable[[Sheets], None]:
    def change(sheets: Sheets) -> None:
        for row in sheets["School"][1:]:
            if row[0] == key:
                row[1] = value
                return
        sheets["School"].append([key, value])

    return change


def both(*changes: Callable[[Sheets], None]) -> Callable[[Sheets], None]:
    def change(sheets: Sheets) -> None:
        for one in changes:
            one(sheets)

    return change


CASES: dict[str, Case] = {
    "not an xlsx file": Case(raw_file(b"class,grade\n5A,5\n"), "not an Excel .xlsx workbook"),
    "empty file": Case(raw_file(b""), "the file is empty"),
    "corrupt zip": Case(raw_file(b"PK\x03\x04" + b"\x00garbage" * 20), "damaged"),
    "password protected": Case(
        raw_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "password-protected"
    ),
    "old xls": Case(
        raw_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "school.xls"), "old .xls"
    ),
    "bad json": Case(
        raw_file(b'{"Classes": [ {"class": "5A",, } ]}', "school.json"), "not valid JSON"
    ),
    "empty required sheet": Case(
        edited(add_sheet("Classes", [])),
        "the sheet is empty: expected a header row with class",
        sheet="Classes",
    ),
    "missing required sheet": Case(
        edited(without("Teachers")), "expected a sheet 'Teachers'", sheet="Teachers"
    ),
    "merged header cells": Case(
        merged_header, "merged cells A1:B1 in the header row", sheet="Classes", cell="A1:B1"
    ),
    "huge sheet": Case(huge_sheet, "more than 10,000 rows", sheet="Classes"),
    "missing required column": Case(
        edited(lambda s: s["Classes"][0].__setitem__(1, "year of study")),
        "expected a column 'grade'",
        sheet="Classes",
    ),
    "text where a number belongs": Case(
        edited(lambda s: cell(s, "Classes", "students", 3, "twenty")),
        "expected a whole number",
        sheet="Classes",
        row=3,
        column="students",
        cell="C3",
        value="twenty",
    ),
    "kazakh headers, bad number": Case(
        kazakh_headers_with_error,
        "expected a whole number",
        sheet="Сыныптар",
        row=3,
        column="students",
        cell="C3",
        value="жиырма",
    ),
    "negative hours": Case(
        edited(lambda s: cell(s, "Curriculum", "hours", 4, -2)),
        "0 or more, in steps of 0.5",
        sheet="Curriculum",
        row=4,
        column="hours",
        value=-2,
    ),
    "unknown curriculum subject": Case(
        edited(lambda s: cell(s, "Curriculum", "subject", 5, "astrology")),
        "expected a subject listed on the Subjects sheet",
        sheet="Curriculum",
        row=5,
        column="subject",
        value="astrology",
    ),
    "load teacher missing": Case(
        edited(lambda s: cell(s, "Load", "teacher", 6, "T999")),
        "expected a teacher listed on the Teachers sheet",
        sheet="Load",
        row=6,
        column="teacher",
        value="T999",
    ),
    "lock on a missing class": Case(
        edited(
            add_sheet("Locks", [["class", "subject", "day", "period"], ["12Z", "math", "Mon", 1]])
        ),
        "expected a class listed on the Classes sheet",
        sheet="Locks",
        row=2,
        column="class",
        value="12Z",
    ),
    "lock with an unknown day": Case(
        edited(
            add_sheet("Locks", [["class", "subject", "day", "period"], ["5А", "math", "Funday", 1]])
        ),
        "expected a day such as Mon",
        sheet="Locks",
        row=2,
        column="day",
        value="Funday",
    ),
    "duplicate class": Case(
        edited(lambda s: cell(s, "Classes", "class", 4, s["Classes"][1][0])),
        "it is already on row 2",
        sheet="Classes",
        row=4,
        column="class",
    ),
    "lesson length without bells": Case(
        edited(set_setting("lesson_minutes", 50)),
        "expected lesson_minutes of 40, 45 or 60",
        sheet="School",
        column="lesson_minutes",
        value=50,
    ),
    "overlapping bells": Case(
        edited(
            add_sheet(
                "Bells",
                [
                    ["bells", "period", "start", "end"],
                    ["main", 1, "08:00", "08:45"],
                    ["main", 2, "08:40", "09:25"],
                ],
            )
        ),
        "the bells overlap",
        sheet="Bells",
        row=3,
        column="start",
        value="08:40",
    ),
    "bell ends before it starts": Case(
        edited(
            add_sheet("Bells", [["bells", "period", "start", "end"], ["main", 1, "08:45", "08:00"]])
        ),
        "end after it starts",
        sheet="Bells",
        row=2,
        column="end",
    ),
    "grade above the maximum load": Case(
        edited(set_setting("max_weekly_hours", "1-11:20")),
        "above the maximum load of 20",
        severity="warning",
        sheet="Classes",
        column="class",
        usable=True,
    ),
    "subject does not fit the week": Case(
        edited(
            lambda s: cell(
                s, "Curriculum", "hours", row_where(s, "Curriculum", "subject", "math"), 8
            )
        ),
        "do not fit 5 days at 1 a day",
        sheet="Curriculum",
        column="hours",
        value=8,
    ),
    "excel turned a range into a date": Case(
        edited(lambda s: cell(s, "Teachers", "grades", 2, dt.datetime(2026, 11, 5))),
        "Excel turned the entry into the date",
        sheet="Teachers",
        row=2,
        column="grades",
        value="05.11.2026",
    ),
    "grade and class on one curriculum row": Case(
        edited(
            lambda s: (
                s["Curriculum"][0].append("class"),
                [r.append(None) for r in s["Curriculum"][1:]],
                cell(s, "Curriculum", "class", 3, "5А"),
            )
        ),
        "either a grade or a class",
        sheet="Curriculum",
        row=3,
    ),
    "unknown room type": Case(
        edited(add_sheet("Rooms", [["room", "type"], ["101", "classroom"]])),
        "expected a room type that the Rooms sheet has",
        sheet="Subjects",
        column="room_type",
    ),
    "required value missing": Case(
        edited(lambda s: cell(s, "Teachers", "subjects", 3, None)),
        "'subjects' is required",
        sheet="Teachers",
        row=3,
        column="subjects",
    ),
    "split class loaded as a whole": Case(
        edited(lambda s: cell(s, "Load", "group", row_where(s, "Load", "group", 1), None)),
        "give a row for group 1 and one for group 2",
        sheet="Load",
        column="group",
    ),
    "repeated setting": Case(
        edited(lambda s: s["School"].append(["days", "Mon,Tue"])),
        "expected the setting 'days' once",
        sheet="School",
    ),
    "path is a folder": Case(lambda folder: folder, "this is a folder"),
    "a choice at a level without hours": Case(
        edited(
            add_sheet(
                "Choices",
                [["student", "class", "subject", "level"], ["Aruzhan", "11А", "physics", "higher"]],
            )
        ),
        "no hours for physics at higher level in grade 11",
        sheet="Choices",
        row=2,
        column="subject",
        value="physics",
    ),
    "a Load row for a chosen subject": Case(
        edited(
            add_sheet("Choices", [["student", "class", "subject"], ["Aruzhan", "11А", "physics"]])
        ),
        "students of 11А choose physics (the Choices sheet), so it is taught in groups",
        sheet="Load",
        column="subject",
        value="physics",
    ),
    "a student in two classes": Case(
        edited(
            add_sheet(
                "Choices",
                [
                    ["student", "class", "subject"],
                    ["Dana", "11А", "physics"],
                    ["Dana", "10А", "chemistry"],
                ],
            )
        ),
        "student Dana is already in class 11А",
        sheet="Choices",
        row=3,
        column="class",
        value="10А",
    ),
    "a group minimum above the largest group": Case(
        edited(
            both(
                lambda s: s["Subjects"][0].append("min_group"),
                lambda s: [r.append(None) for r in s["Subjects"][1:]],
                lambda s: cell(
                    s, "Subjects", "min_group", row_where(s, "Subjects", "subject", "physics"), 30
                ),
                add_sheet(
                    "Choices", [["student", "class", "subject"], ["Aruzhan", "11А", "physics"]]
                ),
            )
        ),
        "a group of physics needs at least 30 students but may have at most 23",
        sheet="Subjects",
        column="min_group",
        value=30,
    ),
    "a group member who did not choose it": Case(
        edited(
            add_sheet(
                "Electives",
                [
                    ["block", "classes", "hours", "group", "subject", "teacher", "members"],
                    ["E", "11А", 2, "g1", "physics", "T017", "Ghost"],
                ],
            )
        ),
        "expected a student of 11А who chose physics on the Choices sheet",
        sheet="Electives",
        row=2,
        column="members",
        value="Ghost",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_workbook_is_reported_precisely(name, tmp_path):
    case = CASES[name]
    path = case.make(tmp_path)
    before = digest(path) if path.is_file() else None
    _school, problems = read_school(path)
    matches = [p for p in problems if case.expected in p.expected]
    assert matches, f"no problem says {case.expected!r}; got: {[str(p) for p in problems]}"
    problem = matches[0]
    assert problem.severity == case.severity
    for attribute in ("sheet", "row", "column", "cell", "value"):
        wanted = getattr(case, attribute)
        if wanted is not None:
            assert getattr(problem, attribute) == wanted, (attribute, str(problem))
    if before is not None:
        assert digest(path) == before, "the input file was modified"


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_command_exits_cleanly(name, tmp_path, runner):
    case = CASES[name]
    path = case.make(tmp_path)
    result = run(runner, "check", path)
    assert "Traceback" not in result.output
    assert result.exit_code == (0 if case.usable else 3), result.output
    assert case.expected.split(":")[0][:25] in " ".join(result.output.split())


def test_every_problem_is_reported_at_once(tmp_path):
    def three_mistakes(sheets: Sheets) -> None:
        cell(sheets, "Classes", "students", 2, "many")
        cell(sheets, "Curriculum", "subject", 3, "astrology")
        cell(sheets, "Load", "teacher", 4, "T999")

    _, problems = read_school(edited(three_mistakes)(tmp_path))
    found = {(p.sheet, p.row) for p in problems.errors}
    assert {("Classes", 2), ("Curriculum", 3), ("Load", 4)} <= found


def test_numbers_stored_as_text_are_accepted(tmp_path):
    def as_text(sheets: Sheets) -> None:
        for row in sheets["Classes"][1:]:
            row[1], row[2] = str(row[1]), f" {row[2]} "
        for row in sheets["Curriculum"][1:]:
            row[sheets["Curriculum"][0].index("hours")] = str(row[2]).replace(".", ",")

    school, problems = read_school(edited(as_text)(tmp_path))
    assert not problems.has_errors(), [str(p) for p in problems.errors]
    assert all(isinstance(c.students, int) for c in school.classes)


def test_extra_sheets_and_columns_are_noted_not_fatal(tmp_path):
    def extras(sheets: Sheets) -> None:
        sheets["Classes"][0].append("class teacher")
        sheets["My notes"] = [["anything"]]

    school, problems = read_school(edited(extras)(tmp_path))
    assert school is not None and not problems.has_errors()
    notes = [str(p) for p in problems.notes]
    assert any("My notes" in n for n in notes)
    assert any("class teacher" in n for n in notes)


def test_merged_data_cells_fill_the_rows_they_cover(tmp_path):
    path = edited(lambda s: None)(tmp_path)
    workbook = load_workbook(path)
    sheet = workbook["Curriculum"]
    first = sheet["A2"].value
    rows_of_grade = [r for r in range(2, sheet.max_row + 1) if sheet[f"A{r}"].value == first]
    for r in rows_of_grade[1:]:
        sheet[f"A{r}"] = None
    sheet.merge_cells(f"A{rows_of_grade[0]}:A{rows_of_grade[-1]}")
    workbook.save(path)
    school, problems = read_school(path)
    assert not problems.has_errors(), [str(p) for p in problems.errors]
    assert sum(1 for row in school.curriculum if row.grade == first) == len(rows_of_grade)
