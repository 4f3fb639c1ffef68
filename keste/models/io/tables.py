"""Raw tables (sheet name, header, rows of cells) into a School, reporting every problem at once.

Both the xlsx and the JSON readers produce RawTables; everything after that is shared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from keste.models.io.schema import (
    SCHOOL_SHEET,
    SETTING_KEYS,
    SHEET_ATTRIBUTE,
    SHEETS,
    Column,
    SheetSpec,
    build_settings,
    group_bells,
    normalise_header,
)
from keste.models.problems import Problems, Source
from keste.models.school import School
from keste.models.values import clean_text, parse_time


@dataclass
class RawCell:
    value: Any
    cell: str | None = None  # spreadsheet address such as C7; None for JSON


@dataclass
class RawRow:
    number: int
    cells: dict[int, RawCell]  # header position -> cell


@dataclass
class RawTable:
    name: str  # as the user wrote it
    headers: list[tuple[str, str | None]] = field(default_factory=list)  # (header text, cell)
    rows: list[RawRow] = field(default_factory=list)
    spec: SheetSpec | None = None
    beyond: str | None = None  # no header where keste looks, but cells further on: where


INSTRUCTION_SHEETS = {"instructions", "нұсқаулық", "инструкция"}


def match_sheet(name: str) -> SheetSpec | None:
    wanted = normalise_header(name)
    for spec in (SCHOOL_SHEET, *SHEETS):
        if wanted in spec.names():
            return spec
    return None


def match_columns(table: RawTable, problems: Problems) -> dict[int, Column]:
    """Map header positions to columns; report unknown, repeated and missing headers."""
    assert table.spec is not None
    by_name = {name: column for column in table.spec.columns for name in column.names()}
    mapped: dict[int, Column] = {}
    seen: dict[str, str | None] = {}
    for index, (text, cell) in enumerate(table.headers):
        if not clean_text(text):
            continue
        column = by_name.get(normalise_header(text))
        where = {"sheet": table.name, "cell": cell, "value": text}
        if column is None:
            if table.spec.key != "School":
                problems.note("column not used by keste; it is ignored", **where)
            continue
        if column.key in seen:
            first = seen[column.key]
            problems.error(
                f"expected the column '{column.key}' once; "
                f"it is also at {first or 'another column'}",
                **where,
            )
            continue
        seen[column.key] = cell
        mapped[index] = column
    for column in table.spec.columns:
        if column.required and column.key not in seen:
            problems.error(
                f"expected a column '{column.key}' ({column.kk} / {column.ru}) in the header row",
                sheet=table.name,
                row=_header_row(table),
            )
    return mapped


def _header_row(table: RawTable) -> int | None:
    for _, cell in table.headers:
        if cell:
            return int("".join(ch for ch in cell if ch.isdigit()))
    return 1


def parse_value(column: Column, raw: RawCell, sheet: str, row: int, problems: Problems) -> Any:
    """A cell's typed value; None when blank or invalid (problem added)."""
    value = raw.value
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        if column.required:
            problems.error(
                f"expected a value: '{column.key}' is required",
                sheet=sheet,
                row=row,
                column=column.key,
                cell=raw.cell,
            )
        return None
    if isinstance(value, dt.date | dt.time) and column.parse is not parse_time:
        shown = value.strftime("%d.%m.%Y" if isinstance(value, dt.date) else "%H:%M")
        problems.error(
            f"expected {column.hint or 'text'}, but Excel turned the entry into the date or time "
            f"{shown}; format the cell as text (type an apostrophe first, e.g. '5-11) and enter "
            "it again",
            sheet=sheet,
            row=row,
            column=column.key,
            cell=raw.cell,
            value=shown,
        )
        return None
    try:
        return column.parse(value)
    except ValueError as error:
        problems.error(
            str(error), sheet=sheet, row=row, column=column.key, cell=raw.cell, value=raw.value
        )
        return None


def build_school(tables: list[RawTable], problems: Problems) -> School:
    """Turn matched raw tables into a School. Missing required sheets are reported."""
    by_spec: dict[str, RawTable] = {}
    for table in tables:
        spec = match_sheet(table.name)
        if spec is None:
            if normalise_header(table.name) not in INSTRUCTION_SHEETS:
                problems.note("sheet not used by keste; it is ignored", sheet=table.name)
            continue
        if spec.key in by_spec:
            problems.error(
                f"expected one '{spec.key}' sheet; '{by_spec[spec.key].name}' is one too",
                sheet=table.name,
            )
            continue
        table.spec = spec
        by_spec[spec.key] = table
    for spec in (SCHOOL_SHEET, *SHEETS):
        if spec.required and spec.key not in by_spec:
            problems.error(
                f"expected a sheet '{spec.key}' ({spec.kk} / {spec.ru}): {spec.hint}",
                sheet=spec.key,
            )
    school = School()
    if "School" in by_spec:
        school.settings = build_settings(_read_settings(by_spec["School"], problems))
    records: dict[str, list[Any]] = {}
    for spec in SHEETS:
        table = by_spec.get(spec.key)
        records[spec.key] = _read_records(table, problems) if table else []
    for key, name in SHEET_ATTRIBUTE.items():
        setattr(school, name, records[key])
    school.bells = group_bells(records["Bells"], problems)
    return school


def has_header(table: RawTable, problems: Problems) -> bool:
    """Whether a table has a header row; when not, a problem says the sheet is empty or where
    its cells are (past the rows and columns keste searches)."""
    spec = table.spec
    assert spec is not None
    if any(clean_text(text) for text, _ in table.headers):
        return True
    expected = ", ".join(c.key for c in spec.columns if c.required)
    if table.beyond:
        problems.error(
            f"expected a header row with {expected} in the first 20 rows and 60 columns "
            f"(A-BH); the sheet has cells only further on ({table.beyond}): move the table "
            "up and left",
            sheet=table.name,
        )
    elif spec.required:
        problems.error(
            f"the sheet is empty: expected a header row with {expected}", sheet=table.name
        )
    else:
        problems.note("the sheet is empty; it is ignored", sheet=table.name)
    return False


def _read_records(table: RawTable, problems: Problems) -> list[Any]:
    spec = table.spec
    assert spec is not None
    if not has_header(table, problems):
        return []
    positions = match_columns(table, problems)
    if any(c.required and c not in positions.values() for c in spec.columns):
        return []
    records = []
    first_row_of: dict[tuple, int] = {}
    for row in table.rows:
        values: dict[str, Any] = {}
        complete = True
        for position, column in positions.items():
            raw = row.cells.get(position, RawCell(None))
            values[column.key] = parse_value(column, raw, table.name, row.number, problems)
            if column.required and values[column.key] is None:
                complete = False
        if not complete:
            continue
        if spec.unique and _is_duplicate(
            spec, values, row, positions, table.name, first_row_of, problems
        ):
            continue
        record = spec.build(values, Source(table.name, row.number), problems)
        if record is not None:
            records.append(record)
    if not table.rows and spec.required:
        problems.error("the sheet has a header but no rows", sheet=table.name)
    return records


def _is_duplicate(
    spec: SheetSpec,
    values: dict[str, Any],
    row: RawRow,
    positions: dict[int, Column],
    sheet: str,
    first_row_of: dict[tuple, int],
    problems: Problems,
) -> bool:
    key = tuple(_fold(values.get(name)) for name in spec.unique)
    if key in first_row_of:
        shown = ", ".join(f"{n}={values.get(n)}" for n in spec.unique if values.get(n) is not None)
        first = next((i for i, c in positions.items() if c.key == spec.unique[0]), -1)
        problems.error(
            f"expected each {shown} once; it is already on row {first_row_of[key]}",
            sheet=sheet,
            row=row.number,
            column=spec.unique[0],
            cell=row.cells.get(first, RawCell(None)).cell,
        )
        return True
    first_row_of[key] = row.number
    return False


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _read_settings(table: RawTable, problems: Problems) -> dict[str, Any]:
    positions = match_columns(table, problems)
    by_key = {column.key: index for index, column in positions.items()}
    if "key" not in by_key or "value" not in by_key:
        return {}
    key_at, value_at = by_key["key"], by_key["value"]
    keys = {name: column for column in SETTING_KEYS for name in column.names()}
    values: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for row in table.rows:
        key_cell = row.cells.get(key_at, RawCell(None))
        text = clean_text(key_cell.value)
        if not text:
            continue
        column = keys.get(normalise_header(text))
        if column is None:
            problems.note(
                "setting not known to keste; it is ignored",
                sheet=table.name,
                row=row.number,
                cell=key_cell.cell,
                value=text,
            )
            continue
        if column.key in seen:
            problems.error(
                f"expected the setting '{column.key}' once; "
                f"it is already on row {seen[column.key]}",
                sheet=table.name,
                row=row.number,
                cell=key_cell.cell,
                value=text,
            )
            continue
        seen[column.key] = row.number
        raw = row.cells.get(value_at, RawCell(None))
        if clean_text(raw.value) == "":
            continue  # empty value: the default
        values[column.key] = parse_value(column, raw, table.name, row.number, problems)
    return values
