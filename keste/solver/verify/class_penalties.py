"""The soft rules on students' days, per student set: difficulty_profile (the hardest days early
in the week), hard_subject_position (hard subjects in the day's best periods),
hardest_back_to_back (no two hardest subjects in a row) and subject_spread (a subject's lessons
on days apart)."""

from __future__ import annotations

from collections import Counter, defaultdict

from keste.models.school import SchoolClass
from keste.models.timetable import LessonRow
from keste.solver.verify.curriculum import difficulty
from keste.solver.verify.days import allowed_doubles
from keste.solver.verify.week import Week

Days = dict[str, dict[int, list[LessonRow]]]  # day -> period -> the rows a student set sits in


def class_penalties(week: Week) -> dict[str, int]:
    """Each rule's penalty summed over every student set."""
    profile = position = back_to_back = spread = 0
    for (class_name, _), days in week.set_days.items():
        school_class = week.school_class(class_name)
        profile += _profile(week, days)
        position += _hard_positions(week, days, school_class)
        back_to_back += _back_to_back(week, days)
        spread += _spread(week, days, school_class)
    return {
        "difficulty_profile": profile,
        "hard_subject_position": position,
        "hardest_back_to_back": back_to_back,
        "subject_spread": spread,
    }


def _slot_difficulty(week: Week, rows: list[LessonRow]) -> int:
    return max(difficulty(week.school, r.subject) for r in rows)


def _profile(week: Week, days: Days) -> int:
    count = len(week.days)
    if count < 4:
        return 0
    load = [
        sum(_slot_difficulty(week, rows) for rows in days.get(day, {}).values())
        for day in week.days
    ]
    peaks, light = (1, 2), (0, count - 1)
    middle = [d for d in range(count) if d not in peaks and d not in light]
    total = 0
    for day in range(count):
        if day in peaks:
            continue
        above = [load[day] - load[p] for p in peaks]
        if day in light:
            above += [load[day] - load[m] for m in middle]
        total += max(0, *above)
    return total


def _hard_positions(week: Week, days: Days, school_class: SchoolClass) -> int:
    last_good = 3 if week.school.is_primary(school_class.grade) else 4
    threshold = week.school.settings.hard_difficulty
    return sum(
        1
        for periods in days.values()
        for period, rows in periods.items()
        if _slot_difficulty(week, rows) >= threshold and not 2 <= period <= last_good
    )


def _back_to_back(week: Week, days: Days) -> int:
    threshold = week.school.settings.hardest_difficulty
    pairs = 0
    for periods in days.values():
        for period, rows in periods.items():
            following = periods.get(period + 1)
            if not following or _slot_difficulty(week, rows) < threshold:
                continue
            if _slot_difficulty(week, following) < threshold:
                continue
            if _same_lesson(rows, following):
                continue  # one double lesson, not two subjects
            pairs += 1
    return pairs


def _same_lesson(first: list[LessonRow], second: list[LessonRow]) -> bool:
    key = lambda rows: {(r.subject, r.group, r.block, r.week) for r in rows}  # noqa: E731
    return key(first) == key(second)


def _spread(week: Week, days: Days, school_class: SchoolClass) -> int:
    count = len(week.days)
    used = defaultdict(set)
    lessons = Counter()
    for day, periods in days.items():
        for rows in periods.values():
            weekly = [r for r in rows if r.week is None]
            if not weekly:
                continue
            key = _spread_key(week, weekly)
            used[key].add(week.days.index(day))
            lessons[key] += 1
    total = 0
    for key, taken in used.items():
        activity = week.activities.get(key)
        if activity is not None:  # counted in lessons of its length
            lessons[key] = activity.lessons
            most_doubles = activity.lessons // 2 if activity.double != "no" else 0
        elif key in week.school.subject_by_code:
            most_doubles = allowed_doubles(week, school_class, key)[1]
        else:
            most_doubles = 0
        separate = lessons[key] - most_doubles
        if lessons[key] < 2 or separate >= count:
            continue
        pairs = sum(1 for d in taken if d + 1 in taken)
        total += pairs - max(0, 2 * separate - count - 1)
    return total


def _spread_key(week: Week, rows: list[LessonRow]) -> str:
    """What a lesson is, for the spread over the week: its subject, its activity, or its
    block with the groups that meet (a longer group's extra lessons are a lesson of their
    own)."""
    first = rows[0]
    if first.block is None or first.block in week.activities:
        return first.block or first.subject
    groups = sorted({r.group or "" for r in rows if r.block == first.block})
    return f"{first.block}|{','.join(groups)}"
