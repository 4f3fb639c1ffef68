"""What the workbook says each class must be taught, derived here on its own from the sheets
(docs/rules.md), so that a mistake in how the solver reads the curriculum cannot hide from the
validator: the curriculum row that applies to each class and subject, lessons for academic hours,
which subjects split a class, a subject's difficulty and a student's weekly hours."""

from __future__ import annotations

from keste.models.difficulty import DIFFICULTY_KEYWORDS
from keste.models.school import CurriculumRow, School, SchoolClass, select_classes


def taught(school: School, school_class: SchoolClass) -> dict[str, CurriculumRow]:
    """Subject -> the row that sets the class's weekly hours: a row naming the class beats a
    row for its grade and language, which beats a row for the grade; later rows beat earlier
    ones; level rows, and subjects chosen in the grade of a class whose students choose, are
    taught in groups instead."""
    chosen = _chosen_in_grade(school, school_class)
    winner: dict[str, tuple[int, int, CurriculumRow]] = {}
    for position, row in enumerate(school.curriculum):
        if row.level is not None or row.subject in chosen:
            continue
        rank = _specificity(row, school_class)
        if rank and (row.subject not in winner or winner[row.subject][:2] <= (rank, position)):
            winner[row.subject] = (rank, position, row)
    return {subject: row for subject, (_, _, row) in winner.items() if row.hours > 0}


def _chosen_in_grade(school: School, school_class: SchoolClass) -> set[str]:
    """For a class whose students make choices: every subject chosen in its grade."""
    if not any(c.class_name == school_class.name for c in school.choices):
        return set()
    grade = {c.name for c in school.classes if c.grade == school_class.grade}
    return {c.subject for c in school.choices if c.class_name in grade}


def _specificity(row: CurriculumRow, school_class: SchoolClass) -> int:
    """0 when the row is not about the class."""
    if row.class_name:
        return 3 * (row.class_name == school_class.name)
    if row.grade != school_class.grade:
        return 0
    if row.language:
        return 2 * (row.language == school_class.language)
    return 1


def weekly_lessons(school: School, hours: float) -> float:
    """Academic hours as lessons of the school's length, to the nearest half (a half is a
    lesson every other week)."""
    minutes = hours * school.settings.hour_minutes
    return round(2 * minutes / school.settings.lesson_minutes) / 2


def splits(school: School, school_class: SchoolClass, row: CurriculumRow) -> bool:
    """The class is taught in two halves: the subject is marked split (the curriculum row's
    mark wins over the Subjects sheet's) and the class is big enough."""
    if row.split is None:
        subject = school.subject_by_code.get(row.subject)
        marked = subject is not None and subject.split
    else:
        marked = row.split
    return marked and school_class.students >= school.settings.split_threshold


def difficulty(school: School, code: str) -> int:
    """The Subjects sheet's points; else the points of the longest keyword in the subject's
    code or name; else 5."""
    subject = school.subject_by_code.get(code)
    if subject is not None and subject.difficulty:
        return subject.difficulty
    text = " " + " ".join([code, (subject.name if subject else None) or ""]).lower() + " "
    text = text.replace("_", " ")
    found = [(len(word), points) for points, word in DIFFICULTY_KEYWORDS if word in text]
    return max(found)[1] if found else 5


def student_hours(school: School, student: str, school_class: SchoolClass) -> float:
    """A student's weekly hours: the class's curriculum and whole-class activities, the longest
    group of each block of the class without member lists, and each group they belong to."""
    hours = sum(row.hours for row in taught(school, school_class).values())
    periods = sum(
        a.lessons * a.length
        for a in school.activities
        if any(part == (school_class.name, None) for part in a.parts())
    )
    hours += periods * school.settings.lesson_minutes / school.settings.hour_minutes
    open_blocks: dict[str, float] = {}
    for group in school.electives:
        if school_class not in select_classes(group.classes, school.classes):
            continue
        if student in group.members:
            hours += group.hours
        elif not group.members:
            open_blocks[group.block] = max(open_blocks.get(group.block, 0.0), group.hours)
    return hours + sum(open_blocks.values())
