"""keste groups: elective groups from students' choices."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from keste.cli.common import (
    Exit,
    OutputLang,
    SchoolFile,
    Seed,
    TimeLimit,
    Workers,
    check_lang,
    refuse_overwrite,
    write_or_fallback,
)
from keste.cli.inputs import read_usable_school
from keste.cli.render import console, print_grouping
from keste.models.io.timetable_workbook import write_groups
from keste.solver.grouping import choice_pools, form_groups


def groups_command(
    school_file: SchoolFile,
    output: Annotated[Path, typer.Option("-o", "--output", help="Groups workbook to write")],
    time_limit: TimeLimit = 60,
    workers: Workers = 0,
    seed: Seed = 0,
    lang: OutputLang = None,
) -> None:
    """Form elective groups from students' choices (the Choices sheet) and arrange them in
    blocks; write them (Electives sheet, each student's groups, the reasons for unmet choices)."""
    refuse_overwrite(output, school_file)
    school = read_usable_school(school_file)
    language = check_lang(lang or school.settings.language)
    if not choice_pools(school):
        console.print("No choices to group: the Choices sheet is empty or its groups are listed.")
        raise typer.Exit(Exit.OK)
    with console.status("forming groups from students' choices"):
        grouping = form_groups(school, time_limit, workers, seed)
    grouped = grouping.apply(school)
    output = write_or_fallback(lambda path: write_groups(grouped, grouping, path, language), output)
    print_grouping(grouping, language)
    console.print(
        f"[bold green]Wrote {output}[/] (edit its Electives sheet and feed it back with "
        "keste solve --groups)"
    )
