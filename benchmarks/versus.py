"""keste against the plain reference model (baseline.py), in the same run, under the same limit.

    python benchmarks/versus.py data/samples/*.xlsx --time-limit 120 --seeds 0 1 2 --name versus
    git worktree add /tmp/keste-before HEAD~1   # then, to measure a change of the search:
    python benchmarks/versus.py SCHOOLS --sides keste previous --previous /tmp/keste-before

Each school and seed is solved by keste (solve_once.py) and by the baseline, one after the other,
each in its own process. Both timetables are scored by keste's validator: the objective with every
soft rule, and teacher gaps per teacher-week (idle periods between a teacher's first and last
lesson of a day, summed over the week, divided by the teachers who teach). Writes
benchmarks/results/<name>.csv and the <name> table of BENCHMARKS.md, medians over seeds with the
ratios keste / baseline (below 1: keste is better).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from run import arguments, fmt, median, publish, run_once, write_csv

# side: (script, flags). keste-cpsat: keste with CP-SAT's own neighbourhood search in phase 2
# (how keste searched before its own); previous: keste as in the --previous source tree.
SIDES = {
    "keste": ("solve_once.py", []),
    "baseline": ("baseline.py", []),
    "keste-cpsat": ("solve_once.py", ["--search-cpsat"]),
    "previous": ("solve_once.py", []),
}


def gaps_per_teacher(row: dict) -> float | None:
    if row.get("teacher_gaps") is None or not row.get("teaching"):
        return None
    return row["teacher_gaps"] / row["teaching"]


def table(rows: list[dict]) -> str:
    lines = [
        "| school | classes | side | valid | first timetable (s) | objective | bound "
        "| teacher gaps per teacher-week | room changes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for school in dict.fromkeys(r["school"] for r in rows):
        medians = {}
        for side in dict.fromkeys(r["side"] for r in rows):
            mine = [r for r in rows if r["school"] == school and r["side"] == side]
            valid = sum(1 for r in mine if r.get("valid"))
            medians[side] = (median(mine, "objective"), median(mine, "gaps_per_teacher"))
            gaps = medians[side][1]
            lines.append(
                f"| {school} | {mine[0].get('classes', '')} | {side} | {valid}/{len(mine)} | "
                f"{fmt(median(mine, 'first_s'))} | {fmt(medians[side][0])} | "
                f"{fmt(median(mine, 'bound'))} | {'' if gaps is None else f'{gaps:.2f}'} | "
                f"{fmt(median(mine, 'room_changes'))} |"
            )
        for other in medians:
            if other != "keste" and "keste" in medians:
                lines.append(
                    f"| {school} | | keste / {other} | | | {_ratio(medians, other, 0)} | | "
                    f"{_ratio(medians, other, 1)} | |"
                )
    return "\n".join(lines)


def _ratio(medians: dict, other: str, index: int) -> str:
    mine, theirs = medians["keste"][index], medians[other][index]
    if mine is None or not theirs:
        return ""
    return f"{mine / theirs:.2f}"


def main() -> None:
    parser = arguments(__doc__.splitlines()[0], "versus")
    parser.add_argument("--sides", nargs="+", default=["keste", "baseline"], choices=list(SIDES))
    parser.add_argument("--previous", type=Path, help="an earlier source tree (side previous)")
    args = parser.parse_args()
    if "previous" in args.sides and args.previous is None:
        parser.error("the side previous needs --previous (a checkout of an earlier commit)")
    rows = []
    for path in args.schools:
        for seed in args.seeds:
            for side in args.sides:
                script, flags = SIDES[side]
                checkout = args.previous if side == "previous" else None
                figures = run_once(
                    path, seed, args.time_limit, args.workers, flags, script, checkout
                )
                figures["side"] = side
                figures["gaps_per_teacher"] = gaps_per_teacher(figures)
                print(json.dumps(figures), flush=True)
                rows.append(figures)
    write_csv(args.name, rows)
    extra, note = ["--sides", *args.sides], ""
    if "previous" in args.sides:
        extra += ["--previous", str(args.previous)]
        note = f"previous: keste at commit {_commit(args.previous)}.\n\n"
    publish("versus.py", args, extra, note + table(rows))


def _commit(tree: Path) -> str:
    found = subprocess.run(
        ["git", "-C", str(tree), "log", "-1", "--format=%h"], capture_output=True, text=True
    )
    return found.stdout.strip() or "unknown"


if __name__ == "__main__":
    main()
