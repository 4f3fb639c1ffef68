"""The teaching load as items and who takes them: a load item is what one teacher (two, when
co-taught) takes for the year: a class's subject, one group of a split class, or an elective group.
keste.solver.allocation fills in the items the Load sheet leaves open."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from keste.models.school import LoadRow, School

FOUND = ("OPTIMAL", "FEASIBLE")


@dataclass
class LoadItem:
    index: int
    subject: str
    classes: tuple[str, ...]
    grades: tuple[int, ...]
    hours: float
    lessons: int
    bells: str
    day_length: int
    needed: int = 1
    fixed: tuple[str, ...] = ()
    group: str | None = None
    block: str | None = None
    pair: int | None = None  # the other half of a split class (never the same teacher)

    @property
    def class_name(self) -> str | None:
        return None if self.block else self.classes[0]

    @property
    def label(self) -> str:
        if self.block:
            return f"block {self.block} group {self.group} ({self.subject})"
        return f"{self.classes[0]} {self.subject}" + (f" group {self.group}" if self.group else "")

    @property
    def open(self) -> int:
        return max(0, self.needed - len(self.fixed))


@dataclass
class Allocation:
    items: list[LoadItem]
    teachers_of: dict[int, tuple[str, ...]] = field(default_factory=dict)
    status: str = "UNKNOWN"
    penalties: dict[str, tuple[int, int]] = field(default_factory=dict)  # rule: (count, weight)
    reasons: list[str] = field(default_factory=list)
    wall_time: float = 0.0
    first_time: float | None = None  # seconds to the first allocation that keeps every hard rule

    @property
    def ok(self) -> bool:
        return self.status in FOUND

    def allocated(self) -> list[LoadItem]:
        return [item for item in self.items if item.open]

    def hours_of(self) -> dict[str, float]:
        hours: dict[str, float] = defaultdict(float)
        for item in self.items:
            for teacher in self.teachers_of.get(item.index, item.fixed):
                hours[teacher] += item.hours
        return dict(hours)

    def apply(self, school: School) -> School:
        """The school with a complete Load sheet and every elective group's teachers."""
        load = []
        for item in self.items:
            teachers = self.teachers_of.get(item.index, item.fixed)
            if item.block or not teachers:
                continue
            group = None if item.group is None else int(item.group)
            co_teacher = teachers[1] if len(teachers) > 1 else None
            load.append(LoadRow(item.classes[0], item.subject, teachers[0], group, co_teacher))
        by_group = {(i.block, i.group): i for i in self.items if i.block}
        electives = []
        for group in school.electives:
            item = by_group.get((group.block, group.group))
            teachers = self.teachers_of.get(item.index, item.fixed) if item else ()
            electives.append(
                replace(
                    group,
                    teacher=teachers[0] if teachers else group.teacher,
                    co_teacher=teachers[1] if len(teachers) > 1 else group.co_teacher,
                )
            )
        return replace(school, load=load, electives=electives)


@dataclass(frozen=True)
class TariffEntry:
    teacher: str
    subject: str
    where: str  # a class, or an elective block
    group: str | None
    hours: float
    allocated: bool = False


@dataclass(frozen=True)
class CapacityLine:
    subject: str
    grades: tuple[int, ...]
    hours: float
    teachers: tuple[str, ...]
    their_max: float | None
