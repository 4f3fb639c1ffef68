"""Shared fixtures: sample paths, tiny workbooks written from plain rows, and a CLI runner."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from benchmarks.schools.general import SAMPLES, make_school
from keste.cli.app import app
from keste.models.io.jsonio import school_json

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared"


def write_rows(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A workbook with one sheet per entry; each entry is a list of rows (first row: header)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def sheets_of_small_school() -> dict[str, list[list]]:
    """The small example school as plain rows per sheet, ready to break in a test."""
    data = school_json(make_school(SAMPLES["small"]))
    sheets: dict[str, list[list]] = {"School": [["key", "value"]]}
    sheets["School"] += [[key, value] for key, value in data.pop("School").items()]
    for name, rows in data.items():
        header: list[str] = []
        for row in rows:
            header.extend(k for k in row if k not in header)
        sheets[name] = [header] + [[row.get(k) for k in header] for row in rows]
    return sheets


def formula_cells(path) -> list[str]:
    """The cells of a workbook that hold a formula (keste never writes one)."""
    book = load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def small_sheets() -> dict[str, list[list]]:
    return sheets_of_small_school()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def cover_monday(runner: CliRunner, timetable, school, output, history):
    """`keste substitute` for teacher T001 away on Monday 2026-11-23, as the hostile-input tests
    run it on whatever timetable and school they are given."""
    return run(
        runner, "substitute", timetable, "--school", school, "--absent", "T001",
        "--date", "2026-11-23", "-o", output, "--history", history,
    )  # fmt: skip
