"""Hostile FET files (issue 18), made from test_fet's small school: every value a FET file gives
(numbers, names, days, hours, activity links) replaced in turn by values no school has, and each
kind of element dropped. `keste import-fet` never shows a traceback, exits 0 or 3, leaves the file
as it was, and writes a workbook without formula cells that `keste check` reads."""

from __future__ import annotations

import re

from tests.conftest import digest, formula_cells, run
from tests.test_fet import SMALL

TAGS = (
    "Duration",
    "Total_Duration",
    "Number_of_Students",
    "Weight_Percentage",
    "Max_Days_Per_Week",
    "MinDays",
    "Number_of_Days",
    "Number_of_Hours",
    "Activity_Group_Id",
    "Id",
    "Name",
    "Teacher",
    "Subject",
    "Students",
    "Day",
    "Hour",
)
VALUES = ("inf", "nan", "-1", "0", "1e400", "9" * 400, "=1+1", "", "\u200b", "x" * 3000)


def _variants():
    for tag in TAGS:
        pattern = re.compile(rf"<{tag}>[^<]*</{tag}>")
        if not pattern.search(SMALL):
            continue
        for value in VALUES:
            yield f"{tag} = {value[:20]!r}", pattern.sub(f"<{tag}>{value}</{tag}>", SMALL)
        yield f"no {tag}", pattern.sub("", SMALL)


def test_hostile_fet_files_give_messages_never_tracebacks(tmp_path, runner):
    variants = list(_variants())
    assert len(variants) >= 150
    for number, (label, text) in enumerate(variants):
        source = tmp_path / f"hostile-{number}.fet"
        source.write_text(text, encoding="utf-8")
        before = digest(source)
        out = tmp_path / f"hostile-{number}.xlsx"
        result = run(runner, "import-fet", source, "-o", out)  # an exception fails the test
        assert result.exit_code in (0, 3), (label, result.output[-600:])
        assert digest(source) == before, label
        if result.exit_code == 0:
            assert formula_cells(out) == [], label
            assert run(runner, "check", out).exit_code in (0, 3), label
