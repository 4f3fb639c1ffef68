"""Times in a FET file: when something may not or must happen, read as keste's time blocks, and
FET's preferred times of activities as the Activities rows' times."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from xml.etree.ElementTree import Element

from keste.models.io.fet.state import FetImport
from keste.models.io.fet.xml import text_of, weight_of
from keste.models.school import Activity
from keste.models.values import TimeBlock


def read_times(
    fet: FetImport,
    element: Element,
    tag: str = "Not_Available_Time",
    day_tag: str = "Day",
    hour_tag: str = "Hour",
) -> list[tuple[str, int]] | None:
    """The (day, period) of each of a constraint's times; None if one names no day or hour."""
    times = []
    for when in element.findall(tag):
        day = fet.days.get(text_of(when.find(day_tag)))
        period = fet.hours.get(text_of(when.find(hour_tag)))
        if day is None or period is None:
            return None
        times.append((day, period))
    return times


def merge_blocks(existing: tuple[TimeBlock, ...], times: list[tuple[str, int]]) -> tuple:
    """Time blocks covering both the existing blocks and the times, a block a day."""
    by_day: dict[str, set[int]] = defaultdict(set)
    for block in existing:
        by_day[block.day] |= set(block.periods)
    for day, period in times:
        by_day[day].add(period)
    return tuple(TimeBlock(day, tuple(sorted(periods))) for day, periods in by_day.items())


def preferred_times(fet: FetImport, element: Element, rows_of: dict) -> str:
    """An activity's, or the matching activities', preferred time slots or starting times (hard):
    their Activities rows' times. A rule on some of a row's lessons splits them into a row of
    their own; a lesson of several periods may start anywhere its periods all lie within the
    starting times' reach (looser)."""
    if weight_of(element) < 100:
        fet.report.note("soft preferred times of activities are not imposed in keste")
        return "approximated"
    starting = "StartingTimes" in element.tag
    slots = _slots(fet, element, starting)
    ids = [i for i in _activity_ids(fet, element) if rows_of.get(i)]
    if slots is None or not ids:
        return "unmapped"
    exact = True
    for row in _own_rows(fet, ids, rows_of):
        reach = {(day, period + k) for day, period in slots for k in range(row.length)}
        allowed = reach & _slot_set(fet, row.times) if row.times else reach
        if not allowed:
            return "unmapped"  # no time left: FET's file contradicts itself
        row.times = merge_blocks((), sorted(allowed))
        exact = exact and not (starting and row.length > 1)
    return "mapped" if exact else "approximated"


def _own_rows(fet: FetImport, ids: list[str], rows_of: dict) -> list[Activity]:
    """The rows of these sub-activities, each holding only them: a row with other lessons too
    gives these their own row (both keep the row's limit a day)."""
    members: dict[int, list[str]] = defaultdict(list)
    row_of = {}
    for i in ids:
        row = rows_of[i][0]
        members[id(row)].append(i)
        row_of[id(row)] = row
    rows = []
    for key, chosen in members.items():
        row = row_of[key]
        if len(chosen) < row.lessons:
            fet.report.note(
                "a rule on some of an activity's lessons gives them an Activities row of their "
                "own, with the activity's limit of lessons a day each"
            )
            row.lessons -= len(chosen)
            row = replace(row, activity=f"{row.activity}.{chosen[0]}", lessons=len(chosen))
            fet.school.activities.append(row)
            fet.report.rows += 1
            for i in chosen:
                rows_of[i] = [row]
        rows.append(row)
    return rows


def _slots(fet: FetImport, element: Element, starting: bool) -> list[tuple[str, int]] | None:
    if starting:
        return read_times(
            fet,
            element,
            "Preferred_Starting_Time",
            "Preferred_Starting_Day",
            "Preferred_Starting_Hour",
        )
    return read_times(fet, element, "Preferred_Time_Slot", "Preferred_Day", "Preferred_Hour")


def _slot_set(fet: FetImport, blocks: tuple[TimeBlock, ...]) -> set[tuple[str, int]]:
    every = range(1, len(fet.hours) + 1)
    return {(b.day, p) for b in blocks for p in (b.periods or every)}


def _activity_ids(fet: FetImport, element: Element) -> list[str]:
    """The one activity a constraint names, or those its filters match as FET matches them: the
    teacher among the activity's, students sharing some students with the activity's, the same
    subject, the tag among its tags, the same duration."""
    named = element.find("Activity_Id")
    if named is not None:
        return [text_of(named)]
    filters = ("Teacher_Name", "Subject_Name", "Activity_Tag_Name", "Duration")
    wanted = {tag: text_of(element.find(tag)) for tag in filters}
    students = text_of(element.find("Students_Name"))
    return [
        activity
        for activity, fields in fet.activity_fields
        if all(not value or value in fields[tag] for tag, value in wanted.items())
        and (not students or any(_share(fet, students, s) for s in fields["Students_Name"]))
    ]


def _share(fet: FetImport, one: str, other: str) -> bool:
    """Do two FET students sets share students? Parts of one class overlap unless both name
    different groups of it."""
    parts = fet.students.parts
    return any(
        c1 == c2 and (g1 is None or g2 is None or g1 == g2)
        for c1, g1 in parts.get(one, [])
        for c2, g2 in parts.get(other, [])
    )
