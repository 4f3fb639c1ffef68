"""The `keste` command: typer commands that parse arguments, call keste and print the outcome."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer

from keste.console import console, errors, print_problems, print_summary
from keste.models import read_school
from keste.models.files import same_file
from keste.models.generate import SAMPLES, make_school
from keste.models.summary import summarise
from keste.models.template import write_template

app = typer.Typer(
    help="School timetables and teacher load for Kazakhstan schools.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Exit(IntEnum):
    OK = 0
    NO_TIMETABLE = 1
    USAGE = 2  # click's own code for a wrong command line
    BAD_INPUT = 3
    INVALID_TIMETABLE = 4
    INTERRUPTED = 130


Lang = Annotated[str, typer.Option("--lang", help="Language: kk, ru or en")]


def _check_lang(lang: str) -> str:
    if lang not in ("kk", "ru", "en"):
        errors.print(f"[red]--lang must be kk, ru or en, not {lang!r}[/]")
        raise typer.Exit(Exit.USAGE)
    return lang


def _refuse_overwrite(output: Path, *inputs: Path) -> None:
    for source in inputs:
        if same_file(output, source):
            errors.print(
                f"[red]The output {output} is an input file; keste never overwrites its "
                "input. Choose another output name.[/]"
            )
            raise typer.Exit(Exit.USAGE)


@app.command()
def template(
    file: Annotated[Path, typer.Argument(help="Workbook to create (.xlsx)")],
    lang: Lang = "kk",
    example: Annotated[bool, typer.Option(help="Fill in a small example school")] = False,
    force: Annotated[bool, typer.Option(help="Replace the file if it exists")] = False,
) -> None:
    """Write an empty school workbook (or a filled example) with instructions."""
    _check_lang(lang)
    if file.exists() and not force:
        errors.print(f"[red]{file} exists; keste does not overwrite it (use --force).[/]")
        raise typer.Exit(Exit.USAGE)
    school = make_school(SAMPLES["small"]) if example else None
    write_template(file, lang, school)
    console.print(f"Wrote {file}" + (" with an example school" if example else ""))


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="School workbook (.xlsx) or JSON")],
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


def main() -> None:  # pragma: no cover - console script entry
    app()
