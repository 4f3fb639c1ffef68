"""blocks: an elective block's groups meet together (a group with fewer lessons in some of the
longer ones' times), and every class of the block is there whenever it meets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from keste.models.verification import Violation
from keste.solver.verify.curriculum import weekly_lessons
from keste.solver.verify.week import Week


def check_blocks(week: Week) -> Iterator[Violation]:
    slots = defaultdict(set)
    classes_at = defaultdict(set)
    for row in week.lessons:
        if row.block in week.elective_blocks:
            slots[(row.block, row.group)].add((row.day, row.period))
            classes_at[(row.block, row.day, row.period)].add(row.class_name)
    for (block, day, period), present in sorted(classes_at.items()):
        missing = {c.name for c in week.block_classes(week.elective_blocks[block])} - present
        if missing:
            yield Violation(
                "blocks",
                f"block {block} on {day} period {period}: without "
                f"{', '.join(sorted(missing))} (a block takes all its classes)",
            )
    yield from _apart(week, slots)


def _apart(week: Week, slots: dict[tuple, set]) -> Iterator[Violation]:
    """The first group that meets when a group of its block with as many lessons or more does
    not."""
    planned = {
        (g.block, g.group): weekly_lessons(week.school, g.hours) for g in week.school.electives
    }
    by_block = defaultdict(dict)
    for (block, group), taken in slots.items():
        by_block[block][group] = taken
    for block, groups in by_block.items():
        # a group meets whenever any group of the block with no more lessons meets
        for group, taken in groups.items():
            for other, theirs in groups.items():
                fewer = planned.get((block, other), 0) <= planned.get((block, group), 0)
                if other != group and fewer and not theirs <= taken:
                    yield Violation(
                        "blocks",
                        f"block {block}: group {other} meets at times when group {group} "
                        "does not (a block's groups meet together)",
                    )
                    return
