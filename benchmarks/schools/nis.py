"""A Nazarbayev Intellectual School style sample: grades 7-12, two parallels, 40-minute academic
hours, classes of more than 17 split, and students of grades 11 and 12 choosing their profile.

Grades 7-10 study a common curriculum. In grades 11 and 12 every student takes the compulsory
subjects with their class and chooses (the Choices sheet): mathematics at the standard (7 hours) or
higher level (10 hours), two profile subjects at the higher level (6 hours each), and some a second
foreign language (German, groups of at least 12). keste forms the groups and blocks. The Load sheet
is left empty: keste allocates the whole load. The choices are drawn from a seeded generator, so the
sample is the same on every build.
"""

from __future__ import annotations

import math
import random

from keste.models.school import (
    Choice,
    CurriculumRow,
    MealRule,
    Room,
    School,
    SchoolClass,
    Subject,
    Teacher,
)
from keste.models.settings import Settings
from keste.models.values import TimeBlock

# code: (name, difficulty, split, room type, max per day, co-taught, min group)
_SUBJECTS: dict[str, tuple[str, int, bool, str | None, int, bool, int | None]] = {
    "kaz": ("Қазақ тілі мен әдебиеті", 7, False, None, 1, False, None),
    "rus": ("Орыс тілі мен әдебиеті", 11, False, None, 1, False, None),
    "eng": ("Ағылшын тілі", 10, True, None, 1, False, None),
    "algebra": ("Алгебра", 11, False, None, 1, False, None),
    "geometry": ("Геометрия", 11, False, None, 1, False, None),
    "math": ("Математика", 11, False, None, 2, False, None),
    "physics": ("Физика", 9, False, "physics", 2, False, None),
    "chemistry": ("Химия", 9, False, "chemistry", 2, False, None),
    "biology": ("Биология", 9, False, "biology", 2, False, None),
    "info": ("Информатика", 9, True, "computer", 2, False, None),
    "geography": ("География", 6, False, None, 2, False, None),
    "economics": ("Экономика", 8, False, None, 2, False, None),
    "history_kz": ("Қазақстан тарихы", 8, False, None, 1, False, None),
    "history_w": ("Дүниежүзі тарихы", 8, False, None, 1, False, None),
    "art": ("Бейнелеу өнері", 2, False, None, 1, False, None),
    "pe": ("Дене шынықтыру", 5, False, "gym", 1, False, None),
    "gppw": ("Жаһандық перспективалар және жобалық жұмыс", 6, False, None, 1, True, None),
    "german": ("Неміс тілі", 10, False, None, 1, False, 12),
}
_BASIC = {  # grades 7-10, 40-minute academic hours a week
    "kaz": 4,
    "rus": 3,
    "eng": 5,
    "algebra": 4,
    "geometry": 2,
    "physics": 2,
    "chemistry": 2,
    "biology": 2,
    "geography": 2,
    "history_kz": 2,
    "history_w": 1,
    "info": 2,
    "pe": 3,
}
_EXTRA = {7: {"art": 1}, 8: {"art": 1}, 9: {"gppw": 1}, 10: {"gppw": 1}}
_HIGH = {"kaz": 3, "rus": 2, "eng": 4, "history_kz": 2, "pe": 2, "gppw": 2}  # grades 11-12
_PROFILE = ("physics", "chemistry", "biology", "info", "geography", "economics")
_PROFILE_HOURS = 6
_PAIRS = (  # profile pairs students choose, and how often
    (("physics", "info"), 5),
    (("physics", "chemistry"), 3),
    (("chemistry", "biology"), 5),
    (("biology", "geography"), 2),
    (("geography", "economics"), 3),
    (("info", "economics"), 2),
    (("physics", "economics"), 1),
)
_GERMAN = {11: 14, 12: 8}  # students of the grade who choose German (12 is below a group)
_SIZES = {7: (24, 22), 8: (23, 20), 9: (22, 24), 10: (21, 23), 11: (24, 22), 12: (23, 21)}
# family: (subjects, grades, teachers)
_STAFF: tuple[tuple[tuple[str, ...], tuple[int, ...], int], ...] = (
    (("kaz",), tuple(range(7, 13)), 3),
    (("rus",), tuple(range(7, 13)), 3),
    (("eng",), tuple(range(7, 13)), 6),
    (("algebra", "geometry", "math"), tuple(range(7, 13)), 7),
    (("physics",), tuple(range(7, 13)), 3),
    (("chemistry",), tuple(range(7, 13)), 3),
    (("biology",), tuple(range(7, 13)), 3),
    (("info",), tuple(range(7, 13)), 4),
    (("geography", "economics"), tuple(range(7, 13)), 3),
    (("economics",), (11, 12), 1),
    (("history_kz", "history_w"), tuple(range(7, 13)), 3),
    (("pe",), tuple(range(7, 13)), 3),
    (("art", "gppw"), tuple(range(7, 13)), 2),
    (("gppw",), tuple(range(9, 13)), 2),
    (("german",), (11, 12), 1),
)
_NAMES = (
    "Айгерім",
    "Нұрсұлтан",
    "Дана",
    "Ерлан",
    "Аружан",
    "Тимур",
    "Мадина",
    "Алихан",
    "Жансая",
    "Данияр",
    "Әйгерім",
    "Санжар",
    "Томирис",
    "Ерасыл",
    "Інжу",
    "Арман",
)
_LETTERS = "АӘБВГДЕЖ"


def make_nis_school(seed: int = 7, high_parallels: int = 2) -> School:
    """The sample (two parallels in every grade); high_parallels sets the classes of grades 11
    and 12, whose students choose (benchmarks/choices.py grows it), with staff and rooms to
    match."""
    rng = random.Random(seed)
    school = School(settings=_settings())
    school.subjects = [_subject(code) for code in _SUBJECTS]
    school.classes = _classes(high_parallels, random.Random(seed + 1))
    scale = len(school.classes) / 12
    school.curriculum = _curriculum()
    school.teachers = _teachers(rng, scale)
    school.rooms = _rooms(school, scale)
    sittings = math.ceil(len(school.classes) / 3) + 1
    school.meals = [MealRule("lunch", ("7-12",), (4, 5, 6), sittings)]
    school.choices = [c for grade in (11, 12) for c in _choices(school, grade, rng, scale)]
    return school


def _classes(high_parallels: int, rng: random.Random) -> list[SchoolClass]:
    classes = []
    for grade, sizes in _SIZES.items():
        count = high_parallels if grade >= 11 else len(sizes)
        for index in range(count):
            size = sizes[index] if index < len(sizes) else rng.randint(20, 24)
            name = f"{grade}{_LETTERS[index]}"
            classes.append(SchoolClass(name, grade, size, "kk", home_room=f"{grade}0{index + 1}"))
    return classes


def _settings() -> Settings:
    settings = Settings(
        name="Sample NIS-style school (grades 7-12, choices in 11-12)",
        lesson_minutes=40,
        academic_hour_minutes=40,
        break_minutes=10,
        big_breaks={2: 20, 4: 20},
        periods_per_day=9,
        split_threshold=18,  # NIS: a class of more than 17 students is split
        language="kk",
    )
    settings.max_lessons_per_day = {grade: 8 for grade in range(7, 13)}
    settings.max_weekly_hours = {7: 36, 8: 36, 9: 38, 10: 38, 11: 40, 12: 40}
    return settings


def _subject(code: str) -> Subject:
    name, difficulty, split, room_type, per_day, co_taught, least = _SUBJECTS[code]
    double = "allowed" if code in ("physics", "chemistry") else "no"
    return Subject(code, name, difficulty, split, room_type, double, per_day, co_taught, least)


def _curriculum() -> list[CurriculumRow]:
    rows = []
    for grade in range(7, 11):
        hours = {**_BASIC, **_EXTRA[grade]}
        rows += [CurriculumRow(code, h, grade=grade) for code, h in hours.items()]
    for grade in (11, 12):
        rows += [CurriculumRow(code, h, grade=grade) for code, h in _HIGH.items()]
        rows.append(CurriculumRow("math", 7, grade=grade))
        rows.append(CurriculumRow("math", 10, grade=grade, level="higher"))
        rows += [
            CurriculumRow(code, _PROFILE_HOURS, grade=grade, level="higher") for code in _PROFILE
        ]
        rows.append(CurriculumRow("german", 2, grade=grade))
    return rows


def _teachers(rng: random.Random, scale: float) -> list[Teacher]:
    teachers = []
    for subjects, grades, count in _STAFF:
        for _ in range(math.ceil(count * scale - 1e-9)):
            number = len(teachers) + 1
            surname = _NAMES[number % len(_NAMES)]
            teachers.append(
                Teacher(
                    f"N{number:02d}",
                    subjects,
                    name=f"{surname} {'АБДЕЖКМНРСТ'[number % 11]}.",
                    grades=grades,
                    max_hours=24,
                )
            )
    for teacher in rng.sample(teachers, 4):  # a free morning for a few
        teacher.unavailable = (TimeBlock(rng.choice(("Mon", "Wed", "Fri")), periods=(1, 2)),)
    return teachers


def _rooms(school: School, scale: float) -> list[Room]:
    rooms = [Room(c.home_room, "classroom", 30) for c in school.classes if c.home_room]
    groups = math.ceil(8 * scale - 1e-9)
    rooms += [Room(f"3{n:02d}", "classroom", 20) for n in range(1, groups + 1)]  # for groups
    for room_type, count in (("physics", 2), ("chemistry", 2), ("biology", 2), ("computer", 3)):
        count = math.ceil(count * scale - 1e-9)
        rooms += [Room(f"{room_type}-{n}", room_type, 24) for n in range(1, count + 1)]
    rooms.append(Room("gym", "gym", 60))
    return rooms


def _choices(school: School, grade: int, rng: random.Random, scale: float) -> list[Choice]:
    pairs = [pair for pair, _ in _PAIRS]
    weights = [weight for _, weight in _PAIRS]
    students = []
    for school_class in (c for c in school.classes if c.grade == grade):
        for number in range(1, school_class.students + 1):
            students.append((f"{school_class.name}-{number:02d}", school_class.name))
    parallels = sum(1 for c in school.classes if c.grade == grade)
    german = set(rng.sample([s for s, _ in students], _GERMAN[grade] * parallels // 2))
    choices = []
    for student, class_name in students:
        level = "higher" if rng.random() < 0.45 else "standard"
        choices.append(Choice(student, class_name, "math", level))
        for subject in rng.choices(pairs, weights)[0]:
            choices.append(Choice(student, class_name, subject, "higher"))
        if student in german:
            choices.append(Choice(student, class_name, "german"))
    return choices
