"""Every soft rule's penalty, by the model's definitions so that the weighted total equals the
solver's objective; and moved_lessons, when the timetable replaces an earlier one."""

from __future__ import annotations

from collections import defaultdict

from keste.models.timetable import Timetable
from keste.solver.verify.class_penalties import class_penalties
from keste.solver.verify.teacher_penalties import room_changes, teacher_gaps, teacher_wishes
from keste.solver.verify.week import Week


def penalties(week: Week, previous: Timetable | None) -> dict[str, int]:
    found = {"teacher_gaps": teacher_gaps(week)}
    found.update(class_penalties(week))
    found["teacher_wishes"] = teacher_wishes(week)
    found["room_changes"] = room_changes(week)
    if previous is not None:
        found["moved_lessons"] = moved_lessons(week, previous)
    return found


def moved_lessons(week: Week, previous: Timetable) -> int:
    """Rows of the old Lessons sheet whose class, group and subject are not at that time any
    more, less those that went because the subject has fewer lessons a week now."""
    before: dict[tuple, set] = defaultdict(set)
    after: dict[tuple, set] = defaultdict(set)
    for rows, times in ((previous.lessons, before), (week.lessons, after)):
        for row in rows:
            times[(row.class_name, row.subject, row.group)].add((row.day, row.period))
    return sum(
        min(len(old), len(after[key])) - len(old & after[key]) for key, old in before.items()
    )
