"""What a school IS: plain typed records for every sheet of the school workbook (docs/format.md).

Records keep their source row (not compared) so later checks can point the user at the right cell.
"""

from __future__ import annotations

import fnmatch
import itertools
from dataclasses import dataclass, field, replace
from functools import cached_property

from keste.models.problems import Source
from keste.models.settings import Settings
from keste.models.values import TimeBlock, format_time, parse_int_ranges


@dataclass(frozen=True)
class Period:
    number: int
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.number} ({format_time(self.start)}-{format_time(self.end)})"


@dataclass
class BellSchedule:
    name: str
    periods: tuple[Period, ...]

    def period(self, number: int) -> Period | None:
        for period in self.periods:
            if period.number == number:
                return period
        return None


@dataclass
class SchoolClass:
    name: str
    grade: int
    students: int
    language: str | None = None
    bells: str | None = None
    home_room: str | None = None
    max_lessons_per_day: int | None = None
    unavailable: tuple[TimeBlock, ...] = ()  # times the class has no lessons here
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass
class Subject:
    code: str
    name: str | None = None
    difficulty: int | None = None
    split: bool = False
    room_type: str | None = None
    double: str = "no"  # no / allowed / required
    max_per_day: int = 1
    co_taught: bool = False  # team teaching: two teachers together
    min_group: int | None = None  # a group formed from choices has at least this many students
    source: Source | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        return self.name or self.code


@dataclass
class CurriculumRow:
    subject: str
    hours: float
    grade: int | None = None
    class_name: str | None = None
    language: str | None = None
    split: bool | None = None
    doubles: int | None = None
    level: str | None = None  # standard / higher: the hours of a subject chosen at that level
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Wish:
    """A teacher's soft wish: 'free day' (any or a given day) or 'avoid' some times."""

    kind: str  # free_day / avoid
    block: TimeBlock | None = None

    def __str__(self) -> str:
        if self.kind == "free_day":
            return f"free day {self.block.day}" if self.block else "free day"
        return f"avoid {self.block}"


@dataclass
class Teacher:
    code: str
    subjects: tuple[str, ...]
    name: str | None = None
    grades: tuple[int, ...] = ()
    min_hours: float | None = None
    max_hours: float | None = None
    unavailable: tuple[TimeBlock, ...] = ()
    wishes: tuple[Wish, ...] = ()
    max_days: int | None = None  # days a week the teacher works at most
    max_lessons_per_day: int | None = None  # lessons a day at most
    source: Source | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        return self.name or self.code

    def can_teach(self, subject: str, grade: int) -> bool:
        return subject in self.subjects and (not self.grades or grade in self.grades)


@dataclass
class LoadRow:
    class_name: str
    subject: str
    teacher: str
    group: int | None = None
    co_teacher: str | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass
class Room:
    name: str
    type: str
    capacity: int | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass
class ElectiveGroup:
    block: str
    classes: tuple[str, ...]
    hours: float
    group: str
    subject: str
    teacher: str | None = None  # empty: keste allocates one
    room_type: str | None = None
    students: int | None = None
    co_teacher: str | None = None
    level: str | None = None  # standard / higher, for a group of students' choices
    members: tuple[str, ...] = ()  # the students in it (names as on the Choices sheet)
    source: Source | None = field(default=None, compare=False, repr=False)

    @property
    def size(self) -> int:
        return len(self.members) or self.students or 0


@dataclass
class ClassGroup:
    """A named group of a class (the Groups sheet): the groups of a class divide it, any way
    (three language groups, profile groups); each can have its own lessons at the same time."""

    class_name: str
    group: str
    students: int | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass
class Activity:
    """Lessons stated directly (the Activities sheet): who sits together (classes, or groups of
    them: a stream of parallel classes), who teaches (any number of teachers), how many a week,
    and how many periods each lasts."""

    activity: str
    students: tuple[str, ...]  # class names, or 'class/group' with a group of the Groups sheet
    subject: str
    lessons: int
    teachers: tuple[str, ...] = ()
    length: int = 1
    max_per_day: int = 1
    room_type: str | None = None
    last_of_day: bool = False  # ends its students' day
    double: str = "no"  # no / allowed / required: two lessons on one day as a double
    times: tuple[TimeBlock, ...] = ()  # its lessons only within these times (none: any time)
    source: Source | None = field(default=None, compare=False, repr=False)

    def parts(self) -> list[tuple[str, str | None]]:
        """(class, group or None) for each students entry."""
        return [
            (entry.split("/", 1)[0], entry.split("/", 1)[1] if "/" in entry else None)
            for entry in self.students
        ]


@dataclass
class Choice:
    student: str
    class_name: str
    subject: str
    level: str | None = None  # standard / higher
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass
class Lock:
    class_name: str
    subject: str
    day: str
    period: int
    group: int | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass
class MealRule:
    meal: str
    classes: tuple[str, ...]
    window: tuple[int, ...]
    canteen_capacity: int | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass
class School:
    settings: Settings = field(default_factory=Settings)
    bells: list[BellSchedule] = field(default_factory=list)
    classes: list[SchoolClass] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    curriculum: list[CurriculumRow] = field(default_factory=list)
    teachers: list[Teacher] = field(default_factory=list)
    load: list[LoadRow] = field(default_factory=list)
    rooms: list[Room] = field(default_factory=list)
    electives: list[ElectiveGroup] = field(default_factory=list)
    groups: list[ClassGroup] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    locks: list[Lock] = field(default_factory=list)
    meals: list[MealRule] = field(default_factory=list)

    @cached_property
    def class_by_name(self) -> dict[str, SchoolClass]:
        return {c.name: c for c in self.classes}

    @cached_property
    def subject_by_code(self) -> dict[str, Subject]:
        return {s.code: s for s in self.subjects}

    @cached_property
    def teacher_by_code(self) -> dict[str, Teacher]:
        return {t.code: t for t in self.teachers}

    @cached_property
    def room_by_name(self) -> dict[str, Room]:
        return {r.name: r for r in self.rooms}

    @property
    def default_bells(self) -> str:
        return self.bells[0].name if self.bells else "main"

    def bells_of(self, school_class: SchoolClass) -> str:
        return school_class.bells or self.default_bells

    def max_lessons_per_day(self, school_class: SchoolClass) -> int:
        if school_class.max_lessons_per_day:
            return school_class.max_lessons_per_day
        limits = self.settings.max_lessons_per_day
        return limits.get(school_class.grade, max(limits.values(), default=7))

    def is_primary(self, grade: int) -> bool:
        return grade in self.settings.primary_grades

    def subject_max_per_day(self, code: str) -> int:
        subject = self.subject_by_code.get(code)
        return subject.max_per_day if subject else 1

    def group_limits(self, code: str) -> tuple[int, int]:
        """Fewest and most students in a group formed from choices: the subject's min_group (or
        min_group_students); max_group_students (split_threshold - 1), and no more than the
        largest room of the subject's type seats."""
        subject = self.subject_by_code.get(code)
        least = (subject.min_group if subject else None) or self.settings.min_group_students
        most = self.settings.largest_group
        room_type = subject.room_type if subject else None
        seats = [r.capacity for r in self.rooms if room_type and r.type == room_type]
        if seats and all(seats):
            most = min(most, max(seats))
        return least, most

    @cached_property
    def member_groups(self) -> dict[str, list[ElectiveGroup]]:
        """Student -> the elective groups that list them as a member."""
        found: dict[str, list[ElectiveGroup]] = {}
        for group in self.electives:
            for member in group.members:
                found.setdefault(member, []).append(group)
        return found

    @cached_property
    def chosen_subjects(self) -> dict[str, frozenset[str]]:
        """Class -> the subjects chosen in its grade (the Choices sheet), for each class with
        choices: taught in groups of the students who chose them, not to the whole class."""
        by_grade: dict[int, set[str]] = {}
        choosing: set[str] = set()
        for choice in self.choices:
            school_class = self.class_by_name.get(choice.class_name)
            if school_class is not None:
                by_grade.setdefault(school_class.grade, set()).add(choice.subject)
                choosing.add(school_class.name)
        return {
            name: frozenset(by_grade[self.class_by_name[name].grade]) for name in sorted(choosing)
        }

    @cached_property
    def groups_of(self) -> dict[str, tuple[str, ...]]:
        """Class -> the names of its groups on the Groups sheet (none for most classes)."""
        found: dict[str, tuple[str, ...]] = {}
        for row in self.groups:
            found[row.class_name] = (*found.get(row.class_name, ()), row.group)
        return found


def select_classes(selector: tuple[str, ...], classes: list[SchoolClass]) -> list[SchoolClass]:
    """Classes named by a selector: grades ('1-4', '7'), class names ('5A') or patterns ('11*')."""
    chosen: list[SchoolClass] = []
    for item in selector:
        matched = _match_selector_item(item, classes)
        chosen.extend(c for c in matched if c not in chosen)
    return chosen


def _match_selector_item(item: str, classes: list[SchoolClass]) -> list[SchoolClass]:
    if any(c.name == item for c in classes):
        return [c for c in classes if c.name == item]
    if "*" in item or "?" in item:
        return [c for c in classes if fnmatch.fnmatchcase(c.name.lower(), item.lower())]
    try:
        grades = parse_int_ranges(item)
    except ValueError:
        return []
    return [c for c in classes if c.grade in grades]


def promoted(rows: list[LoadRow]) -> list[LoadRow]:
    """Last year's Load rows under this year's class names: last year's 6A is this year's 7A."""
    return [replace(row, class_name=_next_year(row.class_name)) for row in rows]


def _next_year(class_name: str) -> str:
    digits = "".join(itertools.takewhile(str.isdigit, class_name))
    rest = class_name[len(digits) :]
    return f"{int(digits) + 1}{rest}" if digits and rest else class_name
