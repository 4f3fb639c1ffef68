"""What checking a timetable yields: the rules it is checked against, each violation in words, and
the soft rules' penalties (keste.solver.verify computes them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from keste.models.settings import SOFT_RULES

HARD_RULES = {
    "references": "every class, subject, teacher, room, day and period exists",
    "hours": "every curriculum hour is placed",
    "class_clash": "no class or group in two lessons at once",
    "teacher_clash": "no teacher in two lessons at once (by clock time)",
    "teachers": "every lesson taught by the teachers the Load, Electives or Activities sheet "
    "gives (where keste allocates, by a teacher who may teach it)",
    "room_clash": "no room used by two lessons at once",
    "room_type": "every lesson in a room of the type it needs",
    "room_seats": "every room seats its group",
    "compact_days": "students' days start at period 1 and have no windows",
    "lessons_per_day": "at most the grade's lessons a day",
    "subject_per_day": "a subject at most max_per_day a day; doubles only where allowed",
    "teacher_unavailable": "no lesson when its teacher is unavailable",
    "locks": "locked lessons where the scheduler put them",
    "meals": "every class eats once a day inside its window; the canteen is not overfull",
    "blocks": "all groups of an elective block at the same times",
    "activities": "every activity's lessons placed, each lasting its length, at most its "
    "number a day, within its times, last of the day where asked",
    "class_unavailable": "no lesson when its class is unavailable",
    "teacher_days": "no teacher works more days than their max_days, nor more lessons a day "
    "than their max_lessons_per_day",
    "student_clash": "no student in two lessons at once (their class's lessons and the groups "
    "they are members of)",
    "student_load": "every student's weekly load within the grade's maximum",
    "group_size": "every group formed from choices within its size limits; a student in one "
    "group of each chosen subject",
}
# The soft rules the timetable model minimises (room changes come after it, with the rooms;
# moved_lessons only when re-solving from an earlier timetable).
MODEL_RULES = tuple(rule for rule in SOFT_RULES if rule != "room_changes")


@dataclass
class Violation:
    rule: str
    message: str


@dataclass
class ValidationReport:
    violations: list[Violation] = field(default_factory=list)
    penalties: dict[str, int] = field(default_factory=dict)
    weights: dict[str, int] = field(default_factory=dict)
    hard_rules: dict[str, str] = field(default_factory=lambda: dict(HARD_RULES))
    unmet_choices: list[tuple[str, str, str, str | None]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations

    def count(self, rule: str) -> int:
        return sum(1 for v in self.violations if v.rule == rule)

    @property
    def objective(self) -> int:
        """The weighted soft penalties the solver minimises (room changes are reported apart)."""
        return sum(self.penalties[r] * self.weights[r] for r in MODEL_RULES if r in self.penalties)
