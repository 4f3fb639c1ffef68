"""Capacity checks: conflicts found by counting, before any solving, each with its numbers.

Every check is a necessary condition of a timetable (it never flags a school that has one): a
class's lessons against its days, a teacher's lessons against the periods they can teach, a
subject's lessons against its days, rooms of a type against the lessons that need them, locks that
cannot hold, and meals the canteen cannot serve.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations

from keste.models.findings import Finding
from keste.models.school import Lock, School, select_classes
from keste.models.values import format_int_ranges, format_time_blocks
from keste.solver.demand.expand import Demand, Meeting
from keste.solver.timetable.constraints.availability import allowed_slots, longest_day
from keste.solver.timetable.constraints.locks import lock_label, lock_text, meetings_for_lock
from keste.solver.timetable.context import ModelContext


def capacity_checks(school: School, demand: Demand) -> list[Finding]:
    ctx = ModelContext(school, demand)
    return [
        *_class_weeks(ctx),
        *(teachers := _teacher_weeks(ctx)),
        *_subject_days(ctx, {f.params["teacher"] for f in teachers}),
        *_room_types(ctx),
        *_room_seats(ctx),
        *_locks(ctx),
        *_meals(ctx),
    ]


# ------------------------------------------------------------------------------ classes


def lessons_a_day(ctx: ModelContext, class_name: str) -> int:
    """The most lessons a class can have in a day: its limit, within its bell schedule (a meal
    takes a period too)."""
    school_class = ctx.school.class_by_name[class_name]
    periods = len(ctx.periods(ctx.school.bells_of(school_class)))
    meals = longest_day(ctx.school, class_name) - ctx.school.max_lessons_per_day(school_class)
    return min(ctx.school.max_lessons_per_day(school_class), periods - meals)


def _class_weeks(ctx: ModelContext) -> list[Finding]:
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


# ------------------------------------------------------------------------------ teachers


def _teacher_weeks(ctx: ModelContext) -> list[Finding]:
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


# ------------------------------------------------------------------------------ subjects


def _subject_days(ctx: ModelContext, reported_teachers: set) -> list[Finding]:
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
                    "who": _who(meeting),
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


def _who(meeting: Meeting) -> str:
    return f"block {meeting.block}" if meeting.block else ", ".join(meeting.classes)


# ------------------------------------------------------------------------------ rooms


def _room_types(ctx: ModelContext) -> list[Finding]:
    if not ctx.school.rooms:
        return []
    demand: dict[tuple[str, str], list[tuple[Meeting, int]]] = defaultdict(list)
    for meeting in ctx.meetings:
        for key, count in meeting.room_needs().items():
            demand[key].append((meeting, count))
    findings = []
    for (kind, name), users in sorted(demand.items()):
        rooms = 1 if kind == "home" else sum(1 for r in ctx.school.rooms if r.type == name)
        needed = sum(m.lessons * count for m, count in users)
        periods = _room_periods(ctx, [m for m, _ in users])
        if needed <= rooms * periods:
            continue
        findings.append(
            Finding(
                "room_type",
                {
                    "type": name,
                    "needed": needed,
                    "rooms": rooms,
                    "periods": periods,
                    "capacity": rooms * periods,
                },
                (name,),
                suggestion=Finding(
                    "suggest_rooms",
                    {"type": name, "want": math.ceil((needed - rooms * periods) / max(1, periods))},
                ),
            )
        )
    return findings


def _room_periods(ctx: ModelContext, meetings: list[Meeting]) -> int:
    """Lessons one room can hold in a week: per day, the most clock-disjoint periods the
    meetings' classes can use."""
    by_day: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for meeting in meetings:
        for (day, period), _ in allowed_slots(ctx, meeting):
            by_day[day].add(ctx.clock(meeting.bells, period))
    return sum(disjoint_count(intervals) for intervals in by_day.values())


def _room_seats(ctx: ModelContext) -> list[Finding]:
    findings = []
    reported = set()
    for meeting in ctx.meetings:
        for section in meeting.sections:
            rooms = [r for r in ctx.school.rooms if r.type == section.room_type]
            if not rooms or any(r.capacity is None for r in rooms):
                continue
            largest = max(r.capacity for r in rooms)
            who = _who(meeting) + (f" group {section.group}" if section.group else "")
            if section.students > largest and (who, section.room_type) not in reported:
                reported.add((who, section.room_type))
                params = {"who": who, "students": section.students, "type": section.room_type}
                findings.append(
                    Finding(
                        "room_seats",
                        {**params, "largest": largest},
                        (*meeting.classes, section.room_type),
                        suggestion=Finding("suggest_seats", params),
                    )
                )
    return findings


# ------------------------------------------------------------------------------ locks


def _locks(ctx: ModelContext) -> list[Finding]:
    findings = []
    placed: list[tuple[Lock, Meeting]] = []
    slots: dict[int, dict[tuple[str, int], Lock]] = defaultdict(dict)
    for lock in ctx.school.locks:
        if lock.day not in ctx.days:
            continue
        meetings = meetings_for_lock(ctx, lock)
        finding = _lock_slot(ctx, lock, meetings)
        if finding:
            findings.append(finding)
        elif len(meetings) == 1:
            placed.append((lock, meetings[0]))
            slots[meetings[0].index][(lock.day, lock.period)] = lock
    for index, by_slot in slots.items():
        lessons, locks = ctx.meetings[index].lessons, list(by_slot.values())
        if len(locks) > lessons:
            findings.append(
                Finding(
                    "lock_too_many",
                    {"lesson": lock_label(locks[0]), "locks": len(locks), "lessons": lessons},
                    (locks[0].class_name,),
                    suggestion=Finding("suggest_lock", {"lock": lock_text(locks[-1])}),
                )
            )
    findings += _lock_pairs(ctx, placed)
    return findings


def _lock_slot(ctx: ModelContext, lock: Lock, meetings: list[Meeting]) -> Finding | None:
    """A lock on a period the class's day never reaches, or when its teacher is unavailable."""
    day = ctx.days.index(lock.day)
    free, busy_teachers = False, []
    for meeting in meetings:
        for (slot_day, period), busy in allowed_slots(ctx, meeting):
            if (slot_day, period) == (day, lock.period):
                free = free or not busy
                busy_teachers += busy
    if free or not meetings:
        return None
    params = {"lesson": lock_label(lock), "day": lock.day, "period": lock.period}
    suggestion = Finding("suggest_lock", {"lock": lock_text(lock)})
    if busy_teachers:
        teacher = busy_teachers[0]
        return Finding(
            "lock_unavailable",
            {**params, "teacher": teacher},
            (lock.class_name, teacher),
            suggestion=suggestion,
        )
    reach = longest_day(ctx.school, lock.class_name)
    return Finding(
        "lock_beyond_day",
        {**params, "cls": lock.class_name, "reach": reach},
        (lock.class_name,),
        suggestion=suggestion,
    )


def _lock_pairs(ctx: ModelContext, placed: list[tuple[Lock, Meeting]]) -> list[Finding]:
    """Two locks that put one student set, or one teacher, in two lessons at once."""
    findings = []
    for (first, one), (second, other) in combinations(placed, 2):
        if one.index == other.index or first.day != second.day:
            continue
        start, end = ctx.clock(one.bells, first.period)
        other_start, other_end = ctx.clock(other.bells, second.period)
        if not (start < other_end and other_start < end):
            continue
        params = {"day": first.day, "first": lock_text(first), "second": lock_text(second)}
        suggestion = Finding("suggest_lock", {"lock": lock_text(second)})
        shared_sets = set(one.sets) & set(other.sets)
        shared_teachers = set(one.teachers) & set(other.teachers)
        if shared_sets:
            labels = {"first": lock_label(first), "second": lock_label(second)}
            findings.append(
                Finding(
                    "lock_clash",
                    {**params, **labels, "cls": first.class_name, "period": first.period},
                    (first.class_name,),
                    suggestion=suggestion,
                )
            )
        elif shared_teachers:
            teacher = sorted(shared_teachers)[0]
            findings.append(
                Finding(
                    "lock_teacher_clash",
                    {**params, "teacher": teacher},
                    (teacher, first.class_name, second.class_name),
                    suggestion=suggestion,
                )
            )
    return findings


# ------------------------------------------------------------------------------ meals


def _meals(ctx: ModelContext) -> list[Finding]:
    findings = []
    school = ctx.school
    for rule in school.meals:
        classes = select_classes(rule.classes, school.classes)
        window_text = format_int_ranges(rule.window)
        for school_class in classes:
            reach = longest_day(school, school_class.name)
            periods = ctx.periods(school.bells_of(school_class))
            if not [p for p in rule.window if p in periods and p <= reach]:
                findings.append(
                    Finding(
                        "meal_window",
                        {
                            "meal": rule.meal,
                            "cls": school_class.name,
                            "window": window_text,
                            "reach": reach,
                        },
                        (school_class.name, rule.meal),
                    )
                )
        if rule.canteen_capacity is None or not classes:
            continue
        intervals = {
            ctx.clock(school.bells_of(c), p)
            for c in classes
            for p in rule.window
            if p in ctx.periods(school.bells_of(c))
        }
        sittings = disjoint_count(intervals)
        most = sittings * rule.canteen_capacity
        if len(classes) > most:
            findings.append(
                Finding(
                    "canteen",
                    {
                        "meal": rule.meal,
                        "classes": len(classes),
                        "window": window_text,
                        "capacity": rule.canteen_capacity,
                        "sittings": sittings,
                        "most": most,
                    },
                    (rule.meal,),
                    suggestion=Finding(
                        "suggest_canteen",
                        {
                            "meal": rule.meal,
                            "want": math.ceil(len(classes) / max(1, sittings)),
                        },
                    ),
                )
            )
    return findings
