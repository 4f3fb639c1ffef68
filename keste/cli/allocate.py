"""keste allocate: the teaching load (tariff list)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from keste.cli.common import (
    Exit,
    Fresh,
    OutputLang,
    PreviousLoad,
    SchoolFile,
    Seed,
    TimeLimit,
    Workers,
    check_lang,
    refuse_overwrite,
    write_or_fallback,
)
from keste.cli.inputs import last_years_load, read_usable_school
from keste.cli.render import console, print_allocation, print_allocation_failure
from keste.models.io.tariff import write_allocation
from keste.solver.allocation.allocate import allocate as run_allocation
from keste.solver.allocation.allocate import capacity_lines


def allocate(
    school_file: SchoolFile,
    output: Annotated[Path, typer.Option("-o", "--output", help="Load workbook to write")],
    time_limit: TimeLimit = 60,
    workers: Workers = 0,
    seed: Seed = 0,
    previous: PreviousLoad = None,
    lang: OutputLang = None,
    fresh: Fresh = False,
) -> None:
    """Distribute the teaching load (the tariff list): a qualified teacher for every open item."""
    refuse_overwrite(output, school_file, *(p for p in (previous,) if p))
    school = read_usable_school(school_file, fresh=fresh)
    language = check_lang(lang or school.settings.language)
    last_year = last_years_load(previous, school)
    with console.status("allocating the load"):
        allocation = run_allocation(
            school, time_limit=time_limit, workers=workers, seed=seed, previous=last_year
        )
    capacity = capacity_lines(school, allocation.items)
    output = write_or_fallback(
        lambda path: write_allocation(school, allocation, capacity, path, language), output
    )
    if not allocation.ok:
        print_allocation_failure(allocation)
        console.print(f"Wrote {output} (the capacity of each subject, to see what is short)")
        impossible = allocation.status == "INFEASIBLE"
        raise typer.Exit(Exit.IMPOSSIBLE if impossible else Exit.NO_TIMETABLE)
    print_allocation(school, allocation)
    console.print(
        f"[bold green]Wrote {output}[/] (edit its Load sheet and feed it back with "
        "keste solve --load)"
    )
