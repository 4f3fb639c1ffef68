"""keste explain: whether a timetable exists and, when none does, why (solve reports the same
way)."""

from __future__ import annotations

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
    TimeLimit,
    Workers,
    check_lang,
    refuse_overwrite,
    write_or_fallback,
)
from keste.cli.inputs import last_years_load, read_usable_school
from keste.cli.render import console, print_diagnosis, print_problems
from keste.models.io.timetable_workbook import write_diagnosis
from keste.solver.pipeline import explain_school
from keste.solver.timetable.search import SolveOptions


def report_diagnosis(result, output: Path | None, lang: str) -> None:
    """Say why there is no timetable, write it to the Report sheet, and exit."""
    diagnosis = result.diagnosis
    print_diagnosis(diagnosis, lang)
    if output is not None and diagnosis.impossible:
        output = write_or_fallback(
            lambda path: write_diagnosis(
                result.school, diagnosis.findings, diagnosis.wall_time, path, lang, result.grouping
            ),
            output,
        )
        console.print(f"Wrote {output} (its Report sheet says why)")
    codes = {"impossible": Exit.IMPOSSIBLE, "feasible": Exit.OK}
    raise typer.Exit(codes.get(diagnosis.verdict, Exit.NO_TIMETABLE))


def explain(
    school_file: SchoolFile,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Also write the explanation here")
    ] = None,
    time_limit: TimeLimit = 120,
    workers: Workers = 0,
    lang: OutputLang = None,
    load: LoadFile = None,
    previous: PreviousLoad = None,
    fresh: Fresh = False,
    groups: Groups = None,
) -> None:
    """Say whether a timetable exists and, when none does, which few facts make it impossible."""
    if output is not None:
        refuse_overwrite(output, school_file, *(p for p in (load, previous, groups) if p))
    school = read_usable_school(school_file, load, fresh, groups)
    language = check_lang(lang or school.settings.language)
    last_year = last_years_load(previous, school)
    options = SolveOptions(time_limit=time_limit, workers=workers)
    with console.status("looking for the reason"):
        result = explain_school(school, options, last_year)
    print_problems(result.problems, show_notes=False)
    if result.problems.has_errors():
        raise typer.Exit(Exit.BAD_INPUT)
    report_diagnosis(result, output, language)
