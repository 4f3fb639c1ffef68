"""Checks that a parsed school makes sense: references resolve, values are possible, nothing odd.

Reading (tables.py) already checked each cell on its own; these checks look across sheets. Every
problem points at the row that causes it.
"""

from __future__ import annotations

from collections import defaultdict

from keste.models.bells import STANDARD_LESSON_MINUTES, schedules
from keste.models.curriculum import (
    class_curriculum,
    course_row,
    is_split,
    lessons_for_hours,
    weekly_hours,
)
from keste.models.problems import Problems
from keste.models.school import (
    ALLOCATION_RULES,
    SOFT_RULES,
    School,
    SchoolClass,
    select_classes,
)
from keste.models.values import format_int_ranges, format_number, format_time


def validate_school(school: School, problems: Problems) -> None:
    _check_settings(school, problems)
    _check_classes(school, problems)
    _check_subjects(school, problems)
    _check_curriculum(school, problems)
    _check_teachers(school, problems)
    _check_load(school, problems)
    _check_electives(school, problems)
    _check_groups(school, problems)
    _check_activities(school, problems)
    _check_choices(school, problems)
    _check_locks(school, problems)
    _check_meals(school, problems)


def _check_settings(school: School, problems: Problems) -> None:
    settings = school.settings
    if not school.bells and settings.lesson_minutes not in STANDARD_LESSON_MINUTES:
        problems.error(
            "expected lesson_minutes of 40, 45 or 60; for other lengths add a Bells sheet with "
            "each period's start and end",
            sheet="School",
            column="lesson_minutes",
            value=settings.lesson_minutes,
        )
    if not school.bells:
        last = schedules(school)["main"].periods[-1]
        if last.end > 24 * 60:
            problems.error(
                f"the generated bells run past midnight (period {last.number} would end at "
                f"{format_time(last.end % (24 * 60))} the next day): fewer periods_per_day or an "
                "earlier first_lesson",
                sheet="School",
                column="periods_per_day",
                value=settings.periods_per_day,
            )
    for after in settings.big_breaks:
        if not 1 <= after < settings.periods_per_day:
            problems.warning(
                f"a big break after lesson {after} is outside the day's "
                f"{settings.periods_per_day} periods; it has no effect",
                sheet="School",
                column="big_breaks",
                value=after,
            )
    for rule in sorted(set(settings.weights) - set(SOFT_RULES) - set(ALLOCATION_RULES)):
        problems.warning(f"no soft rule is called '{rule}'", sheet="School", value=f"weight_{rule}")


def _check_classes(school: School, problems: Problems) -> None:
    bells = schedules(school)
    room_names = {room.name for room in school.rooms}
    for school_class in school.classes:
        at = problems.at
        if school_class.bells and school_class.bells not in bells:
            problems.error(
                f"expected a bell schedule from the Bells sheet ({', '.join(bells)})",
                **at(school_class.source, "bells"),
                value=school_class.bells,
            )
        if school_class.home_room and school.rooms and school_class.home_room not in room_names:
            problems.error(
                "expected a room listed on the Rooms sheet",
                **at(school_class.source, "home_room"),
                value=school_class.home_room,
            )
        if school_class.students == 0:
            problems.warning(
                "a class with 0 students", **at(school_class.source, "students"), value=0
            )
        schedule = bells.get(school.bells_of(school_class))
        limit = school.max_lessons_per_day(school_class)
        if schedule and limit > len(schedule.periods) and school_class.max_lessons_per_day:
            problems.error(
                f"expected at most {len(schedule.periods)} lessons a day: the bell schedule "
                f"'{schedule.name}' has {len(schedule.periods)} periods",
                **at(school_class.source, "max_lessons_per_day"),
                value=limit,
            )
    longest = max((len(s.periods) for s in bells.values()), default=0)
    for school_class in school.classes:
        _check_unavailable(school, school_class, longest, problems)
    _check_shared_home_rooms(school, problems)


def _check_shared_home_rooms(school: School, problems: Problems) -> None:
    by_room: dict[str, list[SchoolClass]] = defaultdict(list)
    for school_class in school.classes:
        if school_class.home_room:
            by_room[school_class.home_room].append(school_class)
    for room, classes in by_room.items():
        by_bells = defaultdict(list)
        for school_class in classes:
            by_bells[school.bells_of(school_class)].append(school_class.name)
        for bells, names in by_bells.items():
            if len(names) > 1:
                problems.warning(
                    f"classes {', '.join(names)} share the home room {room} in one shift "
                    f"('{bells}'); only one of them can be in it at a time",
                    sheet="Classes",
                    column="home_room",
                    value=room,
                )


def _check_subjects(school: School, problems: Problems) -> None:
    room_types = {room.type for room in school.rooms}
    for subject in school.subjects:
        if subject.room_type and school.rooms and subject.room_type not in room_types:
            problems.error(
                f"expected a room type that the Rooms sheet has ({', '.join(sorted(room_types))})",
                **problems.at(subject.source, "room_type"),
                value=subject.room_type,
            )


def _check_curriculum(school: School, problems: Problems) -> None:
    grades = {c.grade for c in school.classes}
    for row in school.curriculum:
        at = problems.at
        subject = school.subject_by_code.get(row.subject)
        if subject is None:
            problems.error(
                "expected a subject listed on the Subjects sheet",
                **at(row.source, "subject"),
                value=row.subject,
            )
        if row.class_name is not None and row.class_name not in school.class_by_name:
            problems.error(
                "expected a class listed on the Classes sheet",
                **at(row.source, "class"),
                value=row.class_name,
            )
        if row.grade is not None and row.grade not in grades:
            problems.warning(
                f"no class of grade {row.grade}; the row is not used",
                **at(row.source, "grade"),
                value=row.grade,
            )
        if row.doubles:
            _check_doubles(school, row, problems)
        if subject is not None:
            _check_fits_week(school, row, subject, problems)
    for school_class in school.classes:
        _check_weekly_load(school, school_class, problems)


def _check_fits_week(school: School, row, subject, problems: Problems) -> None:
    """A subject's lessons fit the days at max_per_day a day (a double counts as one lesson)."""
    lessons = int(lessons_for_hours(school, row.hours))
    days = len(school.settings.days)
    primary = row.grade is not None and school.is_primary(row.grade)
    per_day = subject.max_per_day * (1 if subject.double == "no" or primary else 2)
    if lessons > days * per_day:
        problems.error(
            f"{lessons} lessons of {row.subject} a week do not fit {days} days at "
            f"{subject.max_per_day} a day (Subjects sheet, max_per_day)"
            + ("" if primary or subject.double != "no" else "; allow doubles or raise max_per_day"),
            **problems.at(row.source, "hours"),
            value=format_number(row.hours),
        )


def _check_doubles(school: School, row, problems: Problems) -> None:
    at = problems.at
    subject = school.subject_by_code.get(row.subject)
    if row.doubles * 2 > row.hours:
        problems.error(
            f"expected at most {int(row.hours // 2)} double lessons in {format_number(row.hours)} "
            "hours",
            **at(row.source, "doubles"),
            value=row.doubles,
        )
    if subject is not None and subject.double == "no":
        problems.error(
            f"double lessons need the subject '{row.subject}' marked double = allowed or required",
            **at(row.source, "doubles"),
            value=row.doubles,
        )
    grade = row.grade
    if grade is None and row.class_name in school.class_by_name:
        grade = school.class_by_name[row.class_name].grade
    if grade is not None and school.is_primary(grade):
        problems.error(
            f"no double lessons in primary grades (ДСМ-76 p.73); grade {grade} is primary",
            **at(row.source, "doubles"),
            value=row.doubles,
        )


def _check_weekly_load(school: School, school_class: SchoolClass, problems: Problems) -> None:
    limit = school.settings.max_weekly_hours.get(school_class.grade)
    hours = weekly_hours(school, school_class)
    if limit is not None and hours > limit:
        problems.warning(
            f"class {school_class.name} has {format_number(hours)} hours a week, above the "
            f"maximum load of {format_number(limit)} for grade {school_class.grade}",
            **problems.at(school_class.source, "class"),
            value=school_class.name,
        )
    if hours == 0 and not any(
        school_class.name == name for a in school.activities for name, _ in a.parts()
    ):
        problems.warning(
            f"class {school_class.name} has no curriculum hours",
            **problems.at(school_class.source, "class"),
            value=school_class.name,
        )


def _check_teachers(school: School, problems: Problems) -> None:
    longest = max((len(s.periods) for s in schedules(school).values()), default=0)
    for teacher in school.teachers:
        for code in teacher.subjects:
            if code not in school.subject_by_code:
                problems.error(
                    "expected subjects listed on the Subjects sheet",
                    **problems.at(teacher.source, "subjects"),
                    value=code,
                )
        _check_unavailable(school, teacher, longest, problems)


def _check_unavailable(school: School, record, longest: int, problems: Problems) -> None:
    """A teacher's or a class's unavailable times name school days and existing periods."""
    for block in record.unavailable:
        if block.day not in school.settings.days:
            problems.warning(
                f"{block.day} is not a school day ({','.join(school.settings.days)})",
                **problems.at(record.source, "unavailable"),
                value=str(block),
            )
        if block.periods and max(block.periods) > longest:
            problems.warning(
                f"the longest bell schedule has {longest} periods",
                **problems.at(record.source, "unavailable"),
                value=str(block),
            )


def _check_reference(
    school: School, problems: Problems, source, column: str, code: str | None, kind: str
) -> bool:
    lookup = {
        "class": school.class_by_name,
        "subject": school.subject_by_code,
        "teacher": school.teacher_by_code,
    }[kind]
    if code is None or code in lookup:
        return True
    sheet = {"class": "Classes", "subject": "Subjects", "teacher": "Teachers"}[kind]
    problems.error(
        f"expected a {kind} listed on the {sheet} sheet", **problems.at(source, column), value=code
    )
    return False


def _check_load(school: School, problems: Problems) -> None:
    for row in school.load:
        known = all(
            [
                _check_reference(school, problems, row.source, "class", row.class_name, "class"),
                _check_reference(school, problems, row.source, "subject", row.subject, "subject"),
                _check_reference(school, problems, row.source, "teacher", row.teacher, "teacher"),
                _check_reference(
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


def _check_electives(school: School, problems: Problems) -> None:
    room_types = {room.type for room in school.rooms}
    for group in school.electives:
        at = problems.at
        if not select_classes(group.classes, school.classes):
            problems.error(
                "expected classes that exist (grades, names or patterns like 11*)",
                **at(group.source, "classes"),
                value=",".join(group.classes),
            )
        _check_reference(school, problems, group.source, "subject", group.subject, "subject")
        _check_reference(school, problems, group.source, "teacher", group.teacher, "teacher")
        _check_reference(school, problems, group.source, "co_teacher", group.co_teacher, "teacher")
        if group.room_type and school.rooms and group.room_type not in room_types:
            problems.error(
                "expected a room type that the Rooms sheet has",
                **at(group.source, "room_type"),
                value=group.room_type,
            )
        if group.members:
            _check_members(school, problems, group)


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


def _check_groups(school: School, problems: Problems) -> None:
    for row in school.groups:
        _check_reference(school, problems, row.source, "class", row.class_name, "class")
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


def _check_activities(school: School, problems: Problems) -> None:
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
        _check_reference(school, problems, activity.source, "subject", activity.subject, "subject")
        for teacher in activity.teachers:
            _check_reference(school, problems, activity.source, "teachers", teacher, "teacher")
        for class_name, group in activity.parts():
            if not _check_reference(
                school, problems, activity.source, "students", class_name, "class"
            ):
                continue
            if group is not None and group not in school.groups_of.get(class_name, ()):
                problems.error(
                    f"expected a group of {class_name} listed on the Groups sheet",
                    **at(activity.source, "students"),
                    value=f"{class_name}/{group}",
                )
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


def _check_choices(school: School, problems: Problems) -> None:
    class_of: dict[str, str] = {}
    for choice in school.choices:
        at = problems.at
        known = _check_reference(
            school, problems, choice.source, "class", choice.class_name, "class"
        )
        known &= _check_reference(
            school, problems, choice.source, "subject", choice.subject, "subject"
        )
        first = class_of.setdefault(choice.student, choice.class_name)
        if first != choice.class_name:
            problems.error(
                f"student {choice.student} is already in class {first}: each student is in one "
                "class (give two students with the same name different names)",
                **at(choice.source, "class"),
                value=choice.class_name,
            )
        if known:
            _check_course_hours(school, problems, choice)
    _check_pool_hours(school, problems)
    _check_group_limits(school, problems)


def _check_pool_hours(school: School, problems: Problems) -> None:
    """The students of a grade choose together, so a course has one number of hours there."""
    seen: dict[tuple[int, str, str], dict[float, str]] = defaultdict(dict)
    for choice in school.choices:
        school_class = school.class_by_name.get(choice.class_name)
        if school_class is None:
            continue
        row = course_row(school, school_class, choice.subject, choice.level)
        if row is not None:
            key = (school_class.grade, choice.subject, choice.level or "standard")
            seen[key].setdefault(row.hours, school_class.name)
    for (grade, subject, level), hours in seen.items():
        if len(hours) > 1:
            found = ", ".join(f"{format_number(h)} in {c}" for h, c in hours.items())
            problems.error(
                f"{subject} ({level}) has different hours in grade {grade} ({found}); the "
                "grade's students choose together, so give it one number of hours",
                sheet="Curriculum",
                value=subject,
            )


def _check_group_limits(school: School, problems: Problems) -> None:
    for subject in sorted({c.subject for c in school.choices} & set(school.subject_by_code)):
        least, most = school.group_limits(subject)
        if least > most:
            problems.error(
                f"a group of {subject} needs at least {least} students but may have at most "
                f"{most} (max_group_students, split_threshold - 1, or its largest room)",
                **problems.at(school.subject_by_code[subject].source, "min_group"),
                value=least,
            )


def _check_course_hours(school: School, problems: Problems, choice) -> None:
    school_class = school.class_by_name[choice.class_name]
    row = course_row(school, school_class, choice.subject, choice.level)
    level = choice.level or "standard"
    if row is None:
        problems.error(
            f"no hours for {choice.subject} at {level} level in grade {school_class.grade}: add "
            f"a Curriculum row (grade {school_class.grade}, {choice.subject}"
            + (f", level {choice.level})" if choice.level else ")"),
            **problems.at(choice.source, "subject"),
            value=choice.subject,
        )
    elif lessons_for_hours(school, row.hours) % 1:
        problems.error(
            f"{format_number(row.hours)} hours of {choice.subject} ({level}) are not whole "
            "lessons; a group formed from choices meets every week",
            **problems.at(row.source, "hours"),
            value=format_number(row.hours),
        )


def _check_locks(school: School, problems: Problems) -> None:
    bells = schedules(school)
    for lock in school.locks:
        at = problems.at
        if not _check_reference(school, problems, lock.source, "class", lock.class_name, "class"):
            continue
        if not _check_reference(school, problems, lock.source, "subject", lock.subject, "subject"):
            continue
        school_class = school.class_by_name[lock.class_name]
        in_activities = any(
            a.subject == lock.subject and lock.class_name in (c for c, _ in a.parts())
            for a in school.activities
        )
        if lock.subject not in class_curriculum(school, school_class) and not in_activities:
            problems.error(
                f"class {lock.class_name} has no hours of {lock.subject}",
                **at(lock.source, "subject"),
                value=lock.subject,
            )
        if lock.day not in school.settings.days:
            problems.error(
                f"expected a school day ({','.join(school.settings.days)})",
                **at(lock.source, "day"),
                value=lock.day,
            )
        schedule = bells.get(school.bells_of(school_class))
        if schedule and schedule.period(lock.period) is None:
            problems.error(
                f"expected a period of the class's bell schedule '{schedule.name}' "
                f"(1-{len(schedule.periods)})",
                **at(lock.source, "period"),
                value=lock.period,
            )


def _check_meals(school: School, problems: Problems) -> None:
    bells = schedules(school)
    for meal in school.meals:
        classes = select_classes(meal.classes, school.classes)
        if not classes:
            problems.error(
                "expected classes that exist (grades such as 1-4, or class names)",
                **problems.at(meal.source, "classes"),
                value=",".join(meal.classes),
            )
        for school_class in classes:
            schedule = bells.get(school.bells_of(school_class))
            if schedule and max(meal.window) > len(schedule.periods):
                problems.error(
                    f"the window reaches period {max(meal.window)} but class {school_class.name}'s "
                    f"bell schedule '{schedule.name}' has {len(schedule.periods)} periods",
                    **problems.at(meal.source, "window"),
                    value=format_int_ranges(meal.window),
                )
                break
