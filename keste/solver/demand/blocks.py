"""Elective blocks become meetings: every group of a block at the same times."""

from __future__ import annotations

from collections import defaultdict

from keste.models.curriculum import (
    lessons_for_hours,
    subject_difficulty,
)
from keste.models.problems import Problems
from keste.models.school import ElectiveGroup, School, SchoolClass, select_classes
from keste.solver.demand.meetings import Meeting, Section
from keste.solver.demand.rooms import ordinary_room


def block_meetings(school: School, problems: Problems) -> list[Meeting]:
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
