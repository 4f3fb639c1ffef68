"""FET itself as a peer in the same run: fet-cl (Debian's `fet` package) on the same file, seed
and time limit as keste, in its own process. FET stops at its first timetable that keeps every
hard constraint, so its wall time is its time to a first timetable, reading the file included.

Getting fet-cl without installing it (Debian or Ubuntu):

    apt-get download fet libqt5core5a libdouble-conversion3 libpcre2-16-0
    for package in *.deb; do dpkg -x "$package" fet-root; done
    fet-root/usr/bin/fet-cl --version   # add what `ldd` still reports missing the same way
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

# every timetable FET can write, switched off: only the run and its verdict count
OUTPUTS = (
    "conflicts", "statistics", "xml", "dayshorizontal", "daysvertical", "timehorizontal",
    "timevertical", "subgroups", "groups", "years", "teachers", "teachersfreeperiods", "rooms",
    "subjects", "activitytags", "activities",
)  # fmt: skip


def fet_cl_once(fet_cl: Path, fet: Path, seed: int, time_limit: float) -> dict:
    """One run of fet-cl: whether it found a timetable and its wall time."""
    library = fet_cl.resolve().parents[1] / "lib" / "x86_64-linux-gnu"
    env = None
    if library.is_dir() and library != Path("/usr/lib/x86_64-linux-gnu"):  # unpacked, not installed
        paths = [str(library), *filter(None, [os.environ.get("LD_LIBRARY_PATH")])]
        env = {**os.environ, "LD_LIBRARY_PATH": ":".join(paths)}
    seeds = [f"--randomseeds{part}={seed + 1}" for part in ("10", "11", "12", "20", "21", "22")]
    with tempfile.TemporaryDirectory() as out:
        command = [
            str(fet_cl),
            f"--inputfile={fet.resolve()}",
            f"--outputdir={out}",
            f"--timelimitseconds={max(1, round(time_limit))}",
            "--htmllevel=0",
            *[
                f"--writetimetable{'' if kind == 'conflicts' else 's'}{kind}=false"
                for kind in OUTPUTS
            ],
            *seeds,
        ]
        started = time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        wall = time.perf_counter() - started
    if run.returncode != 0:  # not FET's verdict: a missing library, a wrong option
        raise RuntimeError(f"fet-cl failed ({run.returncode}): {run.stderr[-400:]}")
    said = run.stdout
    found = "Simulation successful" in said or "Generation successful" in said  # 6.8 / later
    solved = found and "Time exceeded" not in said and "Impossible" not in said
    return {
        "school": fet.stem,
        "seed": seed,
        "side": "fet",
        "fet_solved": solved,
        "fet_s": round(wall, 2),
    }
