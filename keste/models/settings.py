"""The School sheet as a record: the week, lesson lengths, thresholds, defaults from the sanitary
rules (lessons a day, weekly hours per grade) and the soft rules' weights."""

from __future__ import annotations

from dataclasses import dataclass, field

from keste.models.values import DAYS

DEFAULT_MAX_LESSONS_PER_DAY = {1: 4, 2: 5, 3: 5, 4: 5, 5: 6, 6: 6} | {g: 7 for g in range(7, 13)}
# Maximum weekly load per grade (academic hours): the sanitary rules give grades 1-6
# (docs/rules.md); 7-12 follow common practice.
DEFAULT_MAX_WEEKLY_HOURS = {
    1: 20.5,
    2: 24,
    3: 26,
    4: 27,
    5: 29.5,
    6: 29.5,
    7: 32,
    8: 33,
    9: 34,
    10: 35,
    11: 35,
    12: 35,
}
SOFT_RULES = (
    "teacher_gaps",
    "difficulty_profile",
    "hard_subject_position",
    "hardest_back_to_back",
    "subject_spread",
    "teacher_wishes",
    "room_changes",
    "moved_lessons",
)
ALLOCATION_RULES = (
    "rate_fit",
    "teacher_subjects",
    "teacher_grades",
    "class_teacher",
    "class_teachers",
    "load_balance",
    "continuity",
)
DEFAULT_WEIGHTS = {
    "teacher_gaps": 3,
    "difficulty_profile": 1,
    "hard_subject_position": 2,
    "hardest_back_to_back": 2,
    "subject_spread": 2,
    "teacher_wishes": 5,
    "room_changes": 1,
    "moved_lessons": 10,
    "rate_fit": 2,
    "teacher_subjects": 4,
    "teacher_grades": 1,
    "class_teacher": 6,
    "class_teachers": 2,
    "load_balance": 1,
    "continuity": 5,
}


@dataclass
class Settings:
    name: str = "School"
    days: tuple[str, ...] = DAYS[:5]
    lesson_minutes: int = 45
    academic_hour_minutes: int | None = None
    first_lesson: int = 8 * 60
    break_minutes: int = 10
    big_breaks: dict[int, int] = field(default_factory=dict)
    periods_per_day: int = 8
    split_threshold: int = 24
    rate_hours: float = 16
    language: str = "kk"
    primary_grades: tuple[int, ...] = (1, 2, 3, 4)
    max_lessons_per_day: dict[int, int] = field(
        default_factory=lambda: dict(DEFAULT_MAX_LESSONS_PER_DAY)
    )
    max_weekly_hours: dict[int, float] = field(
        default_factory=lambda: dict(DEFAULT_MAX_WEEKLY_HOURS)
    )
    hard_difficulty: int = 10
    hardest_difficulty: int = 11
    min_group_students: int = 5  # a group formed from students' choices has at least this many
    max_group_students: int | None = None  # and at most this many (default: split_threshold - 1)
    # Students' days: "compact" (from period 1, no windows: the Kazakh rule), "no_windows" (a
    # late start allowed) or "free" (no rule; FET's default when a file sets none)
    students_day: str = "compact"
    weights: dict[str, int] = field(default_factory=dict)

    @property
    def hour_minutes(self) -> int:
        """Length of one curriculum (academic) hour in minutes."""
        return self.academic_hour_minutes or self.lesson_minutes

    def weight(self, rule: str) -> int:
        return self.weights.get(rule, DEFAULT_WEIGHTS[rule])

    @property
    def largest_group(self) -> int:
        """The most students in one group: a class of split_threshold students would split."""
        return self.max_group_students or max(1, self.split_threshold - 1)
