"""The school workbook as .xlsx: a defensive reader and a writer that keeps everything.

The reader never raises on a user's file: every problem becomes a Problem with its sheet and cell.
Files are read in openpyxl's read-only mode (fast on huge sheets); merged cells are found in the
sheet XML, since read-only mode does not report them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from keste.models.io.files import atomic_path
from keste.models.io.schema import (
    SCHOOL_SHEET,
    SHEETS,
    SheetSpec,
    localise_cell,
    settings_rows,
    sheet_records,
)
from keste.models.io.tables import RawCell, RawRow, RawTable
from keste.models.problems import Problems
from keste.models.school import School

MAX_ROWS = 10_000
MAX_COLUMNS = 60
HEADER_SEARCH_ROWS = 20
_MERGE_REF = re.compile(rb'<mergeCell[^>]*\sref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
# A cell with a formula and no stored value (written by a program that does not calculate).
_UNCACHED_FORMULA = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_readable(path: Path, problems: Problems) -> bool:
    """Report why a path cannot be read as a workbook at all; True when it looks like one."""
    name = str(path)
    if not path.exists():
        problems.error("expected an existing file; there is none at this path", sheet=name)
        return False
    if path.is_dir():
        problems.error("expected a workbook file, but this is a folder", sheet=name)
        return False
    try:
        head = path.read_bytes()[:8] if path.stat().st_size < 1024 else _head(path)
    except OSError as error:
        problems.error(f"the file cannot be read: {error.strerror}", sheet=name)
        return False
    if not head:
        problems.error("the file is empty (0 bytes); expected an .xlsx workbook", sheet=name)
        return False
    if head.startswith(_OLE_MAGIC):
        problems.error(
            "this is a password-protected workbook or an old .xls file; keste reads .xlsx "
            "without a password: open it in Excel, remove the password (File > Info > Protect "
            "Workbook) or use Save As > Excel Workbook (.xlsx), and try again",
            sheet=name,
        )
        return False
    if not head.startswith(b"PK"):
        problems.error(
            "this is not an Excel .xlsx workbook (nor JSON); save it from Excel as "
            "'Excel Workbook (.xlsx)'",
            sheet=name,
        )
        return False
    unpacked = _unpacked_size(path)
    if unpacked is not None and unpacked > MAX_UNPACKED_BYTES:
        problems.error(
            f"the workbook unpacks to {unpacked // 2**20:,} MB; keste reads workbooks of at most "
            f"{MAX_UNPACKED_BYTES // 2**20} MB unpacked (a whole school is a few MB)",
            sheet=name,
        )
        return False
    return True


MAX_UNPACKED_BYTES = 256 * 2**20


def _unpacked_size(path: Path) -> int | None:
    """What the .xlsx (a zip) says its parts unpack to; None when it is no readable zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(8)


def read_tables(
    path: Path, problems: Problems, wanted: Callable[[str], bool] | None = None
) -> list[RawTable] | None:
    """Every sheet (or those whose name `wanted` accepts) as raw tables; None if unreadable."""
    if not check_readable(path, problems):
        return None
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on broken files
        problems.error(
            f"the workbook is damaged or is not an .xlsx file ({type(error).__name__}: {error}); "
            "open it in Excel and save it again as .xlsx",
            sheet=str(path),
        )
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            return [
                _read_sheet(sheet, archive, problems)
                for sheet in workbook.worksheets
                if wanted is None or wanted(sheet.title)
            ]
    except Exception as error:
        problems.error(
            f"the workbook could not be read to the end ({type(error).__name__}: {error}); "
            "open it in Excel and save it again as .xlsx",
            sheet=str(path),
        )
        return None
    finally:
        workbook.close()


def _read_sheet(sheet: Any, archive: zipfile.ZipFile, problems: Problems) -> RawTable:
    table = RawTable(sheet.title)
    xml = _sheet_xml(sheet, archive)
    merged = [range_boundaries(ref.decode()) for ref in _MERGE_REF.findall(xml)]
    for cell in _UNCACHED_FORMULA.findall(xml)[:20]:
        problems.error(
            "a formula whose value was never calculated (the file was saved by a program that "
            "does not calculate): open the workbook in Excel and save it, or type the value",
            sheet=table.name,
            cell=cell.decode(),
        )
    header_row: int | None = None
    fill: dict[tuple[int, int], Any] = {}
    for row_number, row in enumerate(
        sheet.iter_rows(min_row=1, min_col=1, max_col=MAX_COLUMNS, values_only=True), start=1
    ):
        values = list(row)
        if header_row is None:
            if row_number > HEADER_SEARCH_ROWS:
                break
            if any(_present(v) for v in values):
                header_row = row_number
                _check_header_merges(table, merged, header_row, problems)
                table.headers = [
                    (v, f"{get_column_letter(i + 1)}{row_number}") for i, v in enumerate(values)
                ]
            continue
        values = _fill_merged(values, row_number, merged, fill)
        if not any(_present(v) for v in values):
            continue
        if len(table.rows) >= MAX_ROWS:
            problems.error(
                f"the sheet has more than {MAX_ROWS:,} rows; keste reads at most {MAX_ROWS:,} "
                "rows per sheet. Delete the rows below the table (stray content or formatting)",
                sheet=table.name,
                row=row_number,
            )
            break
        cells = {
            i: RawCell(v, f"{get_column_letter(i + 1)}{row_number}")
            for i, v in enumerate(values[: len(table.headers)])
            if _present(v)
        }
        table.rows.append(RawRow(row_number, cells))
    if header_row is None:
        table.beyond = _cells_beyond(sheet)
    return table


def _cells_beyond(sheet: Any) -> str | None:
    """Where a sheet with nothing in the rows and columns keste searches has cells after all."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows <= HEADER_SEARCH_ROWS and columns <= MAX_COLUMNS:
        return None
    return f"up to row {rows}, column {get_column_letter(max(columns, 1))}"


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _sheet_xml(sheet: Any, archive: zipfile.ZipFile) -> bytes:
    path = getattr(sheet, "_worksheet_path", None)
    if not path or path not in archive.namelist():
        return b""
    return archive.read(path)


def _check_header_merges(
    table: RawTable, merged: list[tuple[int, int, int, int]], header_row: int, problems: Problems
) -> None:
    for min_col, min_row, max_col, max_row in merged:
        if min_row <= header_row <= max_row and max_col > min_col:
            ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
            problems.error(
                f"merged cells {ref} in the header row: expected one header per column; "
                "unmerge them and give each column its own header",
                sheet=table.name,
                cell=ref,
            )


def _fill_merged(
    values: list[Any],
    row_number: int,
    merged: list[tuple[int, int, int, int]],
    fill: dict[tuple[int, int], Any],
) -> list[Any]:
    """A merged block in the data means its value for every cell it covers."""
    for min_col, min_row, max_col, max_row in merged:
        if not min_row <= row_number <= max_row:
            continue
        for col in range(min_col, min(max_col, len(values)) + 1):
            key = (min_row, min_col)
            if row_number == min_row and col == min_col:
                fill[key] = values[col - 1]
            elif values[col - 1] is None and key in fill:
                values[col - 1] = fill[key]
    return values


# ------------------------------------------------------------------------------------ writing


def school_workbook(school: School, lang: str = "en", all_sheets: bool = False) -> Workbook:
    """The school as a workbook with canonical sheets; headers and values in the given language.

    Optional sheets without rows are left out unless all_sheets (the template) asks for them.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheet = workbook.create_sheet(SCHOOL_SHEET.label(lang))
    sheet.append([SCHOOL_SHEET.columns[0].label(lang), SCHOOL_SHEET.columns[1].label(lang)])
    for key, value in settings_rows(school.settings):
        sheet.append([key, value])
    records = sheet_records(school)
    for spec in SHEETS:
        rows = records[spec.key]
        if not rows and not spec.required and not all_sheets:
            continue
        append_table(workbook, spec, rows, lang)
    return workbook


def append_table(workbook: Workbook, spec: SheetSpec, records: list, lang: str) -> Any:
    """A sheet of the school format holding these records, headers in the given language."""
    sheet = workbook.create_sheet(spec.label(lang))
    sheet.append([column.label(lang) for column in spec.columns])
    for record in records:
        cells = spec.unbuild(record)
        sheet.append([localise_cell(c.key, cells.get(c.key), lang) for c in spec.columns])
    return sheet


def save_atomically(workbook: Workbook, path: Path) -> None:
    """Write beside the target, then rename: a crash never leaves half a file. Every cell is
    data: keste writes no formulas, so text that looks like one (a name typed as '=1+1' or
    '=HYPERLINK(...)') is written as text, never as a live formula."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    with atomic_path(path) as temporary:
        workbook.save(temporary)


def write_school(school: School, path: Path, lang: str = "en") -> None:
    save_atomically(school_workbook(school, lang), path)
