"""The school workbook's sheets and columns: names in en/kk/ru, parsers, and the records they build.

One table drives everything that touches the format: the xlsx and JSON readers and writers, the
template, and the instruction sheet. See FORMAT.md for the contract.
"""

from keste.models.io.schema.bells import bells_rows, group_bells
from keste.models.io.schema.columns import Column, RecordBuilder, SheetSpec, normalise_header
from keste.models.io.schema.parsers import (
    DOUBLE,
    LEVEL,
    YES_NO,
    Parser,
    format_wishes,
    localise_cell,
    parse_selector,
    parse_window,
    parse_wishes,
)
from keste.models.io.schema.registry import (
    SHEET_ATTRIBUTE,
    SHEET_BY_KEY,
    SHEETS,
    sheet_records,
)
from keste.models.io.schema.settings import (
    SCHOOL_SHEET,
    SETTING_KEYS,
    build_settings,
    format_grade_map,
    settings_rows,
)

__all__ = [
    "DOUBLE",
    "LEVEL",
    "SCHOOL_SHEET",
    "SETTING_KEYS",
    "SHEETS",
    "SHEET_ATTRIBUTE",
    "SHEET_BY_KEY",
    "YES_NO",
    "Column",
    "Parser",
    "RecordBuilder",
    "SheetSpec",
    "bells_rows",
    "build_settings",
    "format_grade_map",
    "format_wishes",
    "group_bells",
    "localise_cell",
    "normalise_header",
    "parse_selector",
    "parse_window",
    "parse_wishes",
    "settings_rows",
    "sheet_records",
]
