"""The Bells sheet: named bell schedules (shifts), a row per period, and how its rows gather into
schedules."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from keste.models.io.schema.columns import Column, SheetSpec
from keste.models.io.schema.shared import BELLS, PERIOD
from keste.models.problems import Problems, Source
from keste.models.school import BellSchedule, Period
from keste.models.values import format_time, parse_time


def _build_bells(values: dict[str, Any], source: Source, problems: Problems) -> Any:
    if values["end"] <= values["start"]:
        problems.error(
            f"expected the period to end after it starts ({format_time(values['start'])})",
            **problems.at(source, "end"),
            value=format_time(values["end"]),
        )
        return None
    return (values["bells"], Period(values["period"], values["start"], values["end"]), source)


def _unbuild_bells(item: tuple[str, Period]) -> dict[str, Any]:
    name, period = item
    return {
        "bells": name,
        "period": period.number,
        "start": format_time(period.start),
        "end": format_time(period.end),
    }


BELLS_SHEET = SheetSpec(
    "Bells",
    "Қоңыраулар",
    "Звонки",
    (
        replace(
            BELLS,
            required=True,
            aliases=("ауысым", "смена", "schedule", "shift"),
            hint="Schedule name",
        ),
        replace(PERIOD, aliases=("№", "no", "period number"), hint="1, 2, 3..."),
        Column("start", "басталуы", "начало", parse_time, required=True, hint="08:00"),
        Column("end", "аяқталуы", "конец", parse_time, required=True, hint="08:45"),
    ),
    False,
    _build_bells,
    _unbuild_bells,
    unique=("bells", "period"),
    hint="Named bell schedules (shifts). Without this sheet keste builds one from School.",
)


def group_bells(items: list[tuple[str, Period, Source]], problems: Problems) -> list[BellSchedule]:
    """Collect Bells rows into named schedules in first-seen order."""
    by_name: dict[str, list[tuple[Period, Source]]] = {}
    for name, period, source in items:
        by_name.setdefault(name, []).append((period, source))
    schedules = []
    for name, rows in by_name.items():
        rows.sort(key=lambda row: row[0].number)
        schedules.append(BellSchedule(name, tuple(p for p, _ in rows)))
        _check_bell_rows(name, rows, problems)
    return schedules


def _check_bell_rows(name: str, rows: list[tuple[Period, Source]], problems: Problems) -> None:
    for index, (period, source) in enumerate(rows):
        if period.number != index + 1:
            problems.error(
                f"expected periods of schedule '{name}' numbered 1, 2, 3... without holes",
                **problems.at(source, "period"),
                value=period.number,
            )
            break
        if index and period.start < rows[index - 1][0].end:
            previous = rows[index - 1][0]
            problems.error(
                f"expected period {period.number} of '{name}' to start after period "
                f"{previous.number} ends ({format_time(previous.end)}): the bells overlap",
                **problems.at(source, "start"),
                value=format_time(period.start),
            )


def bells_rows(schedules: list[BellSchedule]) -> list[tuple[str, Period]]:
    return [(s.name, p) for s in schedules for p in s.periods]
