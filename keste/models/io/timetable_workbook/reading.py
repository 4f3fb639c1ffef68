"""Reading a timetable back: the Lessons and Meals sheets, from keste's output or a hand-edited
copy, in any of the three languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from keste.models.bells import schedules
from keste.models.io.labels import aliases
from keste.models.io.schema import Column, SheetSpec, normalise_header
from keste.models.io.tables import RawTable, has_header, match_columns, parse_value
from keste.models.io.workbook import read_tables
from keste.models.problems import Problems
from keste.models.school import School
from keste.models.timetable import LessonRow, MealRow, Timetable
from keste.models.values import clean_text, parse_day, parse_int, parse_name_list, parse_time


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


def _spec(key: str, columns: tuple[Column, ...], required: bool) -> SheetSpec:
    """A sheet whose rows are read as plain values, named as the output workbook names it."""
    return SheetSpec(key, *aliases(key)[1:], columns, required, lambda v, s, p: v, lambda r: r)


# The columns a Lessons and a Meals row both start with.
_WHEN = (
    _column("day", parse_day, True),
    _column("period", lambda v: parse_int(v, low=1), True),
    _column("start", parse_time),
    _column("end", parse_time),
    _column("class", clean_text, True),
)
LESSONS_SPEC = _spec(
    "Lessons",
    (
        *_WHEN,
        _column("group", _group),
        _column("subject", clean_text, True),
        _column("teacher", parse_name_list),
        _column("room", clean_text),
        _column("block", clean_text),
        _column("week", _week),
    ),
    True,
)
MEALS_SPEC = _spec("Meals", (*_WHEN, _column("meal", clean_text, True)), False)


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
    if table is None or not has_header(table, problems):
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
