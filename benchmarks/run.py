"""Solve school workbooks with several seeds and record speed and quality.

    python benchmarks/run.py data/samples/*.xlsx --time-limit 120 --seeds 0 1 2 --name samples

Each solve runs in a fresh process (peak memory is that process's maximum resident set; wall time
is the process's, from Python's start to its end). Writes
benchmarks/results/<name>.csv and replaces the <name> table in benchmarks/BENCHMARKS.md with the
medians per school, the machine, and this command.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = HERE / "BENCHMARKS.md"


def run_once(
    path: Path,
    seed: int,
    time_limit: float,
    workers: int,
    flags: list[str],
    script: str = "solve_once.py",
    checkout: Path | None = None,
) -> dict:
    """One solve in a fresh process: keste's (solve_once.py) or another script's with the same
    arguments (baseline.py); with checkout, the script and keste of that source tree (an earlier
    commit, to measure a change in the same run)."""
    env = None
    if checkout is not None:
        env = {**os.environ, "PYTHONPATH": str(checkout)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            str((checkout / "benchmarks" if checkout else HERE) / script),
            str(path),
            str(seed),
            str(time_limit),
            str(workers),
            *flags,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    _, status, usage = os.wait4(process.pid, 0)
    output = process.stdout.read()
    error = process.stderr.read()
    if status != 0 or not output.strip():
        return {"school": path.stem, "seed": seed, "status": f"CRASH: {error.strip()[-200:]}"}
    figures = json.loads(output.strip().splitlines()[-1])
    figures["peak_mb"] = round(usage.ru_maxrss / 1024)  # Linux reports kilobytes
    figures["process_s"] = round(time.perf_counter() - started, 2)  # Python's start included
    return figures


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kilobytes = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kilobytes / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    from ortools import __version__ as ortools_version

    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; Python {platform.python_version()}, "
        f"OR-Tools {ortools_version}, {platform.system()} {platform.release()}"
    )


def median(rows: list[dict], key: str):
    values = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(values) if values else None


def summary_table(rows: list[dict]) -> str:
    schools = list(dict.fromkeys(r["school"] for r in rows))
    lines = [
        "| school | classes | runs | valid | first timetable (s) | wall (s) | objective | bound "
        "| gap | teacher gaps | peak memory (MB) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for school in schools:
        mine = [r for r in rows if r["school"] == school]
        ok = [r for r in mine if r.get("valid")]
        gap = median(mine, "gap")
        lines.append(
            f"| {school} | {mine[0].get('classes', '')} | {len(mine)} | {len(ok)}/{len(mine)} | "
            f"{fmt(median(mine, 'first_s'))} | {fmt(median(mine, 'process_s'))} | "
            f"{fmt(median(mine, 'objective'))} | "
            f"{fmt(median(mine, 'bound'))} | {'' if gap is None else f'{gap:.0%}'} | "
            f"{fmt(median(mine, 'teacher_gaps'))} | {fmt(median(mine, 'peak_mb'))} |"
        )
    return "\n".join(lines)


def allocation_table(rows: list[dict]) -> str:
    lines = [
        "\n\nTeacher load allocation inside the same runs (its time limit is a quarter of the "
        "solve's, at most 30 s):\n",
        "| school | teachers | first allocation (s) | allocation (s) | allocation objective |",
        "|---|---|---|---|---|",
    ]
    for school in dict.fromkeys(r["school"] for r in rows):
        mine = [r for r in rows if r["school"] == school]
        lines.append(
            f"| {school} | {mine[0].get('teachers', '')} | "
            f"{fmt(median(mine, 'allocation_first_s'))} | {fmt(median(mine, 'allocation_s'))} | "
            f"{fmt(median(mine, 'allocation_objective'))} |"
        )
    return "\n".join(lines)


def fmt(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def update_benchmarks(name: str, text: str) -> None:
    start, end = f"<!-- {name} start -->", f"<!-- {name} end -->"
    current = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else "# Benchmarks\n"
    block = f"{start}\n{text}\n{end}"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        after = rest.split(end, 1)[1]
        current = before + block + after
    else:
        current = current.rstrip() + "\n\n" + block + "\n"
    BENCHMARKS.write_text(current, encoding="utf-8")


def arguments(description: str, name: str) -> argparse.ArgumentParser:
    """The options every runner shares: schools, time limit, seeds, workers, the table's name."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("schools", nargs="+", type=Path)
    parser.add_argument("--time-limit", type=float, default=120)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--name", default=name)
    return parser


def write_csv(name: str, rows: list[dict]) -> None:
    out = HERE / "results" / f"{name}.csv"
    out.parent.mkdir(exist_ok=True)
    columns = list(dict.fromkeys(k for r in rows for k in r))
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def publish(script: str, args: argparse.Namespace, extra: list[str], table: str) -> None:
    """The table under args.name in BENCHMARKS.md, with the machine and the command behind it."""
    command = " ".join(
        shlex.quote(a)
        for a in [
            "python",
            f"benchmarks/{script}",
            *map(str, args.schools),
            "--time-limit",
            f"{args.time_limit:g}",
            "--seeds",
            *map(str, args.seeds),
            "--name",
            args.name,
            *extra,
        ]
    )
    text = (
        f"Measured {date.today()} on {machine()}.\n\nCommand: `{command}` "
        f"(medians over seeds; raw figures in `benchmarks/results/{args.name}.csv`).\n\n" + table
    )
    update_benchmarks(args.name, text)
    print(text)


def main() -> None:
    parser = arguments(__doc__.splitlines()[0], "samples")
    parser.add_argument("--bound", action="store_true", help="solve with keste solve --bound")
    parser.add_argument(
        "--fresh", action="store_true", help="remove the Load sheet: keste allocates every item"
    )
    args = parser.parse_args()
    flags = [f"--{name}" for name in ("bound", "fresh") if getattr(args, name)]
    rows = []
    for path in args.schools:
        for seed in args.seeds:
            figures = run_once(path, seed, args.time_limit, args.workers, flags)
            print(json.dumps(figures), flush=True)
            rows.append(figures)
    write_csv(args.name, rows)
    table = summary_table(rows) + (allocation_table(rows) if args.fresh else "")
    publish("run.py", args, flags, table)


if __name__ == "__main__":
    main()
