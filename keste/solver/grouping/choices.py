"""Groups from students' choices (the Choices sheet): who studies each chosen subject with whom,
and which groups meet at the same time (elective blocks).

The students of one grade choose together: a *pool* is the grade's classes with choices, and all of
them are busy while one of their blocks runs (a student with no group in it has a study period). A
*course* is a subject at a level (mathematics at 7 or at 10 hours); its lessons a week come from the
Curriculum row of that level. One CP-SAT model per pool forms the groups and the blocks:

- a student takes each chosen course once, in one block, and never two courses in one block;
- every group has min..max students (Subjects `min_group` or School `min_group_students`; School
  `max_group_students`, by default split_threshold - 1, and the largest room of the subject's type);
- a block lasts as long as its longest course (a shorter course meets in some of its lessons: the
  7-hour mathematics group beside the 10-hour one), and the blocks fit the periods a week that the
  pool's class lessons leave;
- a block holds no more groups of a subject than there are qualified teachers (half as many when
  co-taught) and no more groups needing a room type than there are such rooms.

The objective, by weight: choices left unmet, then groups (teachers' hours), then block lessons
(students' study periods). Students with the same choices are interchangeable, so the model counts
them per choice profile; each profile is then split into students (König: a bipartite multigraph of
maximum degree m is m matchings). A choice keste cannot meet gets its reason in numbers.
"""

from __future__ import annotations

import itertools
import math
import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from keste.models.bells import schedules
from keste.models.curriculum import class_curriculum, course_row, lessons_for_hours, student_hours
from keste.models.findings import Finding
from keste.models.grouping import Course, Grouping, PoolSummary, Unmet
from keste.models.school import Choice, ElectiveGroup, School, SchoolClass, select_classes
from keste.models.values import format_number
from keste.solver.sat.solver import new_solver
from keste.solver.timetable.constraints.availability import blocks_slot, longest_day

UNMET_WEIGHT = 10_000  # a choice left unmet (above any saving in groups)
GROUP_WEIGHT = 100  # a group (teachers' hours, a room): above any saving in block lessons
FIRST_SHARE = 0.6  # of a pool's time: the groups; the rest explains unmet choices
HALL_SUBJECTS = 6  # subjects sharing teachers: every subset is checked up to this many
FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)


@dataclass
class CourseRules:
    hours: float
    lessons: int
    least: int
    most: int
    at_once: int  # groups that can meet at the same time (teachers, rooms)
    room_type: str | None


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
        _Pool(school, classes, max(0.5, share), workers, seed).form(grouping)
    grouping.wall_time = time.perf_counter() - started
    return grouping


def choice_pools(school: School) -> list[list[SchoolClass]]:
    """The classes of each grade (and bell schedule: a block meets at one time) whose students
    choose, unless the Electives sheet already has groups with members for them."""
    fixed = {
        c.name
        for group in school.electives
        if group.members
        for c in select_classes(group.classes, school.classes)
    }
    pools: dict[tuple[int, str], list[SchoolClass]] = defaultdict(list)
    for school_class in school.classes:
        if school_class.name in school.chosen_subjects:
            pools[(school_class.grade, school.bells_of(school_class))].append(school_class)
    return [
        classes for _, classes in sorted(pools.items()) if not any(c.name in fixed for c in classes)
    ]


class _Pool:
    def __init__(
        self,
        school: School,
        classes: list[SchoolClass],
        time_limit: float,
        workers: int,
        seed: int,
    ):
        self.school = school
        self.classes = classes
        self.grade = classes[0].grade
        self.time_limit = time_limit
        self.deadline = time.perf_counter() + time_limit
        self.workers = workers
        self.seed = seed
        names = {c.name for c in classes}
        self.choices = [c for c in school.choices if c.class_name in names]
        self.class_of = {c.student: c.class_name for c in self.choices}
        self.order = {c.name: i for i, c in enumerate(classes)}
        self.leveled = {
            subject
            for subject, levels in _levels(self.choices).items()
            if len(levels) > 1 or "higher" in levels
        }
        self.teachers = {
            subject: {t.code for t in school.teachers if t.can_teach(subject, self.grade)}
            for subject in {c.subject for c in self.choices}
        }
        self.rules = {course: self._rules(course) for course in self._courses()}
        self.free = min(week_periods(school, c) - class_lessons(school, c) for c in classes)

    def seconds_left(self) -> float:
        return self.deadline - time.perf_counter()

    # ---------------------------------------------------------------- the pool's courses

    def _courses(self) -> list[Course]:
        return list(dict.fromkeys(_course(c) for c in self.choices))

    def _rules(self, course: Course) -> CourseRules | None:
        """The course's hours (validation makes them the same in every class of the pool),
        group sizes, and how many of its groups can meet at once."""
        school = self.school
        row = next(
            (
                found
                for c in self.classes
                if (found := course_row(school, c, course.subject, course.level))
            ),
            None,
        )
        if row is None:
            return None
        subject = school.subject_by_code[course.subject]
        least, most = school.group_limits(course.subject)
        at_once = len(self.teachers[course.subject]) // self.per_group(course.subject)
        rooms = sum(1 for r in school.rooms if subject.room_type and r.type == subject.room_type)
        if rooms:
            at_once = min(at_once, rooms)
        lessons = int(lessons_for_hours(school, row.hours))
        return CourseRules(row.hours, lessons, least, most, at_once, subject.room_type)

    def per_group(self, subject: str) -> int:
        """Teachers in each group of the subject: two when it is co-taught."""
        known = self.school.subject_by_code.get(subject)
        return 2 if known and known.co_taught else 1

    def label(self, course: Course) -> str:
        return course.label(self.leveled)

    # ---------------------------------------------------------------- forming

    def form(self, grouping: Grouping) -> None:
        started = time.perf_counter()
        before = len(grouping.unmet)
        wanted = self._wanted(grouping)
        profiles = _profiles(wanted)
        solved = _Model(self, profiles).solve(self.time_limit * FIRST_SHARE)
        taken = self._students_in_blocks(profiles, solved) if solved else {}
        groups = self._groups(taken, solved)
        grouping.groups += groups
        placed = {(s, c) for (c, _), students in taken.items() for s in students}
        left: dict[str, list[Course]] = defaultdict(list)
        for student, courses in wanted.items():
            left[student] += [c for c in courses if (student, c) not in placed]
        self._explain({s: c for s, c in left.items() if c}, profiles, solved, grouping)
        grouping.pools.append(
            PoolSummary(
                self.grade,
                tuple(c.name for c in self.classes),
                len(self.class_of),
                len(self.rules),
                len(groups),
                tuple(n for n in (solved.block_lessons if solved else ()) if n),
                self.free,
                len(grouping.unmet) - before,
                solved.status if solved else "UNKNOWN",
                time.perf_counter() - started,
            )
        )

    def _wanted(self, grouping: Grouping) -> dict[str, list[Course]]:
        """Each student's courses the model should try; the rest are unmet now, with a reason:
        a course too few chose, one nobody teaches, or one beyond the weekly maximum."""
        by_course: dict[Course, list[str]] = defaultdict(list)
        for choice in self.choices:
            by_course[_course(choice)].append(choice.student)
        dropped: set[tuple[str, Course]] = set()
        for course, students in by_course.items():
            rules = self.rules[course]
            if rules is None:
                continue  # the school's validation reports the missing hours
            kind = None
            if rules.at_once == 0:
                kind = "choice_no_teacher"
            elif len(students) < rules.least or rules.least > rules.most:
                kind = "choice_small"
            if kind:
                reason = Finding(
                    kind,
                    {
                        "course": self.label(course),
                        "grade": self.grade,
                        "count": len(students),
                        "least": rules.least,
                        "teachers": len(self.teachers[course.subject]),
                        "per_group": self.per_group(course.subject),
                        "students": ", ".join(students),
                    },
                    (course.subject, *students),
                )
                for student in students:
                    self._unmet(grouping, student, course, reason)
                    dropped.add((student, course))
        wanted: dict[str, list[Course]] = defaultdict(list)
        limit = self.school.settings.max_weekly_hours.get(self.grade)
        load: dict[str, float] = {}
        for choice in self.choices:
            student, course = choice.student, _course(choice)
            if (student, course) in dropped or self.rules[course] is None:
                continue
            school_class = self.school.class_by_name[choice.class_name]
            if student not in load:
                load[student] = student_hours(self.school, student, school_class)
            hours = load[student] + self.rules[course].hours
            if limit is not None and hours > limit:
                reason = Finding(
                    "choice_load",
                    {
                        "student": student,
                        "cls": choice.class_name,
                        "course": self.label(course),
                        "hours": format_number(hours),
                        "grade": self.grade,
                        "limit": format_number(limit),
                    },
                    (student, choice.class_name),
                )
                self._unmet(grouping, student, course, reason)
                continue
            load[student] = hours
            wanted[student].append(course)
        return dict(wanted)

    def _unmet(self, grouping: Grouping, student: str, course: Course, reason: Finding) -> None:
        grouping.unmet.append(Unmet(student, self.class_of[student], course, reason))

    def _students_in_blocks(
        self, profiles: dict[frozenset[Course], list[str]], solved: _Solved
    ) -> dict[tuple[Course, int], list[str]]:
        """(course, block) -> its students: each profile's counts split into students."""
        taken: dict[tuple[Course, int], list[str]] = defaultdict(list)
        for profile, students in profiles.items():
            counts = {(c, b): n for (p, c, b), n in solved.counts.items() if p == profile and n > 0}
            for student, placed in _split_profile(students, counts).items():
                for course, block in placed:
                    taken[(course, block)].append(student)
        return dict(taken)

    def _groups(
        self, taken: dict[tuple[Course, int], list[str]], solved: _Solved | None
    ) -> list[ElectiveGroup]:
        """Each (course, block)'s students dealt into its groups: class-mates together, sizes
        as even as they can be."""
        groups = []
        numbers: Counter = Counter()
        classes = tuple(c.name for c in self.classes)
        names = _block_names(self.grade, solved)
        for (course, block), students in sorted(
            taken.items(), key=lambda item: (item[0][1], item[0][0].subject, item[0][0].level or "")
        ):
            count = solved.groups[(course, block)]
            ordered = sorted(students, key=lambda s: (self.order[self.class_of[s]], s))
            rules = self.rules[course]
            for members in _deal(ordered, count):
                numbers[course] += 1
                groups.append(
                    ElectiveGroup(
                        names[block],
                        classes,
                        rules.hours,
                        self._group_name(course, numbers[course]),
                        course.subject,
                        students=len(members),
                        level=self._level(course),
                        members=tuple(members),
                    )
                )
        return groups

    def _level(self, course: Course) -> str | None:
        if course.level or course.subject not in self.leveled:
            return course.level
        return "standard"

    def _group_name(self, course: Course, number: int) -> str:
        tag = ""
        if course.subject in self.leveled:
            tag = "H" if course.level == "higher" else "S"
        return f"{course.subject} {tag}{number}"

    # ---------------------------------------------------------------- reasons

    def _explain(
        self,
        left: dict[str, list[Course]],
        profiles: dict[frozenset[Course], list[str]],
        solved: _Solved | None,
        grouping: Grouping,
    ) -> None:
        """A reason for every student the model left with unmet choices: solve again with all of
        one of them met and say what that costs (once per choice profile: its students are
        interchangeable), within the pool's time."""
        profile_of = {s: p for p, students in profiles.items() for s in students}
        outcomes: dict[frozenset[Course], tuple[str, dict]] = {}
        waiting = len({profile_of[s] for s in left})
        for student, courses in left.items():
            profile = profile_of[student]
            if profile not in outcomes:
                budget = self.seconds_left() / max(1, waiting - len(outcomes))
                outcomes[profile] = self._outcome(student, len(courses), profiles, solved, budget)
            kind, extra = outcomes[profile]
            params = {
                "student": student,
                "cls": self.class_of[student],
                "courses": ", ".join(sorted(self.label(c) for c in profile)),
                **extra,
            }
            reason = Finding(kind, params, (student, self.class_of[student]))
            for course in courses:
                self._unmet(grouping, student, course, reason)

    def _outcome(
        self,
        student: str,
        own: int,
        profiles: dict[frozenset[Course], list[str]],
        solved: _Solved | None,
        seconds: float,
    ) -> tuple[str, dict]:
        """Why a student's choices (own of them unmet) are not all met: the kind of reason and
        its numbers, from a solve with all of them met."""
        undecided = ("choice_undecided", {"seconds": format_number(round(seconds, 1))})
        if solved is None or seconds < 0.2:
            return undecided
        profile = next(p for p, students in profiles.items() if student in students)
        others = {p: [s for s in students if s != student] for p, students in profiles.items()}
        again = _Model(self, {p: s for p, s in others.items() if s}, must_meet=profile).solve(
            seconds
        )
        if again is not None and again.status_code == cp_model.INFEASIBLE:
            return "choice_no_arrangement", self._arrangement_numbers(profile)
        proven = (
            again is not None
            and again.status_code == cp_model.OPTIMAL
            and solved.status_code == cp_model.OPTIMAL
        )
        if not proven:
            return undecided
        lost = again.unmet - (solved.unmet - own)
        if lost <= own:
            return "choice_tie", {}
        return "choice_tradeoff", {"others": lost}

    def _arrangement_numbers(self, profile: frozenset[Course]) -> dict:
        rules = [self.rules[c] for c in profile]
        return {
            "least": min(r.least for r in rules),
            "most": max(r.most for r in rules),
            "free": self.free,
            "classes": ", ".join(c.name for c in self.classes),
        }


@dataclass
class _Solved:
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


class _Model:
    """The CP-SAT model of one pool over choice profiles (see the module's docstring)."""

    def __init__(
        self,
        pool: _Pool,
        profiles: dict[frozenset[Course], list[str]],
        must_meet: frozenset[Course] | None = None,
    ):
        self.pool = pool
        self.model = cp_model.CpModel()
        self.profiles: dict[object, int] = {p: len(s) for p, s in profiles.items()}
        self.courses_of: dict[object, frozenset[Course]] = {p: p for p in profiles}
        if must_meet is not None:  # one more student, whose every choice is met
            self.profiles[_MUST] = 1
            self.courses_of[_MUST] = must_meet
        self.courses = sorted(
            {c for courses in self.courses_of.values() for c in courses},
            key=lambda c: (c.subject, c.level or ""),
        )
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
        self._at_once()
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

    def _at_once(self) -> None:
        """Per block, the groups meeting at once have their teachers: for every set of subjects
        that share teachers, the teachers their groups need are no more than those qualified
        for one of them (Hall's condition); and groups needing a room type fit its rooms."""
        pool = self.pool
        by_subject: dict[str, list[Course]] = defaultdict(list)
        by_room: dict[str, list[Course]] = defaultdict(list)
        for course in self.courses:
            by_subject[course.subject].append(course)
            if pool.rules[course].room_type:
                by_room[pool.rules[course].room_type].append(course)
        rooms = Counter(r.type for r in pool.school.rooms)
        subject_sets = _teacher_sharing_sets({s: pool.teachers[s] for s in by_subject})
        for block in self.blocks:
            for subjects in subject_sets:
                teachers = set().union(*(pool.teachers[s] for s in subjects))
                needed = sum(
                    pool.per_group(s) * self.groups[(c, block)]
                    for s in subjects
                    for c in by_subject[s]
                )
                self.model.add(needed <= len(teachers))
            for room_type, courses in by_room.items():
                if rooms[room_type]:
                    self.model.add(
                        sum(self.groups[(c, block)] for c in courses) <= rooms[room_type]
                    )

    def solve(self, time_limit: float) -> _Solved | None:
        solver = new_solver(time_limit, self.pool.workers, self.pool.seed)
        status = solver.solve(self.model)
        if status not in FOUND:
            return _Solved(status, {}, {}, [], 0) if status == cp_model.INFEASIBLE else None
        counts = {key: solver.value(v) for key, v in self.count.items() if key[0] is not _MUST}
        groups = {key: solver.value(v) for key, v in self.groups.items()}
        lengths = [solver.value(self.length[b]) for b in self.blocks]
        return _Solved(status, counts, groups, lengths, solver.value(self.unmet))


_MUST = object()  # the profile of the one student whose choices must all be met


def _course(choice: Choice) -> Course:
    return Course(choice.subject, "higher" if choice.level == "higher" else None)


def _levels(choices: list[Choice]) -> dict[str, set[str]]:
    levels: dict[str, set[str]] = defaultdict(set)
    for choice in choices:
        levels[choice.subject].add(choice.level or "standard")
    return levels


def _profiles(wanted: dict[str, list[Course]]) -> dict[frozenset[Course], list[str]]:
    profiles: dict[frozenset[Course], list[str]] = defaultdict(list)
    for student, courses in wanted.items():
        profiles[frozenset(courses)].append(student)
    return dict(profiles)


def _teacher_sharing_sets(teachers: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The sets of subjects whose groups compete for teachers: every subset of each group of
    subjects linked by shared teachers (only the single subjects and the whole group when it is
    larger than HALL_SUBJECTS)."""
    linked: list[set[str]] = []
    for subject in sorted(teachers):
        joined = [group for group in linked if any(teachers[s] & teachers[subject] for s in group)]
        merged = {subject}.union(*joined)
        linked = [group for group in linked if group not in joined] + [merged]
    sets: list[tuple[str, ...]] = []
    for group in linked:
        ordered = sorted(group)
        if len(ordered) <= HALL_SUBJECTS:
            sizes = range(1, len(ordered) + 1)
            sets += [c for size in sizes for c in itertools.combinations(ordered, size)]
        else:
            sets += [(s,) for s in ordered] + [tuple(ordered)]
    return sets


def _split_profile(
    students: list[str], counts: dict[tuple[Course, int], int]
) -> dict[str, list[tuple[Course, int]]]:
    """Which student of a profile takes which (course, block), given how many take each: every
    student at most one course per block and one block per course.

    The counts are a bipartite multigraph of courses and blocks whose degrees are at most the
    number of students, so its edges take that many colours with no colour twice at a course
    or a block (König); a colour is a student. Each edge gets a colour free at both ends, after
    swapping two colours along an alternating path where needed."""
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


def _deal(students: list[str], groups: int) -> list[list[str]]:
    """Consecutive runs of as even a size as possible."""
    size, extra = divmod(len(students), groups)
    runs, start = [], 0
    for index in range(groups):
        end = start + size + (1 if index < extra else 0)
        runs.append(students[start:end])
        start = end
    return [run for run in runs if run]


def _block_names(grade: int, solved: _Solved | None) -> dict[int, str]:
    if solved is None:
        return {}
    return {block: f"E{grade}-{block + 1}" for block in range(len(solved.block_lessons))}


# ------------------------------------------------------------------ the week a pool leaves


def week_periods(school: School, school_class: SchoolClass) -> int:
    """Lessons a week the class can have: each day its limit, within the periods it is there
    (its bell schedule, less unavailable times and a meal period)."""
    schedule = schedules(school)[school.bells_of(school_class)]
    meals = longest_day(school, school_class.name) - school.max_lessons_per_day(school_class)
    total = 0
    for day in school.settings.days:
        open_periods = sum(
            1
            for p in schedule.periods
            if not any(
                blocks_slot(b, day, p.number, (p.start, p.end)) for b in school_class.unavailable
            )
        )
        total += max(0, min(school.max_lessons_per_day(school_class), open_periods - meals))
    return total


def class_lessons(school: School, school_class: SchoolClass) -> int:
    """Periods a week the class's own lessons take: its curriculum (a split class's halves at
    once; half hours in pairs), its whole-class activities and the Electives sheet's blocks."""
    rows = class_curriculum(school, school_class).values()
    lessons = [lessons_for_hours(school, r.hours) for r in rows]
    whole = sum(int(n) for n in lessons)
    halves = sum(1 for n in lessons if n % 1)
    activities = sum(
        a.lessons * a.length for a in school.activities if (school_class.name, None) in a.parts()
    )
    blocks: dict[str, int] = {}
    for group in school.electives:
        if school_class in select_classes(group.classes, school.classes):
            lessons_of = int(lessons_for_hours(school, group.hours))
            blocks[group.block] = max(blocks.get(group.block, 0), lessons_of)
    return whole + math.ceil(halves / 2) + activities + sum(blocks.values())
