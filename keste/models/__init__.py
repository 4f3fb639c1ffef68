"""What a school and a timetable are: typed records, validation, and their file formats."""

from keste.models.problems import InputError, Problem, Problems, Source
from keste.models.reading import load_school, read_school, write_school
from keste.models.school import School

__all__ = [
    "InputError",
    "Problem",
    "Problems",
    "School",
    "Source",
    "load_school",
    "read_school",
    "write_school",
]
