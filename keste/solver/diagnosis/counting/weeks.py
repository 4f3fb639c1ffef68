"""Counting a week: a class's lessons against its days, a teacher's against the periods they can
teach, a subject's against its days."""

from __future__ import annotations

import math
from collections import defaultdict

from keste.models.availability import longest_day
from keste.models.findings import Finding
from keste.models.values import format_time_blocks
from keste.solver.demand import Meeting
from keste.solver.timetable.constraints.availability import allowed_slots
from keste.solver.timetable.context import ModelContext


def lessons_a_day(ctx: ModelContext, class_name: str) -> int:
    """The most lessons a class can have in a day: its limit, within its bell schedule (a meal
    takes a period too)."""
    school_class = ctx.school.class_by_name[class_name]
    periods = len(ctx.periods(ctx.school.bells_of(school_class)))
    meals = longest_day(ctx.school, class_name) - ctx.school.max_lessons_per_day(school_class)
    return min(ctx.school.max_lessons_per_day(school_class), periods - meals)


def class_weeks(ctx: ModelContext) -> list[Finding]:
    findings = []
    days = len(ctx.days)
    for class_name, sets in ctx.demand.sets_of_class.items():
        per_day = lessons_a_day(ctx, class_name)
        needed = max(sum(m.lessons for m in ctx.meetings_of_set[s]) for s in sets)
        capacity = days * per_day
        if needed > capacity:
            findings.append(
                Finding(
                    "class_week",
                    {
                        "cls": class_name,
                        "needed": needed,
                        "days": days,
                        "per_day": per_day,
                        "capacity": capacity,
                    },
                    (class_name,),
                    suggestion=Finding(
                        "suggest_lessons_a_day",
                        {
                            "cls": class_name,
                            "want": math.ceil(needed / days),
                            "excess": needed - capacity,
                        },
                    ),
                )
            )
    return findings


def teacher_weeks(ctx: ModelContext) -> list[Finding]:
    findings = []
    for code, meetings in sorted(ctx.meetings_of_teacher.items()):
        needed = sum(m.lessons for m in meetings)
        capacity = teacher_capacity(ctx, code, meetings)
        if needed <= capacity:
            continue
        teacher = ctx.school.teacher_by_code.get(code)
        because = ""
        if (
            teacher
            and teacher.unavailable
            and teacher_capacity(ctx, code, meetings, ignore_unavailable=True) >= needed
        ):
            because = Finding(
                "because_unavailable", {"when": format_time_blocks(teacher.unavailable)}
            )
        if not because and teacher_capacity(ctx, code, meetings, full_days=True) >= needed:
            reach = max(min(longest_day(ctx.school, c) for c in m.classes) for m in meetings)
            because = Finding("because_short_days", {"reach": reach})
        classes = sorted({c for m in meetings for c in m.classes})
        findings.append(
            Finding(
                "teacher_week",
                {
                    "teacher": code,
                    "subjects": ", ".join(sorted({s for m in meetings for s in m.subjects})),
                    "capacity": capacity,
                    "classes": ", ".join(classes),
                    "needed": needed,
                    "because": because,
                },
                (code, *classes),
                suggestion=Finding(
                    "suggest_teacher", {"teacher": code, "excess": needed - capacity}
                ),
            )
        )
    return findings


def teacher_capacity(
    ctx: ModelContext,
    code: str,
    meetings: list[Meeting],
    ignore_unavailable: bool = False,
    full_days: bool = False,
) -> int:
    """Lessons a teacher can give in a week: per day, the most periods of their classes' bell
    schedules that do not overlap in clock time, among those the teacher is free and the classes'
    days reach."""
    by_day: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for meeting in meetings:
        for (day, period), busy in allowed_slots(ctx, meeting, full_days):
            if ignore_unavailable or code not in busy:
                by_day[day].add(ctx.clock(meeting.bells, period))
    return sum(disjoint_count(intervals) for intervals in by_day.values())


def disjoint_count(intervals) -> int:
    """The most intervals (start, end) that pairwise do not overlap (earliest end first)."""
    count, end = 0, -1
    for start, finish in sorted(intervals, key=lambda interval: interval[1]):
        if start >= end:
            count, end = count + 1, finish
    return count


def subject_days(ctx: ModelContext, reported_teachers: set) -> list[Finding]:
    """A meeting's lessons against its days (not for a teacher already short of periods)."""
    findings = []
    for meeting in ctx.meetings:
        if reported_teachers & set(meeting.teachers):
            continue
        per_day: dict[int, int] = defaultdict(int)
        for (day, _), busy in allowed_slots(ctx, meeting):
            if not busy:
                per_day[day] += 1
        if meeting.length > 1:  # lessons of several periods: counted in periods
            most = meeting.max_per_day * meeting.length
            capacity = sum(min(most, slots) for slots in per_day.values())
        else:
            most = meeting.max_per_day * (2 if meeting.max_doubles else 1)
            capacity = sum(min(most, slots) for slots in per_day.values())
            capacity = min(capacity, len(per_day) * meeting.max_per_day + meeting.max_doubles)
        if meeting.lessons <= capacity:
            continue
        findings.append(
            Finding(
                "subject_days",
                {
                    "who": who_meets(meeting),
                    "subject": ", ".join(meeting.subjects),
                    "needed": meeting.lessons,
                    "per_day": most,
                    "days": len(per_day),
                    "capacity": capacity,
                },
                (*meeting.classes, *meeting.subjects),
                suggestion=Finding(
                    "suggest_subject",
                    {
                        "subject": ", ".join(meeting.subjects),
                        "want": math.ceil(meeting.lessons / max(1, len(per_day))),
                    },
                ),
            )
        )
    return findings


def who_meets(meeting: Meeting) -> str:
    return f"block {meeting.block}" if meeting.block else ", ".join(meeting.classes)
