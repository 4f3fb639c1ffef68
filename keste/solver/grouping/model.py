"""The CP-SAT model of one pool over its students' choice profiles, and what a solve of it found."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from keste.models.grouping import Course
from keste.solver.grouping.courses import teacher_sharing_sets
from keste.solver.grouping.pools import Pool
from keste.solver.sat.solver import new_solver

UNMET_WEIGHT = 10_000  # a choice left unmet (above any saving in groups)
GROUP_WEIGHT = 100  # a group (teachers' hours, a room): above any saving in block lessons
FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)


@dataclass
class Solved:
    status_code: int
    counts: dict[tuple[frozenset[Course], Course, int], int]  # (profile, course, block) -> students
    groups: dict[tuple[Course, int], int]
    block_lessons: list[int]
    unmet: int

    @property
    def status(self) -> str:
        return {cp_model.OPTIMAL: "OPTIMAL", cp_model.FEASIBLE: "FEASIBLE"}.get(
            self.status_code, "UNKNOWN"
        )


class Model:
    """One CP-SAT model per pool forms the groups and the blocks:

    - a student takes each chosen course once, in one block, and never two courses in one block;
    - every group has min..max students (Subjects `min_group` or School `min_group_students`;
      School `max_group_students`, by default split_threshold - 1, and the largest room of the
      subject's type);
    - a block lasts as long as its longest course (a shorter course meets in some of its lessons:
      the 7-hour mathematics group beside the 10-hour one), and the blocks fit the periods a week
      that the pool's class lessons leave;
    - a block holds no more groups of a subject than there are qualified teachers (half as many
      when co-taught) and no more groups needing a room type than there are such rooms.

    The objective, by weight: choices left unmet, then groups (teachers' hours), then block
    lessons (students' study periods). Students with the same choices are interchangeable, so
    the model counts them per choice profile."""

    def __init__(
        self,
        pool: Pool,
        profiles: dict[frozenset[Course], list[str]],
        must_meet: frozenset[Course] | None = None,
    ):
        self.pool = pool
        self.model = cp_model.CpModel()
        self.profiles: dict[object, int] = {p: len(s) for p, s in profiles.items()}
        # a profile's courses in a fixed order: a frozenset's order follows hash(None), which
        # changes from run to run before Python 3.12, and with it the model and its answer
        self.courses_of: dict[object, list[Course]] = {p: _in_order(p) for p in profiles}
        if must_meet is not None:  # one more student, whose every choice is met
            self.profiles[_MUST] = 1
            self.courses_of[_MUST] = _in_order(must_meet)
        self.courses = _in_order({c for courses in self.courses_of.values() for c in courses})
        self.blocks = range(self._most_blocks())
        self._build()

    def _most_blocks(self) -> int:
        """Blocks enough for any arrangement (one per group it could open), but no more than
        the week holds."""
        rules = self.pool.rules
        if not self.courses:
            return 0
        groups = sum(
            max(1, self._chosen(course) // max(1, rules[course].least)) for course in self.courses
        )
        shortest = min(rules[c].lessons for c in self.courses)
        return max(0, min(groups, self.pool.free // max(1, shortest)))

    def _chosen(self, course: Course) -> int:
        return sum(n for p, n in self.profiles.items() if course in self.courses_of[p])

    def _build(self) -> None:
        model, rules = self.model, self.pool.rules
        longest = max((rules[c].lessons for c in self.courses), default=0)
        self.length = {b: model.new_int_var(0, longest, f"length_{b}") for b in self.blocks}
        self.count = {}
        self.groups = {}
        unmet = []
        met: dict[object, object] = defaultdict(int)
        for profile, size in self.profiles.items():
            for course in self.courses_of[profile]:
                taken = []
                for block in self.blocks:
                    variable = model.new_int_var(0, size, f"n_{id(profile)}_{course}_{block}")
                    self.count[(profile, course, block)] = variable
                    taken.append(variable)
                model.add(sum(taken) <= size)
                if profile is _MUST:
                    model.add(sum(taken) == size)
                unmet.append(size - sum(taken))
                met[profile] += rules[course].lessons * sum(taken)
            for block in self.blocks:
                model.add(
                    sum(self.count[(profile, c, block)] for c in self.courses_of[profile]) <= size
                )
        for course in self.courses:
            self._course_groups(course)
        for profile, size in self.profiles.items():  # redundant: each student's blocks are apart
            model.add(size * sum(self.length.values()) >= met[profile])
        _at_once(model, self.pool, self.courses, self.blocks, self.groups)
        model.add(sum(self.length.values()) <= max(0, self.pool.free))
        for block in self.blocks:
            if block + 1 in self.blocks:
                model.add(self.length[block] >= self.length[block + 1])
        self.unmet = sum(unmet)
        model.minimize(
            UNMET_WEIGHT * self.unmet
            + GROUP_WEIGHT * sum(self.groups.values())
            + sum(self.length.values())
        )

    def _course_groups(self, course: Course) -> None:
        model, rules = self.model, self.pool.rules[course]
        chosen = self._chosen(course)
        most_groups = max(1, chosen // max(1, rules.least))
        chosen_unmet = sum(
            size - sum(self.count[(p, course, b)] for b in self.blocks)
            for p, size in self.profiles.items()
            if course in self.courses_of[p]
        )
        opened_groups = []
        for block in self.blocks:
            students = sum(
                self.count[(p, course, block)]
                for p in self.profiles
                if course in self.courses_of[p]
            )
            groups = model.new_int_var(0, most_groups, f"g_{course}_{block}")
            opened = model.new_bool_var(f"open_{course}_{block}")
            model.add(groups >= opened)
            model.add(groups <= most_groups * opened)
            model.add(students >= rules.least * groups)
            model.add(students <= rules.most * groups)
            model.add(self.length[block] >= rules.lessons).only_enforce_if(opened)
            for profile, size in self.profiles.items():
                if course in self.courses_of[profile]:
                    model.add(self.count[(profile, course, block)] <= size * opened)
            self.groups[(course, block)] = groups
            opened_groups.append(groups)
        # redundant: whole groups for everyone who takes the course (an unmet choice spares one)
        model.add(sum(opened_groups) >= math.ceil(chosen / rules.most) - chosen_unmet)

    def solve(self, time_limit: float) -> Solved | None:
        solver = new_solver(time_limit, self.pool.workers, self.pool.seed)
        status = solver.solve(self.model)
        if status not in FOUND:
            return Solved(status, {}, {}, [], 0) if status == cp_model.INFEASIBLE else None
        counts = {key: solver.value(v) for key, v in self.count.items() if key[0] is not _MUST}
        groups = {key: solver.value(v) for key, v in self.groups.items()}
        lengths = [solver.value(self.length[b]) for b in self.blocks]
        return Solved(status, counts, groups, lengths, solver.value(self.unmet))


def _at_once(
    model: cp_model.CpModel,
    pool: Pool,
    courses: list[Course],
    blocks: range,
    groups: dict[tuple[Course, int], cp_model.IntVar],
) -> None:
    """Per block, the groups meeting at once have their teachers: for every set of subjects
    that share teachers, the teachers their groups need are no more than those qualified
    for one of them (Hall's condition); and groups needing a room type fit its rooms."""
    by_subject: dict[str, list[Course]] = defaultdict(list)
    by_room: dict[str, list[Course]] = defaultdict(list)
    for course in courses:
        by_subject[course.subject].append(course)
        if pool.rules[course].room_type:
            by_room[pool.rules[course].room_type].append(course)
    rooms = Counter(r.type for r in pool.school.rooms)
    subject_sets = teacher_sharing_sets({s: pool.teachers[s] for s in by_subject})
    for block in blocks:
        for subjects in subject_sets:
            teachers = set().union(*(pool.teachers[s] for s in subjects))
            needed = sum(
                pool.per_group(s) * groups[(c, block)] for s in subjects for c in by_subject[s]
            )
            model.add(needed <= len(teachers))
        for room_type, needing in by_room.items():
            if rooms[room_type]:
                model.add(sum(groups[(c, block)] for c in needing) <= rooms[room_type])


_MUST = object()  # the profile of the one student whose choices must all be met


def _in_order(courses) -> list[Course]:
    return sorted(courses, key=lambda c: (c.subject, c.level or ""))
