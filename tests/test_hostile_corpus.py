"""The hostile corpus (tests/hostile_inputs.py, 649 inputs) through `keste check` in a child
process: never a traceback, exit 0 (usable) or 3 (bad input, with error lines), the file
byte-identical afterwards, and the whole run under 1 GiB of memory; then the inputs the checks
accept through `keste solve`, `validate`, `substitute`, `explain`, `allocate` and `groups`, whose
workbooks have no formula cell, and a spread of those it refuses through every command that reads
a school (each refuses it too, exit 3, writing nothing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, formula_cells, run

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
    for item in accepted[::10]:  # a spread of the accepted ones, solved and allocated
        _solve_and_allocate(runner, tmp_path, item)
    refused = [item for item in results if item["exit"] == 3]
    for item in refused[::25]:  # every command refuses what check refuses, with the same words
        _refused_by_every_command(runner, tmp_path, item)


def _refused_by_every_command(runner, tmp_path, item) -> None:
    label, path = item["label"], item["path"]
    out = tmp_path / "never-written.xlsx"
    for command in ("solve", "explain", "allocate", "groups"):
        arguments = [command, path] + ([] if command == "explain" else ["-o", out])
        result = run(runner, *arguments)
        assert result.exit_code == 3, (label, command, result.output[-800:])
        assert "error" in result.output, (label, command)
        assert not out.exists(), (label, command)


def _solve_and_allocate(runner, tmp_path, item) -> None:
    label, path = item["label"], item["path"]
    stem = tmp_path / f"{len(list(tmp_path.iterdir()))}"
    solved = run(runner, "solve", path, "-o", f"{stem}-tt.xlsx", "--time-limit", "3")
    assert solved.exit_code in (0, 1, 4, 5), (label, solved.output[-800:])
    if solved.exit_code in (0, 4):
        timetable = f"{stem}-tt.xlsx"
        assert formula_cells(timetable) == [], label
        assert run(runner, "validate", path, timetable).exit_code in (0, 4), label
        covered = run(
            runner, "substitute", timetable, "--school", path, "--absent", "T001",
            "--date", "2026-11-23", "-o", f"{stem}-subst.xlsx", "--history", f"{stem}.csv",
        )  # fmt: skip
        assert covered.exit_code in (0, 2, 3, 4), (label, covered.output[-800:])
        if covered.exit_code == 0:
            assert formula_cells(f"{stem}-subst.xlsx") == [], label
    explained = run(runner, "explain", path, "--time-limit", "5")
    assert explained.exit_code in (0, 1, 5), (label, explained.output[-800:])
    for command in ("allocate", "groups"):
        out = f"{stem}-{command}.xlsx"
        result = run(runner, command, path, "-o", out)
        assert result.exit_code in (0, 1, 5), (label, command, result.output[-800:])
        if result.exit_code == 0 and Path(out).exists():  # groups writes nothing without choices
            assert formula_cells(out) == [], (label, command)
