"""Elective groups and blocks from students' choices (the Choices sheet), pool by pool: the
model's groups first, then a reason for every choice left unmet."""

from __future__ import annotations

import time
from collections import defaultdict

from keste.models.grouping import Course, Grouping, PoolSummary
from keste.models.school import School
from keste.solver.grouping.model import Model
from keste.solver.grouping.pools import Pool, choice_pools
from keste.solver.grouping.reasons import explain, wanted_courses
from keste.solver.grouping.students import pool_groups, students_in_blocks

FIRST_SHARE = 0.6  # of a pool's time: the groups; the rest explains unmet choices


def form_groups(
    school: School, time_limit: float = 20.0, workers: int = 0, seed: int = 0
) -> Grouping:
    """Elective groups for every pool whose groups the Electives sheet does not already list,
    within time_limit in all."""
    started = time.perf_counter()
    grouping = Grouping()
    pools = choice_pools(school)
    for index, classes in enumerate(pools):
        share = (started + time_limit - time.perf_counter()) / (len(pools) - index)
        _form(Pool(school, classes, max(0.5, share), workers, seed), grouping)
    grouping.wall_time = time.perf_counter() - started
    return grouping


def _form(pool: Pool, grouping: Grouping) -> None:
    """One pool's groups, its unmet choices with their reasons, and its summary."""
    started = time.perf_counter()
    before = len(grouping.unmet)
    wanted = wanted_courses(pool, grouping)
    profiles = _profiles(wanted)
    solved = Model(pool, profiles).solve(pool.time_limit * FIRST_SHARE)
    taken = students_in_blocks(profiles, solved) if solved else {}
    groups = pool_groups(pool, taken, solved)
    grouping.groups += groups
    placed = {(s, c) for (c, _), students in taken.items() for s in students}
    left: dict[str, list[Course]] = defaultdict(list)
    for student, courses in wanted.items():
        left[student] += [c for c in courses if (student, c) not in placed]
    explain(pool, {s: c for s, c in left.items() if c}, profiles, solved, grouping)
    grouping.pools.append(
        PoolSummary(
            pool.grade,
            tuple(c.name for c in pool.classes),
            len(pool.class_of),
            len(pool.rules),
            len(groups),
            tuple(n for n in (solved.block_lessons if solved else ()) if n),
            pool.free,
            len(grouping.unmet) - before,
            solved.status if solved else "UNKNOWN",
            time.perf_counter() - started,
        )
    )


def _profiles(wanted: dict[str, list[Course]]) -> dict[frozenset[Course], list[str]]:
    """Students with the same choices, who are interchangeable: choice profile -> students."""
    profiles: dict[frozenset[Course], list[str]] = defaultdict(list)
    for student, courses in wanted.items():
        profiles[frozenset(courses)].append(student)
    return dict(profiles)
