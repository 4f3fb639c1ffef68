"""What the teaching load is made of: load items, who may take each, and which items compete for
the same teachers.

A load item is what one teacher (two, when co-taught) takes for the year: a class's subject, one
group of a split class, or an elective group. Rows of the Load sheet (and teachers named on the
Electives sheet) fix an item's teachers; what they leave open is allocated.
"""

from __future__ import annotations

from collections import defaultdict

from keste.models.allocation import LoadItem
from keste.models.availability import blocks_slot, longest_day
from keste.models.bells import schedules
from keste.models.curriculum import class_curriculum, is_split, lessons_for_hours
from keste.models.school import School, Teacher, select_classes


def load_items(school: School) -> list[LoadItem]:
    """Every item of the school's load, with the teachers the Load and Electives sheets fix."""
    fixed = {
        (r.class_name, r.subject, r.group): tuple(t for t in (r.teacher, r.co_teacher) if t)
        for r in school.load
    }
    items: list[LoadItem] = []
    for school_class in school.classes:
        bells = school.bells_of(school_class)
        reach = longest_day(school, school_class.name)
        for subject_code, row in class_curriculum(school, school_class).items():
            subject = school.subject_by_code.get(subject_code)
            if subject is None:
                continue
            lessons = _lesson_slots(school, row.hours)
            groups = (1, 2) if is_split(school, school_class, row) else (None,)
            first = len(items)
            for group in groups:
                teachers = fixed.get((school_class.name, subject_code, group), ())
                items.append(
                    LoadItem(
                        len(items),
                        subject_code,
                        (school_class.name,),
                        (school_class.grade,),
                        row.hours,
                        lessons,
                        bells,
                        reach,
                        max(2 if subject.co_taught else 1, len(teachers)),
                        teachers,
                        None if group is None else str(group),
                    )
                )
            if len(groups) == 2:
                items[first].pair, items[first + 1].pair = first + 1, first
    items += _elective_items(school, len(items))
    return items


def _lesson_slots(school: School, hours: float) -> int:
    """Periods a week the item takes (a half-hour item takes one, every other week)."""
    lessons = lessons_for_hours(school, hours)
    return int(lessons) + (1 if lessons % 1 else 0)


def _elective_items(school: School, start: int) -> list[LoadItem]:
    items = []
    for group in school.electives:
        classes = select_classes(group.classes, school.classes)
        if not classes:
            continue
        subject = school.subject_by_code.get(group.subject)
        teachers = tuple(t for t in (group.teacher, group.co_teacher) if t)
        needed = max(2 if subject and subject.co_taught else 1, len(teachers))
        items.append(
            LoadItem(
                start + len(items),
                group.subject,
                tuple(c.name for c in classes),
                tuple(sorted({c.grade for c in classes})),
                group.hours,
                _lesson_slots(school, group.hours),
                school.bells_of(classes[0]),
                min(longest_day(school, c.name) for c in classes),
                needed,
                teachers,
                group.group,
                group.block,
            )
        )
    return items


def qualified(teacher: Teacher, item: LoadItem) -> bool:
    return item.subject in teacher.subjects and (
        not teacher.grades or all(g in teacher.grades for g in item.grades)
    )


def candidates(school: School, item: LoadItem) -> list[Teacher]:
    """Teachers who could still take the item: qualified, and not already on it."""
    return [t for t in school.teachers if qualified(t, item) and t.code not in item.fixed]


def components(school: School, items: list[LoadItem]) -> list[list[LoadItem]]:
    """The open items, grouped so that no two groups share a candidate teacher (largest first).

    Each group can be allocated on its own: nothing one group decides changes another's choices.
    """
    parent: dict[object, object] = {}

    def root(node: object) -> object:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    open_items = [item for item in items if item.open]
    for item in open_items:
        root(item.index)
        for teacher in candidates(school, item):
            parent[root(item.index)] = root(("teacher", teacher.code))
    groups: dict[object, list[LoadItem]] = defaultdict(list)
    for item in open_items:
        groups[root(item.index)].append(item)
    return sorted(groups.values(), key=len, reverse=True)


def teacher_periods(
    school: School, teacher: Teacher, items: list[LoadItem]
) -> list[tuple[str, int, int]]:
    """(bells, day length, periods the teacher is free in that schedule up to that length)."""
    bells = schedules(school)
    result = []
    for name in sorted({i.bells for i in items}):
        schedule = bells[name]
        for length in sorted({i.day_length for i in items if i.bells == name}):
            free = sum(
                1
                for day in school.settings.days
                for period in schedule.periods
                if period.number <= length
                and not any(
                    blocks_slot(b, day, period.number, (period.start, period.end))
                    for b in teacher.unavailable
                )
            )
            result.append((name, length, free))
    return result
