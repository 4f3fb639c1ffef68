"""A substitution: who covers an absent teacher's lesson on a date, and how (keste substitute)."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("subject", "supervision", "co_teacher", "merged", "cancelled")


@dataclass(frozen=True)
class Substitution:
    date: str  # ISO date
    day: str
    period: int
    start: int
    end: int
    classes: str  # comma-separated: an elective group may span classes
    group: str | None
    subject: str
    absent: str  # the absent teacher(s), comma-separated
    substitute: str | None  # who covers it (for a merged lesson: the host lesson's teacher)
    kind: str  # one of KINDS
    room: str | None = None
    merged_with: str | None = None  # the lesson the class joins (merged)

    @property
    def covered(self) -> bool:
        return self.kind != "cancelled"
