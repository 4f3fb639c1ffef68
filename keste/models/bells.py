"""Bell schedules: read from the Bells sheet, or generated from the School settings."""

from __future__ import annotations

from keste.models.school import BellSchedule, Period, School
from keste.models.settings import Settings

STANDARD_LESSON_MINUTES = (40, 45, 60)


def generate_bells(settings: Settings, name: str = "main") -> BellSchedule:
    """Periods from first_lesson, lesson_minutes, break_minutes and big_breaks."""
    periods = []
    start = settings.first_lesson
    for number in range(1, settings.periods_per_day + 1):
        end = start + settings.lesson_minutes
        periods.append(Period(number, start, end))
        start = end + settings.big_breaks.get(number, settings.break_minutes)
    return BellSchedule(name, tuple(periods))


def schedules(school: School) -> dict[str, BellSchedule]:
    """Every bell schedule by name: the Bells sheet's, or 'main' generated from School."""
    if school.bells:
        return {schedule.name: schedule for schedule in school.bells}
    return {"main": generate_bells(school.settings)}
