"""The sample schools solve and validate; `keste solve` writes the workbook, stops cleanly on
request, and says why with distinct exit codes."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from keste.models.io.reading import load_school
from keste.models.io.timetable_workbook import read_timetable
from keste.solver.pipeline import solve_school
from keste.solver.timetable.search import SolveOptions
from tests.conftest import SAMPLES_DIR, digest, run, write_rows
from tests.schoolkit import add_class, add_subject, school, solve, teach

SAMPLE_TIME = {"small": 10, "medium": 25, "large": 60}


@pytest.mark.parametrize("name", ["small", "medium", "large"])
def test_sample_solves_with_no_hard_violation(name):
    school_data = load_school(SAMPLES_DIR / f"{name}.xlsx")
    result = solve_school(school_data, SolveOptions(time_limit=SAMPLE_TIME[name], workers=2))
    assert result.solved, result.timetable.info
    assert result.report.ok, [v.message for v in result.report.violations][:10]
    assert result.report.objective == result.timetable.info.objective
    lessons = result.timetable.lessons
    if school_data.rooms:
        assert all(row.room for row in lessons)
    if school_data.meals:
        assert result.timetable.meals


def test_solve_writes_a_printable_workbook(tmp_path, runner):
    source = SAMPLES_DIR / "small.xlsx"
    before = digest(source)
    output = tmp_path / "timetable.xlsx"
    result = run(runner, "solve", source, "-o", output, "--time-limit", "5", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert digest(source) == before
    workbook = load_workbook(output)
    for sheet in ("Report", "Lessons", "School", "5А", "Teachers", "Load"):
        assert sheet in workbook.sheetnames
    assert workbook["Lessons"].freeze_panes == "A2"
    assert workbook["School"].page_setup.orientation == "landscape"
    timetable, problems = read_timetable(output, load_school(source))
    assert timetable.lessons and not problems.has_errors()


def test_solve_refuses_to_overwrite_its_input(tmp_path, runner):
    path = tmp_path / "school.xlsx"
    path.write_bytes((SAMPLES_DIR / "small.xlsx").read_bytes())
    before = digest(path)
    result = run(runner, "solve", path, "-o", path)
    assert result.exit_code == 2
    assert digest(path) == before


def test_solve_bad_input_exit_code(tmp_path, runner):
    path = write_rows(tmp_path / "broken.xlsx", {"Classes": [["class"], ["5A"]]})
    result = run(runner, "solve", path, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 3
    assert not (tmp_path / "out.xlsx").exists()


def test_no_timetable_exit_code(tmp_path, runner):
    s = school(days="Mon", periods=1)
    add_class(s, "7A")
    add_class(s, "7B")
    add_subject(s, "math")
    teach(s, "7A", "math", 1, "T1")
    teach(s, "7B", "math", 1, "T1")  # one teacher, one period, two classes
    from keste.models.io.reading import write_school

    path = tmp_path / "impossible.xlsx"
    write_school(s, path)
    out = tmp_path / "out.xlsx"
    result = run(runner, "solve", path, "-o", out, "--time-limit", "5", "--lang", "en")
    assert result.exit_code == 5, result.output
    assert "Teacher T1 (math) can teach on 1 periods a week" in " ".join(result.output.split())
    assert load_workbook(tmp_path / "out.xlsx").sheetnames == ["Report"]  # only why


def test_stopping_keeps_the_best_timetable_so_far():
    school_data = load_school(SAMPLES_DIR / "medium.xlsx")
    solvers = []

    def stop_when_found(progress) -> None:
        if progress.solutions >= 1 and solvers:
            solvers[0].stop()

    result = solve_school(
        school_data, SolveOptions(time_limit=60, workers=2), stop_when_found, solvers.append
    )
    info = result.timetable.info
    assert info.interrupted and result.solved and result.report.ok
    assert info.wall_time < 55


def test_tiny_school_is_solved_to_optimality():
    s = school(days="Mon,Tue", periods=2)
    add_class(s, "7A")
    add_subject(s, "a")
    teach(s, "7A", "a", 2, "T1")
    s.settings.weights["teacher_gaps"] = 1
    result = solve(s)
    assert result.timetable.info.status == "OPTIMAL"
    assert result.timetable.info.bound == result.timetable.info.objective == 0


def test_ctrl_c_writes_the_best_timetable_so_far(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    output = tmp_path / "timetable.xlsx"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "keste",
            "solve",
            str(SAMPLES_DIR / "medium.xlsx"),
            "-o",
            str(output),
            "--time-limit",
            "120",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    time.sleep(15)  # the medium sample's first timetable comes after about 2 s
    process.send_signal(signal.SIGINT)
    text, _ = process.communicate(timeout=60)
    assert process.returncode == 0, text
    assert "Stopped by Ctrl-C" in " ".join(text.split())
    school_data = load_school(SAMPLES_DIR / "medium.xlsx")
    timetable, _ = read_timetable(output, school_data)
    from keste.solver.verify import validate

    assert validate(school_data, timetable).ok
