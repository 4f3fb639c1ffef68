"""Rebuild the bundled sample schools from keste's generators: python data/samples/build.py

The workbooks are committed so a user can open them; tests check they match the generators.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root
from benchmarks.schools.samples import SAMPLE_NAMES, sample_school
from keste.models.io.jsonio import write_school as write_json
from keste.models.io.reading import EXAMPLE_SCHOOL, write_school

HERE = Path(__file__).parent

if __name__ == "__main__":
    for name in SAMPLE_NAMES:
        target = HERE / f"{name}.xlsx"
        write_school(sample_school(name), target, lang="kk")
        print(f"wrote {target}")
    write_json(sample_school("small"), EXAMPLE_SCHOOL)
    print(f"wrote {EXAMPLE_SCHOOL}")
