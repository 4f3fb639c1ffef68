"""Hostile and broken timetables, the second input of `validate`, `substitute` and `solve --from`:
a real timetable of the small sample with one cell of its Lessons sheet at a time given the
corpus's hostile values (tests/hostile_inputs.py), and with its Lessons sheet missing, empty,
moved down or doubled. Never a traceback; `validate` exits 0, 3 (the cell named) or 4 (a rule
broken, in words); no command changes its inputs or writes anything when it refuses them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.conftest import SAMPLES_DIR, cover_monday, digest, run
from tests.hostile_inputs import VALUES

SCHOOL = SAMPLES_DIR / "small.xlsx"


@pytest.fixture(scope="module")
def timetable(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("timetable") / "timetable.xlsx"
    solved = run(
        CliRunner(),
        "solve",
        SCHOOL,
        "-o",
        path,
        "--time-limit",
        "5",
        "--workers",
        "2",
        "--lang",
        "en",
    )
    assert solved.exit_code == 0, solved.output[-800:]
    return path


def _spoilt(timetable: Path, folder: Path) -> list[tuple[str, Path]]:
    """(what was done, the file): one Lessons cell at a time, then the whole sheet."""
    files = []

    def save(label: str, book) -> None:
        path = folder / f"timetable-{len(files):03d}.xlsx"
        book.save(path)
        files.append((label, path))

    book = load_workbook(timetable)
    lessons = book["Lessons"]
    for cell in lessons[2]:
        kept = cell.value
        for value in VALUES:
            cell.value = value
            save(f"Lessons {lessons.cell(row=1, column=cell.column).value} = "
                 f"{str(value)[:30]!r}", book)  # fmt: skip
        cell.value = kept
    for label, spoil in _SHEET_SPOILERS.items():
        book = load_workbook(timetable)
        spoil(book)
        save(label, book)
    return files


def _doubled(book) -> None:
    sheet = book["Lessons"]
    for row in list(sheet.iter_rows(min_row=2, values_only=True)):
        sheet.append(row)


_SHEET_SPOILERS = {
    "no Lessons sheet": lambda book: book.remove(book["Lessons"]),
    "Lessons with a header only": lambda book: book["Lessons"].delete_rows(
        2, book["Lessons"].max_row
    ),
    "Lessons with its header on row 26": lambda book: book["Lessons"].insert_rows(1, 25),
    "Lessons with every row twice": _doubled,
}


def test_hostile_timetables_give_messages_never_tracebacks(timetable, tmp_path, runner):
    spoilt = _spoilt(timetable, tmp_path)
    assert len(spoilt) >= 150
    school_before = digest(SCHOOL)
    verdicts = {}
    for label, path in spoilt:
        before = digest(path)
        checked = run(runner, "validate", SCHOOL, path)  # an exception fails the test
        assert checked.exit_code in (0, 3, 4), (label, checked.output[-800:])
        if checked.exit_code == 3:
            assert "Lessons" in checked.output, (label, checked.output[-800:])
        if label.endswith("header on row 26"):
            assert "in the first 20 rows" in checked.output, checked.output[-800:]
        assert digest(path) == before, label
        verdicts[label] = checked.exit_code
    assert set(verdicts.values()) >= {3, 4}  # some refused as input, some judged as timetables
    for label, path in spoilt[::30]:
        _through_substitute_and_resolve(runner, tmp_path, label, path, verdicts[label])
    doubled = next(path for label, path in spoilt if label.endswith("every row twice"))
    covered = cover_monday(
        runner, doubled, SCHOOL, tmp_path / "doubled-out.xlsx", tmp_path / "doubled.csv"
    )
    assert verdicts["Lessons with every row twice"] == 4  # a timetable in use that breaks rules
    assert covered.exit_code == 0 and "already breaks" in covered.output, covered.output[-800:]
    assert digest(SCHOOL) == school_before


def _through_substitute_and_resolve(runner, tmp_path, label, path, verdict) -> None:
    before = digest(path)
    out = tmp_path / f"{path.stem}-out.xlsx"
    history = tmp_path / f"{path.stem}.csv"
    covered = cover_monday(runner, path, SCHOOL, out, history)
    assert covered.exit_code in (0, 2, 3), (label, covered.output[-800:])  # 4: keste broke a rule
    if covered.exit_code == 3:
        assert not out.exists() and not history.exists(), label
    resolved = run(
        runner, "solve", SCHOOL, "--from", path, "-o", out.with_suffix(".tt.xlsx"),
        "--time-limit", "2", "--workers", "2",
    )  # fmt: skip
    assert resolved.exit_code in (0, 1, 3, 4, 5), (label, resolved.output[-800:])
    if verdict == 3:  # what validate refuses as input, solve --from refuses too
        assert resolved.exit_code == 3, (label, resolved.output[-800:])
    assert digest(path) == before, label
