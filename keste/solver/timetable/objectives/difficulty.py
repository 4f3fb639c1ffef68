"""The day's difficulty (sanitary rules ҚР ДСМ-76, annex 4 points; 11 = hardest).

Soft rules, counted per student set (a class, or each half of a class whose halves meet apart):
- difficulty_profile: the week peaks on Tuesday and Wednesday; every other day is at most as hard as
  the lighter peak day, and the first and last days are at most as hard as the days between.
  Penalty: the excess difficulty points.
- hard_subject_position: a lesson of difficulty >= hard_difficulty outside lessons 2-4 (2-3 in
  primary grades). Penalty: such lessons.
- hardest_back_to_back: two lessons of difficulty >= hardest_difficulty in a row (one double lesson
  is not two). Penalty: such pairs.
"""

from __future__ import annotations

from keste.solver.timetable.context import ModelContext


def add(ctx: ModelContext) -> None:
    settings = ctx.school.settings
    for student_set, meetings in ctx.meetings_of_set.items():
        class_name = ctx.class_of_set[student_set]
        primary = ctx.school.is_primary(ctx.school.class_by_name[class_name].grade)
        daily = []
        for day in range(len(ctx.days)):
            entries = [(m, p, v) for m in meetings for p, v in ctx.day_lessons(m, day).items()]
            daily.append(sum(m.set_difficulty[student_set] * v for m, _, v in entries))
            _hard_positions(
                ctx, student_set, entries, 3 if primary else 4, settings.hard_difficulty
            )
            _back_to_back(ctx, student_set, day, entries, settings.hardest_difficulty)
        _profile(ctx, student_set, daily)


def _hard_positions(ctx, student_set, entries, last_good: int, threshold: int) -> None:
    for meeting, period, variable in entries:
        if meeting.set_difficulty[student_set] >= threshold and not 2 <= period <= last_good:
            ctx.penalise("hard_subject_position", variable, owner=ctx.class_of_set[student_set])


def _back_to_back(ctx, student_set, day, entries, threshold: int) -> None:
    hardest: dict[int, list] = {}
    doubles: dict[int, list] = {}
    for meeting, period, variable in entries:
        if meeting.set_difficulty[student_set] >= threshold:
            hardest.setdefault(period, []).append(variable)
            start = ctx.double_starts.get((meeting.index, day, period))
            if start is not None:
                doubles.setdefault(period, []).append(start)
    for period, now in hardest.items():
        following = hardest.get(period + 1)
        if not following:
            continue
        double = sum(doubles.get(period, []))
        pair = ctx.model.new_bool_var(f"hardest_pair_{student_set}_d{day}_p{period}")
        ctx.model.add(pair >= sum(now) + sum(following) - 1 - double)
        ctx.model.add(pair <= sum(now))
        ctx.model.add(pair <= sum(following))
        ctx.model.add(pair <= 1 - double)
        ctx.penalise("hardest_back_to_back", pair, owner=ctx.class_of_set[student_set])


def profile_days(days: int) -> tuple[list[int], list[int], list[int]]:
    """(peak days, light days, days between) by position in the week: Tue and Wed peak, the first
    and last days are light."""
    if days < 4:
        return [], [], []
    peaks = [1, 2]
    light = [0, days - 1]
    middle = [d for d in range(days) if d not in peaks and d not in light]
    return peaks, light, middle


def _profile(ctx: ModelContext, student_set: str, daily: list) -> None:
    peaks, light, middle = profile_days(len(daily))
    if not peaks:
        return
    ceiling = 11 * max(len(ctx.periods(b)) for b in ctx.schedules)
    for day in range(len(daily)):
        if day in peaks:
            continue
        above = [daily[day] - daily[p] for p in peaks]
        if day in light:
            above += [daily[day] - daily[m] for m in middle]
        excess = ctx.model.new_int_var(0, ceiling, f"excess_{student_set}_d{day}")
        ctx.model.add_max_equality(excess, [0, *above])
        ctx.penalise("difficulty_profile", excess, owner=ctx.class_of_set[student_set])
