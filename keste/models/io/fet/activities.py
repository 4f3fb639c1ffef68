"""FET's activities as Activities rows: one row per activity group and length (FET splits an
activity into weekly sub-activities), and teachers qualified for the subjects they teach."""

from __future__ import annotations

from collections import defaultdict
from xml.etree.ElementTree import Element

from keste.models.io.fet.state import FetImport
from keste.models.io.fet.xml import int_of, keste_code, text_of
from keste.models.school import Activity, School


def read_activities(fet: FetImport) -> dict[str, list[Activity]]:
    """Activities rows, one per FET activity group and duration; FET activity id -> rows."""
    by_group: dict[str, list[Element]] = defaultdict(list)
    listing = fet.root.find("Activities_List")
    for element in listing.findall("Activity") if listing is not None else []:
        fet.report.activities += 1
        if text_of(element.find("Active")).lower() == "false":
            fet.report.unmapped["inactive activity"] += 1
            continue
        group_id = text_of(element.find("Activity_Group_Id"))
        key = group_id if group_id not in ("", "0") else "a" + text_of(element.find("Id"))
        by_group[key].append(element)
    rows_of: dict[str, list[Activity]] = {}
    for key, elements in by_group.items():
        by_length: dict[int, list[Element]] = defaultdict(list)
        for element in elements:
            by_length[max(1, int_of(element.find("Duration")))].append(element)
        for length, members in sorted(by_length.items()):
            row = _activity_row(fet, key, length, members, len(by_length) > 1)
            if row is None:
                continue
            fet.school.activities.append(row)
            for element in members:
                rows_of[text_of(element.find("Id"))] = [row]
    fet.report.rows = len(fet.school.activities)
    return rows_of


def _activity_row(
    fet: FetImport, key: str, length: int, members: list[Element], several_lengths: bool
) -> Activity | None:
    first = members[0]
    students = []
    for element in first.findall("Students"):
        parts = fet.students.parts.get(text_of(element))
        if parts is None:
            fet.report.unmapped["activity with unknown students"] += 1
            return None
        students += [f"{c}/{g}" if g else c for c, g in parts]
    if not students:
        fet.report.unmapped["activity without students"] += len(members)
        return None
    teachers = tuple(keste_code(text_of(t)) for t in first.findall("Teacher"))
    name = key if not several_lengths else f"{key}-{length}"
    return Activity(
        name,
        tuple(dict.fromkeys(students)),
        keste_code(text_of(first.find("Subject"))),
        len(members),
        teachers,
        length=length,
        max_per_day=len(members),  # FET allows any number a day unless told otherwise
    )


def qualify_teachers(school: School) -> None:
    """Each teacher teaches the subjects of their activities; teachers with none are left out."""
    subjects: dict[str, set[str]] = defaultdict(set)
    for row in school.activities:
        for teacher in row.teachers:
            subjects[teacher].add(row.subject)
    for teacher in school.teachers:
        teacher.subjects = tuple(sorted(subjects.get(teacher.code, ())))
    used = {t for row in school.activities for t in row.teachers}
    school.teachers = [t for t in school.teachers if t.code in used]
