"""Demand expansion: the school's curriculum, load and electives become meetings.

A Meeting is one recurring lesson type: the sections that sit in it at the same time (a whole
class; the two halves of a split class, each with its teacher; the groups of an elective block), the
student sets it occupies, and how many periods a week it needs. Academic hours become lessons of the
school's length (6 hours of 40 minutes = 4 lessons of 60); a half hour becomes a lesson every other
week, paired with another half-hour item of the class where possible (weeks A and B).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from keste.models.curriculum import (
    class_curriculum,
    is_split,
    lessons_for_hours,
    subject_difficulty,
)
from keste.models.problems import Problems
from keste.models.school import ElectiveGroup, LoadRow, School, SchoolClass, select_classes
from keste.models.values import format_number

GENERIC_ROOM = "classroom"  # the room type of ordinary lessons away from the home room


@dataclass(frozen=True)
class Section:
    """Who sits together in one part of a meeting, with whom, and where."""

    subject: str
    classes: tuple[str, ...]
    group: str | None  # None: the whole class; "1"/"2": a half; else an elective group
    teachers: tuple[str, ...]
    room_type: str | None = None  # a room of this type is needed
    home_room: str | None = None  # or this very room (the class's own)
    students: int = 0
    week: str | None = None  # None: every week; "A" or "B": every other week
    difficulty: int = 0


@dataclass
class Meeting:
    index: int
    sections: tuple[Section, ...]
    classes: tuple[str, ...]
    bells: str
    lessons: int  # periods a week
    min_doubles: int = 0
    max_doubles: int = 0
    max_per_day: int = 1
    block: str | None = None  # an elective block: its classes are busy whole
    last_of_day: bool = False  # ends its students' day (a lone every-other-week lesson, or asked)
    activity: str | None = None  # a row of the Activities sheet
    length: int = 1  # periods each lesson lasts (lessons counts periods)
    sets: tuple[str, ...] = ()  # atomic student sets it occupies (filled in by expand)
    set_difficulty: dict[str, int] = field(default_factory=dict)

    @property
    def teachers(self) -> tuple[str, ...]:
        return tuple(sorted({t for s in self.sections for t in s.teachers}))

    @property
    def subjects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.subject for s in self.sections))

    def room_needs(self) -> dict[tuple[str, str], int]:
        """Rooms taken while the meeting runs: ('type', T) or ('home', room) -> how many.

        Sections of week A and week B share a slot, so the busier week counts.
        """
        needs: dict[tuple[str, str], int] = {}
        for week in ("A", "B"):
            counted: dict[tuple[str, str], int] = defaultdict(int)
            for section in self.sections:
                if section.week not in (None, week):
                    continue
                if section.home_room:
                    counted[("home", section.home_room)] += 1
                elif section.room_type:
                    counted[("type", section.room_type)] += 1
            for key, count in counted.items():
                needs[key] = max(needs.get(key, 0), count)
        return needs

    @property
    def label(self) -> str:
        if self.block:
            return f"block {self.block} ({','.join(self.classes)})"
        if self.activity:
            return f"activity {self.activity} ({','.join(self.classes)})"
        parts = [s.subject + (f" g{s.group}" if s.group else "") for s in self.sections]
        return f"{','.join(self.classes)} {'+'.join(dict.fromkeys(parts))}"


@dataclass
class Demand:
    meetings: list[Meeting]
    sets_of_class: dict[str, tuple[str, ...]]  # class -> its atomic student sets


@dataclass
class _Item:
    """A (class, subject) need before it is turned into meetings."""

    school_class: SchoolClass
    subject: str
    lessons: float
    sections: list[Section]
    doubles: tuple[int, int]
    max_per_day: int


def expand(school: School, problems: Problems, load: list[LoadRow] | None = None) -> Demand:
    """Meetings for the whole school. Missing teachers are reported as problems."""
    teachers = _teacher_index(load if load is not None else school.load)
    meetings: list[Meeting] = []
    for school_class in school.classes:
        items = _class_items(school, school_class, teachers, problems)
        meetings += _class_meetings(school, school_class, items)
    meetings += _block_meetings(school, problems)
    meetings += _activity_meetings(school, problems)
    for index, meeting in enumerate(meetings):
        meeting.index = index
    sets_of_class = _atomic_sets(school, meetings)
    for meeting in meetings:
        _assign_sets(meeting, sets_of_class)
    return Demand(meetings, sets_of_class)


def _teacher_index(load: list[LoadRow]) -> dict[tuple[str, str, int | None], tuple[str, ...]]:
    index = {}
    for row in load:
        index[(row.class_name, row.subject, row.group)] = tuple(
            t for t in (row.teacher, row.co_teacher) if t
        )
    return index


def _class_items(
    school: School,
    school_class: SchoolClass,
    teachers: dict[tuple[str, str, int | None], tuple[str, ...]],
    problems: Problems,
) -> list[_Item]:
    items = []
    for subject_code, row in class_curriculum(school, school_class).items():
        subject = school.subject_by_code.get(subject_code)
        if subject is None:
            continue
        lessons = lessons_for_hours(school, row.hours)
        exact = row.hours * school.settings.hour_minutes / school.settings.lesson_minutes
        if abs(exact - lessons) > 1e-9:
            problems.warning(
                f"{format_number(row.hours)} hours of {school.settings.hour_minutes} minutes make "
                f"{exact:.2f} lessons of {school.settings.lesson_minutes} minutes; keste plans "
                f"{format_number(lessons)}",
                **problems.at(row.source, "hours"),
                value=format_number(row.hours),
            )
        groups: tuple[int | None, ...] = (1, 2) if is_split(school, school_class, row) else (None,)
        sections = []
        for group in groups:
            who = teachers.get((school_class.name, subject_code, group))
            if not who:
                problems.error(
                    f"nobody teaches {subject_code} in {school_class.name}"
                    + (f" group {group}" if group else "")
                    + ": add a Load row (or let keste allocate it)",
                    sheet="Load",
                    value=f"{school_class.name} {subject_code}",
                )
                who = ()
            sections.append(_section(school, school_class, subject_code, group, who))
        items.append(
            _Item(
                school_class,
                subject_code,
                lessons,
                sections,
                _doubles(school, school_class, row.doubles, subject.double, lessons),
                subject.max_per_day,
            )
        )
    return items


def _section(
    school: School,
    school_class: SchoolClass,
    subject_code: str,
    group: int | None,
    teachers: tuple[str, ...],
) -> Section:
    subject = school.subject_by_code[subject_code]
    students = school_class.students
    if group is not None:
        students = (students + (1 if group == 1 else 0)) // 2
    room_type, home_room = subject.room_type, None
    if room_type is None:
        room_type, home_room = ordinary_room(school, school_class, group in (None, 1))
    return Section(
        subject_code,
        (school_class.name,),
        None if group is None else str(group),
        teachers,
        room_type,
        home_room,
        students,
        difficulty=subject_difficulty(school, subject_code),
    )


def ordinary_room(
    school: School, school_class: SchoolClass, may_use_home: bool
) -> tuple[str | None, str | None]:
    """(room type, home room) for a lesson that needs no special room: the class's home room,
    else any classroom; nothing when the school lists no classrooms."""
    if may_use_home and school_class.home_room and school.rooms:
        return None, school_class.home_room
    if any(room.type == GENERIC_ROOM for room in school.rooms):
        return GENERIC_ROOM, None
    return None, None


def _doubles(
    school: School, school_class: SchoolClass, planned: int | None, mode: str, lessons: float
) -> tuple[int, int]:
    whole = int(lessons)
    if school.is_primary(school_class.grade):
        return (0, 0)  # ДСМ-76: no double lessons in primary grades
    if planned is not None:
        return (min(planned, whole // 2),) * 2
    if mode == "required":
        return (whole // 2, whole // 2)
    if mode == "allowed":
        return (0, whole // 2)
    return (0, 0)


def _class_meetings(school: School, school_class: SchoolClass, items: list[_Item]) -> list[Meeting]:
    """Weekly meetings for the whole lessons, A/B meetings for the half lessons."""
    bells = school.bells_of(school_class)
    meetings = []
    halves = []
    for item in items:
        whole = int(item.lessons)
        if item.lessons - whole:
            halves.append(item)
        if whole == 0:
            continue
        for sections in _sync_groups(item.sections):
            meetings.append(
                Meeting(
                    0,
                    tuple(sections),
                    (school_class.name,),
                    bells,
                    whole,
                    *item.doubles,
                    item.max_per_day,
                )
            )
    for first, second in _pairs(halves):
        sections = [_in_week(s, "A") for s in first.sections]
        if second is not None:
            sections += [_in_week(s, "B") for s in second.sections]
        meetings.append(
            Meeting(0, tuple(sections), (school_class.name,), bells, 1, last_of_day=second is None)
        )
    return meetings


def _sync_groups(sections: list[Section]) -> list[list[Section]]:
    """Both halves meet at once (two teachers); with one teacher for both, they meet apart."""
    if len(sections) == 2 and set(sections[0].teachers) & set(sections[1].teachers):
        return [[sections[0]], [sections[1]]]
    return [sections]


def _pairs(halves: list[_Item]) -> list[tuple[_Item, _Item | None]]:
    ordered = sorted(halves, key=lambda item: item.subject)
    pairs: list[tuple[_Item, _Item | None]] = []
    for index in range(0, len(ordered), 2):
        second = ordered[index + 1] if index + 1 < len(ordered) else None
        pairs.append((ordered[index], second))
    return pairs


def _in_week(section: Section, week: str) -> Section:
    return Section(
        section.subject,
        section.classes,
        section.group,
        section.teachers,
        section.room_type,
        section.home_room,
        section.students,
        week,
        section.difficulty,
    )


def _block_meetings(school: School, problems: Problems) -> list[Meeting]:
    by_block: dict[str, list[ElectiveGroup]] = defaultdict(list)
    for group in school.electives:
        by_block[group.block].append(group)
    meetings = []
    for block, groups in by_block.items():
        classes = select_classes(groups[0].classes, school.classes)
        for group in groups[1:]:
            classes += [
                c for c in select_classes(group.classes, school.classes) if c not in classes
            ]
        if not classes:
            continue
        bells = {school.bells_of(c) for c in classes}
        if len(bells) > 1:
            problems.error(
                f"the classes of block {block} follow different bell schedules "
                f"({', '.join(sorted(bells))}); a block meets at one time",
                sheet="Electives",
                value=block,
            )
            continue
        meetings += _block_parts(school, block, groups, classes, bells.pop())
    return meetings


def _block_parts(
    school: School, block: str, groups: list[ElectiveGroup], classes: list[SchoolClass], bells: str
) -> list[Meeting]:
    """A block meets as long as its longest group; a group with fewer lessons meets in some of
    them. So a block is one meeting per distinct length: the first with every group, each next
    one with the groups that still have lessons (math 7 and math 10: 7 lessons with both groups,
    then 3 with the 10-hour group alone)."""
    lessons = {group.group: int(lessons_for_hours(school, group.hours)) for group in groups}
    parts, done = [], 0
    for length in sorted(set(lessons.values())):
        present = [g for g in groups if lessons[g.group] >= length]
        per_day = min(school.subject_max_per_day(g.subject) for g in present)
        parts.append(
            Meeting(
                0,
                tuple(_block_section(school, group, classes) for group in present),
                tuple(c.name for c in classes),
                bells,
                length - done,
                max_per_day=per_day,
                block=block,
            )
        )
        done = length
    return [part for part in parts if part.lessons > 0]


def _block_section(school: School, group: ElectiveGroup, classes: list[SchoolClass]) -> Section:
    subject = school.subject_by_code.get(group.subject)
    room_type = group.room_type or (subject.room_type if subject else None)
    if room_type is None:
        room_type, _ = ordinary_room(school, classes[0], may_use_home=False)
    students = group.size
    teachers = tuple(t for t in (group.teacher, group.co_teacher) if t)
    return Section(
        group.subject,
        tuple(c.name for c in classes),
        group.group,
        teachers,
        room_type,
        None,
        students,
        difficulty=subject_difficulty(school, group.subject),
    )


def _activity_meetings(school: School, problems: Problems) -> list[Meeting]:
    meetings = []
    for activity in school.activities:
        parts = [(c, g) for c, g in activity.parts() if c in school.class_by_name]
        if not parts or activity.subject not in school.subject_by_code:
            continue
        classes = tuple(dict.fromkeys(c for c, _ in parts))
        bells = {school.bells_of(school.class_by_name[c]) for c in classes}
        if len(bells) > 1:
            problems.error(
                f"the classes of activity {activity.activity} follow different bell schedules "
                f"({', '.join(sorted(bells))}); an activity meets at one time",
                sheet="Activities",
                value=activity.activity,
            )
            continue
        difficulty = subject_difficulty(school, activity.subject)
        room_type = activity.room_type or school.subject_by_code[activity.subject].room_type
        home_room = None
        if room_type is None:
            whole_class = len(parts) == 1 and parts[0][1] is None
            first = school.class_by_name[parts[0][0]]
            room_type, home_room = ordinary_room(school, first, whole_class)
        sections = []
        for position, (class_name, group) in enumerate(parts):
            first = position == 0  # one room for the whole activity
            sections.append(
                Section(
                    activity.subject,
                    (class_name,),
                    group,
                    activity.teachers,
                    room_type if first else None,
                    home_room if first else None,
                    _group_size(school, class_name, group),
                    difficulty=difficulty,
                )
            )
        meetings.append(
            Meeting(
                0,
                tuple(sections),
                classes,
                bells.pop(),
                activity.lessons * activity.length,
                *_activity_doubles(activity),
                max_per_day=activity.max_per_day,
                last_of_day=activity.last_of_day,
                activity=activity.activity,
                length=activity.length,
            )
        )
    return meetings


def _activity_doubles(activity) -> tuple[int, int]:
    """(least, most) double lessons a week; only for lessons of one period."""
    if activity.length > 1 or activity.double == "no":
        return (0, 0)
    most = activity.lessons // 2
    return (most if activity.double == "required" else 0, most)


def _group_size(school: School, class_name: str, group: str | None) -> int:
    if group is not None:
        for row in school.groups:
            if row.class_name == class_name and row.group == group and row.students is not None:
                return row.students
    return school.class_by_name[class_name].students


def _atomic_sets(school: School, meetings: list[Meeting]) -> dict[str, tuple[str, ...]]:
    """A class is one student set; its groups from the Groups sheet; or two halves when its
    halves ever meet apart."""
    apart = {
        m.classes[0]
        for m in meetings
        if not m.block
        and not m.activity
        and m.sections
        and all(s.group in ("1", "2") for s in m.sections)
        and len({s.group for s in m.sections}) == 1
    }
    sets = {}
    for school_class in school.classes:
        name = school_class.name
        if name in school.groups_of:
            sets[name] = tuple(f"{name}/{group}" for group in school.groups_of[name])
        elif name in apart:
            sets[name] = (f"{name}/1", f"{name}/2")
        else:
            sets[name] = (name,)
    return sets


def _assign_sets(meeting: Meeting, sets_of_class: dict[str, tuple[str, ...]]) -> None:
    sets: list[str] = []
    difficulty: dict[str, int] = {}
    for class_name in meeting.classes:
        for student_set in sets_of_class[class_name]:
            half = student_set.rsplit("/", 1)[1] if "/" in student_set else None
            attending = [
                s
                for s in meeting.sections
                if meeting.block
                or (
                    class_name in s.classes and (s.group is None or half is None or s.group == half)
                )
            ]
            if attending:
                sets.append(student_set)
                difficulty[student_set] = max(s.difficulty for s in attending)
    meeting.sets = tuple(sets)
    meeting.set_difficulty = difficulty
