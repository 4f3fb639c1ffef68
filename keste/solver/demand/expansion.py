"""Demand expansion: the school's curriculum, load and electives become meetings.

A Meeting is one recurring lesson type: the sections that sit in it at the same time (a whole
class; the two halves of a split class, each with its teacher; the groups of an elective block), the
student sets it occupies, and how many periods a week it needs. Academic hours become lessons of the
school's length (6 hours of 40 minutes = 4 lessons of 60); a half hour becomes a lesson every other
week, paired with another half-hour item of the class where possible (weeks A and B)."""

from __future__ import annotations

from keste.models.problems import Problems
from keste.models.school import LoadRow, School
from keste.solver.demand.activities import activity_meetings
from keste.solver.demand.blocks import block_meetings
from keste.solver.demand.classes import class_items, class_meetings, teacher_index
from keste.solver.demand.meetings import Demand, Meeting


def expand(school: School, problems: Problems, load: list[LoadRow] | None = None) -> Demand:
    """Meetings for the whole school. Missing teachers are reported as problems."""
    teachers = teacher_index(load if load is not None else school.load)
    meetings: list[Meeting] = []
    for school_class in school.classes:
        items = class_items(school, school_class, teachers, problems)
        meetings += class_meetings(school, school_class, items)
    meetings += block_meetings(school, problems)
    meetings += activity_meetings(school, problems)
    for index, meeting in enumerate(meetings):
        meeting.index = index
        _check_teachers_once(meeting, problems)
    sets_of_class = _atomic_sets(school, meetings)
    for meeting in meetings:
        _assign_sets(meeting, sets_of_class)
    return Demand(meetings, sets_of_class)


def _check_teachers_once(meeting: Meeting, problems: Problems) -> None:
    for teacher in meeting.teachers_needed_twice():
        problems.error(
            f"{teacher} would teach two groups of {meeting.label} at the same time: expected "
            "a different teacher for one of the groups",
            sheet="Electives" if meeting.block else "Load",
            value=teacher,
        )


def _atomic_sets(school: School, meetings: list[Meeting]) -> dict[str, tuple[str, ...]]:
    """A class is one student set; its groups from the Groups sheet; or two halves when its
    halves ever meet apart."""
    apart = {
        m.classes[0]
        for m in meetings
        if not m.block
        and not m.activity
        and m.sections
        and all(s.group in ("1", "2") for s in m.sections)
        and len({s.group for s in m.sections}) == 1
    }
    sets = {}
    for school_class in school.classes:
        name = school_class.name
        if name in school.groups_of:
            sets[name] = tuple(f"{name}/{group}" for group in school.groups_of[name])
        elif name in apart:
            sets[name] = (f"{name}/1", f"{name}/2")
        else:
            sets[name] = (name,)
    return sets


def _assign_sets(meeting: Meeting, sets_of_class: dict[str, tuple[str, ...]]) -> None:
    sets: list[str] = []
    difficulty: dict[str, int] = {}
    for class_name in meeting.classes:
        for student_set in sets_of_class[class_name]:
            half = student_set.rsplit("/", 1)[1] if "/" in student_set else None
            attending = [
                s
                for s in meeting.sections
                if meeting.block
                or (
                    class_name in s.classes and (s.group is None or half is None or s.group == half)
                )
            ]
            if attending:
                sets.append(student_set)
                difficulty[student_set] = max(s.difficulty for s in attending)
    meeting.sets = tuple(sets)
    meeting.set_difficulty = difficulty
