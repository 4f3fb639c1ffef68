"""The `keste` command: typer commands that parse arguments, call keste and print the outcome."""

from __future__ import annotations

import datetime
import signal
import threading
from collections.abc import Callable
from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from keste.cli.progress import SolveDisplay
from keste.cli.render import (
    console,
    errors,
    print_allocation,
    print_allocation_failure,
    print_diagnosis,
    print_grouping,
    print_import_report,
    print_problems,
    print_solve_outcome,
    print_substitutions,
    print_summary,
    print_validation,
)
from keste.models.io.fet import read_fet
from keste.models.io.files import same_file
from keste.models.io.reading import (
    example_school,
    read_electives,
    read_load,
    read_school,
    write_imported_school,
)
from keste.models.io.substitutions import read_history, write_history, write_substitutions
from keste.models.io.tariff import write_allocation
from keste.models.io.template import write_template
from keste.models.io.timetable_workbook import (
    read_timetable,
    write_diagnosis,
    write_groups,
    write_timetable,
)
from keste.models.school import promoted
from keste.models.summary import summarise
from keste.solver.allocation.allocate import allocate as run_allocation
from keste.solver.allocation.allocate import capacity_lines
from keste.solver.grouping.choices import choice_pools, form_groups
from keste.solver.midyear.substitute import (
    plan_substitutions,
    school_days,
    unexplained,
    with_substitutions,
)
from keste.solver.pipeline import explain_school, solve_school
from keste.solver.timetable.search import SolveOptions
from keste.solver.verify.validator import validate

T = TypeVar("T")

app = typer.Typer(
    help="School timetables and teacher load for Kazakhstan schools.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Exit(IntEnum):
    OK = 0
    NO_TIMETABLE = 1  # none found within the time limit
    USAGE = 2  # click's own code for a wrong command line
    BAD_INPUT = 3
    INVALID_TIMETABLE = 4
    IMPOSSIBLE = 5  # no timetable exists; keste says why
    INTERRUPTED = 130


Lang = Annotated[str, typer.Option("--lang", help="Language: kk, ru or en")]
OutputLang = Annotated[
    str | None, typer.Option(help="Output language: kk, ru or en (default: the school's)")
]
Workers = Annotated[int, typer.Option(help="Solver threads (0: every core)")]
Seed = Annotated[int, typer.Option(help="Random seed of the search")]
Groups = Annotated[
    Path | None,
    typer.Option(
        help="Take the elective groups (the Electives sheet, with members) from this workbook: "
        "keste groups' or an earlier timetable's"
    ),
]
Fresh = Annotated[
    bool,
    typer.Option(
        help="Ignore the Load sheet and allocate every item anew (with --previous, last year's "
        "teachers keep their classes where they can)"
    ),
]


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
    school = example_school() if example else None
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


def _read_usable_school(
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
        school = replace(school, electives=_read_groups(groups, school))
    if load is not None:
        school = replace(school, load=_read_load(load, school))
    if fresh:
        school = replace(school, load=[])
    return school


def _formed_groups_of(timetable_file: Path, school):
    """The school with the groups a timetable workbook was made with (its Electives sheet),
    when the school's choices still need groups: the same groups as then."""
    if not choice_pools(school):
        return school
    formed = _read_groups(timetable_file, school, required=False)
    return school if formed is None else replace(school, electives=formed)


def _read_groups(path: Path, school, required: bool = True):
    rows, problems = read_electives(path, school, required)
    print_problems(problems, show_notes=False)
    if problems.has_errors():
        console.print(
            f"[bold red]The Electives sheet of {path} is not usable: fix the errors above.[/]"
        )
        raise typer.Exit(Exit.BAD_INPUT)
    return rows


def _read_approved(path: Path, school):
    timetable, problems = read_timetable(path, school)
    print_problems(problems, show_notes=False)
    if timetable is None or problems.has_errors():
        console.print(
            f"[bold red]The Lessons sheet of {path} is not usable: fix the errors above.[/]"
        )
        raise typer.Exit(Exit.BAD_INPUT)
    return timetable


def _last_year(path: Path | None, school):
    """Last year's Load sheet under this year's class names (6A becomes 7A)."""
    return promoted(_read_load(path, school, check=False)) if path else None


def _read_load(path: Path, school, check: bool = True):
    rows, problems = read_load(path, school, check)
    print_problems(problems, show_notes=False)
    if rows is None or problems.has_errors():
        console.print(f"[bold red]The Load sheet of {path} is not usable: fix the errors above.[/]")
        raise typer.Exit(Exit.BAD_INPUT)
    return rows


@app.command()
def allocate(
    school_file: Annotated[Path, typer.Argument(help="School workbook (.xlsx) or JSON")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Load workbook to write")],
    time_limit: Annotated[float, typer.Option(help="Seconds to search")] = 60,
    workers: Workers = 0,
    seed: Seed = 0,
    previous: Annotated[
        Path | None, typer.Option(help="Last year's Load sheet: keep teachers with their classes")
    ] = None,
    lang: OutputLang = None,
    fresh: Fresh = False,
) -> None:
    """Distribute the teaching load (the tariff list): a qualified teacher for every open item."""
    _refuse_overwrite(output, school_file, *(p for p in (previous,) if p))
    school = _read_usable_school(school_file, fresh=fresh)
    language = _check_lang(lang or school.settings.language)
    last_year = _last_year(previous, school)
    with console.status("allocating the load"):
        allocation = run_allocation(
            school, time_limit=time_limit, workers=workers, seed=seed, previous=last_year
        )
    capacity = capacity_lines(school, allocation.items)
    write_allocation(school, allocation, capacity, output, language)
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


@app.command("groups")
def groups_command(
    school_file: Annotated[Path, typer.Argument(help="School workbook (.xlsx) or JSON")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Groups workbook to write")],
    time_limit: Annotated[float, typer.Option(help="Seconds to search")] = 60,
    workers: Workers = 0,
    seed: Seed = 0,
    lang: OutputLang = None,
) -> None:
    """Form elective groups from students' choices (the Choices sheet) and arrange them in
    blocks; write them (Electives sheet, each student's groups, the reasons for unmet choices)."""
    _refuse_overwrite(output, school_file)
    school = _read_usable_school(school_file)
    language = _check_lang(lang or school.settings.language)
    if not choice_pools(school):
        console.print("No choices to group: the Choices sheet is empty or its groups are listed.")
        raise typer.Exit(Exit.OK)
    with console.status("forming groups from students' choices"):
        grouping = form_groups(school, time_limit, workers, seed)
    write_groups(grouping.apply(school), grouping, output, language)
    print_grouping(grouping, language)
    console.print(
        f"[bold green]Wrote {output}[/] (edit its Electives sheet and feed it back with "
        "keste solve --groups)"
    )


@app.command()
def solve(
    school_file: Annotated[Path, typer.Argument(help="School workbook (.xlsx) or JSON")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Timetable workbook to write")],
    time_limit: Annotated[float, typer.Option(help="Seconds to search")] = 120,
    workers: Workers = 0,
    seed: Seed = 0,
    lang: OutputLang = None,
    log: Annotated[Path | None, typer.Option(help="Write the CP-SAT search log here")] = None,
    bound: Annotated[
        bool | None,
        typer.Option(
            "--bound/--no-bound",
            help="Spend a worker on proving a bound, to report the gap (default: small schools)",
        ),
    ] = None,
    load: Annotated[
        Path | None, typer.Option(help="Take the Load sheet from this workbook (keste allocate's)")
    ] = None,
    previous: Annotated[
        Path | None, typer.Option(help="Last year's Load sheet: keep teachers with their classes")
    ] = None,
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
    inputs = (load, previous, approved_file, groups)
    _refuse_overwrite(output, school_file, *(p for p in inputs if p))
    school = _read_usable_school(school_file, load, fresh, groups)
    if approved_file and groups is None:
        school = _formed_groups_of(approved_file, school)
    language = _check_lang(lang or school.settings.language)
    last_year = _last_year(previous, school)
    approved = _read_approved(approved_file, school) if approved_file else None
    options = SolveOptions(
        time_limit=time_limit, workers=workers, seed=seed, log_path=log, bound=bound
    )
    running, stopped = [], threading.Event()

    def started(solver) -> None:
        running.append(solver)
        if stopped.is_set():  # Ctrl-C came before this solver started
            solver.stop()

    def stop() -> None:
        stopped.set()
        for solver in running:
            solver.stop()

    with SolveDisplay(time_limit, console) as display:
        result = _interruptible(
            lambda: solve_school(school, options, display.update, started, last_year, approved),
            stop,
        )
    if result.problems.has_errors():
        print_problems(result.problems, show_notes=False)
        raise typer.Exit(Exit.BAD_INPUT)
    print_problems(result.problems, show_notes=False)
    if result.grouping is not None:
        print_grouping(result.grouping, language)
    if result.diagnosis is not None:
        _report_diagnosis(result, output, language)
    if not result.solved:
        print_solve_outcome(result, output=None)
        interrupted = result.timetable is not None and result.timetable.info.interrupted
        raise typer.Exit(Exit.INTERRUPTED if interrupted else Exit.NO_TIMETABLE)
    write_timetable(
        result.school,
        result.timetable,
        result.report,
        output,
        language,
        result.changes,
        result.grouping,
    )
    print_solve_outcome(result, output)
    raise typer.Exit(Exit.OK if result.report.ok else Exit.INVALID_TIMETABLE)


def _report_diagnosis(result, output: Path | None, lang: str) -> None:
    """Say why there is no timetable, write it to the Report sheet, and exit."""
    diagnosis = result.diagnosis
    print_diagnosis(diagnosis, lang)
    if output is not None and diagnosis.impossible:
        write_diagnosis(
            result.school, diagnosis.findings, diagnosis.wall_time, output, lang, result.grouping
        )
        console.print(f"Wrote {output} (its Report sheet says why)")
    codes = {"impossible": Exit.IMPOSSIBLE, "feasible": Exit.OK}
    raise typer.Exit(codes.get(diagnosis.verdict, Exit.NO_TIMETABLE))


@app.command()
def explain(
    school_file: Annotated[Path, typer.Argument(help="School workbook (.xlsx) or JSON")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Also write the explanation here")
    ] = None,
    time_limit: Annotated[float, typer.Option(help="Seconds to search")] = 120,
    workers: Workers = 0,
    lang: Annotated[
        str | None, typer.Option(help="Language: kk, ru or en (default: the school's)")
    ] = None,
    load: Annotated[
        Path | None, typer.Option(help="Take the Load sheet from this workbook (keste allocate's)")
    ] = None,
    previous: Annotated[
        Path | None, typer.Option(help="Last year's Load sheet: keep teachers with their classes")
    ] = None,
    fresh: Fresh = False,
    groups: Groups = None,
) -> None:
    """Say whether a timetable exists and, when none does, which few facts make it impossible."""
    if output is not None:
        _refuse_overwrite(output, school_file, *(p for p in (load, previous, groups) if p))
    school = _read_usable_school(school_file, load, fresh, groups)
    language = _check_lang(lang or school.settings.language)
    last_year = _last_year(previous, school)
    options = SolveOptions(time_limit=time_limit, workers=workers)
    with console.status("looking for the reason"):
        result = explain_school(school, options, last_year)
    print_problems(result.problems, show_notes=False)
    if result.problems.has_errors():
        raise typer.Exit(Exit.BAD_INPUT)
    _report_diagnosis(result, output, language)


def _interruptible(work: Callable[[], T], stop: Callable[[], object]) -> T:
    """Run work in a thread; the first Ctrl-C calls stop (the search ends and keeps the best
    timetable so far), a second one interrupts keste as usual."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # re-raised in the main thread
            outcome["error"] = error

    def interrupt(signum, frame) -> None:
        stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    thread = threading.Thread(target=run, daemon=True)
    before = signal.signal(signal.SIGINT, interrupt)
    try:
        thread.start()
        while thread.is_alive():
            thread.join(0.2)
    finally:
        signal.signal(signal.SIGINT, before)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


@app.command()
def substitute(
    timetable_file: Annotated[Path, typer.Argument(help="The timetable in use (Lessons sheet)")],
    school_file: Annotated[Path, typer.Option("--school", help="School workbook (.xlsx) or JSON")],
    absent: Annotated[
        list[str], typer.Option(help="An absent teacher's code (repeat, or a comma list)")
    ],
    date: Annotated[str, typer.Option(help="The first day of absence, YYYY-MM-DD")],
    days: Annotated[int, typer.Option(min=1, help="School days of absence from that date")] = 1,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Substitution sheet (default: beside the timetable)"),
    ] = None,
    history: Annotated[
        Path | None,
        typer.Option(help="History of substitutions, CSV (default: beside the timetable)"),
    ] = None,
    lang: Annotated[
        str | None, typer.Option(help="Language: kk, ru or en (default: the school's)")
    ] = None,
) -> None:
    """Cover the lessons of absent teachers: a free teacher for each, fairly spread."""
    school = _read_usable_school(school_file)
    language = _check_lang(lang or school.settings.language)
    first = _parse_date(date)
    codes = {code.strip() for item in absent for code in item.split(",") if code.strip()}
    unknown = sorted(codes - set(school.teacher_by_code))
    if unknown:
        errors.print(f"[red]--absent: no teacher {', '.join(unknown)} on the Teachers sheet[/]")
        raise typer.Exit(Exit.USAGE)
    output = output or timetable_file.with_name(f"substitutions-{first.isoformat()}.xlsx")
    history = history or timetable_file.with_name("substitutions-history.csv")
    _refuse_overwrite(output, timetable_file, school_file)
    timetable = _read_approved(timetable_file, school)
    dates = school_days(school, first, days)
    past = read_history(history)
    plan = plan_substitutions(school, timetable, codes, dates, past)
    for day in dates:
        report = validate(school, with_substitutions(timetable, plan, day))
        broken = unexplained(report, plan)
        if broken:  # a bug in keste, never the user's doing
            errors.print(f"[red]The substitutions break a rule: {broken[0].message}[/]")
            raise typer.Exit(Exit.INVALID_TIMETABLE)
    write_substitutions(school.settings.name, plan, output, language)
    replaced = {d.isoformat() for d in dates}
    kept = [s for s in past if not (s.date in replaced and set(s.absent.split(",")) & codes)]
    write_history(history, kept + plan)
    print_substitutions(plan, language)
    console.print(f"[bold green]Wrote {output}[/] and added {len(plan)} rows to {history}")


def _parse_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        errors.print(f"[red]--date: expected a date as YYYY-MM-DD, not {text!r}[/]")
        raise typer.Exit(Exit.USAGE) from None


@app.command("import-fet")
def import_fet(
    fet_file: Annotated[Path, typer.Argument(help="A FET file (.fet)")],
    output: Annotated[Path, typer.Option("-o", "--output", help="School workbook to write")],
    lang: Lang = "en",
) -> None:
    """Turn a FET file into a school workbook, listing every constraint keste cannot map."""
    _check_lang(lang)
    _refuse_overwrite(output, fet_file)
    school, report, problems = read_fet(fet_file)
    print_problems(problems, show_notes=False)
    if school is None:
        raise typer.Exit(Exit.BAD_INPUT)
    write_imported_school(school, report, output, lang)
    print_import_report(report)
    console.print(f"[bold green]Wrote {output}[/] (check it with keste check {output})")


@app.command("validate")
def validate_command(
    school_file: Annotated[Path, typer.Argument(help="School workbook (.xlsx) or JSON")],
    timetable_file: Annotated[Path, typer.Argument(help="Timetable workbook (Lessons sheet)")],
) -> None:
    """Check a timetable (keste's or edited by hand) against every rule, and list violations.

    The groups formed from students' choices are read from the timetable's Electives sheet."""
    school = _formed_groups_of(timetable_file, _read_usable_school(school_file))
    timetable, problems = read_timetable(timetable_file, school)
    print_problems(problems, show_notes=False)
    if timetable is None or problems.has_errors():
        raise typer.Exit(Exit.BAD_INPUT)
    report = validate(school, timetable)
    print_validation(report)
    raise typer.Exit(Exit.OK if report.ok else Exit.INVALID_TIMETABLE)


def main() -> None:  # pragma: no cover - console script entry
    app()
