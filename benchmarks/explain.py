"""Time to explain an impossible school: variants of the large sample made impossible on purpose.

    python benchmarks/explain.py --runs 3

`counted`: a chemistry teacher is unavailable three days a week (the counting checks find it).
`solver`: informatics lessons of classes with different teachers locked at the same time,
needing one computer room more than the school has (only the solver's minimal conflict finds
it). Each run explains from scratch in a fresh process; BENCHMARKS.md gives medians.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
LARGE = HERE.parent / "data" / "samples" / "large.xlsx"
sys.path.insert(0, str(HERE))

from run import machine, update_benchmarks  # noqa: E402


def variant(name: str):
    from keste.models.io.reading import load_school
    from keste.models.school import Lock
    from keste.models.values import parse_time_blocks

    school = load_school(LARGE)
    chemistry = [row for row in school.load if row.subject == "chemistry"]
    if name == "counted":
        busiest = max(
            {row.teacher for row in chemistry},
            key=lambda t: sum(1 for row in chemistry if row.teacher == t),
        )
        teachers = [
            replace(t, unavailable=parse_time_blocks("Mon; Tue; Wed")) if t.code == busiest else t
            for t in school.teachers
        ]
        return replace(school, teachers=teachers)
    first_shift = [c.name for c in school.classes if school.bells_of(c) == school.default_bells]
    rooms = sum(1 for room in school.rooms if room.type == "computer")
    picked, teachers, needed = [], set(), 0
    for name in first_shift:
        rows = [r for r in school.load if r.class_name == name and r.subject == "info"]
        mine = {r.teacher for r in rows}
        if rows and not mine & teachers and needed <= rooms:
            picked.append(name)
            teachers |= mine
            needed += len(rows)  # a split class takes a room per group
    locks = [Lock(name, "info", "Wed", 2) for name in picked]
    return replace(school, locks=locks)


def explain_once(name: str, time_limit: float) -> dict:
    from keste.solver.pipeline import explain_school
    from keste.solver.timetable.search import SolveOptions

    school = variant(name)
    started = time.perf_counter()
    result = explain_school(school, SolveOptions(time_limit=time_limit))
    diagnosis = result.diagnosis
    finding = diagnosis.findings[0]
    return {
        "variant": name,
        "seconds": round(time.perf_counter() - started, 2),
        "verdict": diagnosis.verdict,
        "kind": finding.kind,
        "facts": len(finding.facts),
        "entities": ", ".join(finding.entities[:6]),
        "suggestion": finding.suggestion is not None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=120)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a single run, in its own process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(explain_once(args.one, args.time_limit)))
        return
    rows = []
    for name in ("counted", "solver"):
        for _ in range(args.runs):
            output = subprocess.run(
                [sys.executable, __file__, "--one", name, "--time-limit", str(args.time_limit)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            rows.append(json.loads(output.strip().splitlines()[-1]))
            print(rows[-1], flush=True)
    lines = [
        "| variant | runs | verdict | explanation | facts | names | suggestion | seconds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in ("counted", "solver"):
        mine = [r for r in rows if r["variant"] == name]
        first = mine[0]
        seconds = statistics.median(r["seconds"] for r in mine)
        lines.append(
            f"| {name} | {len(mine)} | {first['verdict']} | {first['kind']} | {first['facts']} | "
            f"{first['entities']} | {'yes' if first['suggestion'] else 'no'} | {seconds:g} |"
        )
    command = f"python benchmarks/explain.py --runs {args.runs} --time-limit {args.time_limit:g}"
    text = (
        f"Time to explain an impossible variant of the large sample (88 classes; seconds are "
        f"medians). Measured "
        f"{date.today()} on {machine()}.\n\nCommand: `{command}`.\n\n" + "\n".join(lines)
    )
    update_benchmarks("explain", text)
    print(text)


if __name__ == "__main__":
    main()
