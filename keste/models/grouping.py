"""Elective groups formed from students' choices: the groups, each choice that could not be met with
its reason, and a summary per pool of classes (keste.solver.grouping forms them)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from keste.models.findings import Finding
from keste.models.school import ElectiveGroup, School


@dataclass(frozen=True)
class Course:
    subject: str
    level: str | None = None  # "higher", or None for the standard level

    def label(self, leveled: set[str]) -> str:
        """'math (higher)'; the level only for subjects chosen at two levels."""
        if self.subject not in leveled:
            return self.subject
        return f"{self.subject} ({self.level or 'standard'})"


@dataclass
class Unmet:
    student: str
    class_name: str
    course: Course
    reason: Finding


@dataclass
class PoolSummary:
    grade: int
    classes: tuple[str, ...]
    students: int
    courses: int
    groups: int
    blocks: tuple[int, ...]  # lessons a week of each block
    free: int  # periods a week the class lessons leave for blocks
    unmet: int
    status: str
    seconds: float


@dataclass
class Grouping:
    groups: list[ElectiveGroup] = field(default_factory=list)
    unmet: list[Unmet] = field(default_factory=list)
    pools: list[PoolSummary] = field(default_factory=list)
    wall_time: float = 0.0

    def apply(self, school: School) -> School:
        return replace(school, electives=[*school.electives, *self.groups])

    def reasons(self) -> list[Finding]:
        """One finding per reason (students sharing one reason are listed once)."""
        seen: dict[int, Finding] = {}
        for unmet in self.unmet:
            seen.setdefault(id(unmet.reason), unmet.reason)
        return list(seen.values())
