"""The school as JSON with the workbook's structure: {"School": {key: value}, "Classes": [rows]...}.

Sheet and column names may be given in any of the workbook's languages; values go through the same
parsers as spreadsheet cells, so JSON and xlsx accept and reject exactly the same things.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from keste.models.io.files import atomic_path
from keste.models.io.schema import SHEETS, settings_rows, sheet_records
from keste.models.io.tables import RawCell, RawRow, RawTable
from keste.models.io.workbook import MAX_ROWS
from keste.models.problems import Problems
from keste.models.school import School


def read_tables(path: Path, problems: Problems) -> list[RawTable] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
    except FileNotFoundError:
        problems.error("expected an existing file; there is none at this path", sheet=str(path))
        return None
    except UnicodeDecodeError:
        problems.error("expected a UTF-8 JSON file", sheet=str(path))
        return None
    except json.JSONDecodeError as error:
        problems.error(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
            sheet=str(path),
        )
        return None
    except RecursionError:
        problems.error("expected sheets of rows, not values nested thousands deep", sheet=str(path))
        return None
    except ValueError as error:  # a number of thousands of digits
        problems.error(f"expected numbers a school can have: {error}", sheet=str(path))
        return None
    if not isinstance(data, dict):
        problems.error("expected a JSON object with one entry per sheet", sheet=str(path))
        return None
    tables = []
    for name, content in data.items():
        table = _table(str(name), content, problems)
        if table is not None:
            tables.append(table)
    return tables


def _no_constant(name: str) -> Any:
    """JSON's Infinity, -Infinity and NaN are no number a school has."""
    raise ValueError(f"{name} is not a number keste accepts")


def _table(name: str, content: Any, problems: Problems) -> RawTable | None:
    if isinstance(content, dict):  # settings as a mapping
        content = [{"key": key, "value": value} for key, value in content.items()]
    if not isinstance(content, list) or not all(isinstance(row, dict) for row in content):
        problems.error("expected a list of rows (objects)", sheet=name)
        return None
    if len(content) > MAX_ROWS:
        problems.error(
            f"the sheet has {len(content):,} rows; keste reads at most {MAX_ROWS:,} rows per sheet",
            sheet=name,
        )
        return None
    headers: list[str] = []
    for row in content:
        headers.extend(key for key in row if key not in headers)
    table = RawTable(name, headers=[(header, None) for header in headers])
    for number, row in enumerate(content, start=1):
        cells = {
            headers.index(key): RawCell(value)
            for key, value in row.items()
            if value is not None and value != ""
        }
        if cells:
            table.rows.append(RawRow(number, cells))
    return table


def school_json(school: School) -> dict[str, Any]:
    data: dict[str, Any] = {"School": dict(settings_rows(school.settings))}
    records = sheet_records(school)
    for spec in SHEETS:
        rows = records[spec.key]
        if not rows and not spec.required:
            continue
        data[spec.key] = [
            {
                column.key: value
                for column in spec.columns
                if (value := spec.unbuild(record).get(column.key)) is not None
            }
            for record in rows
        ]
    return data


def write_school(school: School, path: Path) -> None:
    text = json.dumps(school_json(school), ensure_ascii=False, indent=1)
    with atomic_path(path) as temporary:
        temporary.write_text(text + "\n", encoding="utf-8")
