"""class_clash, teacher_clash, room_clash: no class or group, teacher or room in two lessons at
once. Classes are checked by period; teachers and rooms by clock time, as they move between
classes with different bells."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator

from keste.models.timetable import LessonRow
from keste.models.values import format_time
from keste.models.verification import Violation
from keste.solver.verify.week import Week


def class_clashes(week: Week) -> Iterator[Violation]:
    for (class_name, day, period), rows in week.rows_at.items():
        groups = week.school.groups_of.get(class_name, ("1", "2"))  # the finest division
        sets = [(class_name, group) for group in groups]
        for which in ("A", "B"):
            seen = [r for r in rows if r.week in (None, which)]
            problem = _clash_in(week, seen, sets)
            if problem:
                yield Violation("class_clash", f"{class_name} {day} period {period}: {problem}")
                break


def _clash_in(week: Week, rows: list[LessonRow], sets: list[tuple[str, str | None]]) -> str | None:
    """Two lessons at once for one student set (the rows of one elective block or one
    activity are one lesson)."""
    lessons: dict[object, set] = defaultdict(set)
    for row in rows:
        key = row.block if row.block is not None else id(row)
        lessons[key] |= {s for s in sets if week.attends(row, s[1])}
    taken: Counter = Counter(s for occupied in lessons.values() for s in occupied)
    if not taken or max(taken.values()) < 2:
        return None
    names = sorted({r.subject + (f" g{r.group}" if r.group else "") for r in rows})
    return f"{', '.join(names)} at once"


def teacher_clashes(week: Week) -> Iterator[Violation]:
    events = _events(week, lambda row: row.teachers)
    return _shared_clashes("teacher_clash", events, "teacher")


def room_clashes(week: Week) -> Iterator[Violation]:
    events = _events(week, lambda row: (row.room,) if row.room else ())
    return _shared_clashes("room_clash", events, "room")


def _events(week: Week, owners: Callable[[LessonRow], Iterable[str]]) -> dict[str, set[tuple]]:
    """Owner (a teacher or a room) -> the lessons they are in, as events."""
    events = defaultdict(set)
    for row in week.lessons:
        for owner in owners(row):
            events[owner].add(_event(row, week.activities))
    return events


def _event(row: LessonRow, activities: dict) -> tuple:
    """A lesson as the teacher or room sees it: rows of one lesson (a block's classes, an
    activity's classes and groups) are one."""
    if row.block in activities:
        identity = (f"activity {row.block}", f"activity {row.block}")
    elif row.block:
        identity = (f"block {row.block}", f"block {row.block} group {row.group}")
    else:
        identity = ((row.class_name, row.subject, row.group), f"{row.class_name} {row.subject}")
    return (row.day, row.start, row.end, row.week, identity)


def _shared_clashes(rule: str, events: dict, what: str) -> Iterator[Violation]:
    for owner, owned in events.items():
        ordered = sorted(owned, key=lambda e: (e[0], e[1], e[2]))
        for index, first in enumerate(ordered):
            for second in ordered[index + 1 :]:
                if second[0] != first[0] or second[1] >= first[2]:
                    break
                if first[4] != second[4] and _weeks_meet(first[3], second[3]):
                    yield Violation(
                        rule,
                        f"{what} {owner} on {first[0]} at "
                        f"{format_time(second[1])}: {first[4][1]} and "
                        f"{second[4][1]} at once",
                    )


def _weeks_meet(first: str | None, second: str | None) -> bool:
    return first is None or second is None or first == second
