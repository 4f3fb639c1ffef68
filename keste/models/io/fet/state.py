"""The import report (what was read, and each constraint type mapped, approximated or not), and
what the steps of one import share: the tree, the school being built, FET's names in keste."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from xml.etree.ElementTree import Element

from keste.models.io.fet.xml import text_of
from keste.models.problems import Problems
from keste.models.school import School


@dataclass
class ImportReport:
    source: str
    activities: int = 0  # FET activities (sub-activities) read
    rows: int = 0  # Activities rows written
    mapped: Counter = field(default_factory=Counter)  # constraint type -> count
    approximated: Counter = field(default_factory=Counter)
    unmapped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


@dataclass
class Students:
    """What a FET students set name stands for in keste: (class, group or None) parts."""

    parts: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    whole_class: dict[str, str] = field(default_factory=dict)  # set name -> class, when whole


@dataclass
class FetImport:
    """One import under way: the file's tree, the school it builds, and the report."""

    root: Element
    report: ImportReport
    problems: Problems
    days: dict[str, str] = field(default_factory=dict)  # FET day name -> Mon, Tue...
    hours: dict[str, int] = field(default_factory=dict)  # FET hour name -> period number
    students: Students = field(default_factory=Students)
    school: School = field(default_factory=School)
    # What the file asks of students' days (hard, for every student): no windows, no late start
    no_windows: bool = False
    no_late_start: bool = False

    @cached_property
    def activity_fields(self) -> list[tuple[str, dict[str, list[str]]]]:
        """Each active activity's id with what FET's filters match on (teachers, students,
        subject, tags, duration), read once."""
        listing = self.root.find("Activities_List")
        found = []
        for activity in listing.findall("Activity") if listing is not None else []:
            if text_of(activity.find("Active")).lower() == "false":
                continue
            fields = {
                "Teacher_Name": [text_of(t) for t in activity.findall("Teacher")],
                "Students_Name": [text_of(s) for s in activity.findall("Students")],
                "Subject_Name": [text_of(activity.find("Subject"))],
                "Activity_Tag_Name": [text_of(t) for t in activity.findall("Activity_Tag")],
                "Duration": [text_of(activity.find("Duration"))],
            }
            found.append((text_of(activity.find("Id")), fields))
        return found
