"""Which lessons a step of the large-neighbourhood search may move: the lessons of a few classes
that share teachers, on a few days. Everything else stays where the best timetable has it.

The classes grow from one teacher's classes (a teacher with gaps, most often) through teachers they
share, so a neighbourhood holds what a gap is made of; its size adapts to how the steps go.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from keste.solver.timetable.context import ModelContext

TARGETED = 0.67  # share of steps around a teacher-day with gaps


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

    def pick(
        self,
        idle_days: list[tuple[str, int]],
        taught_on: Callable[[str, int], set[str]] | None = None,
    ) -> Neighbourhood:
        """Lessons to free: classes around a teacher on a few days. Two times in three a
        teacher-day with gaps: that day and others, the classes the teacher teaches that day
        (taught_on) first; else any teacher on any days (all of them one time in four, so
        lessons can change day)."""
        if idle_days and self.random.random() < TARGETED:
            teacher, day = self.random.choice(idle_days)
            others = [d for d in range(self.days) if d != day]
            extra = self.random.sample(others, min(len(others), self.day_count - 1))
            days = frozenset({day, *extra})
            seeds = taught_on(teacher, day) if taught_on else self.classes_of_teacher[teacher]
        else:
            teacher = self.random.choice(self.teachers)
            if self.random.random() < 0.25:
                days = frozenset(range(self.days))
            else:
                count = min(self.day_count, self.days)
                days = frozenset(self.random.sample(range(self.days), count))
            seeds = self.classes_of_teacher[teacher]
        return Neighbourhood(frozenset(self._grow(seeds or self.classes_of_teacher[teacher])), days)

    def _grow(self, classes: set[str]) -> set[str]:
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
