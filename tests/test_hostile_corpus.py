"""The hostile corpus (tests/hostile_inputs.py, 649 inputs) through `keste check` in a child
process: never a traceback, exit 0 (usable) or 3 (bad input, with error lines), the file
byte-identical afterwards, and the whole run under 1 GiB of memory; then the inputs the checks
accept through `keste solve`, `validate`, `substitute`, `explain`, `allocate` and `groups`, whose
workbooks have no formula cell and read back (`solve --load` and `--groups` take them), and a
spread of those it refuses through every command that reads a school (each refuses it too, exit
3, writing nothing). No command changes its input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, cover_monday, digest, formula_cells, run

PEAK_MB = 1024


def test_the_corpus_gives_messages_never_tracebacks(tmp_path, runner):
    child = subprocess.run(
        [sys.executable, "-m", "tests.hostile_inputs", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-3000:]  # a traceback ends the child
    found = json.loads(child.stdout)
    results = found["results"]
    assert len(results) >= 150
    assert found["peak_mb"] < PEAK_MB, found["peak_mb"]
    for item in results:
        assert item["exit"] in (0, 3), (item["label"], item["tail"])
        assert item["unchanged"], item["label"]
        assert item["exit"] == 0 or item["error_lines"], (item["label"], item["tail"])
    accepted = [item for item in results if item["exit"] == 0]
    assert accepted and len(accepted) < len(results)
    read_back = [_solve_and_allocate(runner, tmp_path, item) for item in accepted[::10]]
    assert sum(read_back) > 0  # some Load workbooks were written and taken back
    refused = [item for item in results if item["exit"] == 3]
    for item in refused[::25]:  # every command refuses what check refuses, with the same words
        _refused_by_every_command(runner, tmp_path, item)


def _refused_by_every_command(runner, tmp_path, item) -> None:
    label, path = item["label"], item["path"]
    before = digest(Path(path))
    out = tmp_path / "never-written.xlsx"
    timetable = ROOT / "data" / "samples" / "small.xlsx"  # any workbook: the school fails first
    commands = {
        "solve": ["-o", out],
        "explain": [],
        "allocate": ["-o", out],
        "groups": ["-o", out],
        "validate": [timetable],
    }
    checked = run(runner, "check", path).output.splitlines()
    said = next(line for line in checked if line.startswith("error"))  # what check says first
    for command, options in commands.items():
        result = run(runner, command, path, *options)
        assert result.exit_code == 3, (label, command, result.output[-800:])
        assert said in result.output, (label, command, said, result.output[-800:])
        assert not out.exists(), (label, command)
    covered = cover_monday(runner, timetable, path, out, tmp_path / "never-written.csv")
    assert covered.exit_code == 3, (label, "substitute", covered.output[-800:])
    assert said in covered.output, (label, "substitute", said, covered.output[-800:])
    assert not out.exists() and not (tmp_path / "never-written.csv").exists(), label
    assert digest(Path(path)) == before, label


def _solve_and_allocate(runner, tmp_path, item) -> int:
    """A spread of the accepted inputs through every command; how many outputs were read back."""
    label, path = item["label"], item["path"]
    before = digest(Path(path))
    stem = tmp_path / f"{len(list(tmp_path.iterdir()))}"
    solved = run(runner, "solve", path, "-o", f"{stem}-tt.xlsx", "--time-limit", "3")
    assert solved.exit_code in (0, 1, 4, 5), (label, solved.output[-800:])
    if solved.exit_code in (0, 4):
        timetable = f"{stem}-tt.xlsx"
        assert formula_cells(timetable) == [], label
        assert run(runner, "validate", path, timetable).exit_code in (0, 4), label
        covered = cover_monday(runner, timetable, path, f"{stem}-subst.xlsx", f"{stem}.csv")
        assert covered.exit_code in (0, 2, 3, 4), (label, covered.output[-800:])
        if covered.exit_code == 0:
            assert formula_cells(f"{stem}-subst.xlsx") == [], label
    explained = run(runner, "explain", path, "--time-limit", "5")
    assert explained.exit_code in (0, 1, 5), (label, explained.output[-800:])
    read_back = 0
    for command in ("allocate", "groups"):
        out = f"{stem}-{command}.xlsx"
        result = run(runner, command, path, "-o", out)
        assert result.exit_code in (0, 1, 5), (label, command, result.output[-800:])
        if result.exit_code == 0 and Path(out).exists():  # groups writes nothing without choices
            assert formula_cells(out) == [], (label, command)
            _read_back(runner, path, out, command, label)
            read_back += 1
    assert digest(Path(path)) == before, label
    return read_back


def _read_back(runner, path, written, command, label) -> None:
    """A Load or Groups workbook keste wrote is taken by `solve` (it does not stop at reading)."""
    option = "--load" if command == "allocate" else "--groups"
    timetable = f"{written}.tt.xlsx"
    again = run(runner, "solve", path, option, written, "-o", timetable, "--time-limit", "2")
    assert again.exit_code in (0, 1, 4, 5), (label, command, again.output[-800:])
