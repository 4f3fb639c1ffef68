"""Small facts about placed lessons that several rule families ask: whether a time block covers a
lesson, the runs of consecutive periods, and how a class or a group of it is named."""

from __future__ import annotations

from keste.models.timetable import LessonRow
from keste.models.values import TimeBlock


def covers(block: TimeBlock, row: LessonRow) -> bool:
    if block.day != row.day:
        return False
    if block.clock:
        return row.start < block.clock[1] and block.clock[0] < row.end
    return not block.periods or row.period in block.periods


def probe(day: str, period: int, start: int, end: int) -> LessonRow:
    """A lesson-shaped probe of one period, to ask whether a time block covers it."""
    return LessonRow(day, period, start, end, "", "", ())


def runs(periods: list[int]) -> list[list[int]]:
    """Consecutive periods, each run in order (periods: sorted)."""
    found: list[list[int]] = []
    for period in periods:
        if found and found[-1][-1] == period - 1:
            found[-1].append(period)
        else:
            found.append([period])
    return found


def set_name(class_name: str, group: str | None) -> str:
    """A class, or a group of it, as the messages name it."""
    return class_name + (f" group {group}" if group else "")
