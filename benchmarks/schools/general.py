"""Realistic Kazakh schools from a few parameters: the bundled samples, the template's example and
the benchmark instances all come from here.

Curriculum hours follow the structure of the typical curriculum (Order №500 with the 2022-23
changes; see DOMAIN.md): grade totals 19.5/20.5, 24, 26, 26/27 and 28.5/29.5 for Kazakh-/Russian-
medium grades 1-6. Grades 7-11 differ from school to school; the tables below are one plausible
working curriculum. The tariff list (Load) is built greedily so every teacher has about 1-1.5 rates
and the two groups of a split class always get two different teachers.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass, field

from keste.models.bells import schedules
from keste.models.curriculum import class_curriculum, is_split
from keste.models.school import (
    BellSchedule,
    CurriculumRow,
    LoadRow,
    MealRule,
    Period,
    Room,
    School,
    SchoolClass,
    Subject,
    Teacher,
)
from keste.models.settings import Settings
from keste.models.values import TimeBlock, format_int_ranges

# code: (Kazakh name, difficulty, split, room type, double)
SUBJECTS: dict[str, tuple[str, int, bool, str | None, str]] = {
    "literacy": ("Сауат ашу", 7, False, None, "no"),
    "kaz": ("Қазақ тілі", 7, False, None, "no"),
    "kaz_lit": ("Қазақ әдебиеті", 7, False, None, "no"),
    "rus": ("Русский язык", 7, False, None, "no"),
    "rus_lit": ("Русская литература", 7, False, None, "no"),
    "kaz_l2": ("Қазақ тілі мен әдебиеті (орыс сыныптары)", 11, True, None, "no"),
    "rus_l2": ("Орыс тілі мен әдебиеті (қазақ сыныптары)", 11, False, None, "no"),
    "eng": ("Ағылшын тілі", 10, True, None, "no"),
    "math": ("Математика", 11, False, None, "no"),
    "algebra": ("Алгебра", 11, False, None, "no"),
    "geometry": ("Геометрия", 11, False, None, "no"),
    "digital": ("Цифрлық сауаттылық", 9, True, "computer", "no"),
    "info": ("Информатика", 9, True, "computer", "no"),
    "science": ("Жаратылыстану", 6, False, None, "no"),
    "world": ("Дүниетану", 6, False, None, "no"),
    "history_kz": ("Қазақстан тарихы", 8, False, None, "no"),
    "history_w": ("Дүниежүзі тарихы", 8, False, None, "no"),
    "law": ("Құқық негіздері", 8, False, None, "no"),
    "geography": ("География", 6, False, None, "no"),
    "biology": ("Биология", 9, False, "biology", "no"),
    "physics": ("Физика", 9, False, "physics", "allowed"),
    "chemistry": ("Химия", 9, False, "chemistry", "allowed"),
    "music": ("Музыка", 1, False, "music", "no"),
    "art": ("Бейнелеу өнері", 2, False, None, "no"),
    "labour": ("Еңбекке баулу", 4, False, None, "no"),
    "technology": ("Технология", 4, True, "workshop", "allowed"),
    "pe": ("Дене шынықтыру", 5, False, "gym", "no"),
    "self": ("Өзін-өзі тану", 6, False, None, "no"),
    "global": ("Жаһандық құзыреттілік", 6, False, None, "no"),
    "military": ("Алғашқы әскери дайындық", 6, False, None, "allowed"),
}

_PRIMARY_COMMON = {
    "math": 5,
    "digital": 1,
    "science": 1,
    "world": 1,
    "music": 1,
    "labour": 1,
    "art": 1,
    "pe": 3,
}
# grade -> (Kazakh-medium hours, Russian-medium hours)
CURRICULUM: dict[int, tuple[dict[str, float], dict[str, float]]] = {
    1: (
        {
            "literacy": 7,
            "math": 4,
            "digital": 0.5,
            "science": 1,
            "world": 1,
            "music": 1,
            "labour": 1,
            "art": 1,
            "pe": 3,
        },
        {
            "literacy": 7,
            "kaz_l2": 1,
            "math": 4,
            "digital": 0.5,
            "science": 1,
            "world": 1,
            "music": 1,
            "labour": 1,
            "art": 1,
            "pe": 3,
        },
    ),
    2: (
        {"kaz": 5, "kaz_lit": 3, "rus_l2": 2, **_PRIMARY_COMMON},
        {"rus": 5, "rus_lit": 3, "kaz_l2": 3, **_PRIMARY_COMMON, "math": 4},
    ),
    3: (
        {"kaz": 5, "kaz_lit": 3, "rus_l2": 2, "eng": 2, **_PRIMARY_COMMON},
        {"rus": 5, "rus_lit": 3, "kaz_l2": 2, "eng": 2, **_PRIMARY_COMMON},
    ),
    4: (
        {"kaz": 5, "kaz_lit": 3, "rus_l2": 2, "eng": 2, **_PRIMARY_COMMON},
        {"rus": 5, "rus_lit": 3, "kaz_l2": 3, "eng": 2, **_PRIMARY_COMMON},
    ),
}
_BASIC = {
    "eng": 3,
    "info": 1,
    "history_kz": 1,
    "history_w": 1,
    "music": 1,
    "art": 1,
    "technology": 2,
    "pe": 3,
    "global": 0.5,
}
CURRICULUM[5] = (
    {"kaz": 3, "kaz_lit": 2, "rus_l2": 2, "math": 5, "science": 2, "self": 1, **_BASIC},
    {"rus": 3, "rus_lit": 2, "kaz_l2": 3, "math": 5, "science": 2, "self": 1, **_BASIC},
)
CURRICULUM[6] = (
    {"kaz": 3, "kaz_lit": 2, "rus_l2": 2, "math": 5, "science": 2, "geography": 1, **_BASIC},
    {"rus": 3, "rus_lit": 2, "kaz_l2": 3, "math": 5, "science": 2, "geography": 1, **_BASIC},
)
_MIDDLE = {
    "eng": 3,
    "algebra": 3,
    "geometry": 2,
    "info": 1,
    "physics": 2,
    "chemistry": 2,
    "biology": 2,
    "geography": 2,
    "history_kz": 2,
    "history_w": 1,
    "technology": 1,
    "pe": 3,
    "global": 0.5,
}
for _grade in (7, 8):
    CURRICULUM[_grade] = (
        {"kaz": 2, "kaz_lit": 2, "rus_l2": 2, **_MIDDLE},
        {"rus": 2, "rus_lit": 2, "kaz_l2": 2, **_MIDDLE},
    )
CURRICULUM[9] = (
    {"kaz": 2, "kaz_lit": 2, "rus_l2": 2, "law": 1, **_MIDDLE},
    {"rus": 2, "rus_lit": 2, "kaz_l2": 2, "law": 1, **_MIDDLE},
)
_UPPER = {
    "eng": 3,
    "algebra": 3,
    "geometry": 2,
    "info": 2,
    "physics": 2,
    "chemistry": 2,
    "biology": 2,
    "geography": 2,
    "history_kz": 2,
    "history_w": 2,
    "law": 1,
    "military": 2,
    "pe": 3,
}
for _grade in (10, 11):
    CURRICULUM[_grade] = (
        {"kaz": 1, "kaz_lit": 3, "rus_l2": 2, **_UPPER},
        {"rus": 1, "rus_lit": 3, "kaz_l2": 2, **_UPPER},
    )

# Teacher families: which subjects one teacher takes together, for which grades.
PRIMARY_CORE = (
    "literacy",
    "kaz",
    "kaz_lit",
    "rus",
    "rus_lit",
    "math",
    "science",
    "world",
    "art",
    "labour",
)
FAMILIES: tuple[tuple[str, tuple[str, ...], tuple[int, ...]], ...] = (
    ("primary", PRIMARY_CORE, (1, 2, 3, 4)),
    ("kaz", ("kaz", "kaz_lit", "self", "global"), tuple(range(5, 12))),
    ("rus", ("rus", "rus_lit", "self", "global"), tuple(range(5, 12))),
    ("kaz_l2", ("kaz_l2",), tuple(range(1, 12))),
    ("rus_l2", ("rus_l2",), tuple(range(1, 12))),
    ("eng", ("eng",), tuple(range(1, 12))),
    ("math", ("math", "algebra", "geometry"), tuple(range(5, 12))),
    ("info", ("digital", "info"), tuple(range(1, 12))),
    ("history", ("history_kz", "history_w", "law"), tuple(range(5, 12))),
    ("geography", ("geography", "science"), tuple(range(5, 12))),
    ("biology", ("biology",), tuple(range(5, 12))),
    ("physics", ("physics",), tuple(range(5, 12))),
    ("chemistry", ("chemistry",), tuple(range(5, 12))),
    ("music", ("music",), tuple(range(1, 12))),
    ("art", ("art", "technology"), tuple(range(5, 12))),
    ("pe", ("pe",), tuple(range(1, 12))),
    ("military", ("military",), tuple(range(10, 12))),
)
_SURNAMES = (
    "Абенова",
    "Омаров",
    "Серикова",
    "Жаксылыков",
    "Иванова",
    "Нурланова",
    "Ахметов",
    "Бекова",
    "Касымов",
    "Петрова",
    "Сатпаева",
    "Ермеков",
    "Тулегенова",
    "Ким",
    "Мусина",
    "Оспанов",
    "Кузнецова",
    "Смагулова",
    "Досанов",
    "Ли",
    "Байжанова",
    "Есенов",
    "Садыкова",
    "Жумабаев",
    "Морозова",
    "Искакова",
    "Рахимов",
    "Алиева",
)
_LETTERS_KK = "АӘБВГДЕЖЗИК" + "ЛМНОӨПРСТУҰҮФХЦЧШЫІЭЮЯ"  # the first 11 as schools use them
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri")


@dataclass
class SchoolSpec:
    """What kind of school to make."""

    name: str = "Sample school"
    parallels: dict[int, int] = field(default_factory=lambda: {g: 1 for g in range(1, 12)})
    ru_share: float = 0.0  # share of Russian-medium classes in each grade
    split_share: float = 0.5  # share of classes large enough to split
    second_shift_grades: tuple[int, ...] = ()  # these grades study in the afternoon shift
    first_shift_periods: int = 7
    second_shift_periods: int = 6
    lesson_minutes: int = 45
    unavailable_share: float = 0.0  # share of teachers with a day or half day off
    rooms: bool = False  # home rooms and specialised rooms
    meals: bool = False  # staggered lunch for grades 1-4
    max_teacher_hours: float = 24
    seed: int = 1


def make_school(spec: SchoolSpec) -> School:
    rng = random.Random(spec.seed)
    school = School(settings=_settings(spec))
    school.bells = _bells(spec)
    school.subjects = [_subject(code) for code in SUBJECTS if _subject_used(code, spec)]
    school.classes = _classes(spec, rng)
    school.curriculum = _curriculum(spec)
    school.teachers, school.load = _teachers_and_load(school, spec, rng)
    if spec.rooms:
        school.rooms = _rooms(school, spec)
    if spec.meals:
        school.meals = _meals(school)
    return school


def _settings(spec: SchoolSpec) -> Settings:
    settings = Settings(
        name=spec.name,
        lesson_minutes=spec.lesson_minutes,
        break_minutes=5 if spec.second_shift_grades else 10,
        big_breaks={2: 15, 4: 15} if spec.second_shift_grades else {2: 20},
        periods_per_day=spec.first_shift_periods,
        language="kk",
    )
    # SanPiN allows one longer day a week (grade 1: 5 lessons, grades 2-4: 6): with 20.5 and
    # 26-27 hours a week the usual 4 and 5 would not fit into five days.
    settings.max_lessons_per_day = {1: 5, 2: 5, 3: 6, 4: 6, 5: 6, 6: 6} | {
        g: 7 for g in range(7, 12)
    }
    return settings


def _bells(spec: SchoolSpec) -> list[BellSchedule]:
    if not spec.second_shift_grades:
        return []
    first = _schedule("shift1", 8 * 60, spec.first_shift_periods, spec.lesson_minutes)
    second_start = first.periods[-1].end + 40  # at least 40 minutes between shifts
    second = _schedule("shift2", second_start, spec.second_shift_periods, spec.lesson_minutes)
    return [first, second]


def _schedule(name: str, start: int, count: int, minutes: int) -> BellSchedule:
    periods = []
    for number in range(1, count + 1):
        periods.append(Period(number, start, start + minutes))
        start += minutes + (15 if number in (2, 4) else 5)
    return BellSchedule(name, tuple(periods))


def _subject_used(code: str, spec: SchoolSpec) -> bool:
    languages = 2 if spec.ru_share > 0 else 1
    return any(code in hours for g in spec.parallels for hours in CURRICULUM[g][:languages])


def _subject(code: str) -> Subject:
    name, difficulty, split, room_type, double = SUBJECTS[code]
    most_hours = max(hours.get(code, 0) for tables in CURRICULUM.values() for hours in tables)
    per_day = 2 if most_hours > len(_DAYS) else 1
    return Subject(code, name, difficulty, split, room_type, double, per_day)


def _classes(spec: SchoolSpec, rng: random.Random) -> list[SchoolClass]:
    classes = []
    threshold = Settings().split_threshold
    for grade, count in sorted(spec.parallels.items()):
        russian = round(count * spec.ru_share)
        for index in range(count):
            language = "ru" if index >= count - russian else "kk"
            large = rng.random() < spec.split_share
            students = rng.randint(threshold, 30) if large else rng.randint(14, threshold - 1)
            bells = None
            if spec.second_shift_grades:
                bells = "shift2" if grade in spec.second_shift_grades else "shift1"
            classes.append(
                SchoolClass(f"{grade}{_LETTERS_KK[index]}", grade, students, language, bells)
            )
    return classes


def _curriculum(spec: SchoolSpec) -> list[CurriculumRow]:
    rows = []
    for grade in sorted(spec.parallels):
        kazakh, russian = CURRICULUM[grade]
        languages = ["kk", "ru"] if spec.ru_share > 0 else ["kk"]
        shared = {s: h for s, h in kazakh.items() if russian.get(s) == h}
        for subject, hours in shared.items():
            rows.append(CurriculumRow(subject, hours, grade=grade, split=_no_split(grade, subject)))
        for language in languages:
            table = kazakh if language == "kk" else russian
            for subject, hours in table.items():
                if subject not in shared:
                    rows.append(
                        CurriculumRow(
                            subject,
                            hours,
                            grade=grade,
                            language=language,
                            split=_no_split(grade, subject),
                        )
                    )
    return rows


def _no_split(grade: int, subject: str) -> bool | None:
    """Digital literacy is not split in grade 1 (DOMAIN.md)."""
    return False if (grade == 1 and subject == "digital") else None


@dataclass
class _Item:
    school_class: SchoolClass
    subject: str
    group: int | None
    hours: float


def _teachers_and_load(
    school: School, spec: SchoolSpec, rng: random.Random
) -> tuple[list[Teacher], list[LoadRow]]:
    items_by_family: dict[str, list[_Item]] = defaultdict(list)
    family_of = {}
    for family, subjects, grades in FAMILIES:
        for subject in subjects:
            for grade in grades:
                family_of.setdefault((subject, grade), family)
    for school_class in school.classes:
        for subject, row in class_curriculum(school, school_class).items():
            family = family_of[(subject, school_class.grade)]
            groups = (1, 2) if is_split(school, school_class, row) else (None,)
            for group in groups:
                items_by_family[family].append(_Item(school_class, subject, group, row.hours))
    teachers: list[Teacher] = []
    load: list[LoadRow] = []
    taught_here = {subject.code for subject in school.subjects}
    for family, subjects, grades in FAMILIES:
        items = items_by_family.get(family, [])
        if items:
            mine = tuple(s for s in subjects if s in taught_here)
            _assign_family(family, mine, grades, items, spec, teachers, load)
    _add_unavailability(teachers, load, school, spec, rng)
    return teachers, load


def _assign_family(
    family: str,
    subjects: tuple[str, ...],
    grades: tuple[int, ...],
    items: list[_Item],
    spec: SchoolSpec,
    teachers: list[Teacher],
    load: list[LoadRow],
) -> None:
    """Fill teachers of one family in class order; a class's items of the family stay together."""
    by_unit: dict[tuple[str, int | None], list[_Item]] = defaultdict(list)
    for item in items:
        by_unit[(item.school_class.name, item.group)].append(item)
    cap = 22 if family == "primary" else spec.max_teacher_hours
    mine: list[tuple[Teacher, float, set[str]]] = []  # teacher, hours, classes taught
    for (class_name, group), unit in by_unit.items():
        hours = sum(item.hours for item in unit)
        chosen = None
        for index, (_, taught, classes) in enumerate(mine):
            other_group = group is not None and class_name in classes
            if taught + hours <= cap and not other_group:
                chosen = index
        if chosen is None or family == "primary":
            teacher = _new_teacher(len(teachers) + 1, subjects, family)
            teachers.append(teacher)
            mine.append((teacher, 0.0, set()))
            chosen = len(mine) - 1
        teacher, taught, classes = mine[chosen]
        mine[chosen] = (teacher, taught + hours, classes | {class_name})
        for item in unit:
            load.append(LoadRow(class_name, item.subject, teacher.code, item.group))
    for teacher, taught, _ in mine:
        teacher.grades = grades
        teacher.max_hours = max(spec.max_teacher_hours, math.ceil(taught))


def _new_teacher(number: int, subjects: tuple[str, ...], family: str) -> Teacher:
    surname = _SURNAMES[number % len(_SURNAMES)]
    initials = "АБДЕЖКМНРСТ"[number % 11] + "." + "АБГДЕКМНС"[number % 9] + "."
    return Teacher(f"T{number:03d}", subjects, name=f"{surname} {initials}")


def _add_unavailability(
    teachers: list[Teacher],
    load: list[LoadRow],
    school: School,
    spec: SchoolSpec,
    rng: random.Random,
) -> None:
    """Some teachers have a free morning or a free day (those with a light load)."""
    if spec.unavailable_share <= 0:
        return
    hours: dict[str, float] = defaultdict(float)
    for row in load:
        plan = class_curriculum(school, school.class_by_name[row.class_name])
        hours[row.teacher] += plan[row.subject].hours
    for teacher in teachers:
        if rng.random() >= spec.unavailable_share:
            continue
        day = rng.choice(_DAYS)
        if hours[teacher.code] <= 14:
            teacher.unavailable = (TimeBlock(day),)
        else:
            teacher.unavailable = (TimeBlock(day, periods=(1, 2)),)


def _rooms(school: School, spec: SchoolSpec) -> list[Room]:
    rooms: list[Room] = []
    shifts: dict[str, list[SchoolClass]] = defaultdict(list)
    for school_class in school.classes:
        shifts[school.bells_of(school_class)].append(school_class)
    home_count = max(len(classes) for classes in shifts.values())
    for number in range(1, home_count + 1):
        rooms.append(Room(str(100 + number), "classroom", 32))
    for classes in shifts.values():
        for number, school_class in enumerate(classes, start=1):
            school_class.home_room = str(100 + number)
    demand = _room_type_demand(school)
    periods = spec.first_shift_periods * len(_DAYS)
    for room_type, lessons in sorted(demand.items()):
        count = max(1, math.ceil(lessons / periods * 1.5))
        for number in range(1, count + 1):
            rooms.append(Room(f"{room_type}-{number}", room_type, 30))
    return rooms


def _room_type_demand(school: School) -> dict[str, float]:
    """Lessons a week needing each room type, in the busiest shift."""
    demand: dict[tuple[str, str], float] = defaultdict(float)
    for school_class in school.classes:
        for subject, row in class_curriculum(school, school_class).items():
            room_type = school.subject_by_code[subject].room_type
            if room_type:
                groups = 2 if is_split(school, school_class, row) else 1
                demand[(school.bells_of(school_class), room_type)] += row.hours * groups
    result: dict[str, float] = defaultdict(float)
    for (_, room_type), lessons in demand.items():
        result[room_type] = max(result[room_type], lessons)
    return dict(result)


def _meals(school: School) -> list[MealRule]:
    """Lunch for primary grades in each shift, where a meal period still leaves room for the
    grade's lessons; the canteen seats enough classes for the window."""
    grades_by_shift: dict[str, list[int]] = defaultdict(list)
    for grade in sorted({c.grade for c in school.classes if school.is_primary(c.grade)}):
        if _meal_fits(school, grade):
            first = next(c for c in school.classes if c.grade == grade)
            grades_by_shift[school.bells_of(first)].append(grade)
    meals = []
    window = (3, 4, 5)
    for index, (bells, grades) in enumerate(sorted(grades_by_shift.items())):
        classes = sum(1 for c in school.classes if c.grade in grades)
        capacity = math.ceil(classes / len(window)) + 2
        name = "lunch" if index == 0 else f"lunch ({bells})"
        meals.append(MealRule(name, (format_int_ranges(grades),), window, capacity))
    return meals


def _meal_fits(school: School, grade: int) -> bool:
    periods = {c.name: len(schedules(school)[school.bells_of(c)].periods) for c in school.classes}
    for school_class in (c for c in school.classes if c.grade == grade):
        lessons = math.ceil(sum(r.hours for r in class_curriculum(school, school_class).values()))
        per_day = min(school.max_lessons_per_day(school_class), periods[school_class.name] - 1)
        if lessons > per_day * len(school.settings.days):
            return False
    return True


SAMPLES: dict[str, SchoolSpec] = {
    "small": SchoolSpec(
        name="Sample school (small)",
        parallels={g: 1 for g in range(1, 12)},
        split_share=0.6,
        seed=11,
    ),
    "medium": SchoolSpec(
        name="Sample school (medium)",
        parallels={g: 3 for g in range(1, 12)},
        ru_share=1 / 3,
        split_share=0.6,
        seed=12,
    ),
    "large": SchoolSpec(
        name="Sample school (large, two shifts)",
        parallels={1: 9, 2: 9, 3: 9, 4: 9, 5: 9, 6: 9, 7: 8, 8: 8, 9: 8, 10: 5, 11: 5},
        ru_share=1 / 3,
        split_share=0.6,
        second_shift_grades=(2, 3, 4),
        unavailable_share=0.15,
        rooms=True,
        meals=True,
        seed=13,
    ),
}
