"""keste check: validate a school workbook and summarise the school."""

from __future__ import annotations

from typing import Annotated

import typer

from keste.cli.common import Exit, SchoolFile
from keste.cli.render import console, print_problems, print_summary
from keste.models.io.reading import read_school
from keste.models.summary import summarise


def check(
    file: SchoolFile,
    notes: Annotated[bool, typer.Option(help="Show notes as well as errors and warnings")] = True,
) -> None:
    """Validate a school workbook and summarise the school."""
    school, problems = read_school(file)
    print_problems(problems, show_notes=notes)
    if school is None or problems.has_errors():
        console.print(f"[bold red]{file} is not usable yet: fix the errors above.[/]")
        raise typer.Exit(Exit.BAD_INPUT)
    print_summary(summarise(school))
    console.print(f"[bold green]{file} is usable.[/]")
