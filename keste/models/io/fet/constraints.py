"""FET's time and space constraints that keste can express, mapped onto the school; every other
kind is counted by type in the import report (unmapped), nothing silently."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from xml.etree.ElementTree import Element

from keste.models.io.fet.state import FetImport
from keste.models.io.fet.times import merge_blocks, preferred_times, read_times
from keste.models.io.fet.xml import int_of, keste_code, text_of, weight_of
from keste.models.school import Activity, Lock, Room, Teacher

IMPLIED = {"ConstraintBasicCompulsoryTime", "ConstraintBasicCompulsorySpace"}

# A handler maps one constraint onto the school: "mapped", "approximated" or "unmapped".
Handler = Callable[[FetImport, Element, dict[str, list[Activity]]], str]


def map_constraints(fet: FetImport, rows_of: dict[str, list[Activity]]) -> None:
    """Each active constraint mapped by its handler, and counted in the report by outcome."""
    listing = fet.root.find("Time_Constraints_List")
    space = fet.root.find("Space_Constraints_List")
    elements = [
        *(listing if listing is not None else []),
        *(space if space is not None else []),
    ]
    for element in elements:
        kind = element.tag
        if text_of(element.find("Active")).lower() == "false":
            fet.report.unmapped[f"{kind} (inactive)"] += 1
            continue
        handler = HANDLERS.get(kind)
        if kind in IMPLIED:
            fet.report.mapped[kind] += 1
        elif handler is None:
            fet.report.unmapped[kind] += 1
        else:
            outcome = handler(fet, element, rows_of)
            {"mapped": fet.report.mapped, "approximated": fet.report.approximated}.get(
                outcome, fet.report.unmapped
            )[kind] += 1
    students_day(fet)
    _room_for_locks(fet)


def _hard(element: Element, exact: bool = True) -> str:
    """mapped when FET holds it as hard; approximated when FET's is soft (keste's is hard)."""
    return "mapped" if exact and weight_of(element) >= 100 else "approximated"


def _teacher(fet: FetImport, name: str) -> Teacher | None:
    code = keste_code(name)
    return next((t for t in fet.school.teachers if t.code == code), None)


# -------------------------------------------------------------- teachers' and students' times


def _teacher_not_available(fet: FetImport, element: Element, rows_of: dict) -> str:
    teacher = _teacher(fet, text_of(element.find("Teacher")))
    times = read_times(fet, element)
    if teacher is None or times is None:
        return "unmapped"
    teacher.unavailable = merge_blocks(teacher.unavailable, times)
    return _hard(element)


def _students_set_not_available(fet: FetImport, element: Element, rows_of: dict) -> str:
    parts = fet.students.parts.get(text_of(element.find("Students")), [])
    times = read_times(fet, element)
    if not parts or times is None or any(group for _, group in parts):
        return "unmapped"  # keste's unavailable times are a whole class's
    for class_name, _ in parts:
        school_class = next(c for c in fet.school.classes if c.name == class_name)
        school_class.unavailable = merge_blocks(school_class.unavailable, times)
    return _hard(element)


def _break_times(fet: FetImport, element: Element, rows_of: dict) -> str:
    """No lesson of anyone in the school's breaks: every class and every teacher unavailable
    then. A class's unavailable period is no window in its compact day."""
    times = read_times(fet, element, "Break_Time")
    if times is None:
        return "unmapped"
    for record in (*fet.school.classes, *fet.school.teachers):
        record.unavailable = merge_blocks(record.unavailable, times)
    return _hard(element)


def _teacher_max_days(fet: FetImport, element: Element, rows_of: dict) -> str:
    teacher = _teacher(fet, text_of(element.find("Teacher_Name")))
    if teacher is None:
        return "unmapped"
    teacher.max_days = int_of(element.find("Max_Days_Per_Week"))
    return _hard(element)


def _students_rule(fet: FetImport, element: Element, allowance: str, flag: str) -> str:
    """FET's rule on students' gaps or late starts: with none allowed, hard and for every student,
    it becomes keste's students_day (students_day, after all constraints); with some allowed, or
    soft, keste sets no limit (looser than the file)."""
    if int_of(element.find(allowance)) != 0 or weight_of(element) < 100:
        fet.report.note(
            "students' gaps or late starts allowed some times a week, or as a wish, have no "
            "limit in keste"
        )
        return "approximated"
    setattr(fet, flag, True)
    if element.tag.startswith("ConstraintStudentsSet"):
        fet.report.note("a rule on one students set's day applies to every student in keste")
        return "approximated"
    return "mapped"


def students_day(fet: FetImport) -> None:
    """keste's students_day from what the file's constraints asked."""
    settings = fet.school.settings
    if fet.no_windows:
        settings.students_day = "compact" if fet.no_late_start else "no_windows"
    elif fet.no_late_start:
        fet.report.note(
            "students' days must start at the first hour but may have gaps: keste's students_day "
            "free allows late starts too"
        )


def _room_for_locks(fet: FetImport) -> None:
    """Lessons the file pins on one day count against an activity's limit a day: where FET's
    own (soft) spread over the week gave fewer, the limit is raised to the pinned lessons (and
    two pinned in a row make a double lesson allowed)."""
    pinned: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for lock in fet.school.locks:
        pinned[(lock.class_name, lock.subject, lock.day)].append(lock.period)
    for row in fet.school.activities:
        for (class_name, subject, _), periods in pinned.items():
            if subject != row.subject or class_name not in row.students:
                continue
            if len(periods) > row.max_per_day:
                row.max_per_day = len(periods)
                fet.report.note("a limit of lessons a day is raised to the lessons pinned that day")
            if any(p + 1 in periods for p in periods) and row.length == 1:
                row.double = "allowed"


def _max_gaps(fet: FetImport, element: Element, rows_of: dict) -> str:
    return _students_rule(fet, element, "Max_Gaps", "no_windows")


def _early_beginnings(fet: FetImport, element: Element, rows_of: dict) -> str:
    return _students_rule(fet, element, "Max_Beginnings_At_Second_Hour", "no_late_start")


def _teachers_max_gaps(fet: FetImport, element: Element, rows_of: dict) -> str:
    fet.report.note("teachers' gaps are a soft rule in keste (weight_teacher_gaps)")
    return "approximated"


def _teachers_max_hours_daily(fet: FetImport, element: Element, rows_of: dict) -> str:
    """Teachers max_lessons_per_day: one teacher's (TeacherMaxHoursDaily) or everyone's. A soft
    one is not imposed (a wish in FET, a hard rule in keste)."""
    limit = int_of(element.find("Maximum_Hours_Daily"))
    if limit <= 0:
        return "unmapped"
    if limit >= len(fet.hours):
        return "mapped"  # a full day: always true
    if weight_of(element) < 100:
        fet.report.note("soft maximum lessons a day for teachers are not imposed in keste")
        return "approximated"
    name = text_of(element.find("Teacher_Name"))
    teachers = [_teacher(fet, name)] if name else fet.school.teachers
    for teacher in teachers:
        if teacher is None:
            return "unmapped"
        current = teacher.max_lessons_per_day
        teacher.max_lessons_per_day = limit if current is None else min(current, limit)
    return "mapped"


# -------------------------------------------------------------- activities


def _min_days_between(fet: FetImport, element: Element, rows_of: dict) -> str:
    """The lessons of one activity on different days: max_per_day 1; with FET's 'consecutive
    if same day', two of them may form a double lesson instead."""
    if weight_of(element) == 0:
        fet.report.note("constraints of weight 0 have no effect in FET and none in keste")
        return "mapped"
    ids = [text_of(i) for i in element.findall("Activity_Id")]
    rows = {id(row): row for i in ids for row in rows_of.get(i, [])}
    if not rows or len({row.activity.split("-")[0] for row in rows.values()}) > 1:
        return "unmapped"  # activities of different groups: keste cannot say it
    consecutive = text_of(element.find("Consecutive_If_Same_Day")).lower() == "true"
    soft = weight_of(element) < 100
    days = max(1, len(fet.days))
    for row in rows.values():
        # soft: as few a day as the week allows, so it never makes the school impossible alone
        row.max_per_day = -(-row.lessons // days) if soft else 1
        if (consecutive or soft) and row.length == 1:
            row.double = "allowed"
    if len(rows) > 1:
        fet.report.note(
            "an activity with lessons of different lengths becomes one row per length, each "
            "at most once a day; two of its rows may share a day"
        )
    exact = int_of(element.find("MinDays")) == 1 and len(rows) == 1
    if not exact:
        fet.report.note("MinDaysBetweenActivities above 1 day is kept as one a day")
    if soft:
        fet.report.note(
            "soft MinDaysBetweenActivities become at most as many lessons a day as the week "
            "needs (one when the lessons fit the days; a double lesson allowed), and keste's "
            "soft spread of a subject over the week"
        )
    return _hard(element, exact)


def _ends_students_day(fet: FetImport, element: Element, rows_of: dict) -> str:
    rows = rows_of.get(text_of(element.find("Activity_Id")), [])
    if not rows:
        return "unmapped"
    for row in rows:
        row.last_of_day = True
    return _hard(element, exact=all(r.lessons == 1 for r in rows))


def _preferred_starting_time(fet: FetImport, element: Element, rows_of: dict) -> str:
    rows = rows_of.get(text_of(element.find("Activity_Id")), [])
    day = fet.days.get(text_of(element.find("Preferred_Day")))
    period = fet.hours.get(text_of(element.find("Preferred_Hour")))
    if len(rows) != 1 or day is None or period is None:
        return "unmapped"
    row = rows[0]
    if any("/" in part for part in row.students):
        return "unmapped"  # a lock pins a whole class's lesson
    taken = {(lock.class_name, lock.day, lock.period) for lock in fet.school.locks}
    if any((class_name, day, period) in taken for class_name in row.students):
        fet.report.note("a lesson pinned where another lesson of its class is pinned is not pinned")
        return "unmapped"
    for class_name in row.students:
        fet.school.locks.append(Lock(class_name, row.subject, day, period))
    return _hard(element)


# -------------------------------------------------------------- rooms


def _subject_preferred_room(fet: FetImport, element: Element, rows_of: dict) -> str:
    subject = keste_code(text_of(element.find("Subject")))
    room = keste_code(text_of(element.find("Room")))
    known = {s.code: s for s in fet.school.subjects}
    if subject not in known:
        return "unmapped"
    if weight_of(element) < 100:  # a wish in FET; as a room type it would be a hard rule
        fet.report.note("soft preferred rooms are not imposed: keste's room types are hard")
        return "mapped" if weight_of(element) == 0 else "approximated"
    if not any(r.name == room for r in fet.school.rooms):
        capacity = _room_capacity(fet, text_of(element.find("Room")))
        fet.school.rooms.append(Room(room, room, capacity))
    known[subject].room_type = room
    return _hard(element)


def _room_capacity(fet: FetImport, fet_name: str) -> int | None:
    listing = fet.root.find("Rooms_List")
    for room in listing.findall("Room") if listing is not None else []:
        if text_of(room.find("Name")) == fet_name:
            return int_of(room.find("Capacity")) or None
    return None


HANDLERS: dict[str, Handler] = {
    "ConstraintTeacherNotAvailableTimes": _teacher_not_available,
    "ConstraintStudentsSetNotAvailableTimes": _students_set_not_available,
    "ConstraintBreakTimes": _break_times,
    "ConstraintTeacherMaxDaysPerWeek": _teacher_max_days,
    "ConstraintMinDaysBetweenActivities": _min_days_between,
    "ConstraintActivityEndsStudentsDay": _ends_students_day,
    "ConstraintActivityPreferredStartingTime": _preferred_starting_time,
    "ConstraintStudentsMaxGapsPerWeek": _max_gaps,
    "ConstraintStudentsSetMaxGapsPerWeek": _max_gaps,
    "ConstraintStudentsMaxGapsPerDay": _max_gaps,
    "ConstraintStudentsEarlyMaxBeginningsAtSecondHour": _early_beginnings,
    "ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour": _early_beginnings,
    "ConstraintStudentsSetMaxGapsPerDay": _max_gaps,
    "ConstraintTeachersMaxGapsPerWeek": _teachers_max_gaps,
    "ConstraintTeacherMaxGapsPerWeek": _teachers_max_gaps,
    "ConstraintTeachersMaxHoursDaily": _teachers_max_hours_daily,
    "ConstraintTeacherMaxHoursDaily": _teachers_max_hours_daily,
    "ConstraintSubjectPreferredRoom": _subject_preferred_room,
    "ConstraintActivityPreferredTimeSlots": preferred_times,
    "ConstraintActivityPreferredStartingTimes": preferred_times,
    "ConstraintActivitiesPreferredTimeSlots": preferred_times,
    "ConstraintActivitiesPreferredStartingTimes": preferred_times,
}
