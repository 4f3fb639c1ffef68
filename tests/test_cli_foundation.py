"""`keste template` and `keste check` from the command line."""

import pytest

from keste.models.io.reading import read_school
from tests.conftest import SAMPLES_DIR, digest, run


@pytest.mark.parametrize("name", ["small", "medium", "large", "nis"])
def test_samples_pass_check(name, runner):
    path = SAMPLES_DIR / f"{name}.xlsx"
    before = digest(path)
    result = run(runner, "check", path)
    assert result.exit_code == 0, result.output
    assert "is usable" in result.output
    assert digest(path) == before


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_template_has_every_sheet_and_reads_back(lang, tmp_path, runner):
    path = tmp_path / "t.xlsx"
    result = run(runner, "template", path, "--lang", lang)
    assert result.exit_code == 0, result.output
    school, problems = read_school(path)
    assert school is not None
    # An empty template only lacks rows; its headers are all recognised.
    lacking = ("header but no rows", "expected the lessons")
    assert all(any(text in p.expected for text in lacking) for p in problems.errors)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    assert len(workbook.sheetnames) == 15  # instructions + 14 sheets
    validations = [v for s in workbook.worksheets for v in s.data_validations.dataValidation]
    assert any("," in (v.formula1 or "") for v in validations)


def test_template_example_is_a_usable_school(tmp_path, runner):
    path = tmp_path / "example.xlsx"
    assert run(runner, "template", path, "--example", "--lang", "kk").exit_code == 0
    result = run(runner, "check", path)
    assert result.exit_code == 0, result.output


def test_template_never_overwrites_without_force(tmp_path, runner):
    path = tmp_path / "mine.xlsx"
    path.write_bytes(b"precious")
    result = run(runner, "template", path)
    assert result.exit_code == 2
    assert path.read_bytes() == b"precious"


def test_check_summarises_the_school(runner):
    result = run(runner, "check", SAMPLES_DIR / "large.xlsx")
    text = " ".join(result.output.split())
    assert "shift1" in text and "shift2" in text
    assert "Rooms by type" in text and "gym" in text
