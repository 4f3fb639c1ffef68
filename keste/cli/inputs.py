"""Reading the files a command is given (the school, a Load or Electives sheet, an approved
timetable), printing every problem and exiting with BAD_INPUT when one is unusable."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import typer

from keste.cli.common import Exit
from keste.cli.render import console, print_problems
from keste.models.io.reading import read_electives, read_load, read_school
from keste.models.io.timetable_workbook import read_timetable
from keste.models.school import promoted
from keste.solver.grouping import choice_pools


def read_usable_school(
    path: Path, load: Path | None = None, fresh: bool = False, groups: Path | None = None
):
    school, problems = read_school(path)
    if school is None or problems.has_errors():
        print_problems(problems, show_notes=False)
        console.print(
            f"[bold red]{path} is not usable yet: fix the errors above (keste check {path}).[/]"
        )
        raise typer.Exit(Exit.BAD_INPUT)
    if groups is not None:
        school = replace(school, electives=read_groups(groups, school))
    if load is not None:
        school = replace(school, load=read_load_sheet(load, school))
    if fresh:
        school = replace(school, load=[])
    return school


def formed_groups_of(timetable_file: Path, school):
    """The school with the groups a timetable workbook was made with (its Electives sheet),
    when the school's choices still need groups: the same groups as then."""
    if not choice_pools(school):
        return school
    formed = read_groups(timetable_file, school, required=False)
    return school if formed is None else replace(school, electives=formed)


def read_groups(path: Path, school, required: bool = True):
    rows, problems = read_electives(path, school, required)
    print_problems(problems, show_notes=False)
    if problems.has_errors():
        console.print(
            f"[bold red]The Electives sheet of {path} is not usable: fix the errors above.[/]"
        )
        raise typer.Exit(Exit.BAD_INPUT)
    return rows


def read_approved(path: Path, school):
    timetable, problems = read_timetable(path, school)
    print_problems(problems, show_notes=False)
    if timetable is None or problems.has_errors():
        console.print(
            f"[bold red]The Lessons sheet of {path} is not usable: fix the errors above.[/]"
        )
        raise typer.Exit(Exit.BAD_INPUT)
    if not timetable.lessons:
        console.print(
            f"[bold red]The Lessons sheet of {path} has no lessons: expected the timetable in "
            "use, one row per lesson.[/]"
        )
        raise typer.Exit(Exit.BAD_INPUT)
    return timetable


def last_years_load(path: Path | None, school):
    """Last year's Load sheet under this year's class names (6A becomes 7A)."""
    return promoted(read_load_sheet(path, school, check=False)) if path else None


def read_load_sheet(path: Path, school, check: bool = True):
    rows, problems = read_load(path, school, check)
    print_problems(problems, show_notes=False)
    if rows is None or problems.has_errors():
        console.print(f"[bold red]The Load sheet of {path} is not usable: fix the errors above.[/]")
        raise typer.Exit(Exit.BAD_INPUT)
    return rows
