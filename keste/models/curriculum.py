"""What each class studies: curriculum rows resolved per class, and which subjects split it.

Rows for a grade apply to every class of the grade; a row with a language applies only to classes of
that language and overrides the grade's general row; a class row overrides both (hours 0 removes the
subject from that class).
"""

from __future__ import annotations

from keste.models.difficulty import KEYWORD_DIFFICULTY
from keste.models.school import CurriculumRow, School, SchoolClass, select_classes


def class_curriculum(school: School, school_class: SchoolClass) -> dict[str, CurriculumRow]:
    """Subject code -> the curriculum row that sets the class's hours (hours > 0 only).

    The whole class's lessons: rows for a level, and subjects the class's students choose (the
    Choices sheet), are taught in groups of students instead (see course_row)."""
    by_choice = school.chosen_subjects.get(school_class.name, frozenset())
    rows = [r for r in school.curriculum if r.level is None and r.subject not in by_choice]
    return _most_specific(rows, school_class)


def course_row(
    school: School, school_class: SchoolClass, subject: str, level: str | None
) -> CurriculumRow | None:
    """The row giving the hours of a subject chosen at a level by a student of the class: a row
    of that level, or for the standard level (or none) a row without one."""
    wanted = {level} if level not in (None, "standard") else {None, "standard"}
    rows = [r for r in school.curriculum if r.subject == subject and r.level in wanted]
    return _most_specific(rows, school_class).get(subject)


def _most_specific(
    rows: list[CurriculumRow], school_class: SchoolClass
) -> dict[str, CurriculumRow]:
    chosen: dict[str, tuple[int, CurriculumRow]] = {}
    for row in rows:
        rank = _rank(row, school_class)
        if rank is None:
            continue
        current = chosen.get(row.subject)
        if current is None or rank >= current[0]:
            chosen[row.subject] = (rank, row)
    return {subject: row for subject, (_, row) in chosen.items() if row.hours > 0}


def _rank(row: CurriculumRow, school_class: SchoolClass) -> int | None:
    """How specifically a row addresses a class (higher wins), or None when it does not."""
    if row.class_name is not None:
        return 3 if row.class_name == school_class.name else None
    if row.grade != school_class.grade:
        return None
    if row.language is None:
        return 1
    return 2 if row.language == school_class.language else None


def lessons_for_hours(school: School, hours: float) -> float:
    """Weekly lessons for academic hours (6 h of 40 min = 4 lessons of 60), to the nearest half."""
    exact = hours * school.settings.hour_minutes / school.settings.lesson_minutes
    return round(exact * 2) / 2


def is_split(school: School, school_class: SchoolClass, row: CurriculumRow) -> bool:
    """A class splits into two groups for a subject marked split when it reaches the threshold."""
    subject = school.subject_by_code.get(row.subject)
    marked = row.split if row.split is not None else bool(subject and subject.split)
    return marked and school_class.students >= school.settings.split_threshold


def weekly_hours(school: School, school_class: SchoolClass) -> float:
    """Academic hours a week for a class: its curriculum, the elective blocks it sits in, and
    its whole-class activities (in periods of the school's lesson length)."""
    blocks: dict[str, float] = {}
    for group in school.electives:
        if school_class in select_classes(group.classes, school.classes):
            blocks[group.block] = max(blocks.get(group.block, 0), group.hours)
    return _class_hours(school, school_class) + sum(blocks.values())


def _class_hours(school: School, school_class: SchoolClass) -> float:
    """Hours of the whole class's lessons: its curriculum and its whole-class activities."""
    hours = sum(row.hours for row in class_curriculum(school, school_class).values())
    periods = sum(
        activity.lessons * activity.length
        for activity in school.activities
        if (school_class.name, None) in activity.parts()
    )
    per_hour = school.settings.lesson_minutes / school.settings.hour_minutes
    return hours + periods * per_hour


def student_hours(school: School, student: str, school_class: SchoolClass) -> float:
    """A student's weekly load: the class's lessons, one group of each elective block without a
    member list, and the groups they are a member of."""
    blocks: dict[str, float] = {}
    for group in school.electives:
        if school_class not in select_classes(group.classes, school.classes):
            continue
        if not group.members:
            blocks[group.block] = max(blocks.get(group.block, 0), group.hours)
        elif student in group.members:
            blocks[f"{group.block}/{group.group}"] = group.hours
    return _class_hours(school, school_class) + sum(blocks.values())


def guess_difficulty(code: str, name: str | None) -> int:
    """The points of the longest keyword found in the code or name ('physical education' is
    PE, not physics), else 5."""
    text = f" {code} {name or ''} ".lower().replace("_", " ")
    best_length, best_points = 0, 5
    for points, words in KEYWORD_DIFFICULTY:
        for word in words:
            if word in text and (len(word), points) > (best_length, best_points):
                best_length, best_points = len(word), points
    return best_points


def subject_difficulty(school: School, code: str) -> int:
    """The Subjects sheet's points, or a guess from the subject's name (docs/rules.md)."""
    subject = school.subject_by_code.get(code)
    if subject and subject.difficulty:
        return subject.difficulty
    return guess_difficulty(code, subject.name if subject else None)
