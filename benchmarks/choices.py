"""How solving grows with the number of students who choose: NIS-style schools (grades 7-12, two
parallels in 7-10) with 1 to 4 parallels in grades 11 and 12, whose students choose mathematics at
7 or 10 hours, two profile subjects and German.

    python benchmarks/choices.py --parallels 1 2 3 4 --seeds 0 1 2 --time-limit 90

Each school is written as a workbook (benchmarks.schools.nis) and solved in a fresh process per
seed (as run.py does): forming the groups, allocating the load, the timetable, the validator.
BENCHMARKS.md gets the medians.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root
from run import HERE, fmt, machine, median, run_once, update_benchmarks

from benchmarks.schools.nis import make_nis_school
from keste.models.io.reading import write_school

COLUMNS = (
    ("students with choices", "choosing"),
    ("groups", "groups"),
    ("block lessons", "block_lessons"),
    ("unmet choices", "unmet"),
    ("grouping (s)", "grouping_s"),
    ("first timetable (s)", "first_s"),
    ("objective", "objective"),
    ("peak memory (MB)", "peak_mb"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parallels", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--time-limit", type=float, default=90)
    args = parser.parse_args()
    lines = [
        "| parallels in 11-12 | classes | runs | valid | "
        + " | ".join(name for name, _ in COLUMNS)
        + " |",
        "|---" * (4 + len(COLUMNS)) + "|",
    ]
    with tempfile.TemporaryDirectory() as folder:
        for parallels in args.parallels:
            school = make_nis_school(high_parallels=parallels)
            workbook = Path(folder) / f"nis-{parallels}.xlsx"
            write_school(school, workbook, "kk")
            rows = [run_once(workbook, seed, args.time_limit, 0, []) for seed in args.seeds]
            for row in rows:
                print(json.dumps(row), flush=True)
            valid = sum(1 for r in rows if r.get("valid"))
            figures = " | ".join(fmt(median(rows, key)) for _, key in COLUMNS)
            lines.append(
                f"| {parallels} | {len(school.classes)} | {len(rows)} | {valid}/{len(rows)} | "
                f"{figures} |"
            )
    command = (
        f"python benchmarks/choices.py --parallels {' '.join(map(str, args.parallels))} "
        f"--seeds {' '.join(map(str, args.seeds))} --time-limit {args.time_limit:g}"
    )
    text = (
        "Students with choices: NIS-style schools with more parallels in grades 11-12 (medians "
        f"over seeds). Measured {date.today()} on {machine()}.\n\nCommand: `{command}`.\n\n"
        + "\n".join(lines)
    )
    update_benchmarks("choices", text)
    print(text)


if __name__ == "__main__":
    HERE.joinpath("results").mkdir(exist_ok=True)
    main()
