"""Checks of the School, Classes, Subjects and Teachers sheets: values, references, unavailable
times."""

from __future__ import annotations

from collections import defaultdict

from keste.models.bells import STANDARD_LESSON_MINUTES, schedules
from keste.models.problems import Problems
from keste.models.school import School, SchoolClass
from keste.models.settings import ALLOCATION_RULES, SOFT_RULES
from keste.models.values import format_time


def check_settings(school: School, problems: Problems) -> None:
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


MAX_CLASSES = 400  # a school of two or three shifts has up to about 150


def check_classes(school: School, problems: Problems) -> None:
    if len(school.classes) > MAX_CLASSES:
        problems.error(
            f"the school has {len(school.classes):,} classes; keste builds timetables for up to "
            f"{MAX_CLASSES} classes (split a larger one into schools of its shifts or buildings)",
            sheet="Classes",
        )
        return
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
        home = school.room_by_name.get(school_class.home_room or "")
        if home and home.capacity is not None and home.capacity < school_class.students:
            problems.error(
                f"expected a home room that seats the class's {school_class.students} students "
                f"(room {home.name} has {home.capacity} seats)",
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
    _check_lookalike_names(school, problems)


def _check_lookalike_names(school: School, problems: Problems) -> None:
    """Two classes whose names differ only in Cyrillic and Latin look-alike letters (5А, 5A)."""
    seen: dict[str, SchoolClass] = {}
    for school_class in school.classes:
        first = seen.setdefault(fold_lookalikes(school_class.name), school_class)
        if first is not school_class and first.name != school_class.name:
            problems.warning(
                f"classes {first.name} ({_letters(first.name)}) and {school_class.name} "
                f"({_letters(school_class.name)}) look the same but are two classes",
                **problems.at(school_class.source, "class"),
                value=school_class.name,
            )


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


def check_subjects(school: School, problems: Problems) -> None:
    room_types = {room.type for room in school.rooms}
    for subject in school.subjects:
        if subject.room_type and school.rooms and subject.room_type not in room_types:
            problems.error(
                f"expected a room type that the Rooms sheet has ({', '.join(sorted(room_types))})",
                **problems.at(subject.source, "room_type"),
                value=subject.room_type,
            )


def check_teachers(school: School, problems: Problems) -> None:
    longest = max((len(s.periods) for s in schedules(school).values()), default=0)
    for teacher in school.teachers:
        for code in teacher.subjects:
            if school.subjects and code not in school.subject_by_code:
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


def check_reference(
    school: School, problems: Problems, source, column: str, code: str | None, kind: str
) -> bool:
    lookup = {
        "class": school.class_by_name,
        "subject": school.subject_by_code,
        "teacher": school.teacher_by_code,
    }[kind]
    if code is None or code in lookup:
        return True
    if not lookup:  # the sheet is missing or empty: one error says so, not one per row
        return False
    sheet = {"class": "Classes", "subject": "Subjects", "teacher": "Teachers"}[kind]
    twin = next((name for name in lookup if fold_lookalikes(name) == fold_lookalikes(code)), None)
    hint = f" (did you mean {twin}? {_letters(twin)})" if twin else ""
    problems.error(
        f"expected a {kind} listed on the {sheet} sheet{hint}",
        **problems.at(source, column),
        value=code,
    )
    return False


# Cyrillic letters that look like Latin ones: 5А (Cyrillic) and 5A (Latin) look the same.
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")


def fold_lookalikes(name: str) -> str:
    return name.translate(_LOOKALIKES).casefold()


def _letters(name: str) -> str:
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in name)
    latin = any("a" <= ch.lower() <= "z" for ch in name)
    if cyrillic and latin:
        return "it mixes Cyrillic and Latin letters"
    return "written in Cyrillic letters" if cyrillic else "written in Latin letters"
