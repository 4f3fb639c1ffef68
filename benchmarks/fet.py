"""Import FET's example schools, solve and validate them: how keste does on schools nobody here
wrote.

    python benchmarks/fet.py ../shared/fixtures/fet/*.fet --time-limit 120 --seeds 0 1 2

Each file is imported with keste import-fet (the import report gives the constraints mapped,
approximated and not mapped), then solved in a fresh process per seed (as run.py does). The
table in BENCHMARKS.md gives, per school: activities, the constraints, time to the first
timetable, the validator's verdict, and the objective (medians over seeds). With --fet-cl, FET
itself solves each file with the same seeds and limit in the same run (fet_peer.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from datetime import date
from pathlib import Path

from fet_peer import fet_cl_once
from run import HERE, machine, median, run_once, update_benchmarks

from keste.models.io.fet import read_fet
from keste.models.io.reading import write_imported_school


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--time-limit", type=float, default=120)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--fet-cl", type=Path, help="FET's fet-cl, to solve each file as a peer")
    args = parser.parse_args()
    peer = (
        " | FET solved | FET first timetable (s) | keste / FET, first timetable with reading |"
        if args.fet_cl
        else " |"
    )
    lines = [
        "| school | activities | Activities rows | constraints mapped / approximated / not "
        "mapped (kinds not mapped) | runs | valid | first timetable (s) | objective | outcome"
        + peer,
        "|---|---|---|---|---|---|---|---|---|" + ("---|---|---|" if args.fet_cl else ""),
    ]
    with tempfile.TemporaryDirectory() as folder:
        for fet in args.files:
            school, report, problems = read_fet(fet)
            if school is None:
                lines.append(f"| {fet.stem} | not imported: {problems.errors[0].expected} |")
                continue
            workbook = Path(folder) / f"{fet.stem}.xlsx"
            write_imported_school(school, report, workbook)
            rows = [run_once(workbook, seed, args.time_limit, 0, []) for seed in args.seeds]
            for row in rows:
                print(json.dumps(row), flush=True)
            line = _line(fet.stem, report, rows)
            if args.fet_cl:
                fet_rows = [fet_cl_once(args.fet_cl, fet, s, args.time_limit) for s in args.seeds]
                for row in fet_rows:
                    print(json.dumps(row), flush=True)
                line += _peer_cells(rows, fet_rows)
            lines.append(line)
    command = (
        f"python benchmarks/fet.py {' '.join(str(f) for f in args.files)} --time-limit "
        f"{args.time_limit:g} --seeds {' '.join(map(str, args.seeds))}"
        + (" --fet-cl path/to/fet-cl" if args.fet_cl else "")
    )
    text = (
        f"FET's example schools, imported and solved (medians over seeds). Measured "
        f"{date.today()} on {machine()}.\n\nCommand: `{command}`.\n\n" + "\n".join(lines)
    )
    update_benchmarks("fet", text)
    print(text)


def _line(name: str, report, rows: list[dict]) -> str:
    counts = [sum(c.values()) for c in (report.mapped, report.approximated, report.unmapped)]
    kinds = ", ".join(
        f"{kind.removeprefix('Constraint')} {count}" for kind, count in report.unmapped.items()
    )
    valid = sum(1 for r in rows if r.get("valid"))
    outcomes = sorted({r.get("status", "") for r in rows})
    first = median(rows, "first_s")
    objective = median(rows, "objective")
    return (
        f"| {name} | {report.activities} | {report.rows} | {' / '.join(map(str, counts))}"
        f"{f' ({kinds})' if kinds else ''} | {len(rows)} | {valid}/{len(rows)} | "
        f"{'' if first is None else f'{first:g}'} | {'' if objective is None else f'{objective:g}'}"
        f" | {', '.join(outcomes)} |"
    )


def _peer_cells(rows: list[dict], fet_rows: list[dict]) -> str:
    """FET's runs beside keste's: how many solved, FET's median wall time over its solved runs,
    and keste's time to a first timetable (reading the workbook included) over FET's."""
    solved = [r for r in fet_rows if r["fet_solved"]]
    fet_s = median(solved, "fet_s")
    firsts = [r["first_s"] + r.get("read_s", 0) for r in rows if r.get("first_s") is not None]
    keste_s = statistics.median(firsts) if firsts else None
    ratio = f"{keste_s / fet_s:.2f}" if keste_s is not None and fet_s else ""
    return f" {len(solved)}/{len(fet_rows)} | {'' if fet_s is None else f'{fet_s:g}'} | {ratio} |"


if __name__ == "__main__":
    HERE.joinpath("results").mkdir(exist_ok=True)
    main()
