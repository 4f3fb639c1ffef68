"""Import a FET (.fet) timetable file into a school.

FET states lessons as activities (students sets, teachers, subject, duration) split into weekly
sub-activities; keste's Activities sheet holds them one row per activity group and length. Students
sets: a year with groups becomes one class per group (its subgroups, when more than one, become
the class's Groups); a year without groups is a class; a year whose groups overlap (several
divisions) is one class whose groups are the subgroups. Constraints keste can express are mapped;
the rest is listed by type and count in the import report, nothing silently. The XML is parsed with
defusedxml: no entity expansion, no external references.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException

from keste.models.problems import Problems
from keste.models.school import (
    Activity,
    ClassGroup,
    Lock,
    Room,
    School,
    SchoolClass,
    Settings,
    Subject,
    Teacher,
)
from keste.models.values import DAYS, TimeBlock

IMPLIED = {"ConstraintBasicCompulsoryTime", "ConstraintBasicCompulsorySpace"}
# FET has none of these rules: an imported school is judged by FET's own constraints only.
WEIGHTS_OFF = ("difficulty_profile", "hard_subject_position", "hardest_back_to_back")


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
class _Students:
    """What a FET students set name stands for in keste: (class, group or None) parts."""

    parts: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    whole_class: dict[str, str] = field(default_factory=dict)  # set name -> class, when whole


def read_fet(path: Path | str) -> tuple[School | None, ImportReport, Problems]:
    path = Path(path)
    problems = Problems()
    report = ImportReport(path.name)
    try:
        root = SafeXML.parse(path).getroot()
    except (OSError, DefusedXmlException, SafeXML.ParseError) as error:
        problems.error(f"expected a readable FET file (XML): {error}", sheet=str(path))
        return None, report, problems
    if root.tag != "fet":
        problems.error(
            f"expected a FET file (root element <fet>), not <{root.tag}>", sheet=str(path)
        )
        return None, report, problems
    return _Importer(root, report, problems).school(), report, problems


class _Importer:
    def __init__(self, root: Element, report: ImportReport, problems: Problems):
        self.root = root
        self.report = report
        self.problems = problems
        self.days: dict[str, str] = {}  # FET day name -> Mon, Tue...
        self.hours: dict[str, int] = {}  # FET hour name -> period number
        self.students = _Students()
        self.school_data = School()

    def school(self) -> School | None:
        school = self.school_data
        self._time()
        if self.problems.has_errors():
            return None
        school.subjects = [
            Subject(_code(name)) for name in _names(self.root, "Subjects_List", "Subject")
        ]
        school.classes, school.groups = self._students()
        school.teachers = [
            Teacher(_code(name), ()) for name in _names(self.root, "Teachers_List", "Teacher")
        ]
        groups = self._activities()
        self._constraints(groups)
        self._qualify_teachers()
        return school

    # -------------------------------------------------------------- days, hours, settings

    def _time(self) -> None:
        days = _names(self.root, "Days_List", "Day")
        hours = _names(self.root, "Hours_List", "Hour")
        if not 1 <= len(days) <= len(DAYS) or not hours:
            self.problems.error(
                f"expected 1 to 7 days and some hours; the file has {len(days)} days and "
                f"{len(hours)} hours",
                sheet="Days_List",
            )
            return
        self.days = dict(zip(days, DAYS, strict=False))
        self.hours = {name: number for number, name in enumerate(hours, start=1)}
        name = _text(self.root.find("Institution_Name")) or "Imported from FET"
        settings = Settings(
            name=name,
            days=DAYS[: len(days)],
            periods_per_day=len(hours),
            language="en",
            primary_grades=(),
        )
        settings.max_lessons_per_day = {grade: len(hours) for grade in range(13)}
        settings.max_weekly_hours = {}  # the Kazakh maximum loads do not apply
        settings.weights = dict.fromkeys(WEIGHTS_OFF, 0)
        self.school_data.settings = settings
        self.report.note(
            "days "
            + ", ".join(f"{n} = {c}" for n, c in self.days.items())
            + "; hours "
            + ", ".join(f"{n} = period {p}" for n, p in self.hours.items())
        )

    # -------------------------------------------------------------- students

    def _students(self) -> tuple[list[SchoolClass], list[ClassGroup]]:
        classes: list[SchoolClass] = []
        groups: list[ClassGroup] = []
        years = self.root.find("Students_List")
        for index, year in enumerate(years.findall("Year") if years is not None else []):
            year_name = _text(year.find("Name"))
            grade = _grade(year_name, index)
            size = _int(year.find("Number_of_Students"))
            fet_groups = year.findall("Group")
            if fet_groups and not _overlap(fet_groups):
                members = []
                for group in fet_groups:
                    name = _code(_text(group.find("Name")), slash=True)
                    classes.append(SchoolClass(name, grade, _int(group.find("Number_of_Students"))))
                    members.append((name, None))
                    self._group_students(group, name, groups)
                self.students.parts[year_name] = members
                continue
            name = _code(year_name, slash=True)
            classes.append(SchoolClass(name, grade, size))
            self.students.parts[year_name] = [(name, None)]
            self.students.whole_class[year_name] = name
            if fet_groups:  # several divisions: the subgroups are the class's groups
                self.report.note(f"year {year_name}: its groups overlap; its subgroups are groups")
                seen = set()
                for group in fet_groups:
                    parts = []
                    for subgroup in group.findall("Subgroup"):
                        sub = _code(_text(subgroup.find("Name")), slash=True)
                        parts.append((name, sub))
                        self.students.parts[_text(subgroup.find("Name"))] = [(name, sub)]
                        if sub not in seen:
                            seen.add(sub)
                            students = _int(subgroup.find("Number_of_Students")) or None
                            groups.append(ClassGroup(name, sub, students))
                    self.students.parts[_text(group.find("Name"))] = parts
        return classes, groups

    def _group_students(self, group: Element, class_name: str, groups: list) -> None:
        fet_name = _text(group.find("Name"))
        self.students.parts[fet_name] = [(class_name, None)]
        self.students.whole_class[fet_name] = class_name
        subgroups = group.findall("Subgroup")
        if len(subgroups) == 1:  # the whole class under another name
            sub_name = _text(subgroups[0].find("Name"))
            self.students.parts[sub_name] = [(class_name, None)]
            self.students.whole_class[sub_name] = class_name
            return
        for subgroup in subgroups:
            sub_name = _text(subgroup.find("Name"))
            code = _code(sub_name, slash=True)
            self.students.parts[sub_name] = [(class_name, code)]
            students = _int(subgroup.find("Number_of_Students")) or None
            groups.append(ClassGroup(class_name, code, students))

    # -------------------------------------------------------------- activities

    def _activities(self) -> dict[str, list[Activity]]:
        """Activities rows, one per FET activity group and duration; FET activity id -> rows."""
        by_group: dict[str, list[Element]] = defaultdict(list)
        listing = self.root.find("Activities_List")
        for element in listing.findall("Activity") if listing is not None else []:
            self.report.activities += 1
            if _text(element.find("Active")).lower() == "false":
                self.report.unmapped["inactive activity"] += 1
                continue
            group_id = _text(element.find("Activity_Group_Id"))
            key = group_id if group_id not in ("", "0") else "a" + _text(element.find("Id"))
            by_group[key].append(element)
        rows_of: dict[str, list[Activity]] = {}
        for key, elements in by_group.items():
            by_length: dict[int, list[Element]] = defaultdict(list)
            for element in elements:
                by_length[max(1, _int(element.find("Duration")))].append(element)
            for length, members in sorted(by_length.items()):
                row = self._activity_row(key, length, members, len(by_length) > 1)
                if row is None:
                    continue
                self.school_data.activities.append(row)
                for element in members:
                    rows_of[_text(element.find("Id"))] = [row]
        self.report.rows = len(self.school_data.activities)
        return rows_of

    def _activity_row(
        self, key: str, length: int, members: list[Element], several_lengths: bool
    ) -> Activity | None:
        first = members[0]
        students = []
        for element in first.findall("Students"):
            parts = self.students.parts.get(_text(element))
            if parts is None:
                self.report.unmapped["activity with unknown students"] += 1
                return None
            students += [f"{c}/{g}" if g else c for c, g in parts]
        if not students:
            self.report.unmapped["activity without students"] += len(members)
            return None
        teachers = tuple(_code(_text(t)) for t in first.findall("Teacher"))
        name = key if not several_lengths else f"{key}-{length}"
        return Activity(
            name,
            tuple(dict.fromkeys(students)),
            _code(_text(first.find("Subject"))),
            len(members),
            teachers,
            length=length,
            max_per_day=len(members),  # FET allows any number a day unless told otherwise
        )

    # -------------------------------------------------------------- constraints

    def _constraints(self, rows_of: dict[str, list[Activity]]) -> None:
        listing = self.root.find("Time_Constraints_List")
        space = self.root.find("Space_Constraints_List")
        elements = [
            *(listing if listing is not None else []),
            *(space if space is not None else []),
        ]
        for element in elements:
            kind = element.tag
            if _text(element.find("Active")).lower() == "false":
                self.report.unmapped[f"{kind} (inactive)"] += 1
                continue
            handler = getattr(self, f"_{kind}", None)
            if kind in IMPLIED:
                self.report.mapped[kind] += 1
            elif handler is None:
                self.report.unmapped[kind] += 1
            else:
                outcome = handler(element, rows_of)
                {"mapped": self.report.mapped, "approximated": self.report.approximated}.get(
                    outcome, self.report.unmapped
                )[kind] += 1

    def _weight(self, element: Element) -> float:
        try:
            return float(_text(element.find("Weight_Percentage")) or 100)
        except ValueError:
            return 100.0

    def _hard(self, element: Element, exact: bool = True) -> str:
        """mapped when FET holds it as hard; approximated when FET's is soft (keste's is hard)."""
        return "mapped" if exact and self._weight(element) >= 100 else "approximated"

    def _times(self, element: Element) -> list[tuple[str, int]] | None:
        times = []
        for when in element.findall("Not_Available_Time"):
            day = self.days.get(_text(when.find("Day")))
            period = self.hours.get(_text(when.find("Hour")))
            if day is None or period is None:
                return None
            times.append((day, period))
        return times

    def _ConstraintTeacherNotAvailableTimes(self, element, rows_of) -> str:
        teacher = self._teacher(_text(element.find("Teacher")))
        times = self._times(element)
        if teacher is None or times is None:
            return "unmapped"
        teacher.unavailable = _blocks(teacher.unavailable, times)
        return self._hard(element)

    def _ConstraintStudentsSetNotAvailableTimes(self, element, rows_of) -> str:
        parts = self.students.parts.get(_text(element.find("Students")), [])
        times = self._times(element)
        if not parts or times is None or any(group for _, group in parts):
            return "unmapped"  # keste's unavailable times are a whole class's
        for class_name, _ in parts:
            school_class = next(c for c in self.school_data.classes if c.name == class_name)
            school_class.unavailable = _blocks(school_class.unavailable, times)
        return self._hard(element)

    def _ConstraintTeacherMaxDaysPerWeek(self, element, rows_of) -> str:
        teacher = self._teacher(_text(element.find("Teacher_Name")))
        if teacher is None:
            return "unmapped"
        teacher.max_days = _int(element.find("Max_Days_Per_Week"))
        return self._hard(element)

    def _ConstraintMinDaysBetweenActivities(self, element, rows_of) -> str:
        """The lessons of one activity on different days: max_per_day 1; with FET's 'consecutive
        if same day', two of them may form a double lesson instead."""
        if self._weight(element) == 0:
            self.report.note("constraints of weight 0 have no effect in FET and none in keste")
            return "mapped"
        ids = [_text(i) for i in element.findall("Activity_Id")]
        rows = {id(row): row for i in ids for row in rows_of.get(i, [])}
        if not rows or len({row.activity.split("-")[0] for row in rows.values()}) > 1:
            return "unmapped"  # activities of different groups: keste cannot say it
        consecutive = _text(element.find("Consecutive_If_Same_Day")).lower() == "true"
        soft = self._weight(element) < 100
        for row in rows.values():
            row.max_per_day = 1
            if (consecutive or soft) and row.length == 1:
                row.double = "allowed"
        if len(rows) > 1:
            self.report.note(
                "an activity with lessons of different lengths becomes one row per length, each "
                "at most once a day; two of its rows may share a day"
            )
        exact = _int(element.find("MinDays")) == 1 and len(rows) == 1
        if not exact:
            self.report.note("MinDaysBetweenActivities above 1 day is kept as one a day")
        if soft:
            self.report.note(
                "soft MinDaysBetweenActivities become hard in keste, relaxed to one lesson or one "
                "double lesson a day"
            )
        return self._hard(element, exact)

    def _ConstraintActivityEndsStudentsDay(self, element, rows_of) -> str:
        rows = rows_of.get(_text(element.find("Activity_Id")), [])
        if not rows:
            return "unmapped"
        for row in rows:
            row.last_of_day = True
        return self._hard(element, exact=all(r.lessons == 1 for r in rows))

    def _ConstraintActivityPreferredStartingTime(self, element, rows_of) -> str:
        rows = rows_of.get(_text(element.find("Activity_Id")), [])
        day = self.days.get(_text(element.find("Preferred_Day")))
        period = self.hours.get(_text(element.find("Preferred_Hour")))
        if len(rows) != 1 or day is None or period is None:
            return "unmapped"
        row = rows[0]
        if any("/" in part for part in row.students):
            return "unmapped"  # a lock pins a whole class's lesson
        for class_name in row.students:
            self.school_data.locks.append(Lock(class_name, row.subject, day, period))
        return self._hard(element)

    def _ConstraintStudentsMaxGapsPerWeek(self, element, rows_of) -> str:
        return self._compact(element, "Max_Gaps")

    def _ConstraintStudentsSetMaxGapsPerWeek(self, element, rows_of) -> str:
        return self._compact(element, "Max_Gaps")

    def _ConstraintStudentsMaxGapsPerDay(self, element, rows_of) -> str:
        return self._compact(element, "Max_Gaps")

    def _ConstraintStudentsEarlyMaxBeginningsAtSecondHour(self, element, rows_of) -> str:
        return self._compact(element, "Max_Beginnings_At_Second_Hour")

    def _compact(self, element: Element, allowance: str) -> str:
        """keste keeps every student's day compact from its first period: the same as FET's
        rule with 0 allowed, stricter otherwise."""
        if _int(element.find(allowance)) == 0:
            return self._hard(element)
        self.report.note(
            "students' days are compact from the first period in keste: stricter than the file's "
            "allowance of gaps or late starts"
        )
        return "approximated"

    def _ConstraintTeachersMaxGapsPerWeek(self, element, rows_of) -> str:
        self.report.note("teachers' gaps are a soft rule in keste (weight_teacher_gaps)")
        return "approximated"

    def _ConstraintTeacherMaxGapsPerWeek(self, element, rows_of) -> str:
        return self._ConstraintTeachersMaxGapsPerWeek(element, rows_of)

    def _ConstraintTeachersMaxHoursDaily(self, element, rows_of) -> str:
        if _int(element.find("Maximum_Hours_Daily")) >= len(self.hours):
            return "mapped"  # a full day: always true
        return "unmapped"

    def _ConstraintSubjectPreferredRoom(self, element, rows_of) -> str:
        subject = _code(_text(element.find("Subject")))
        room = _code(_text(element.find("Room")))
        known = {s.code: s for s in self.school_data.subjects}
        if subject not in known:
            return "unmapped"
        if not any(r.name == room for r in self.school_data.rooms):
            capacity = self._room_capacity(_text(element.find("Room")))
            self.school_data.rooms.append(Room(room, room, capacity))
        known[subject].room_type = room
        return self._hard(element)

    def _room_capacity(self, fet_name: str) -> int | None:
        listing = self.root.find("Rooms_List")
        for room in listing.findall("Room") if listing is not None else []:
            if _text(room.find("Name")) == fet_name:
                return _int(room.find("Capacity")) or None
        return None

    # -------------------------------------------------------------- helpers

    def _teacher(self, name: str) -> Teacher | None:
        code = _code(name)
        return next((t for t in self.school_data.teachers if t.code == code), None)

    def _qualify_teachers(self) -> None:
        """Each teacher teaches the subjects of their activities."""
        subjects: dict[str, set[str]] = defaultdict(set)
        for row in self.school_data.activities:
            for teacher in row.teachers:
                subjects[teacher].add(row.subject)
        for teacher in self.school_data.teachers:
            teacher.subjects = tuple(sorted(subjects.get(teacher.code, ())))
        used = {t for row in self.school_data.activities for t in row.teachers}
        self.school_data.teachers = [t for t in self.school_data.teachers if t.code in used]


def _names(root: Element, listing: str, item: str) -> list[str]:
    found = root.find(listing)
    return [_text(e.find("Name")) for e in found.findall(item)] if found is not None else []


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _int(element: Element | None) -> int:
    try:
        return int(float(_text(element) or 0))
    except ValueError:
        return 0


def _code(name: str, slash: bool = False) -> str:
    """A FET name as a keste code: commas and semicolons separate list items in keste, and a
    slash separates a class from its group on Activities."""
    code = re.sub(r"[,;]", " ", name)
    if slash:
        code = code.replace("/", "-")
    return " ".join(code.split())


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _grade(name: str, index: int) -> int:
    """A year's grade: its number (1-12), its first digit (101 is grade 1), or a Roman numeral."""
    digits = re.match(r"\d+", name)
    if digits:
        number = int(digits.group())
        return number if number <= 12 else int(digits.group()[0])
    roman = re.match(r"[IVX]+", name.upper())
    if roman:
        values = [_ROMAN[c] for c in roman.group()]
        total = sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
        if 1 <= total <= 12:
            return total
    return min(index + 1, 12)


def _overlap(groups: list[Element]) -> bool:
    """Do a year's groups share subgroups (several ways of dividing it)?"""
    seen: Counter = Counter()
    for group in groups:
        for subgroup in group.findall("Subgroup"):
            seen[_text(subgroup.find("Name"))] += 1
    return any(count > 1 for count in seen.values())


def _blocks(existing: tuple[TimeBlock, ...], times: list[tuple[str, int]]) -> tuple:
    by_day: dict[str, set[int]] = defaultdict(set)
    for block in existing:
        by_day[block.day] |= set(block.periods)
    for day, period in times:
        by_day[day].add(period)
    return tuple(TimeBlock(day, tuple(sorted(periods))) for day, periods in by_day.items())
