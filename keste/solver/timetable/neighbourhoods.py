"""Which lessons a step of the large-neighbourhood search may move: the lessons of a few classes
that share teachers, on a few days. Everything else stays where the best timetable has it.

The classes grow from one teacher's classes (a teacher with gaps, most often) through teachers they
share, so a neighbourhood holds what a gap is made of; its size adapts to how the steps go.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from keste.solver.timetable.context import ModelContext


@dataclass
class Neighbourhood:
    classes: frozenset[str]
    days: frozenset[int]


class NeighbourhoodPicker:
    """Picks neighbourhoods of a target size (classes), adapted to the outcome of each step."""

    def __init__(self, ctx: ModelContext, seed: int):
        self.random = random.Random(seed)
        self.days = len(ctx.days)
        self.classes_of_teacher: dict[str, set[str]] = defaultdict(set)
        self.teachers_of_class: dict[str, set[str]] = defaultdict(set)
        for meeting in ctx.meetings:
            for teacher in meeting.teachers:
                self.classes_of_teacher[teacher].update(meeting.classes)
                for class_name in meeting.classes:
                    self.teachers_of_class[class_name].add(teacher)
        self.teachers = sorted(self.classes_of_teacher)
        self.size = 3  # classes freed
        self.day_count = 2  # days freed

    def pick(self, idle_teachers: list[str]) -> Neighbourhood:
        """Lessons to free: classes around a teacher (one with gaps two times in three) on a few
        days (all of them one time in four, so lessons can change day)."""
        pool = idle_teachers if idle_teachers and self.random.random() < 0.67 else self.teachers
        teacher = self.random.choice(pool)
        classes = self._grow({*self.classes_of_teacher[teacher]}, teacher)
        if self.random.random() < 0.25:
            days = frozenset(range(self.days))
        else:
            days = frozenset(self.random.sample(range(self.days), min(self.day_count, self.days)))
        return Neighbourhood(frozenset(classes), days)

    def _grow(self, classes: set[str], teacher: str) -> set[str]:
        chosen = set(self.random.sample(sorted(classes), min(len(classes), self.size)))
        while len(chosen) < self.size:
            neighbours = {
                other
                for class_name in chosen
                for t in self.teachers_of_class[class_name]
                for other in self.classes_of_teacher[t]
            } - chosen
            if not neighbours:
                break
            chosen.add(self.random.choice(sorted(neighbours)))
        return chosen

    def succeeded(self) -> None:
        """The step was solved to its optimum in time: try larger neighbourhoods."""
        self.size += 1
        self.day_count = min(self.days, self.day_count + 1)

    def timed_out(self) -> None:
        """The step ran out of time: smaller neighbourhoods."""
        self.size = max(2, self.size - 1)
        self.day_count = max(1, self.day_count - 1)
