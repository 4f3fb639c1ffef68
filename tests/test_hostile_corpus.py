"""The hostile corpus (tests/hostile_inputs.py, over 150 inputs) through `keste check`: never a
traceback, exit 0 (usable) or 3 (bad input, saying where), the file byte-identical afterwards;
and the inputs the checks accept through `keste solve`, whose workbook has no formula cell and
reads back with `keste validate`."""

from __future__ import annotations

from openpyxl import load_workbook

from tests.conftest import digest, run
from tests.hostile_inputs import hostile_workbooks


def _formula_cells(path) -> int:
    book = load_workbook(path)
    return sum(1 for s in book.worksheets for r in s.iter_rows() for c in r if c.data_type == "f")


def test_the_corpus_gives_messages_never_tracebacks(tmp_path, runner):
    corpus = list(hostile_workbooks(tmp_path))
    assert len(corpus) >= 150
    accepted = []
    for label, path in corpus:
        before = digest(path)
        result = run(runner, "check", path)  # an exception here fails the test: a traceback
        assert result.exit_code in (0, 3), (label, result.output[-800:])
        if result.exit_code == 3:  # each error line says where: a sheet (and row) or the file
            assert "error" in result.output, (label, result.output[-800:])
        else:
            accepted.append((label, path))
        assert digest(path) == before, label
    assert accepted and len(accepted) < len(corpus)
    for label, path in accepted[::10]:  # a spread of the accepted ones, solved
        out = tmp_path / f"{path.stem}-tt.xlsx"
        result = run(runner, "solve", path, "-o", out, "--time-limit", "3")
        assert result.exit_code in (0, 1, 4, 5), (label, result.output[-800:])
        if out.exists():
            assert _formula_cells(out) == 0, label
            assert run(runner, "validate", path, out).exit_code in (0, 4), label
