"""keste validate: check any timetable workbook against every rule."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from keste.cli.common import Exit, SchoolFile
from keste.cli.inputs import formed_groups_of, read_usable_school
from keste.cli.render import print_problems, print_validation
from keste.models.io.timetable_workbook import read_timetable
from keste.solver.verify import validate


def validate_command(
    school_file: SchoolFile,
    timetable_file: Annotated[Path, typer.Argument(help="Timetable workbook (Lessons sheet)")],
) -> None:
    """Check a timetable (keste's or edited by hand) against every rule, and list violations.

    The groups formed from students' choices are read from the timetable's Electives sheet."""
    school = formed_groups_of(timetable_file, read_usable_school(school_file))
    timetable, problems = read_timetable(timetable_file, school)
    print_problems(problems, show_notes=False)
    if timetable is None or problems.has_errors():
        raise typer.Exit(Exit.BAD_INPUT)
    report = validate(school, timetable)
    print_validation(report)
    raise typer.Exit(Exit.OK if report.ok else Exit.INVALID_TIMETABLE)
