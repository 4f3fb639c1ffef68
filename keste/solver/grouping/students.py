"""From the model's counts to people: each choice profile's counts split into students, and each
(course, block)'s students dealt into named elective groups."""

from __future__ import annotations

from collections import Counter, defaultdict

from keste.models.grouping import Course
from keste.models.school import ElectiveGroup
from keste.solver.grouping.model import Solved
from keste.solver.grouping.pools import Pool


def students_in_blocks(
    profiles: dict[frozenset[Course], list[str]], solved: Solved
) -> dict[tuple[Course, int], list[str]]:
    """(course, block) -> its students: each profile's counts split into students."""
    taken: dict[tuple[Course, int], list[str]] = defaultdict(list)
    for profile, students in profiles.items():
        counts = {(c, b): n for (p, c, b), n in solved.counts.items() if p == profile and n > 0}
        for student, placed in split_profile(students, counts).items():
            for course, block in placed:
                taken[(course, block)].append(student)
    return dict(taken)


def split_profile(
    students: list[str], counts: dict[tuple[Course, int], int]
) -> dict[str, list[tuple[Course, int]]]:
    """Which student of a profile takes which (course, block), given how many take each: every
    student at most one course per block and one block per course.

    The counts are a bipartite multigraph of courses and blocks whose degrees are at most the
    number of students, so its edges take that many colours with no colour twice at a course
    or a block (König: a bipartite multigraph of maximum degree m is m matchings); a colour is a
    student. Each edge gets a colour free at both ends, after swapping two colours along an
    alternating path where needed."""
    at: dict[object, dict[int, object]] = defaultdict(dict)  # end -> colour -> other end
    colours = range(len(students))
    for (course, block), count in sorted(counts.items(), key=str):
        for _ in range(count):
            left, right = ("course", course), ("block", block)
            alpha = next(k for k in colours if k not in at[left])
            beta = next(k for k in colours if k not in at[right])
            if alpha in at[right]:
                _swap_path(at, right, alpha, beta)
            at[left][alpha], at[right][alpha] = right, left
    placed: dict[str, list[tuple[Course, int]]] = defaultdict(list)
    for end, edges in at.items():
        if end[0] == "course":
            for colour, (_, block) in edges.items():
                placed[students[colour]].append((end[1], block))
    return dict(placed)


def _swap_path(at: dict, start: object, alpha: int, beta: int) -> None:
    """Swap colours alpha and beta along the path from start that alternates them (starting
    with alpha): afterwards alpha is free at start."""
    path, node, colour = [], start, alpha
    while colour in at[node]:
        other = at[node][colour]
        path.append((node, other, colour))
        node, colour = other, beta if colour == alpha else alpha
    for a, b, c in path:
        del at[a][c]
        del at[b][c]
    for a, b, c in path:
        flipped = beta if c == alpha else alpha
        at[a][flipped], at[b][flipped] = b, a


def pool_groups(
    pool: Pool, taken: dict[tuple[Course, int], list[str]], solved: Solved | None
) -> list[ElectiveGroup]:
    """Each (course, block)'s students dealt into its groups: class-mates together, sizes
    as even as they can be."""
    groups = []
    numbers: Counter = Counter()
    classes = tuple(c.name for c in pool.classes)
    names = _block_names(pool, solved)
    for (course, block), students in sorted(
        taken.items(), key=lambda item: (item[0][1], item[0][0].subject, item[0][0].level or "")
    ):
        count = solved.groups[(course, block)]
        ordered = sorted(students, key=lambda s: (pool.order[pool.class_of[s]], s))
        rules = pool.rules[course]
        for members in _deal(ordered, count):
            numbers[course] += 1
            groups.append(
                ElectiveGroup(
                    names[block],
                    classes,
                    rules.hours,
                    _group_name(pool.leveled, course, numbers[course]),
                    course.subject,
                    students=len(members),
                    level=_level(pool.leveled, course),
                    members=tuple(members),
                )
            )
    return groups


def _deal(students: list[str], groups: int) -> list[list[str]]:
    """Consecutive runs of as even a size as possible."""
    size, extra = divmod(len(students), groups)
    runs, start = [], 0
    for index in range(groups):
        end = start + size + (1 if index < extra else 0)
        runs.append(students[start:end])
        start = end
    return [run for run in runs if run]


def _level(leveled: set[str], course: Course) -> str | None:
    if course.level or course.subject not in leveled:
        return course.level
    return "standard"


def _group_name(leveled: set[str], course: Course, number: int) -> str:
    tag = ""
    if course.subject in leveled:
        tag = "H" if course.level == "higher" else "S"
    return f"{course.subject} {tag}{number}"


def _block_names(pool: Pool, solved: Solved | None) -> dict[int, str]:
    """E11-1, E11-2...; E8-second-1 when the grade's choosing classes follow several bell
    schedules (a pool each), so that two pools never share a block."""
    if solved is None:
        return {}
    school = pool.school
    shifts = {
        school.bells_of(c)
        for c in school.classes
        if c.grade == pool.grade and c.name in school.chosen_subjects
    }
    prefix = f"E{pool.grade}-"
    if len(shifts) > 1:
        prefix += f"{school.bells_of(pool.classes[0])}-"
    return {block: f"{prefix}{block + 1}" for block in range(len(solved.block_lessons))}
