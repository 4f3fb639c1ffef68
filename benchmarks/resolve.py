"""Re-solving mid-year on the large sample: lessons moved with --from against a solve from scratch.

    python benchmarks/resolve.py --seeds 0 1 2 --time-limit 120

For each seed: solve the large sample (the approved timetable), then two changes: one teacher's
Tuesday taken away (`tuesday`) and two more hours of a subject in one class (`hours`). Each change
is solved twice with the same time limit, from the approved timetable (`keste solve --from`) and
from scratch; both are compared with the approved timetable. Every run is in its own process;
BENCHMARKS.md gets the medians.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
LARGE = HERE.parent / "data" / "samples" / "large.xlsx"
sys.path.insert(0, str(HERE))

from run import machine, update_benchmarks  # noqa: E402


def changed_school(change: str):
    from keste.models.curriculum import class_curriculum
    from keste.models.io.reading import load_school
    from keste.models.school import CurriculumRow
    from keste.models.values import parse_time_blocks

    school = load_school(LARGE)
    if change == "tuesday":
        teacher = next(t for t in school.teachers if "history_kz" in t.subjects)
        blocks = parse_time_blocks("Tue")
        teachers = [replace(t, unavailable=blocks) if t == teacher else t for t in school.teachers]
        return replace(school, teachers=teachers), f"{teacher.code} loses Tuesday"
    if change == "hours":
        target = next(c for c in school.classes if c.grade == 9)
        hours = class_curriculum(school, target)["history_kz"].hours + 2
        row = CurriculumRow("history_kz", hours, class_name=target.name)
        return replace(
            school, curriculum=[*school.curriculum, row]
        ), f"{target.name} history_kz +2 h"
    return school, "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--time-limit", type=float, default=120)
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_child(*args.one)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in args.seeds:
            approved = Path(folder) / f"approved-{seed}.pickle"
            _spawn("approve", seed, args.time_limit, approved)
            for change in ("tuesday", "hours"):
                for mode in ("from", "scratch"):
                    row = _spawn(f"{change}:{mode}", seed, args.time_limit, approved)
                    rows.append(row)
                    print(row, flush=True)
    lines = [
        "| change | solved from | runs | valid | first timetable (s) | lessons moved | "
        "other changes (teacher, room, added, removed) | objective without moves |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for change in dict.fromkeys(r["change"] for r in rows):
        for mode in ("from", "scratch"):
            mine = [r for r in rows if r["change"] == change and r["mode"] == mode]
            lines.append(
                f"| {change} | {'approved timetable' if mode == 'from' else 'scratch'} | "
                f"{len(mine)} | {sum(r['valid'] for r in mine)}/{len(mine)} | "
                f"{_median(mine, 'first_s')} | {_median(mine, 'moved')} | "
                f"{_median(mine, 'other')} | {_median(mine, 'objective')} |"
            )
    seeds = " ".join(map(str, args.seeds))
    command = f"python benchmarks/resolve.py --seeds {seeds} --time-limit {args.time_limit:g}"
    text = (
        f"Re-solving the large sample (88 classes) after a change, from the approved timetable "
        f"and from scratch, each with the same time limit (medians over seeds). Measured "
        f"{date.today()} on {machine()}.\n\nCommand: `{command}`.\n\n" + "\n".join(lines)
    )
    update_benchmarks("resolve", text)
    print(text)


def _median(rows: list[dict], key: str) -> str:
    values = [r[key] for r in rows if r.get(key) is not None]
    return f"{statistics.median(values):g}" if values else ""


def _spawn(job: str, seed: int, time_limit: float, approved: Path) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--one", job, str(seed), str(time_limit), str(approved)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _child(job: str, seed: str, time_limit: str, approved: str) -> dict:
    from keste.models.changes import count, timetable_changes
    from keste.solver.pipeline import solve_school
    from keste.solver.timetable.search import SolveOptions

    path = Path(approved)
    options = SolveOptions(time_limit=float(time_limit), seed=int(seed))
    if job == "approve":
        school, _ = changed_school("none")
        result = solve_school(school, options)
        path.write_bytes(pickle.dumps(result.timetable))
        return {"approved": len(result.timetable.lessons)}
    change, mode = job.split(":")
    school, what = changed_school(change)
    before = pickle.loads(path.read_bytes())
    result = solve_school(school, options, approved=before if mode == "from" else None)
    info = result.timetable.info
    changes = timetable_changes(before, result.timetable, school.settings.days)
    penalties = dict(info.penalties)
    moved_weight = penalties.pop("moved_lessons", (0, 0))
    return {
        "change": what,
        "mode": mode,
        "seed": int(seed),
        "valid": bool(result.report and result.report.ok),
        "first_s": None if info.first_solution_time is None else round(info.first_solution_time, 2),
        "moved": count(changes, "moved"),
        "other": sum(count(changes, k) for k in ("teacher", "room", "added", "removed")),
        "objective": sum(c * w for c, w in penalties.values()) if moved_weight else info.objective,
    }


if __name__ == "__main__":
    main()
