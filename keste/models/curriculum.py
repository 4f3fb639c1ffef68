"""What each class studies: curriculum rows resolved per class, and which subjects split it.

Rows for a grade apply to every class of the grade; a row with a language applies only to classes of
that language and overrides the grade's general row; a class row overrides both (hours 0 removes the
subject from that class).
"""

from __future__ import annotations

from keste.models.school import CurriculumRow, School, SchoolClass, select_classes


def class_curriculum(school: School, school_class: SchoolClass) -> dict[str, CurriculumRow]:
    """Subject code -> the curriculum row that sets the class's hours (hours > 0 only)."""
    chosen: dict[str, tuple[int, CurriculumRow]] = {}
    for row in school.curriculum:
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


def is_split(school: School, school_class: SchoolClass, row: CurriculumRow) -> bool:
    """A class splits into two groups for a subject marked split when it reaches the threshold."""
    subject = school.subject_by_code.get(row.subject)
    marked = row.split if row.split is not None else bool(subject and subject.split)
    return marked and school_class.students >= school.settings.split_threshold


def weekly_hours(school: School, school_class: SchoolClass) -> float:
    """Academic hours a week for a class: its curriculum plus the elective blocks it sits in."""
    hours = sum(row.hours for row in class_curriculum(school, school_class).values())
    blocks: dict[str, float] = {}
    for group in school.electives:
        if school_class in select_classes(group.classes, school.classes):
            blocks[group.block] = max(blocks.get(group.block, 0), group.hours)
    return hours + sum(blocks.values())
