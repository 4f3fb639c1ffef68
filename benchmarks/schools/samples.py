"""The bundled sample schools by name (data/samples/<name>.xlsx is what these make)."""

from __future__ import annotations

from benchmarks.schools.general import SAMPLES, make_school
from benchmarks.schools.nis import make_nis_school
from keste.models.school import School

SAMPLE_NAMES = (*SAMPLES, "nis")


def sample_school(name: str) -> School:
    if name == "nis":
        return make_nis_school()
    return make_school(SAMPLES[name])
