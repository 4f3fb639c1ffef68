"""keste solve: the whole school's timetable."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from keste.cli.common import (
    Exit,
    Fresh,
    Groups,
    LoadFile,
    OutputLang,
    PreviousLoad,
    SchoolFile,
    Seed,
    TimeLimit,
    Workers,
    check_lang,
    refuse_overwrite,
    refuse_same_outputs,
    write_or_fallback,
)
from keste.cli.explain import report_diagnosis
from keste.cli.inputs import formed_groups_of, last_years_load, read_approved, read_usable_school
from keste.cli.interrupt import Searches, interruptible
from keste.cli.progress import solve_display
from keste.cli.render import console, print_grouping, print_problems, print_solve_outcome
from keste.models.io.timetable_workbook import write_timetable
from keste.solver.pipeline import solve_school
from keste.solver.timetable.search import SolveOptions


def solve(
    school_file: SchoolFile,
    output: Annotated[Path, typer.Option("-o", "--output", help="Timetable workbook to write")],
    time_limit: TimeLimit = 120,
    workers: Workers = 0,
    seed: Seed = 0,
    lang: OutputLang = None,
    log: Annotated[Path | None, typer.Option(help="Write the CP-SAT search log here")] = None,
    bound: Annotated[
        bool | None,
        typer.Option(
            "--bound/--no-bound",
            help="Prove a lower bound and report the gap to it: CP-SAT's on small schools (the "
            "default there), else a tenth of the time on keste's class-local bound",
        ),
    ] = None,
    load: LoadFile = None,
    previous: PreviousLoad = None,
    fresh: Fresh = False,
    approved_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="The timetable in use (a workbook with a Lessons sheet): change as little of it "
            "as the school's changes allow, and list what moved",
        ),
    ] = None,
    groups: Groups = None,
) -> None:
    """Form groups from students' choices, allocate the missing load, build the whole school's
    timetable and write it."""
    started = time.perf_counter()
    inputs = (load, previous, approved_file, groups)
    refuse_overwrite(output, school_file, *(p for p in inputs if p))
    if log is not None:
        refuse_overwrite(log, school_file, *(p for p in inputs if p))
        refuse_same_outputs(output, log)
    school = read_usable_school(school_file, load, fresh, groups)
    if approved_file and groups is None:
        school = formed_groups_of(approved_file, school)
    language = check_lang(lang or school.settings.language)
    last_year = last_years_load(previous, school)
    approved = read_approved(approved_file, school) if approved_file else None
    options = SolveOptions(
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        log_path=log,
        bound=bound,
        started=started,
    )
    searches = Searches()
    with solve_display(time_limit, console) as display:
        result = interruptible(
            lambda: solve_school(
                school, options, display.update, searches.started, last_year, approved
            ),
            searches.stop,
        )
    if result.problems.has_errors():
        print_problems(result.problems, show_notes=False)
        raise typer.Exit(Exit.BAD_INPUT)
    print_problems(result.problems, show_notes=False)
    if result.grouping is not None:
        print_grouping(result.grouping, language)
    if result.diagnosis is not None:
        report_diagnosis(result, output, language)
    if not result.solved:
        print_solve_outcome(result, output=None)
        interrupted = result.timetable is not None and result.timetable.info.interrupted
        raise typer.Exit(Exit.INTERRUPTED if interrupted else Exit.NO_TIMETABLE)

    def write(path: Path) -> None:
        write_timetable(
            result.school,
            result.timetable,
            result.report,
            path,
            language,
            result.changes,
            result.grouping,
        )

    output = write_or_fallback(write, output)
    print_solve_outcome(result, output)
    raise typer.Exit(Exit.OK if result.report.ok else Exit.INVALID_TIMETABLE)
