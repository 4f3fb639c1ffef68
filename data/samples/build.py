"""Rebuild the bundled sample schools from keste's generators: python data/samples/build.py

The workbooks are committed so a user can open them; tests check they match the generators.
"""

from pathlib import Path

from keste.models.reading import write_school
from keste.models.samples import SAMPLE_NAMES, sample_school

HERE = Path(__file__).parent

if __name__ == "__main__":
    for name in SAMPLE_NAMES:
        target = HERE / f"{name}.xlsx"
        write_school(sample_school(name), target, lang="kk")
        print(f"wrote {target}")
