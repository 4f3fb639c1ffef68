"""Activities rows become meetings: streams of classes, groups from the Groups sheet, any number of
teachers, lessons of several periods."""

from __future__ import annotations

from keste.models.curriculum import (
    subject_difficulty,
)
from keste.models.problems import Problems
from keste.models.school import School
from keste.solver.demand.meetings import Meeting, Section
from keste.solver.demand.rooms import ordinary_room


def activity_meetings(school: School, problems: Problems) -> list[Meeting]:
    meetings = []
    for activity in school.activities:
        parts = [(c, g) for c, g in activity.parts() if c in school.class_by_name]
        if not parts or activity.subject not in school.subject_by_code:
            continue
        classes = tuple(dict.fromkeys(c for c, _ in parts))
        bells = {school.bells_of(school.class_by_name[c]) for c in classes}
        if len(bells) > 1:
            problems.error(
                f"the classes of activity {activity.activity} follow different bell schedules "
                f"({', '.join(sorted(bells))}); an activity meets at one time",
                sheet="Activities",
                value=activity.activity,
            )
            continue
        difficulty = subject_difficulty(school, activity.subject)
        room_type = activity.room_type or school.subject_by_code[activity.subject].room_type
        home_room = None
        if room_type is None:
            whole_class = len(parts) == 1 and parts[0][1] is None
            first = school.class_by_name[parts[0][0]]
            room_type, home_room = ordinary_room(school, first, whole_class)
        sections = []
        for position, (class_name, group) in enumerate(parts):
            first = position == 0  # one room for the whole activity
            sections.append(
                Section(
                    activity.subject,
                    (class_name,),
                    group,
                    activity.teachers,
                    room_type if first else None,
                    home_room if first else None,
                    _group_size(school, class_name, group),
                    difficulty=difficulty,
                )
            )
        meetings.append(
            Meeting(
                0,
                tuple(sections),
                classes,
                bells.pop(),
                activity.lessons * activity.length,
                *_activity_doubles(activity),
                max_per_day=activity.max_per_day,
                last_of_day=activity.last_of_day,
                activity=activity.activity,
                length=activity.length,
                times=activity.times,
            )
        )
    return meetings


def _activity_doubles(activity) -> tuple[int, int]:
    """(least, most) double lessons a week; only for lessons of one period."""
    if activity.length > 1 or activity.double == "no":
        return (0, 0)
    most = activity.lessons // 2
    return (most if activity.double == "required" else 0, most)


def _group_size(school: School, class_name: str, group: str | None) -> int:
    if group is not None:
        for row in school.groups:
            if row.class_name == class_name and row.group == group and row.students is not None:
                return row.students
    return school.class_by_name[class_name].students
