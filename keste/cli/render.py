"""How keste talks on the terminal: problems and summaries as rich tables."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from keste.models.changes import KINDS
from keste.models.findings import render
from keste.models.io.labels import label
from keste.models.io.timetable_workbook import pool_line
from keste.models.problems import Problem, Problems, by_cause
from keste.models.summary import SchoolSummary
from keste.models.values import format_number, format_time

console = Console()
errors = Console(stderr=True)

_STYLE = {"error": "bold red", "warning": "yellow", "note": "dim"}
ROWS_LISTED = 12  # rows named on a line that stands for the same problem on many rows


def print_problems(problems: Problems, show_notes: bool = True) -> None:
    """One line per problem, errors first: where, the value, and what was expected. The same
    problem on many rows of a sheet is one line that lists the rows."""
    shown = [p for p in problems if show_notes or p.severity != "note"]
    for problem, rows in by_cause(sorted(shown, key=_order)):
        style = _STYLE[problem.severity]
        line = str(problem) if len(rows) < 2 else _on_rows(problem, rows)
        console.print(f"[{style}]{problem.severity:7}[/] {escape(line)}", soft_wrap=True)
    counts = {s: sum(1 for p in problems if p.severity == s) for s in _STYLE}
    if shown:
        console.print(
            f"[bold red]{counts['error']} error(s)[/], [yellow]{counts['warning']} warning(s)[/],"
            f" {counts['note']} note(s)"
        )


def _on_rows(problem: Problem, rows: list[int]) -> str:
    listed = ", ".join(str(r) for r in rows[:ROWS_LISTED])
    more = f" and {len(rows) - ROWS_LISTED} more" if len(rows) > ROWS_LISTED else ""
    where = replace(problem, row=None, cell=None)
    return f"{where} (on {len(rows)} rows: {listed}{more})"


def _order(problem: Problem) -> tuple:
    return (list(_STYLE).index(problem.severity), problem.sheet or "", problem.row or 0)


def print_summary(summary: SchoolSummary) -> None:
    console.print(f"[bold]{summary.name}[/]: days {','.join(summary.days)}")
    bells = Table(title="Bell schedules")
    for header in ("Schedule", "Periods", "From", "To"):
        bells.add_column(header)
    for name, periods, start, end in summary.bells:
        bells.add_row(name, str(periods), format_time(start), format_time(end))
    console.print(bells)
    grades = Table(title="Classes and weekly hours by grade")
    for header in ("Grade", "Classes", "Students", "Hours a week per class", "Hours a week"):
        grades.add_column(header)
    for line in summary.grades:
        low, high = min(line.hours), max(line.hours)
        each = format_number(low) if low == high else f"{format_number(low)}-{format_number(high)}"
        grades.add_row(
            str(line.grade),
            f"{len(line.classes)}: {', '.join(line.classes)}",
            str(line.students),
            str(each),
            str(format_number(sum(line.hours))),
        )
    console.print(grades)
    teachers = Table(title="Teachers and their hours (Load sheet)")
    for header in ("Teacher", "Name", "Subjects", "Hours", "Max"):
        teachers.add_column(header)
    for line in summary.teachers:
        over = line.max_hours is not None and line.hours > line.max_hours
        hours = f"[red]{format_number(line.hours)}[/]" if over else str(format_number(line.hours))
        teachers.add_row(
            line.code,
            line.name,
            line.subjects,
            hours,
            "" if line.max_hours is None else str(format_number(line.max_hours)),
        )
    console.print(teachers)
    if summary.unassigned_hours:
        console.print(
            f"Hours without a teacher in Load: {format_number(summary.unassigned_hours)}"
            " (keste allocates them)"
        )
    if summary.rooms:
        rooms = ", ".join(f"{kind}: {count}" for kind, count in sorted(summary.rooms.items()))
        console.print(f"Rooms by type: {rooms}")
    else:
        console.print("No Rooms sheet: room capacity is not a constraint")
    extras = [
        ("elective blocks", summary.electives),
        ("locked lessons", summary.locks),
        ("meal rules", summary.meals),
        ("students with choices (keste forms their groups)", summary.choosing),
    ]
    console.print(", ".join(f"{count} {what}" for what, count in extras))


def print_validation(report) -> None:
    """Every hard-rule violation in words, then the soft penalties."""
    if report.ok:
        console.print("[bold green]No hard rule is broken.[/]")
    else:
        console.print(f"[bold red]{len(report.violations)} hard-rule violation(s):[/]")
        for violation in report.violations:
            console.print(
                f"  [red]{violation.rule}[/]: {escape(violation.message)}", soft_wrap=True
            )
    table = Table(title="Soft rules")
    for header in ("rule", "count", "weight", "penalty"):
        table.add_column(header)
    for rule, count in report.penalties.items():
        weight = report.weights.get(rule, 0)
        table.add_row(rule, str(count), str(weight), str(count * weight))
    console.print(table)


def print_grouping(grouping, lang: str) -> None:
    """The groups formed from students' choices, and why any choice is not met."""
    for pool in grouping.pools:
        console.print(escape(pool_line(pool, lang)))
    for reason in grouping.reasons():
        console.print(f"[yellow]{escape(render(reason, lang))}[/]")


def print_solve_outcome(result, output) -> None:
    info = result.timetable.info if result.timetable else None
    if info is None:
        return
    if output is None:
        console.print(
            f"[bold red]No timetable: the solver ended with status {info.status} "
            f"after {info.wall_time:.1f} s.[/]"
        )
        if info.status == "UNKNOWN":
            console.print(
                "No timetable was found within the time limit; try a longer --time-limit."
            )
        return
    first = f"{info.first_solution_time:.1f} s" if info.first_solution_time is not None else "-"
    console.print(
        f"Timetable: {len(result.timetable.lessons)} lessons; first found after {first}; "
        f"objective {info.objective:g} ({label('verdict_' + info.verdict, 'en')}"
        + (f" {info.gap:.0%}" if info.verdict == "gap" else "")
        + ")."
    )
    for note in info.notes:
        console.print(f"[dim]{escape(note)}[/]")
    if info.interrupted:
        console.print("[yellow]Stopped by Ctrl-C: this is the best timetable found so far.[/]")
    if result.changes is not None:
        counts = Counter(change.kind for change in result.changes)
        console.print(
            "Against the approved timetable: "
            + ", ".join(f"{label('change_' + k, 'en')} {counts[k]}" for k in KINDS)
            + " (the Changes sheet lists each)"
        )
    print_validation(result.report)
    console.print(f"[bold green]Wrote {output}[/]")


def print_allocation(school, allocation) -> None:
    hours = allocation.hours_of()
    rate = school.settings.rate_hours
    table = Table(
        title=f"Tariff list ({len(allocation.allocated())} items allocated, "
        f"{allocation.status.lower()})"
    )
    for header in ("teacher", "name", "hours", "rates", "max"):
        table.add_column(header)
    for teacher in school.teachers:
        total = hours.get(teacher.code, 0)
        over = teacher.max_hours is not None and total > teacher.max_hours
        shown = f"[red]{format_number(total)}[/]" if over else str(format_number(total))
        table.add_row(
            teacher.code,
            teacher.label,
            shown,
            f"{total / rate:.2f}",
            "" if teacher.max_hours is None else str(format_number(teacher.max_hours)),
        )
    console.print(table)
    penalties = ", ".join(f"{name} {count}" for name, (count, _) in allocation.penalties.items())
    console.print(f"Soft rules: {penalties}")


def print_allocation_failure(allocation) -> None:
    console.print(f"[bold red]No teacher allocation exists ({allocation.status}):[/]")
    for reason in allocation.reasons or ["the search ended without one; try a longer --time-limit"]:
        console.print(f"  - {escape(reason)}", soft_wrap=True)


def print_diagnosis(diagnosis, lang: str) -> None:
    """Why there is no timetable (or that there is one), in the user's language."""
    style = "bold red" if diagnosis.impossible else "bold"
    for finding in diagnosis.findings:
        lines = render(finding, lang).splitlines()
        console.print(f"[{style}]{escape(lines[0])}[/]", soft_wrap=True)
        for line in lines[1:]:
            console.print(escape(line), soft_wrap=True)


def print_substitutions(plan, lang: str) -> None:
    table = Table(title="Substitutions")
    for header in ("date", "period", "class", "subject", "absent", "covered by", "how"):
        table.add_column(header)
    for item in plan:
        how = label(f"cover_{item.kind}", lang) + (
            f": {item.merged_with}" if item.merged_with else ""
        )
        table.add_row(
            item.date,
            str(item.period),
            item.classes + (f" g{item.group}" if item.group else ""),
            item.subject,
            item.absent,
            item.substitute or "",
            how,
        )
    console.print(table)


def print_import_report(report) -> None:
    table = Table(title=f"{report.source}: {report.activities} activities, {report.rows} rows")
    for header in ("constraint", "mapped", "approximated", "not mapped"):
        table.add_column(header)
    for kind in sorted(set(report.mapped) | set(report.approximated) | set(report.unmapped)):
        counts = (report.mapped[kind], report.approximated[kind], report.unmapped[kind])
        table.add_row(kind, *(str(c) if c else "" for c in counts))
    console.print(table)
    for note in report.notes:
        console.print(f"[dim]{escape(note)}[/]", soft_wrap=True)
