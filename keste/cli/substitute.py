"""keste substitute: cover the lessons of absent teachers."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from keste.cli.common import (
    Exit,
    OutputLang,
    check_lang,
    refuse_overwrite,
    refuse_same_outputs,
    write_or_fallback,
)
from keste.cli.inputs import read_approved, read_usable_school
from keste.cli.render import console, errors, print_substitutions
from keste.models.io.substitutions import read_history, write_history, write_substitutions
from keste.models.values import DAYS
from keste.solver.midyear.substitute import (
    plan_substitutions,
    school_days,
    unexplained,
    with_substitutions,
)
from keste.solver.verify import validate


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
    lang: OutputLang = None,
) -> None:
    """Cover the lessons of absent teachers: a free teacher for each, fairly spread."""
    school = read_usable_school(school_file)
    language = check_lang(lang or school.settings.language)
    first = _parse_date(date)
    codes = {code.strip() for item in absent for code in item.split(",") if code.strip()}
    unknown = sorted(codes - set(school.teacher_by_code))
    if unknown:
        errors.print(f"[red]--absent: no teacher {', '.join(unknown)} on the Teachers sheet[/]")
        raise typer.Exit(Exit.USAGE)
    weekday = DAYS[first.weekday()]
    if weekday not in school.settings.days:
        errors.print(
            f"[red]--date: {first.isoformat()} is a {weekday}, not a school day "
            f"({', '.join(school.settings.days)}): expected the first day to cover[/]"
        )
        raise typer.Exit(Exit.USAGE)
    output = output or timetable_file.with_name(f"substitutions-{first.isoformat()}.xlsx")
    history = history or timetable_file.with_name("substitutions-history.csv")
    refuse_overwrite(output, timetable_file, school_file)
    refuse_overwrite(history, timetable_file, school_file)
    refuse_same_outputs(output, history)
    timetable = read_approved(timetable_file, school)
    dates = school_days(school, first, days)
    try:
        past = read_history(history)
    except ValueError as error:
        errors.print(f"[red]--history: {escape(str(error))}[/]")
        raise typer.Exit(Exit.BAD_INPUT) from None
    plan = plan_substitutions(school, timetable, codes, dates, past)
    already = {(v.rule, v.message) for v in validate(school, timetable).violations}
    if already:
        errors.print(
            f"[yellow]The timetable in use already breaks {len(already)} rule(s) (keste validate "
            "lists them); the substitutions are checked for breaking no others.[/]"
        )
    for day in dates:
        report = validate(school, with_substitutions(timetable, plan, day))
        broken = [v for v in unexplained(report, plan) if (v.rule, v.message) not in already]
        if broken:  # a bug in keste, never the user's doing
            errors.print(f"[red]The substitutions break a rule: {broken[0].message}[/]")
            raise typer.Exit(Exit.INVALID_TIMETABLE)
    output = write_or_fallback(
        lambda path: write_substitutions(school.settings.name, plan, path, language), output
    )
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
