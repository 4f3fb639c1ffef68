"""The placed week every rule family reads: the school, the lessons that passed the reference
check, the meals, and the lessons indexed once by class and period, student set and teacher."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from keste.models.bells import BellSchedule
from keste.models.school import School, SchoolClass, select_classes
from keste.models.timetable import LessonRow, MealRow

# (class, half) -> day -> period -> the rows the student set sits in
SetDays = dict[tuple[str, str | None], dict[str, dict[int, list[LessonRow]]]]


class Week:
    def __init__(
        self,
        school: School,
        lessons: list[LessonRow],
        meals: list[MealRow],
        bells: dict[str, BellSchedule],
    ):
        self.school = school
        self.lessons = lessons
        self.meals = meals
        self.bells = bells
        self.days = school.settings.days
        self.activities = {a.activity: a for a in school.activities}
        blocks: dict[str, list] = defaultdict(list)
        for group in school.electives:
            blocks[group.block].append(group)
        self.elective_blocks = dict(blocks)  # block -> its groups

    def school_class(self, class_name: str) -> SchoolClass:
        return self.school.class_by_name[class_name]

    def attends(self, row: LessonRow, half: str | None) -> bool:
        """Does the row's lesson take the set (a class, or a group of it)? An elective block
        takes its classes whole."""
        return row.block in self.elective_blocks or half is None or row.group in (None, half)

    def block_classes(self, groups) -> list[SchoolClass]:
        """The classes an elective block's groups take, each once, in order."""
        classes: list[SchoolClass] = []
        for group in groups:
            classes += [
                c for c in select_classes(group.classes, self.school.classes) if c not in classes
            ]
        return classes

    @cached_property
    def rows_at(self) -> dict[tuple[str, str, int], list[LessonRow]]:
        """(class, day, period) -> the rows there."""
        at = defaultdict(list)
        for row in self.lessons:
            at[(row.class_name, row.day, row.period)].append(row)
        return at

    @cached_property
    def set_days(self) -> SetDays:
        """Each student set's week: (class, half) -> day -> period -> the rows it sits in."""
        by_class = defaultdict(list)
        for row in self.lessons:
            by_class[row.class_name].append(row)
        result = {}
        for class_name, sets in self._student_sets().items():
            for key in sets:
                days: dict[str, dict[int, list[LessonRow]]] = defaultdict(lambda: defaultdict(list))
                for row in by_class[class_name]:
                    if self.attends(row, key[1]):
                        days[row.day][row.period].append(row)
                result[key] = days
        return result

    def _student_sets(self) -> dict[str, list[tuple[str, str | None]]]:
        """Each class as one set, or two halves when a group of it ever meets without the other."""
        apart = set()
        for (class_name, _, _), rows in self.rows_at.items():
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

    @cached_property
    def teacher_days(self) -> dict[str, dict[str, set]]:
        """Teacher -> day -> their lessons as (start, end, bells, period) once each."""
        days = defaultdict(lambda: defaultdict(set))
        for row in self.lessons:
            bells = self.school.bells_of(self.school_class(row.class_name))
            for teacher in row.teachers:
                days[teacher][row.day].add((row.start, row.end, bells, row.period))
        return days
