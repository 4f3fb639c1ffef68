"""The Report sheet (the solver's figures, hard and soft rules), the diagnosis workbook when there
is no timetable, and the groups formed from choices as report lines."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from keste.models.changes import KINDS, Change
from keste.models.findings import Finding, render
from keste.models.grouping import Grouping, PoolSummary
from keste.models.io.labels import label
from keste.models.io.styling import BOLD, TITLE_FONT, print_setup
from keste.models.io.timetable_workbook.common import heading, title
from keste.models.io.workbook import save_atomically
from keste.models.school import School
from keste.models.timetable import SolveInfo, Timetable
from keste.models.verification import ValidationReport


def report_sheet(
    workbook: Workbook,
    school: School,
    timetable: Timetable,
    report: ValidationReport,
    lang: str,
    changes: list[Change] | None = None,
) -> None:
    sheet = workbook.create_sheet(label("Report", lang), 0)
    title(sheet, school.settings.name)
    heading(sheet, label("solver", lang))
    for row in _solver_rows(timetable.info, lang, changes):
        sheet.append(list(row))
    _rule_tables(sheet, report, lang)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 12
    sheet.column_dimensions["D"].width = 60
    print_setup(sheet, landscape=False, repeat_rows=None)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.font != BOLD and cell.font != TITLE_FONT:
                cell.font = Font()


def _solver_rows(
    info: SolveInfo, lang: str, changes: list[Change] | None
) -> list[tuple[str, object]]:
    """How the search went: status and verdict, objective and bound, times, model size."""
    verdict = label(f"verdict_{info.verdict}", lang) + (
        f": {info.gap:.0%}" if info.verdict == "gap" else ""
    )
    rows = [
        (label("status", lang), info.status),
        ("", verdict),
        (label("objective", lang), info.objective),
        (label("bound", lang), info.bound),
        (label("first_solution", lang), _seconds(info.first_solution_time)),
        (label("wall_time", lang), _seconds(info.wall_time)),
        (label("workers", lang), f"{info.workers} / {info.seed} / {info.time_limit:g}"),
        (label("model", lang), f"{info.variables} variables, {info.constraints} constraints"),
    ]
    if info.interrupted:
        rows.append(("", label("interrupted", lang)))
    if changes is not None:
        counts = Counter(change.kind for change in changes)
        summary = ", ".join(f"{label('change_' + k, lang)} {counts[k]}" for k in KINDS)
        rows.append((label("changes_count", lang), summary))
    rows += [("", note) for note in info.notes]
    return rows


def _rule_tables(sheet: Worksheet, report: ValidationReport, lang: str) -> None:
    """The hard rules with their violations, then the soft rules with their penalties."""
    sheet.append([])
    heading(sheet, label("hard_rules", lang))
    sheet.append([label("rule", lang), label("what", lang), label("violations", lang)])
    for rule in report.hard_rules:
        description = label(f"rule_{rule}", lang)
        found = [v.message for v in report.violations if v.rule == rule]
        sheet.append([rule, description, len(found), "; ".join(found[:5])])
    sheet.append([])
    heading(sheet, label("soft_rules", lang))
    sheet.append([label(k, lang) for k in ("rule", "what", "count", "weight", "penalty")])
    for rule, count in report.penalties.items():
        weight = report.weights.get(rule, 0)
        sheet.append([rule, label(f"rule_{rule}", lang), count, weight, count * weight])


def _seconds(value: float | None) -> str | None:
    return None if value is None else f"{value:.1f}"


def text_report(school: School, lang: str) -> tuple[Workbook, Worksheet]:
    """A new workbook whose only sheet is a Report of lines of text, titled with the school."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = label("Report", lang)
    title(sheet, school.settings.name)
    return workbook, sheet


def finish_text_report(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 120
    print_setup(sheet, landscape=False, repeat_rows=None)


def write_diagnosis(
    school: School,
    findings: list[Finding],
    wall_time: float,
    path: Path,
    lang: str,
    grouping: Grouping | None = None,
) -> None:
    """A workbook with only the Report sheet: why there is no timetable (and the groups formed
    from choices, which the timetable would have had)."""
    workbook, sheet = text_report(school, lang)
    heading(sheet, label("no_timetable", lang))
    for finding in findings:
        for line in render(finding, lang).splitlines():
            sheet.append([line])
        sheet.append([])
    sheet.append([label("diagnosis_time", lang), round(wall_time, 1)])
    if grouping is not None:
        grouping_report(sheet, grouping, lang)
    finish_text_report(sheet)
    save_atomically(workbook, path)


def grouping_report(sheet: Worksheet, grouping: Grouping, lang: str) -> None:
    """The groups formed from choices on a Report sheet: each pool's figures, then the reason
    for every choice that is not met."""
    sheet.append([])
    heading(sheet, label("grouping", lang))
    for pool in grouping.pools:
        sheet.append([pool_line(pool, lang)])
    for reason in grouping.reasons():
        for line in render(reason, lang).splitlines():
            sheet.append([line])


def pool_line(pool: PoolSummary, lang: str) -> str:
    return label("grouping_pool", lang).format(
        grade=pool.grade,
        classes=", ".join(pool.classes),
        students=pool.students,
        courses=pool.courses,
        groups=pool.groups,
        blocks=len(pool.blocks),
        lengths=" + ".join(map(str, pool.blocks)) or "0",
        free=pool.free,
        unmet=pool.unmet,
        status=pool.status,
        seconds=f"{pool.seconds:.1f}",
    )
