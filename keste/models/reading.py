"""Read a school from .xlsx or .json, and write it back: the one entry point for school files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from keste.models import jsonio, workbook
from keste.models.problems import InputError, Problems
from keste.models.school import LoadRow, School
from keste.models.sheets import SHEET_BY_KEY, normalise_header
from keste.models.tables import build_school
from keste.models.validation import validate_school


def read_school(path: Path | str) -> tuple[School | None, Problems]:
    """The school and every problem found; the school is None when the file cannot be read."""
    path = Path(path)
    problems = Problems()
    if path.suffix.lower() == ".json":
        tables = jsonio.read_tables(path, problems)
    else:
        tables = workbook.read_tables(path, problems)
    if tables is None:
        return None, problems
    school = build_school(tables, problems)
    validate_school(school, problems)
    return school, problems


def load_school(path: Path | str) -> School:
    """The school, or InputError carrying every problem when any is an error."""
    school, problems = read_school(path)
    if school is None or problems.has_errors():
        raise InputError(problems)
    return school


def read_load(
    path: Path | str, school: School, check: bool = True
) -> tuple[list[LoadRow] | None, Problems]:
    """The Load sheet of another workbook (e.g. `keste allocate`'s), checked against the school
    (unless check is False: last year's load may name teachers and classes gone since)."""
    path = Path(path)
    problems = Problems()
    names = SHEET_BY_KEY["Load"].names()
    tables = workbook.read_tables(path, problems, lambda title: normalise_header(title) in names)
    if tables is None:
        return None, problems
    if not tables:
        problems.error("expected a sheet 'Load' (Жүктеме / Нагрузка)", sheet=str(path))
        return None, problems
    found = Problems()
    loaded = build_school(tables, found)
    if check:
        validate_school(replace(school, load=loaded.load), found)
    problems.extend(p for p in found if p.sheet == tables[0].name)
    return loaded.load, problems


def write_school(school: School, path: Path | str, lang: str = "en") -> None:
    path = Path(path)
    if path.suffix.lower() == ".json":
        jsonio.write_school(school, path)
    else:
        workbook.write_school(school, path, lang)


def write_imported_school(school: School, report, path: Path | str, lang: str = "en") -> None:
    """An imported school's workbook, with the import report as its last sheet (keste's reader
    ignores that sheet with a note)."""
    book = workbook.school_workbook(school, lang)
    sheet = book.create_sheet("Import")
    sheet.append(["source", report.source])
    sheet.append(["activities read", report.activities])
    sheet.append(["Activities rows", report.rows])
    sheet.append([])
    sheet.append(["constraint", "mapped", "approximated", "not mapped"])
    for kind in sorted(set(report.mapped) | set(report.approximated) | set(report.unmapped)):
        counts = (report.mapped[kind], report.approximated[kind], report.unmapped[kind])
        sheet.append([kind, *counts])
    sheet.append([])
    for note in report.notes:
        sheet.append([note])
    workbook.save_atomically(book, Path(path))
