"""The property tests (tests/test_properties.py) with many more examples than CI runs: small
random schools solved, validated and broken on purpose. Prints hypothesis's statistics (how many
schools solved, proven impossible, rejected by the checks) and the run time.

    python benchmarks/properties.py --examples 5000 --seed 1
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1, help="a different sequence per seed")
    args = parser.parse_args()
    started = time.perf_counter()
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-o",
        "addopts=",
        "--hypothesis-show-statistics",
        f"--hypothesis-seed={args.seed}",
        str(ROOT / "tests" / "test_properties.py"),
    ]
    environment = os.environ | {
        "KESTE_PROPERTY_EXAMPLES": str(args.examples),
        "KESTE_PROPERTY_SEED": str(args.seed),
    }
    done = subprocess.run(command, cwd=ROOT, env=environment, check=False)
    print(f"{args.examples} examples in {time.perf_counter() - started:.0f} s")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
