"""Why no teacher allocation exists, in numbers.

First the checks that need no solving (an item nobody is qualified for, a split class with one
qualified teacher, a subject's hours above what its teachers can give, a minimum nobody can reach);
then, when the model is still impossible, a minimal set of subjects and teacher limits that cannot
all hold at once (see cores.py).
"""

from __future__ import annotations

from collections import defaultdict

from keste.models.allocation import LoadItem
from keste.models.school import School
from keste.models.values import format_int_ranges, format_number
from keste.solver.allocation.items import candidates, qualified
from keste.solver.allocation.model import build
from keste.solver.sat.cores import minimal_core


def quick_checks(school: School, items: list[LoadItem], reserved: dict[str, float]) -> list[str]:
    """Reasons an allocation cannot exist, in numbers, found without solving."""
    reasons = []
    for item in items:
        if not item.open:
            continue
        options = candidates(school, item)
        if len(options) < item.open:
            grades = format_int_ranges(item.grades)
            who = ", ".join(t.code for t in options) or "nobody"
            reasons.append(
                f"{item.label} needs {item.open} more teacher(s) of {item.subject} for grade "
                f"{grades}; qualified and free: {who} (Teachers sheet: subjects and grades)"
            )
        elif item.pair is not None and item.pair > item.index and len(options) < 2:
            pair = items[item.pair]
            if not pair.fixed and not item.fixed:
                reasons.append(
                    f"{item.classes[0]} is split for {item.subject}: its two groups meet at once "
                    f"and need two teachers; only {options[0].code} is qualified"
                )
    reasons += _subject_capacity(school, items, reserved)
    reasons += _minimum_hours(school, items)
    return reasons


def _free_hours(
    school: School, items: list[LoadItem], reserved: dict[str, float]
) -> dict[str, float | None]:
    fixed: dict[str, float] = defaultdict(float)
    for item in items:
        for teacher in item.fixed:
            fixed[teacher] += item.hours
    free: dict[str, float | None] = {}
    for teacher in school.teachers:
        if teacher.max_hours is None:
            free[teacher.code] = None
        else:
            free[teacher.code] = max(
                0.0, teacher.max_hours - fixed[teacher.code] - reserved.get(teacher.code, 0)
            )
    return free


def _subject_capacity(
    school: School, items: list[LoadItem], reserved: dict[str, float]
) -> list[str]:
    free = _free_hours(school, items, reserved)
    reasons = []
    by_subject: dict[str, list[LoadItem]] = defaultdict(list)
    for item in items:
        if item.open:
            by_subject[item.subject].append(item)
    for subject, mine in sorted(by_subject.items()):
        reason = capacity_reason(school, [subject], mine, free)
        if reason:
            reasons.append(reason)
    return reasons


def capacity_reason(
    school: School,
    subjects: list[str],
    items: list[LoadItem],
    free: dict[str, float | None],
) -> str | None:
    """'chemistry, grades 8-11: 46 hours needed; qualified teachers can give at most 40'.

    An item is indivisible: a teacher counts only if some item they are qualified for fits into
    their free hours.
    """
    needed = sum(i.hours * i.open for i in items)
    teachers = sorted(
        {
            t.code
            for i in items
            for t in candidates(school, i)
            if free[t.code] is None or free[t.code] >= i.hours
        }
    )
    if any(free[t] is None for t in teachers):
        return None
    can_give = sum(free[t] for t in teachers)
    if needed <= can_give:
        return None
    grades = format_int_ranges(sorted({g for i in items for g in i.grades}))
    names = " and ".join(_subject_name(school, s) for s in subjects)
    who = ", ".join(teachers) or "no teacher"
    return (
        f"{names}, grades {grades}: {format_number(needed)} hours needed; qualified teachers "
        f"({who}) can give at most {format_number(can_give)} (their max_hours less what the "
        "Load sheet already gives them; a teacher counts only where a whole item fits)"
    )


def _subject_name(school: School, code: str) -> str:
    subject = school.subject_by_code.get(code)
    return subject.label if subject else code


def _minimum_hours(school: School, items: list[LoadItem]) -> list[str]:
    reasons = []
    for teacher in school.teachers:
        if teacher.min_hours is None:
            continue
        fixed = sum(i.hours for i in items if teacher.code in i.fixed)
        possible = fixed + sum(
            i.hours
            for i in items
            if i.open and qualified(teacher, i) and teacher.code not in i.fixed
        )
        if possible < teacher.min_hours:
            reasons.append(
                f"{teacher.code} must have at least {format_number(teacher.min_hours)} hours; "
                f"everything they are qualified for adds up to {format_number(possible)}"
            )
    return reasons


def explain_allocation(
    school: School,
    items: list[LoadItem],
    open_items: list[LoadItem],
    reserved: dict[str, float],
    time_limit: float,
) -> list[str]:
    """A minimal set of subjects and teacher limits that cannot all hold, in numbers."""
    built = build(school, items, open_items, reserved, guarded=True)
    literals = list(built.guards.values())
    core = minimal_core(built.model, literals, time_limit)
    names = {v.index: key for key, v in built.guards.items()}
    chosen = [names[v.index] for v in core.literals]
    subjects = sorted({key for kind, key in chosen if kind == "subject"})
    free = _free_hours(school, items, reserved)
    reasons = []
    if subjects:
        mine = [i for i in items if i.subject in subjects and i.open]
        reason = capacity_reason(school, subjects, mine, free)
        if reason:
            reasons.append(reason)
    limits = [f"{key} ({kind.replace('_', ' ')})" for kind, key in chosen if kind != "subject"]
    if subjects or limits:
        reasons.append(
            "these cannot all hold at once: "
            + "; ".join(
                [f"every {_subject_name(school, s)} item taught" for s in subjects] + limits
            )
        )
    return reasons or ["no allocation exists (the conflict could not be narrowed down)"]
