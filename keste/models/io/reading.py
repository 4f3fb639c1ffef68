"""Read a school from .xlsx or .json, and write it back: the one entry point for school files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from keste.models.input_checks import validate_school
from keste.models.io import jsonio, workbook
from keste.models.io.schema import SHEET_ATTRIBUTE, SHEET_BY_KEY, normalise_header
from keste.models.io.tables import build_school
from keste.models.problems import InputError, Problems
from keste.models.school import ElectiveGroup, LoadRow, School


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
    return _read_sheet_of(path, school, "Load", check)


def read_electives(
    path: Path | str, school: School, required: bool = True
) -> tuple[list[ElectiveGroup] | None, Problems]:
    """The Electives sheet of another workbook (`keste groups`' or a timetable's: groups formed
    from choices, with their members), checked against the school. Without required, a
    workbook with no such sheet gives None and no problem."""
    return _read_sheet_of(path, school, "Electives", True, required)


def _read_sheet_of(
    path: Path | str, school: School, key: str, check: bool, required: bool = True
) -> tuple[list | None, Problems]:
    path = Path(path)
    problems = Problems()
    spec = SHEET_BY_KEY[key]
    names = spec.names()
    tables = workbook.read_tables(path, problems, lambda title: normalise_header(title) in names)
    if tables is None:
        return None, problems
    if not tables:
        if required:
            problems.error(f"expected a sheet '{key}' ({spec.kk} / {spec.ru})", sheet=str(path))
        return None, problems
    found = Problems()
    loaded = build_school(tables, found)
    attribute = SHEET_ATTRIBUTE[key]
    records = getattr(loaded, attribute)
    if check:
        validate_school(replace(school, **{attribute: records}), found)
    problems.extend(p for p in found if p.sheet == tables[0].name)
    return records, problems


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


EXAMPLE_SCHOOL = Path(__file__).with_name("example_school.json")


def example_school() -> School:
    """The small example school of `keste template --example` (the bundled small sample,
    written by data/samples/build.py)."""
    return load_school(EXAMPLE_SCHOOL)
