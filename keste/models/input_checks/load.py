"""Checks of who teaches what: the Load, Electives, Groups and Activities sheets."""

from __future__ import annotations

from keste.models.bells import schedules
from keste.models.curriculum import (
    class_curriculum,
    is_split,
)
from keste.models.input_checks.school_sheets import check_reference
from keste.models.problems import Problems
from keste.models.school import School, select_classes


def check_load(school: School, problems: Problems) -> None:
    for row in school.load:
        known = all(
            [
                check_reference(school, problems, row.source, "class", row.class_name, "class"),
                check_reference(school, problems, row.source, "subject", row.subject, "subject"),
                check_reference(school, problems, row.source, "teacher", row.teacher, "teacher"),
                check_reference(
                    school, problems, row.source, "co_teacher", row.co_teacher, "teacher"
                ),
            ]
        )
        if not known:
            continue
        school_class = school.class_by_name[row.class_name]
        plan = class_curriculum(school, school_class)
        if row.subject in school.chosen_subjects.get(row.class_name, ()):
            problems.error(
                f"students of {row.class_name} choose {row.subject} (the Choices sheet), so it is "
                "taught in groups: give its teachers on the Electives sheet or leave them to "
                "keste, not on Load",
                **problems.at(row.source, "subject"),
                value=row.subject,
            )
            continue
        if row.subject not in plan:
            problems.error(
                f"class {row.class_name} has no hours of {row.subject} in the curriculum",
                **problems.at(row.source, "subject"),
                value=row.subject,
            )
            continue
        split = is_split(school, school_class, plan[row.subject])
        if row.group is not None and not split:
            problems.error(
                f"class {row.class_name} is not split for {row.subject} (split subject and at "
                f"least {school.settings.split_threshold} students): leave group empty",
                **problems.at(row.source, "group"),
                value=row.group,
            )
        teacher = school.teacher_by_code[row.teacher]
        if not teacher.can_teach(row.subject, school_class.grade):
            problems.warning(
                f"teacher {row.teacher} is not listed for {row.subject} in grade "
                f"{school_class.grade} (Teachers sheet); keste keeps the assignment",
                **problems.at(row.source, "teacher"),
                value=row.teacher,
            )
    _check_split_load_covers_groups(school, problems)


def _check_split_load_covers_groups(school: School, problems: Problems) -> None:
    """A split class's load is given per group; a whole-class row for it is ambiguous."""
    for row in school.load:
        school_class = school.class_by_name.get(row.class_name)
        if school_class is None or row.group is not None:
            continue
        plan = class_curriculum(school, school_class)
        if row.subject in plan and is_split(school, school_class, plan[row.subject]):
            problems.error(
                f"class {row.class_name} is split for {row.subject}: give a row for group 1 and "
                "one for group 2",
                **problems.at(row.source, "group"),
            )


def check_electives(school: School, problems: Problems) -> None:
    room_types = {room.type for room in school.rooms}
    for group in school.electives:
        at = problems.at
        if not select_classes(group.classes, school.classes):
            problems.error(
                "expected classes that exist (grades, names or patterns like 11*)",
                **at(group.source, "classes"),
                value=",".join(group.classes),
            )
        check_reference(school, problems, group.source, "subject", group.subject, "subject")
        check_reference(school, problems, group.source, "teacher", group.teacher, "teacher")
        check_reference(school, problems, group.source, "co_teacher", group.co_teacher, "teacher")
        if group.room_type and school.rooms and group.room_type not in room_types:
            problems.error(
                "expected a room type that the Rooms sheet has",
                **at(group.source, "room_type"),
                value=group.room_type,
            )
        if group.members:
            _check_members(school, problems, group)
    _check_block_teachers(school, problems)
    blocks: dict[str, list] = {}
    for group in school.electives:
        blocks.setdefault(group.block, []).append(group)
    for groups in blocks.values():
        classes = [c for g in groups for c in select_classes(g.classes, school.classes)]
        _check_one_bell_schedule(school, problems, classes, groups[0].source, "classes")


def _check_one_bell_schedule(school: School, problems: Problems, classes, source, column) -> None:
    """A block or an activity meets at one time, so its classes follow one bell schedule."""
    bells = sorted({school.bells_of(c) for c in classes})
    if len(bells) > 1:
        problems.error(
            f"expected classes of one bell schedule: they meet at the same time, and these "
            f"follow {', '.join(bells)}",
            **problems.at(source, column),
        )


def _check_block_teachers(school: School, problems: Problems) -> None:
    """The groups of a block meet at the same time, so no teacher can teach two of them."""
    first_group: dict[tuple[str, str], str] = {}
    for group in school.electives:
        for column in ("teacher", "co_teacher"):
            teacher = getattr(group, column)
            if not teacher:
                continue
            earlier = first_group.setdefault((group.block, teacher), group.group)
            if earlier != group.group:
                problems.error(
                    f"{teacher} already teaches group {earlier} of block {group.block}, and a "
                    "block's groups meet at the same time: expected another teacher (or the "
                    "group in another block)",
                    **problems.at(group.source, column),
                    value=teacher,
                )


def _check_members(school: School, problems: Problems, group) -> None:
    """A group's members are students of its classes who chose its subject."""
    classes = {c.name for c in select_classes(group.classes, school.classes)}
    chose = {(c.student, c.subject): c for c in school.choices}
    for member in group.members:
        choice = chose.get((member, group.subject))
        if choice is None or choice.class_name not in classes:
            problems.error(
                f"expected a student of {', '.join(sorted(classes))} who chose {group.subject} "
                "on the Choices sheet",
                **problems.at(group.source, "members"),
                value=member,
            )


def check_groups(school: School, problems: Problems) -> None:
    for row in school.groups:
        check_reference(school, problems, row.source, "class", row.class_name, "class")
        if "/" in row.group:
            problems.error(
                "expected a group name without '/' (it separates class and group on Activities)",
                **problems.at(row.source, "group"),
                value=row.group,
            )
    for class_name in school.groups_of:
        school_class = school.class_by_name.get(class_name)
        if school_class is None:
            continue
        split = [
            code
            for code, row in class_curriculum(school, school_class).items()
            if is_split(school, school_class, row)
        ]
        if split:
            problems.error(
                f"class {class_name} has groups on the Groups sheet and is also split into halves "
                f"for {', '.join(split)}: keste divides a class one way; give those lessons on "
                "Activities with the class's groups instead",
                sheet="Groups",
                value=class_name,
            )


def check_activities(school: School, problems: Problems) -> None:
    if not school.curriculum and not school.activities:
        problems.error(
            "expected the lessons: rows on the Curriculum sheet (hours per grade or class) or on "
            "the Activities sheet",
            sheet="Curriculum",
        )
    longest = max((len(s.periods) for s in schedules(school).values()), default=0)
    days = len(school.settings.days)
    for activity in school.activities:
        at = problems.at
        check_reference(school, problems, activity.source, "subject", activity.subject, "subject")
        for teacher in activity.teachers:
            check_reference(school, problems, activity.source, "teachers", teacher, "teacher")
        for class_name, group in activity.parts():
            if not check_reference(
                school, problems, activity.source, "students", class_name, "class"
            ):
                continue
            if group is not None and group not in school.groups_of.get(class_name, ()):
                problems.error(
                    f"expected a group of {class_name} listed on the Groups sheet",
                    **at(activity.source, "students"),
                    value=f"{class_name}/{group}",
                )
        classes = [
            school.class_by_name[c] for c, _ in activity.parts() if c in school.class_by_name
        ]
        _check_one_bell_schedule(school, problems, classes, activity.source, "students")
        if activity.length > longest:
            problems.error(
                f"expected a length of at most {longest} periods (the longest day)",
                **at(activity.source, "length"),
                value=activity.length,
            )
        if activity.lessons > days * activity.max_per_day:
            problems.error(
                f"{activity.lessons} lessons a week do not fit {days} days at "
                f"{activity.max_per_day} a day; raise max_per_day",
                **at(activity.source, "lessons"),
                value=activity.lessons,
            )
