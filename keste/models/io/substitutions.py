"""Substitutions (замена): who covers each lesson of an absent teacher on a date, the printable
sheet for the day, and the history file of past substitutions (CSV, one row per lesson).
"""

from __future__ import annotations

import csv
from dataclasses import asdict, fields
from pathlib import Path

from openpyxl import Workbook

from keste.models.io.files import atomic_path
from keste.models.io.labels import label
from keste.models.io.styling import BOLD, TITLE_FONT, print_setup, style_table
from keste.models.io.workbook import save_atomically
from keste.models.substitution import Substitution
from keste.models.values import DAY_LABELS, format_time

HISTORY_FIELDS = tuple(f.name for f in fields(Substitution))


def read_history(path: Path) -> list[Substitution]:
    """Past substitutions; an absent file is an empty history. A file keste cannot read
    raises ValueError with what was expected."""
    if not path.exists():
        return []
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (UnicodeDecodeError, csv.Error):
        raise ValueError(
            f"{path}: expected the substitution history (a CSV keste writes)"
        ) from None
    history = []
    for number, row in enumerate(rows, start=2):
        try:
            history.append(_from_row(row))
        except (ValueError, TypeError):
            raise ValueError(
                f"{path} row {number}: expected whole numbers in period, start and end"
            ) from None
    return history


# A spreadsheet runs a CSV cell that starts like a formula; a leading ' keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _neutral(value: object) -> object:
    """Text a spreadsheet would run as a formula, kept as text (and read back unchanged)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _restored(value: str | None) -> str | None:
    return value[1:] if value and value.startswith("'") else value


def _from_row(row: dict[str, str]) -> Substitution:
    values: dict[str, object] = {key: (_restored(row.get(key)) or None) for key in HISTORY_FIELDS}
    for key in ("period", "start", "end"):
        values[key] = int(values[key] or 0)
    return Substitution(**values)  # type: ignore[arg-type]


def write_history(path: Path, history: list[Substitution]) -> None:
    """The whole history, written atomically (a run for a date already recorded replaces it)."""
    with atomic_path(path) as temporary, temporary.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=HISTORY_FIELDS)
        writer.writeheader()
        for item in history:
            writer.writerow({key: _neutral(value) for key, value in asdict(item).items()})


def write_substitutions(
    school_name: str, substitutions: list[Substitution], path: Path, lang: str
) -> None:
    """One printable sheet per date: period, time, class, subject, absent, who covers, room."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for date in sorted({s.date for s in substitutions}):
        day = [s for s in substitutions if s.date == date]
        sheet = workbook.create_sheet(date)
        weekday = DAY_LABELS[lang][day[0].day]
        sheet.append([f"{school_name}: {label('substitutions', lang)} {date} ({weekday})"])
        sheet["A1"].font = TITLE_FONT
        columns = ("period", "time", "class", "group", "subject", "absent", "substitute")
        sheet.append([label(k, lang) for k in (*columns, "how", "room")])
        for item in sorted(day, key=lambda s: (s.start, s.classes)):
            sheet.append(
                [
                    item.period,
                    f"{format_time(item.start)}-{format_time(item.end)}",
                    item.classes,
                    item.group,
                    item.subject,
                    item.absent,
                    item.substitute,
                    label(f"cover_{item.kind}", lang)
                    + (f": {item.merged_with}" if item.merged_with else ""),
                    item.room,
                ]
            )
        style_table(sheet, header_row=2)
        sheet.append([])
        covered = sum(1 for s in day if s.covered)
        sheet.append([f"{label('covered', lang)}: {covered} / {len(day)}"])
        sheet[sheet.max_row][0].font = BOLD
        print_setup(sheet, repeat_rows="2:2")
    if not workbook.sheetnames:
        workbook.create_sheet(label("substitutions", lang)).append(
            [label("nothing_to_cover", lang)]
        )
    save_atomically(workbook, path)
