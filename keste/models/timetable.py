"""What a timetable IS: placed lessons and meals with clock times, and how it was obtained."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LessonRow:
    """One row of the Lessons sheet: a class (or one group of it) in one period."""

    day: str
    period: int
    start: int
    end: int
    class_name: str
    subject: str
    teachers: tuple[str, ...]
    group: str | None = None
    room: str | None = None
    block: str | None = None
    week: str | None = None  # None every week; A or B every other week


@dataclass(frozen=True)
class MealRow:
    day: str
    period: int
    start: int
    end: int
    class_name: str
    meal: str


@dataclass
class SolveInfo:
    status: str = "UNKNOWN"  # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, MODEL_INVALID
    objective: float | None = None
    bound: float | None = None
    wall_time: float = 0.0
    first_solution_time: float | None = None
    solutions: int = 0
    interrupted: bool = False
    workers: int = 0
    seed: int = 0
    time_limit: float = 0.0
    variables: int = 0
    constraints: int = 0
    penalties: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (count, weight)
    notes: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """optimal, gap (to a proven bound) or unproven (no bound was computed)."""
        if self.status == "OPTIMAL":
            return "optimal"
        return "gap" if self.gap is not None else "unproven"

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        if self.objective == 0:
            return 0.0
        return abs(self.objective - self.bound) / abs(self.objective)


@dataclass
class Timetable:
    lessons: list[LessonRow] = field(default_factory=list)
    meals: list[MealRow] = field(default_factory=list)
    info: SolveInfo = field(default_factory=SolveInfo)
