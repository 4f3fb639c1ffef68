"""activities: every activity's lessons placed, in runs of its length, at most max_per_day a day,
within its times, and the last of its students' day where asked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from keste.models.verification import Violation
from keste.solver.verify.rows import covers, runs
from keste.solver.verify.week import Week


def check_activities(week: Week) -> Iterator[Violation]:
    periods: dict[tuple, set[int]] = defaultdict(set)
    for row in week.lessons:
        activity = week.activities.get(row.block)
        if activity is None:
            continue
        periods[(row.block, row.class_name, row.group, row.day)].add(row.period)
        if activity.times and not any(covers(block, row) for block in activity.times):
            yield Violation(
                "activities",
                f"activity {activity.activity} ({row.class_name}) on {row.day} period "
                f"{row.period}: outside its times",
            )
    for activity in week.activities.values():
        for class_name, group in activity.parts():
            who = f"activity {activity.activity} ({class_name}" + (f"/{group})" if group else ")")
            total = 0
            for day in week.days:
                taken = periods.get((activity.activity, class_name, group, day), set())
                total += len(taken)
                yield from _day(activity, who, day, taken)
                if taken and activity.last_of_day:
                    yield from _ends_day(week, who, class_name, group, day, max(taken))
            if total != activity.lessons * activity.length:
                yield Violation(
                    "activities",
                    f"{who}: {total} periods placed, {activity.lessons * activity.length} planned",
                )


def _day(activity, who: str, day: str, taken: set[int]) -> Iterator[Violation]:
    """One class's (or group's) periods of the activity on a day: runs of its length, no more
    than a double where doubles are allowed, at most max_per_day."""
    found = runs(sorted(taken))
    if any(len(run) % activity.length for run in found):
        yield Violation("activities", f"{who} on {day}: not in runs of {activity.length}")
    doubles = activity.length == 1 and activity.double != "no"
    if doubles and any(len(run) > 2 for run in found):
        yield Violation("activities", f"{who} on {day}: more than a double lesson")
    blocks = len(found) if doubles else sum(len(r) // activity.length for r in found)
    if blocks > activity.max_per_day:
        yield Violation("activities", f"{who}: more than {activity.max_per_day} on {day}")


def _ends_day(
    week: Week, who: str, class_name: str, group: str | None, day: str, last: int
) -> Iterator[Violation]:
    later = [
        r
        for r in week.lessons
        if r.class_name == class_name
        and r.day == day
        and r.period > last
        and (group is None or r.group in (None, group))
    ]
    if later:
        yield Violation(
            "activities", f"{who} must end the day on {day}; {later[0].subject} follows"
        )
