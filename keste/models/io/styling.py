"""Looks shared by every workbook keste writes: bold frozen headers, widths, print setup."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def style_table(sheet: Worksheet, header_row: int = 1, max_width: int = 40) -> None:
    """Bold shaded header, frozen below it, autofilter, widths fitted to the content."""
    for cell in sheet[header_row]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = BOX
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    if sheet.max_row > header_row:
        sheet.auto_filter.ref = (
            f"A{header_row}:{get_column_letter(sheet.max_column)}{sheet.max_row}"
        )
    fit_widths(sheet, max_width)


def fit_widths(sheet: Worksheet, max_width: int = 40, min_width: int = 6) -> None:
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            longest = max(len(line) for line in str(cell.value).split("\n"))
            widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = max(
            min_width, min(max_width, width + 2)
        )


def print_setup(sheet: Worksheet, landscape: bool = True, repeat_rows: str | None = "1:1") -> None:
    """A4, fitted to one page wide, headers repeated on every printed page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    if repeat_rows:
        sheet.print_title_rows = repeat_rows
