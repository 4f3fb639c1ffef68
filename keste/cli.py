"""The `keste` command: typer commands that parse arguments, call keste and print the outcome."""

from __future__ import annotations

import signal
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer

from keste.console import (
    console,
    errors,
    print_problems,
    print_solve_outcome,
    print_summary,
    print_validation,
)
from keste.models import read_school
from keste.models.files import same_file
from keste.models.generate import SAMPLES, make_school
from keste.models.output import read_timetable, write_timetable
from keste.models.summary import summarise
from keste.models.template import write_template
from keste.progress import SolveDisplay
from keste.solver.solve import solve_school
from keste.solver.timetable import SolveOptions
from keste.solver.validate import validate

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


def _read_usable_school(path: Path):
    school, problems = read_school(path)
    if school is None or problems.has_errors():
        print_problems(problems, show_notes=False)
        console.print(
            f"[bold red]{path} is not usable yet: fix the errors above (keste check {path}).[/]"
        )
        raise typer.Exit(Exit.BAD_INPUT)
    return school


@app.command()
def solve(
    school_file: Annotated[Path, typer.Argument(help="School workbook (.xlsx) or JSON")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Timetable workbook to write")],
    time_limit: Annotated[float, typer.Option(help="Seconds to search")] = 120,
    workers: Annotated[int, typer.Option(help="Solver threads (0: every core)")] = 0,
    seed: Annotated[int, typer.Option(help="Random seed of the search")] = 0,
    lang: Annotated[
        str | None, typer.Option(help="Output language: kk, ru or en (default: the school's)")
    ] = None,
    log: Annotated[Path | None, typer.Option(help="Write the CP-SAT search log here")] = None,
    bound: Annotated[
        bool | None,
        typer.Option(
            "--bound/--no-bound",
            help="Spend a worker on proving a bound, to report the gap (default: small schools)",
        ),
    ] = None,
) -> None:
    """Build the whole school's timetable and write it as a workbook."""
    _refuse_overwrite(output, school_file)
    school = _read_usable_school(school_file)
    language = _check_lang(lang or school.settings.language)
    options = SolveOptions(
        time_limit=time_limit, workers=workers, seed=seed, log_path=log, bound=bound
    )
    running = []

    def interrupt(signum, frame) -> None:  # first Ctrl-C: stop and keep the best so far
        for solver in running:
            solver.stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        with SolveDisplay(time_limit, console) as display:
            result = solve_school(school, options, display.update, running.append)
    finally:
        signal.signal(signal.SIGINT, previous)
    if result.problems.has_errors():
        print_problems(result.problems, show_notes=False)
        raise typer.Exit(Exit.BAD_INPUT)
    print_problems(result.problems, show_notes=False)
    if not result.solved:
        print_solve_outcome(result, output=None)
        interrupted = result.timetable is not None and result.timetable.info.interrupted
        raise typer.Exit(Exit.INTERRUPTED if interrupted else Exit.NO_TIMETABLE)
    write_timetable(school, result.timetable, result.report, output, language)
    print_solve_outcome(result, output)
    raise typer.Exit(Exit.OK if result.report.ok else Exit.INVALID_TIMETABLE)


@app.command("validate")
def validate_command(
    school_file: Annotated[Path, typer.Argument(help="School workbook (.xlsx) or JSON")],
    timetable_file: Annotated[Path, typer.Argument(help="Timetable workbook (Lessons sheet)")],
) -> None:
    """Check a timetable (keste's or edited by hand) against every rule, and list violations."""
    school = _read_usable_school(school_file)
    timetable, problems = read_timetable(timetable_file, school)
    print_problems(problems, show_notes=False)
    if timetable is None or problems.has_errors():
        raise typer.Exit(Exit.BAD_INPUT)
    report = validate(school, timetable)
    print_validation(report)
    raise typer.Exit(Exit.OK if report.ok else Exit.INVALID_TIMETABLE)


def main() -> None:  # pragma: no cover - console script entry
    app()
