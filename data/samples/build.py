"""Rebuild the bundled sample schools from keste's generator: python data/samples/build.py

The workbooks are committed so a user can open them; tests check they match the generator.
"""

from pathlib import Path

from keste.models.generate import SAMPLES, make_school
from keste.models.reading import write_school

HERE = Path(__file__).parent

if __name__ == "__main__":
    for name, spec in SAMPLES.items():
        target = HERE / f"{name}.xlsx"
        write_school(make_school(spec), target, lang="kk")
        print(f"wrote {target}")
