"""The independent validator: re-checks every hard rule and recomputes every soft penalty from the
placed lessons (the Lessons and Meals sheets) and the school alone.

It shares no code with the CP-SAT model: it reads what the school says (models/) and what the
timetable shows, and derives everything else itself, so a timetable edited by hand is checked the
same way as one keste made. Its penalties use the same definitions as the model's soft rules, so
its weighted total equals the solver's objective.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

from keste.models.bells import schedules
from keste.models.curriculum import (
    class_curriculum,
    is_split,
    lessons_for_hours,
    student_hours,
    subject_difficulty,
)
from keste.models.school import School, SchoolClass, Teacher, select_classes
from keste.models.timetable import LessonRow, MealRow, Timetable
from keste.models.values import TimeBlock, format_number, format_time
from keste.models.verification import MODEL_RULES, ValidationReport, Violation


def validate(
    school: School, timetable: Timetable, previous: Timetable | None = None
) -> ValidationReport:
    """Every hard rule and soft penalty; with `previous` (the timetable this one replaces), also
    the lessons that moved."""
    return _Validator(school, timetable.lessons, timetable.meals, previous).run()


class _Validator:
    def __init__(
        self,
        school: School,
        lessons: list[LessonRow],
        meals: list[MealRow],
        previous: Timetable | None = None,
    ):
        self.school = school
        self.lessons = lessons
        self.meals = meals
        self.previous = previous
        self.activities = {a.activity: a for a in school.activities}
        blocks: dict[str, list] = defaultdict(list)
        for group in school.electives:
            blocks[group.block].append(group)
        self.elective_blocks = dict(blocks)  # block -> its groups
        self.bells = schedules(school)
        self.days = school.settings.days
        self.report = ValidationReport(
            weights={r: school.settings.weight(r) for r in (*MODEL_RULES, "room_changes")}
        )

    def flag(self, rule: str, message: str) -> None:
        self.report.violations.append(Violation(rule, message))

    def run(self) -> ValidationReport:
        self.lessons = [row for row in self.lessons if self._known(row)]
        self._hours()
        self._class_clashes()
        self._shared_clashes("teacher_clash", self._teacher_events(), "teacher")
        self._shared_clashes("room_clash", self._room_events(), "room")
        self._rooms()
        self._compact_days()
        self._subject_days()
        self._availability()
        self._locks()
        self._meals()
        self._blocks()
        self._activities()
        self._working_days()
        self._students()
        self._penalties()
        return self.report

    # ------------------------------------------------------------------ references

    def _known(self, row: LessonRow) -> bool:
        school = self.school
        where = f"{row.class_name} {row.day} period {row.period}"
        problems = []
        if row.class_name not in school.class_by_name:
            problems.append(f"class {row.class_name} is not on the Classes sheet")
        if row.subject not in school.subject_by_code:
            problems.append(f"subject {row.subject} is not on the Subjects sheet")
        for teacher in row.teachers:
            if teacher not in school.teacher_by_code:
                problems.append(f"teacher {teacher} is not on the Teachers sheet")
        if row.room and school.rooms and row.room not in school.room_by_name:
            problems.append(f"room {row.room} is not on the Rooms sheet")
        if row.day not in self.days:
            problems.append(f"{row.day} is not a school day")
        if row.class_name in school.class_by_name:
            schedule = self.bells[school.bells_of(school.class_by_name[row.class_name])]
            period = schedule.period(row.period)
            if period is None:
                problems.append(f"bell schedule '{schedule.name}' has no period {row.period}")
            elif (period.start, period.end) != (row.start, row.end):
                problems.append(
                    f"period {row.period} of '{schedule.name}' is {format_time(period.start)}-"
                    f"{format_time(period.end)}, not {format_time(row.start)}-"
                    f"{format_time(row.end)}"
                )
        for problem in problems:
            self.flag("references", f"{where}: {problem}")
        return not problems

    # ------------------------------------------------------------------ every hour placed

    def _hours(self) -> None:
        placed: Counter = Counter()
        for row in self.lessons:
            if row.block is None:
                placed[(row.class_name, row.subject, row.group)] += 0.5 if row.week else 1
        expected: dict[tuple, float] = {}
        for school_class in self.school.classes:
            for subject, row in class_curriculum(self.school, school_class).items():
                lessons = lessons_for_hours(self.school, row.hours)
                groups = ("1", "2") if is_split(self.school, school_class, row) else (None,)
                for group in groups:
                    expected[(school_class.name, subject, group)] = lessons
        for key in sorted(set(expected) | set(placed), key=str):
            want, have = expected.get(key, 0), placed.get(key, 0)
            if want != have:
                class_name, subject, group = key
                who = class_name + (f" group {group}" if group else "")
                self.flag(
                    "hours",
                    f"{who} {subject}: {format_number(have)} lessons a week "
                    f"placed, {format_number(want)} in the curriculum",
                )
        self._block_hours()

    def _block_hours(self) -> None:
        placed: Counter = Counter()
        for row in self.lessons:
            if row.block is not None:
                placed[(row.block, row.group, row.class_name)] += 1
        for block, groups in self.elective_blocks.items():
            for group in groups:
                want = int(lessons_for_hours(self.school, group.hours))
                for school_class in self._block_classes(groups):
                    have = placed.get((block, group.group, school_class.name), 0)
                    if have != want:
                        self.flag(
                            "hours",
                            f"block {block} group {group.group} in "
                            f"{school_class.name}: {have} lessons placed, {want} "
                            "planned",
                        )

    def _block_classes(self, groups) -> list[SchoolClass]:
        classes: list[SchoolClass] = []
        for group in groups:
            classes += [
                c for c in select_classes(group.classes, self.school.classes) if c not in classes
            ]
        return classes

    # ------------------------------------------------------------------ clashes

    def _rows_at(self) -> dict[tuple[str, str, int], list[LessonRow]]:
        at = defaultdict(list)
        for row in self.lessons:
            at[(row.class_name, row.day, row.period)].append(row)
        return at

    def _class_clashes(self) -> None:
        for (class_name, day, period), rows in self._rows_at().items():
            groups = self.school.groups_of.get(class_name, ("1", "2"))  # the finest division
            sets = [(class_name, group) for group in groups]
            for week in ("A", "B"):
                seen = [r for r in rows if r.week in (None, week)]
                problem = self._clash_in(seen, sets)
                if problem:
                    self.flag("class_clash", f"{class_name} {day} period {period}: {problem}")
                    break

    def _clash_in(self, rows: list[LessonRow], sets: list[tuple[str, str | None]]) -> str | None:
        """Two lessons at once for one student set (the rows of one elective block or one
        activity are one lesson)."""
        lessons: dict[object, set] = defaultdict(set)
        for row in rows:
            key = row.block if row.block is not None else id(row)
            lessons[key] |= {s for s in sets if self._attends(row, s[1])}
        taken: Counter = Counter(s for occupied in lessons.values() for s in occupied)
        if not taken or max(taken.values()) < 2:
            return None
        names = sorted({r.subject + (f" g{r.group}" if r.group else "") for r in rows})
        return f"{', '.join(names)} at once"

    def _teacher_events(self):
        events = defaultdict(set)
        for row in self.lessons:
            for teacher in row.teachers:
                events[teacher].add(_event(row, self.activities))
        return events

    def _room_events(self):
        events = defaultdict(set)
        for row in self.lessons:
            if row.room:
                events[row.room].add(_event(row, self.activities))
        return events

    def _shared_clashes(self, rule: str, events: dict, what: str) -> None:
        for owner, owned in events.items():
            ordered = sorted(owned, key=lambda e: (e[0], e[1], e[2]))
            for index, first in enumerate(ordered):
                for second in ordered[index + 1 :]:
                    if second[0] != first[0] or second[1] >= first[2]:
                        break
                    if first[4] != second[4] and _weeks_meet(first[3], second[3]):
                        self.flag(
                            rule,
                            f"{what} {owner} on {first[0]} at "
                            f"{format_time(second[1])}: {first[4][1]} and "
                            f"{second[4][1]} at once",
                        )

    # ------------------------------------------------------------------ rooms

    def _rooms(self) -> None:
        school = self.school
        if not school.rooms:
            return
        block_type = {(g.block, g.group): g.room_type for g in school.electives}
        for row in self.lessons:
            subject = school.subject_by_code[row.subject]
            activity = self.activities.get(row.block)
            needed = (
                block_type.get((row.block, row.group))
                or (activity.room_type if activity else None)
                or subject.room_type
            )
            where = f"{row.class_name} {row.subject} {row.day} period {row.period}"
            if row.room is None:
                if needed:
                    self.flag("room_type", f"{where}: no room (needs a {needed})")
                continue
            room = school.room_by_name[row.room]
            if needed and room.type != needed:
                self.flag(
                    "room_type",
                    f"{where}: room {row.room} is a {room.type}, the lesson needs a {needed}",
                )
            size = self._group_size(row)
            if room.capacity is not None and size > room.capacity:
                self.flag(
                    "room_seats",
                    f"{where}: {size} students in room {row.room} of {room.capacity} seats",
                )

    def _group_size(self, row: LessonRow) -> int:
        if row.block in self.activities or (row.block is None and row.group not in ("1", "2")):
            for group in self.school.groups:
                if (group.class_name, group.group) == (row.class_name, row.group):
                    return group.students or self.school.class_by_name[row.class_name].students
            return self.school.class_by_name[row.class_name].students
        if row.block is not None:
            sizes = [
                g.students or 0
                for g in self.school.electives
                if g.block == row.block and g.group == row.group
            ]
            return max(sizes, default=0)
        students = self.school.class_by_name[row.class_name].students
        if row.group in ("1", "2"):
            return (students + (1 if row.group == "1" else 0)) // 2
        return students

    # ------------------------------------------------------------------ students' days

    def _student_sets(self) -> dict[str, list[tuple[str, str | None]]]:
        """Each class as one set, or two halves when a group of it ever meets without the other."""
        at = self._rows_at()
        apart = set()
        for (class_name, _, _), rows in at.items():
            groups = {
                r.group
                for r in rows
                if r.block is None
                and r.group in ("1", "2")
                and class_name not in self.school.groups_of
            }
            if len(groups) == 1:
                apart.add(class_name)
        sets = {}
        for school_class in self.school.classes:
            name = school_class.name
            if name in self.school.groups_of:
                sets[name] = [(name, group) for group in self.school.groups_of[name]]
            else:
                sets[name] = [(name, "1"), (name, "2")] if name in apart else [(name, None)]
        return sets

    def _attends(self, row: LessonRow, half: str | None) -> bool:
        """Does the row's lesson take the set (a class, or a group of it)? An elective block
        takes its classes whole."""
        return row.block in self.elective_blocks or half is None or row.group in (None, half)

    def _set_rows(self) -> dict[tuple[str, str | None], dict[str, dict[int, list[LessonRow]]]]:
        """(class, half) -> day -> period -> the rows the set sits in."""
        by_class = defaultdict(list)
        for row in self.lessons:
            by_class[row.class_name].append(row)
        result = {}
        for class_name, sets in self._student_sets().items():
            for key in sets:
                days: dict[str, dict[int, list[LessonRow]]] = defaultdict(lambda: defaultdict(list))
                for row in by_class[class_name]:
                    if self._attends(row, key[1]):
                        days[row.day][row.period].append(row)
                result[key] = days
        return result

    def _compact_days(self) -> None:
        meals = defaultdict(set)
        for meal in self.meals:
            meals[(meal.class_name, meal.day)].add(meal.period)
        for (class_name, half), days in self._set_rows().items():
            school_class = self.school.class_by_name[class_name]
            limit = self.school.max_lessons_per_day(school_class)
            who = class_name + (f" group {half}" if half else "")
            for day in self.days:
                periods = days.get(day, {})
                for week in ("A", "B"):
                    busy = {
                        p
                        for p, rows in periods.items()
                        if any(r.week in (None, week) for r in rows)
                    }
                    occupied = busy | meals[(class_name, day)]
                    expected = self._open_periods(school_class, day, max(occupied, default=0))
                    if occupied and occupied != expected:
                        missing = sorted(expected - occupied)
                        self.flag(
                            "compact_days",
                            f"{who} on {day}"
                            + (f" (week {week})" if _has_weeks(periods) else "")
                            + f": window at period {', '.join(map(str, missing))}",
                        )
                        break
                lessons = {p for p, rows in periods.items() if any(r.week != "B" for r in rows)}
                if len(lessons) > limit:
                    self.flag(
                        "lessons_per_day",
                        f"{who} has {len(lessons)} lessons on {day}; at most {limit}",
                    )

    def _open_periods(self, school_class: SchoolClass, day: str, last: int) -> set[int]:
        """Periods 1..last of the class's day, less those it is unavailable (it is elsewhere)."""
        schedule = self.bells[self.school.bells_of(school_class)]
        return {
            p.number
            for p in schedule.periods
            if p.number <= last
            and not any(
                _covers(block, _probe(day, p.number, p.start, p.end))
                for block in school_class.unavailable
            )
        }

    def _subject_days(self) -> None:
        """Lessons of a subject a day and double lessons, per class or group, weekly lessons."""
        school = self.school
        periods = defaultdict(set)
        for row in self.lessons:
            if row.block is None and row.week is None:
                periods[(row.class_name, row.subject, row.group, row.day)].add(row.period)
        self._block_days()
        doubles_in_week = Counter()
        for (class_name, subject_code, group, day), taken in periods.items():
            subject = school.subject_by_code[subject_code]
            school_class = school.class_by_name[class_name]
            who = f"{class_name}" + (f" group {group}" if group else "") + f" {subject_code}"
            runs = _runs(sorted(taken))
            if len(runs) > subject.max_per_day:
                self.flag(
                    "subject_per_day",
                    f"{who}: {len(runs)} lessons on {day}; at most {subject.max_per_day}",
                )
            for run in runs:
                if len(run) > 2:
                    self.flag("subject_per_day", f"{who}: {len(run)} lessons in a row on {day}")
                elif len(run) == 2:
                    doubles_in_week[(class_name, subject_code, group)] += 1
                    if self._allowed_doubles(school_class, subject_code)[1] == 0:
                        self.flag(
                            "subject_per_day",
                            f"{who}: a double lesson on {day}, which is not allowed",
                        )
        self._double_counts(doubles_in_week)

    def _block_days(self) -> None:
        """An elective group's lessons a day: at most its subject's max_per_day, no doubles."""
        periods = defaultdict(set)
        for row in self.lessons:
            if row.block in self.elective_blocks:
                periods[(row.block, row.group, row.subject, row.day)].add(row.period)
        for (block, group, subject_code, day), taken in periods.items():
            most = self.school.subject_max_per_day(subject_code)
            runs = _runs(sorted(taken))
            who = f"block {block} group {group} ({subject_code})"
            if len(runs) > most:
                self.flag("subject_per_day", f"{who}: {len(runs)} lessons on {day}; at most {most}")
            if any(len(run) > 1 for run in runs):
                self.flag("subject_per_day", f"{who}: a double lesson on {day}")

    def _allowed_doubles(self, school_class: SchoolClass, subject_code: str) -> tuple[int, int]:
        """(least, most) double lessons a week for a class's subject."""
        row = class_curriculum(self.school, school_class).get(subject_code)
        subject = self.school.subject_by_code[subject_code]
        if row is None or self.school.is_primary(school_class.grade):
            return 0, 0
        lessons = int(lessons_for_hours(self.school, row.hours))
        if row.doubles is not None:
            planned = min(row.doubles, lessons // 2)
            return planned, planned
        return {"required": (lessons // 2,) * 2, "allowed": (0, lessons // 2)}.get(
            subject.double, (0, 0)
        )

    def _double_counts(self, doubles_in_week: Counter) -> None:
        for school_class in self.school.classes:
            for subject_code, row in class_curriculum(self.school, school_class).items():
                groups = ("1", "2") if is_split(self.school, school_class, row) else (None,)
                least, _ = self._allowed_doubles(school_class, subject_code)
                for group in groups:
                    have = doubles_in_week[(school_class.name, subject_code, group)]
                    if have < least:
                        self.flag(
                            "subject_per_day",
                            f"{school_class.name} {subject_code}: "
                            f"{have} double lessons, {least} planned",
                        )

    # ------------------------------------------------------------------ teachers, locks, meals

    def _availability(self) -> None:
        for row in self.lessons:
            school_class = self.school.class_by_name[row.class_name]
            if any(_covers(block, row) for block in school_class.unavailable):
                self.flag(
                    "class_unavailable",
                    f"{row.class_name} has {row.subject} on {row.day} period {row.period} but "
                    "is unavailable then",
                )
            for code in row.teachers:
                teacher = self.school.teacher_by_code[code]
                if any(_covers(block, row) for block in teacher.unavailable):
                    self.flag(
                        "teacher_unavailable",
                        f"{code} teaches {row.class_name} "
                        f"{row.subject} on {row.day} period "
                        f"{row.period} but is unavailable then",
                    )

    def _locks(self) -> None:
        for lock in self.school.locks:
            group = None if lock.group is None else str(lock.group)
            if not any(
                r.class_name == lock.class_name
                and r.subject == lock.subject
                and r.day == lock.day
                and r.period == lock.period
                and (group is None or r.group in (None, group))
                for r in self.lessons
            ):
                self.flag(
                    "locks",
                    f"{lock.class_name} {lock.subject} is not on {lock.day} "
                    f"period {lock.period} where it is locked",
                )

    def _meals(self) -> None:
        eaten = defaultdict(list)
        for meal in self.meals:
            eaten[(meal.meal, meal.class_name, meal.day)].append(meal)
        for rule in self.school.meals:
            for school_class in select_classes(rule.classes, self.school.classes):
                for day in self.days:
                    rows = eaten.get((rule.meal, school_class.name, day), [])
                    if len(rows) != 1:
                        self.flag(
                            "meals",
                            f"{school_class.name} has {len(rows)} {rule.meal} "
                            f"periods on {day}; exactly one expected",
                        )
                    elif rows[0].period not in rule.window:
                        self.flag(
                            "meals",
                            f"{school_class.name} eats {rule.meal} at period "
                            f"{rows[0].period} on {day}, outside its window",
                        )
            if rule.canteen_capacity is not None:
                self._canteen(rule, [m for m in self.meals if m.meal == rule.meal])

    def _canteen(self, rule, meals: list[MealRow]) -> None:
        for meal in meals:
            together = sum(
                1
                for other in meals
                if other.day == meal.day and other.start <= meal.start < other.end
            )
            if together > rule.canteen_capacity:
                self.flag(
                    "meals",
                    f"{together} classes eat {rule.meal} on {meal.day} at "
                    f"{format_time(meal.start)}; the canteen seats "
                    f"{rule.canteen_capacity}",
                )
                return

    def _blocks(self) -> None:
        """A block's groups meet together (a group with fewer lessons in some of the longer
        ones' times), and every class of the block is there whenever it meets."""
        slots = defaultdict(set)
        classes_at = defaultdict(set)
        for row in self.lessons:
            if row.block in self.elective_blocks:
                slots[(row.block, row.group)].add((row.day, row.period))
                classes_at[(row.block, row.day, row.period)].add(row.class_name)
        for (block, day, period), present in sorted(classes_at.items()):
            missing = {c.name for c in self._block_classes(self.elective_blocks[block])} - present
            if missing:
                self.flag(
                    "blocks",
                    f"block {block} on {day} period {period}: without "
                    f"{', '.join(sorted(missing))} (a block takes all its classes)",
                )
        planned = {
            (g.block, g.group): lessons_for_hours(self.school, g.hours)
            for g in self.school.electives
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
                        self.flag(
                            "blocks",
                            f"block {block}: group {other} meets at times when group {group} "
                            "does not (a block's groups meet together)",
                        )
                        return

    def _activities(self) -> None:
        """Each activity: all its lessons, in runs of its length, at most max_per_day a day,
        and the last of its students' day where asked."""
        periods: dict[tuple, set[int]] = defaultdict(set)
        for row in self.lessons:
            if row.block in self.activities:
                periods[(row.block, row.class_name, row.group, row.day)].add(row.period)
        for activity in self.activities.values():
            for class_name, group in activity.parts():
                who = f"activity {activity.activity} ({class_name}" + (
                    f"/{group})" if group else ")"
                )
                total = 0
                for day in self.days:
                    taken = periods.get((activity.activity, class_name, group, day), set())
                    total += len(taken)
                    runs = _runs(sorted(taken))
                    if any(len(run) % activity.length for run in runs):
                        self.flag("activities", f"{who} on {day}: not in runs of {activity.length}")
                    doubles = activity.length == 1 and activity.double != "no"
                    if doubles and any(len(run) > 2 for run in runs):
                        self.flag("activities", f"{who} on {day}: more than a double lesson")
                    blocks = len(runs) if doubles else sum(len(r) // activity.length for r in runs)
                    if blocks > activity.max_per_day:
                        self.flag("activities", f"{who}: more than {activity.max_per_day} on {day}")
                    if taken and activity.last_of_day:
                        self._ends_day(who, class_name, group, day, max(taken))
                if total != activity.lessons * activity.length:
                    self.flag(
                        "activities",
                        f"{who}: {total} periods placed, {activity.lessons * activity.length} "
                        "planned",
                    )

    def _ends_day(self, who: str, class_name: str, group: str | None, day: str, last: int):
        later = [
            r
            for r in self.lessons
            if r.class_name == class_name
            and r.day == day
            and r.period > last
            and (group is None or r.group in (None, group))
        ]
        if later:
            self.flag("activities", f"{who} must end the day on {day}; {later[0].subject} follows")

    # ------------------------------------------------------------------ students' own weeks

    def _students(self) -> None:
        """Students whose groups were formed from their choices: their class's lessons and
        their groups never at once, their week within the maximum, the groups within their sizes,
        and which choices no group meets."""
        school = self.school
        formed = [g for g in school.electives if g.members]
        if not formed:
            return
        class_of = {c.student: c.class_name for c in school.choices}
        member_of = school.member_groups
        for group in formed:
            self._formed_size(group)
        for student, groups in member_of.items():
            self._one_group_per_subject(student, groups)
        pooled = {c.name for g in formed for c in select_classes(g.classes, school.classes)}
        rows_of: dict[str, list[LessonRow]] = defaultdict(list)
        for row in self.lessons:
            if row.class_name in pooled:
                rows_of[row.class_name].append(row)
        manual = {g.block for g in school.electives if not g.members}
        for student, class_name in class_of.items():
            if class_name in pooled:
                groups = member_of.get(student, [])
                self._student_week(student, class_name, groups, rows_of[class_name], manual)
                self._student_load(student, class_name)
        for choice in school.choices:
            level = choice.level or "standard"
            if choice.class_name in pooled and not any(
                g.subject == choice.subject and (g.level or "standard") == level
                for g in member_of.get(choice.student, [])
            ):
                self.report.unmet_choices.append(
                    (choice.student, choice.class_name, choice.subject, choice.level)
                )

    def _formed_size(self, group) -> None:
        least, most = self.school.group_limits(group.subject)
        if not least <= len(group.members) <= most:
            self.flag(
                "group_size",
                f"block {group.block} group {group.group}: {len(group.members)} students; "
                f"expected {least} to {most}",
            )

    def _one_group_per_subject(self, student: str, groups) -> None:
        by_subject = Counter(g.subject for g in groups)
        for subject, count in by_subject.items():
            if count > 1:
                self.flag("group_size", f"student {student} is in {count} groups of {subject}")

    def _student_week(
        self, student: str, class_name: str, groups, rows: list[LessonRow], manual: set[str]
    ) -> None:
        """rows: the class's lessons; manual: the blocks whose groups list no members."""
        mine = {(g.block, g.group) for g in groups}
        at: dict[tuple[str, int, str], set[str]] = defaultdict(set)
        for row in rows:
            if row.block is None or row.block in self.activities:
                if row.group is not None:
                    continue  # a half or group of the class: not known to be this student's
                what = row.subject
            elif (row.block, row.group) in mine:
                what = f"{row.subject} ({row.group})"
            elif row.block in manual:
                what = f"block {row.block}"
            else:
                continue
            for week in ("A", "B") if row.week is None else (row.week,):
                at[(row.day, row.period, week)].add(what)
        for (day, period, _), lessons in sorted(at.items()):
            if len(lessons) > 1:
                self.flag(
                    "student_clash",
                    f"student {student} ({class_name}) on {day} period {period}: "
                    f"{' and '.join(sorted(lessons))} at once",
                )
                return

    def _student_load(self, student: str, class_name: str) -> None:
        school_class = self.school.class_by_name[class_name]
        limit = self.school.settings.max_weekly_hours.get(school_class.grade)
        hours = student_hours(self.school, student, school_class)
        if limit is not None and hours > limit:
            self.flag(
                "student_load",
                f"student {student} ({class_name}): {format_number(hours)} hours a week; at most "
                f"{format_number(limit)} in grade {school_class.grade}",
            )

    def _working_days(self) -> None:
        days: dict[str, set[str]] = defaultdict(set)
        for row in self.lessons:
            for teacher in row.teachers:
                days[teacher].add(row.day)
        for teacher in self.school.teachers:
            worked = len(days.get(teacher.code, ()))
            if teacher.max_days is not None and worked > teacher.max_days:
                self.flag(
                    "teacher_days",
                    f"{teacher.code} works {worked} days; at most {teacher.max_days}",
                )

    # ------------------------------------------------------------------ soft rules

    def _penalties(self) -> None:
        penalties = self.report.penalties
        penalties["teacher_gaps"] = self._teacher_gaps()
        set_rows = self._set_rows()
        profile = position = back_to_back = spread = 0
        for (class_name, _), days in set_rows.items():
            school_class = self.school.class_by_name[class_name]
            profile += self._profile(days)
            position += self._hard_positions(days, school_class)
            back_to_back += self._back_to_back(days)
            spread += self._spread(days, school_class)
        penalties["difficulty_profile"] = profile
        penalties["hard_subject_position"] = position
        penalties["hardest_back_to_back"] = back_to_back
        penalties["subject_spread"] = spread
        penalties["teacher_wishes"] = self._wishes()
        penalties["room_changes"] = self._room_changes()
        if self.previous is not None:
            penalties["moved_lessons"] = self._moved_lessons()

    def _slot_difficulty(self, rows: list[LessonRow]) -> int:
        return max(subject_difficulty(self.school, r.subject) for r in rows)

    def _profile(self, days: dict[str, dict[int, list[LessonRow]]]) -> int:
        count = len(self.days)
        if count < 4:
            return 0
        load = [
            sum(self._slot_difficulty(rows) for rows in days.get(day, {}).values())
            for day in self.days
        ]
        peaks, light = (1, 2), (0, count - 1)
        middle = [d for d in range(count) if d not in peaks and d not in light]
        total = 0
        for day in range(count):
            if day in peaks:
                continue
            above = [load[day] - load[p] for p in peaks]
            if day in light:
                above += [load[day] - load[m] for m in middle]
            total += max(0, *above)
        return total

    def _hard_positions(self, days, school_class: SchoolClass) -> int:
        last_good = 3 if self.school.is_primary(school_class.grade) else 4
        threshold = self.school.settings.hard_difficulty
        return sum(
            1
            for periods in days.values()
            for period, rows in periods.items()
            if self._slot_difficulty(rows) >= threshold and not 2 <= period <= last_good
        )

    def _back_to_back(self, days) -> int:
        threshold = self.school.settings.hardest_difficulty
        pairs = 0
        for periods in days.values():
            for period, rows in periods.items():
                following = periods.get(period + 1)
                if not following or self._slot_difficulty(rows) < threshold:
                    continue
                if self._slot_difficulty(following) < threshold:
                    continue
                if _same_lesson(rows, following):
                    continue  # one double lesson, not two subjects
                pairs += 1
        return pairs

    def _spread(self, days, school_class: SchoolClass) -> int:
        count = len(self.days)
        used = defaultdict(set)
        lessons = Counter()
        for day, periods in days.items():
            for rows in periods.values():
                weekly = [r for r in rows if r.week is None]
                if not weekly:
                    continue
                key = self._spread_key(weekly)
                used[key].add(self.days.index(day))
                lessons[key] += 1
        total = 0
        for key, taken in used.items():
            activity = self.activities.get(key)
            if activity is not None:  # counted in lessons of its length
                lessons[key] = activity.lessons
                most_doubles = activity.lessons // 2 if activity.double != "no" else 0
            elif key in self.school.subject_by_code:
                most_doubles = self._allowed_doubles(school_class, key)[1]
            else:
                most_doubles = 0
            separate = lessons[key] - most_doubles
            if lessons[key] < 2 or separate >= count:
                continue
            pairs = sum(1 for d in taken if d + 1 in taken)
            total += pairs - max(0, 2 * separate - count - 1)
        return total

    def _spread_key(self, rows: list[LessonRow]) -> str:
        """What a lesson is, for the spread over the week: its subject, its activity, or its
        block with the groups that meet (a longer group's extra lessons are a lesson of their
        own)."""
        first = rows[0]
        if first.block is None or first.block in self.activities:
            return first.block or first.subject
        groups = sorted({r.group or "" for r in rows if r.block == first.block})
        return f"{first.block}|{','.join(groups)}"

    def _teacher_days(self) -> dict[str, dict[str, set]]:
        """Teacher -> day -> their lessons as (start, end, bells) once each."""
        days = defaultdict(lambda: defaultdict(set))
        for row in self.lessons:
            bells = self.school.bells_of(self.school.class_by_name[row.class_name])
            for teacher in row.teachers:
                days[teacher][row.day].add((row.start, row.end, bells, row.period))
        return days

    def _teacher_gaps(self) -> int:
        total = 0
        for _, days in self._teacher_days().items():
            names = {bells for lessons in days.values() for _, _, bells, _ in lessons}
            buckets = _buckets([(p.start, p.end) for n in names for p in self.bells[n].periods])
            for lessons in days.values():
                busy = sorted({_bucket_of(buckets, start) for start, _, _, _ in lessons})
                if busy:
                    total += (busy[-1] - busy[0] + 1) - len(busy)
        return total

    def _wishes(self) -> int:
        total = 0
        days_of = self._teacher_days()
        for teacher in self.school.teachers:
            days = days_of.get(teacher.code, {})
            for wish in teacher.wishes:
                if wish.kind == "free_day" and wish.block is None:
                    worked = {d for d, lessons in days.items() if lessons}
                    total += int(len(worked) == len(self.days))
                elif wish.kind == "free_day":
                    total += len(days.get(wish.block.day, ()))
                else:
                    total += self._avoided(teacher, wish.block)
        return total

    def _avoided(self, teacher: Teacher, block: TimeBlock) -> int:
        seen = {
            (r.day, r.start, r.end)
            for r in self.lessons
            if teacher.code in r.teachers and _covers(block, r)
        }
        return len(seen)

    def _moved_lessons(self) -> int:
        """Rows of the old Lessons sheet whose class, group and subject are not at that time any
        more, less those that went because the subject has fewer lessons a week now."""
        before: dict[tuple, set] = defaultdict(set)
        after: dict[tuple, set] = defaultdict(set)
        for rows, times in ((self.previous.lessons, before), (self.lessons, after)):
            for row in rows:
                times[(row.class_name, row.subject, row.group)].add((row.day, row.period))
        return sum(
            min(len(old), len(after[key])) - len(old & after[key]) for key, old in before.items()
        )

    def _room_changes(self) -> int:
        changes = 0
        by_teacher = defaultdict(list)
        for row in self.lessons:
            for teacher in row.teachers:
                if row.room:
                    by_teacher[(teacher, row.day)].append((row.start, row.room))
        for lessons in by_teacher.values():
            rooms = [room for _, room in sorted(set(lessons))]
            changes += sum(1 for a, b in itertools.pairwise(rooms) if a != b)
        return changes


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


def _weeks_meet(first: str | None, second: str | None) -> bool:
    return first is None or second is None or first == second


def _has_weeks(periods: dict[int, list[LessonRow]]) -> bool:
    return any(r.week for rows in periods.values() for r in rows)


def _runs(periods: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for period in periods:
        if runs and runs[-1][-1] == period - 1:
            runs[-1].append(period)
        else:
            runs.append([period])
    return runs


def _probe(day: str, period: int, start: int, end: int) -> LessonRow:
    """A lesson-shaped probe of one period, to ask whether a time block covers it."""
    return LessonRow(day, period, start, end, "", "", ())


def _covers(block: TimeBlock, row: LessonRow) -> bool:
    if block.day != row.day:
        return False
    if block.clock:
        return row.start < block.clock[1] and block.clock[0] < row.end
    return not block.periods or row.period in block.periods


def _same_lesson(first: list[LessonRow], second: list[LessonRow]) -> bool:
    key = lambda rows: {(r.subject, r.group, r.block, r.week) for r in rows}  # noqa: E731
    return key(first) == key(second)


def _buckets(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Periods in clock order with overlapping ones merged: the steps of a teacher's day."""
    merged: list[list[int]] = []
    for start, end in sorted(set(intervals)):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _bucket_of(buckets: list[tuple[int, int]], start: int) -> int:
    return next(i for i, (s, e) in enumerate(buckets) if s <= start < e)
