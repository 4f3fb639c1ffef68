"""The school workbook's sheets and columns: names in en/kk/ru, parsers, and the records they build.

One table drives everything that touches the format: the xlsx and JSON readers and writers, the
template, and the instruction sheet. See FORMAT.md for the contract.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from keste.models.problems import Problems, Source
from keste.models.school import (
    ALLOCATION_RULES,
    SOFT_RULES,
    Activity,
    BellSchedule,
    Choice,
    ClassGroup,
    CurriculumRow,
    ElectiveGroup,
    LoadRow,
    Lock,
    MealRule,
    Period,
    Room,
    School,
    SchoolClass,
    Settings,
    Subject,
    Teacher,
    Wish,
)
from keste.models.values import (
    DAY_LABELS,
    DAYS,
    TimeBlock,
    clean_text,
    format_int_ranges,
    format_number,
    format_time,
    format_time_blocks,
    parse_day,
    parse_days,
    parse_hours,
    parse_int,
    parse_int_ranges,
    parse_language,
    parse_name_list,
    parse_time,
    parse_time_blocks,
    parse_yes_no,
    split_list,
)

Parser = Callable[[object], Any]


@dataclass(frozen=True)
class Column:
    key: str
    kk: str
    ru: str
    parse: Parser = clean_text
    required: bool = False
    aliases: tuple[str, ...] = ()
    hint: str = ""

    def label(self, lang: str) -> str:
        return {"en": self.key, "kk": self.kk, "ru": self.ru}[lang]

    def names(self) -> set[str]:
        return {normalise_header(n) for n in (self.key, self.kk, self.ru, *self.aliases)}


def normalise_header(text: object) -> str:
    """Headers compare case-insensitively, ignoring spaces, underscores and trailing marks."""
    cleaned = clean_text(text).lower().replace("ё", "е")
    cleaned = re.sub(r"[\s_\-]+", " ", cleaned)
    return cleaned.strip(" *:.")


def _enum(choices: dict[str, tuple[str, ...]], expected: str) -> Parser:
    lookup = {alias: canonical for canonical, aliases in choices.items() for alias in aliases}

    def parse(value: object) -> str:
        text = clean_text(value).lower()
        if text in lookup:
            return lookup[text]
        raise ValueError(f"expected {expected}")

    return parse


def _positive_int(value: object) -> int:
    return parse_int(value, low=1)


def _non_negative_int(value: object) -> int:
    return parse_int(value, low=0)


def _difficulty(value: object) -> int:
    return parse_int(value, low=1, high=11)


def _grade(value: object) -> int:
    return parse_int(value, low=0, high=12)


def _grades(value: object) -> tuple[int, ...]:
    grades = parse_int_ranges(value, "grades")
    if grades[-1] > 12:
        raise ValueError("expected grades between 0 and 12, such as 5-11")
    return grades


def _group(value: object) -> int:
    return parse_int(value, low=1, high=2)


def _split_choice(value: object) -> bool:
    return parse_yes_no(value)


_parse_double = _enum(
    {
        "no": ("no", "n", "жоқ", "нет", "0", "false"),
        "allowed": (
            "allowed",
            "allow",
            "yes",
            "рұқсат",
            "рұқсат етілген",
            "иә",
            "можно",
            "да",
            "разрешено",
        ),
        "required": ("required", "require", "міндетті", "обязательно", "всегда"),
    },
    "no, allowed or required",
)
_parse_level = _enum(
    {
        "standard": ("standard", "std", "s", "стандартты", "стандарт", "стандартный"),
        "higher": (
            "higher",
            "high",
            "h",
            "advanced",
            "тереңдетілген",
            "углубленный",
            "углублённый",
        ),
    },
    "standard or higher",
)

_FREE_DAY = ("free day", "day off", "бос күн", "демалыс күні", "свободный день", "выходной")
_AVOID = ("avoid", "болмасын", "қаламайды", "нежелательно", "не ставить")


def parse_wishes(value: object) -> tuple[Wish, ...]:
    wishes = []
    for item in (part.strip() for part in clean_text(value).split(";")):
        if not item:
            continue
        lowered = item.lower()
        free = next((a for a in _FREE_DAY if lowered.startswith(a)), None)
        avoid = next((a for a in _AVOID if lowered.startswith(a)), None)
        if free:
            rest = item[len(free) :].strip()
            wishes.append(Wish("free_day", TimeBlock(parse_day(rest)) if rest else None))
        elif avoid:
            blocks = parse_time_blocks(item[len(avoid) :])
            if len(blocks) != 1:
                raise ValueError(
                    "expected 'avoid' and one day with optional periods, e.g. avoid Mon 1"
                )
            wishes.append(Wish("avoid", blocks[0]))
        else:
            raise ValueError(
                "expected wishes such as 'free day', 'free day Fri' or 'avoid Mon 1-2'"
            )
    return tuple(wishes)


def format_wishes(wishes: tuple[Wish, ...]) -> str:
    return "; ".join(str(w) for w in wishes)


def parse_selector(value: object) -> tuple[str, ...]:
    items = parse_name_list(value)
    if not items:
        raise ValueError("expected classes: grades such as 1-4, names such as 5A,5B or 11*")
    return items


def parse_window(value: object) -> tuple[int, ...]:
    return parse_int_ranges(value, "periods")


# ---------------------------------------------------------------- School sheet (key/value settings)


def _big_breaks(value: object) -> dict[int, int]:
    breaks = {}
    for item in split_list(clean_text(value)):
        match = re.fullmatch(r"(\d+)\s*:\s*(\d+)", item)
        if not match:
            raise ValueError("expected breaks such as 2:15,4:15 (after lesson 2 a 15-minute break)")
        breaks[int(match.group(1))] = int(match.group(2))
    return breaks


def _grade_map(number: Parser) -> Parser:
    def parse(value: object) -> dict[int, Any]:
        result: dict[int, Any] = {}
        for item in split_list(clean_text(value)):
            grades_text, sep, amount = item.partition(":")
            if not sep:
                raise ValueError("expected grade limits such as 1:4,2-4:5,5-6:6,7-11:7")
            for grade in parse_int_ranges(grades_text, "grades"):
                result[grade] = number(amount)
        return result

    return parse


def format_grade_map(mapping: dict[int, Any]) -> str:
    groups: list[tuple[list[int], Any]] = []
    for grade in sorted(mapping):
        value = mapping[grade]
        if groups and groups[-1][1] == value and groups[-1][0][-1] == grade - 1:
            groups[-1][0].append(grade)
        else:
            groups.append(([grade], value))
    return ",".join(f"{format_int_ranges(g)}:{format_number(v)}" for g, v in groups)


def _lesson_minutes(value: object) -> int:
    return parse_int(value, low=20, high=120)


def _positive_hours(value: object) -> float:
    hours = parse_hours(value)
    if hours <= 0:
        raise ValueError("expected a positive number of hours, such as 16")
    return hours


SETTING_KEYS: tuple[Column, ...] = (
    Column("name", "атауы", "название", hint="School name"),
    Column("days", "күндер", "дни", parse_days, hint="Teaching days, e.g. Mon,Tue,Wed,Thu,Fri"),
    Column(
        "lesson_minutes",
        "сабақ ұзақтығы",
        "длительность урока",
        _lesson_minutes,
        hint="Lesson length: 40, 45 or 60 (other lengths need a Bells sheet)",
    ),
    Column(
        "academic_hour_minutes",
        "академиялық сағат",
        "академический час",
        _lesson_minutes,
        hint="Length of one curriculum hour; default = lesson_minutes",
    ),
    Column("first_lesson", "бірінші сабақ", "первый урок", parse_time, hint="Start, e.g. 08:00"),
    Column(
        "break_minutes", "үзіліс", "перемена", _non_negative_int, hint="Ordinary break, minutes"
    ),
    Column(
        "big_breaks",
        "үлкен үзілістер",
        "большие перемены",
        _big_breaks,
        hint="e.g. 2:15,4:15 = a 15-minute break after lessons 2 and 4",
    ),
    Column(
        "periods_per_day",
        "күндік сабақ саны",
        "уроков в день",
        _positive_int,
        hint="Periods in the generated bell schedule",
    ),
    Column(
        "split_threshold",
        "бөлу шегі",
        "порог деления",
        _positive_int,
        hint="A class with at least this many students is split for split subjects",
    ),
    Column(
        "rate_hours",
        "ставка сағаты",
        "часов в ставке",
        _positive_hours,
        hint="Hours in one teaching rate (16)",
    ),
    Column("language", "тіл", "язык", parse_language, hint="Output language: kk, ru or en"),
    Column(
        "primary_grades",
        "бастауыш сыныптар",
        "начальные классы",
        _grades,
        hint="Primary grades (no double lessons), e.g. 1-4",
    ),
    Column(
        "max_lessons_per_day",
        "күніне ең көп сабақ",
        "макс уроков в день",
        _grade_map(_positive_int),
        hint="Per grade, e.g. 1:4,2-4:5,5-6:6,7-11:7",
    ),
    Column(
        "max_weekly_hours",
        "апталық ең көп жүктеме",
        "макс недельная нагрузка",
        _grade_map(_positive_hours),
        hint="Maximum weekly load per grade, e.g. 1:20.5,2:24",
    ),
    Column(
        "hard_difficulty",
        "қиын пән шегі",
        "порог трудных",
        _difficulty,
        hint="Difficulty at or above which a subject should sit on lessons 2-4",
    ),
    Column(
        "hardest_difficulty",
        "ең қиын пән шегі",
        "порог самых трудных",
        _difficulty,
        hint="Difficulty at or above which two subjects should not be back to back",
    ),
    Column(
        "min_group_students",
        "топта ең аз оқушы",
        "мин учеников в группе",
        _positive_int,
        hint="Fewest students in a group formed from choices (5)",
    ),
    Column(
        "max_group_students",
        "топта ең көп оқушы",
        "макс учеников в группе",
        _positive_int,
        hint="Most students in a group formed from choices (split_threshold - 1)",
    ),
    *tuple(
        Column(
            f"weight_{rule}",
            f"салмақ {rule}",
            f"вес {rule}",
            _non_negative_int,
            hint=f"Weight of the soft rule '{rule}'",
        )
        for rule in (*SOFT_RULES, *ALLOCATION_RULES)
    ),
)


def build_settings(values: dict[str, Any]) -> Settings:
    settings = Settings()
    for key, value in values.items():
        if value is None:
            continue
        if key.startswith("weight_"):
            settings.weights[key.removeprefix("weight_")] = value
        else:
            setattr(settings, key, value)
    return settings


def settings_rows(settings: Settings) -> list[tuple[str, Any]]:
    default = Settings()
    rows: list[tuple[str, Any]] = [
        ("name", settings.name),
        ("days", ",".join(settings.days)),
        ("lesson_minutes", settings.lesson_minutes),
    ]
    if settings.academic_hour_minutes is not None:
        rows.append(("academic_hour_minutes", settings.academic_hour_minutes))
    rows += [
        ("first_lesson", format_time(settings.first_lesson)),
        ("break_minutes", settings.break_minutes),
        ("big_breaks", ",".join(f"{k}:{v}" for k, v in sorted(settings.big_breaks.items()))),
        ("periods_per_day", settings.periods_per_day),
        ("split_threshold", settings.split_threshold),
        ("rate_hours", format_number(settings.rate_hours)),
        ("language", settings.language),
    ]
    optional = [
        ("primary_grades", format_int_ranges(settings.primary_grades)),
        ("max_lessons_per_day", format_grade_map(settings.max_lessons_per_day)),
        ("max_weekly_hours", format_grade_map(settings.max_weekly_hours)),
        ("hard_difficulty", settings.hard_difficulty),
        ("hardest_difficulty", settings.hardest_difficulty),
        ("min_group_students", settings.min_group_students),
        ("max_group_students", settings.max_group_students),
    ]
    for key, text in optional:
        if getattr(settings, key) != getattr(default, key):
            rows.append((key, text))
    rows += [(f"weight_{rule}", w) for rule, w in sorted(settings.weights.items())]
    return rows


# ---------------------------------------------------------------------------- table sheets

RecordBuilder = Callable[[dict[str, Any], Source, Problems], Any]


@dataclass(frozen=True)
class SheetSpec:
    key: str
    kk: str
    ru: str
    columns: tuple[Column, ...]
    required: bool
    build: RecordBuilder
    unbuild: Callable[[Any], dict[str, Any]]
    unique: tuple[str, ...] = ()  # columns whose combination must not repeat
    hint: str = ""

    def label(self, lang: str) -> str:
        return {"en": self.key, "kk": self.kk, "ru": self.ru}[lang]

    def names(self) -> set[str]:
        return {normalise_header(n) for n in (self.key, self.kk, self.ru)}

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _record(cls: type, mapping: dict[str, str]) -> tuple[RecordBuilder, Callable[[Any], dict]]:
    """A builder and its inverse for records whose fields map one-to-one on columns.

    mapping: column key -> record field name (only where they differ).
    """
    field_names = {f.name for f in fields(cls)} - {"source"}

    def build(values: dict[str, Any], source: Source, problems: Problems) -> Any:
        kwargs = {mapping.get(k, k): v for k, v in values.items() if v is not None}
        return cls(**{k: v for k, v in kwargs.items() if k in field_names}, source=source)

    def unbuild(record: Any) -> dict[str, Any]:
        reverse = {v: k for k, v in mapping.items()}
        return {reverse.get(name, name): _cell(getattr(record, name)) for name in field_names}

    return build, unbuild


def _cell(value: Any) -> Any:
    """A record value as a cell: lists joined, time blocks and wishes formatted."""
    if value is None or isinstance(value, bool):
        return {True: "yes", False: "no", None: None}[value]
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, tuple):
        if not value:
            return None
        if isinstance(value[0], TimeBlock):
            return format_time_blocks(value)
        if isinstance(value[0], Wish):
            return format_wishes(value)
        if isinstance(value[0], int):
            return format_int_ranges(value)
        return ",".join(value)
    return value


def _build_curriculum(values: dict[str, Any], source: Source, problems: Problems) -> Any:
    if (values.get("grade") is None) == (values.get("class") is None):
        problems.error(
            "expected either a grade or a class on each curriculum row (not both, not neither)",
            **problems.at(source, "grade"),
        )
        return None
    return _CURRICULUM_BUILD(values, source, problems)


def _build_bells(values: dict[str, Any], source: Source, problems: Problems) -> Any:
    if values["end"] <= values["start"]:
        problems.error(
            f"expected the period to end after it starts ({format_time(values['start'])})",
            **problems.at(source, "end"),
            value=format_time(values["end"]),
        )
        return None
    return (values["bells"], Period(values["period"], values["start"], values["end"]), source)


def _unbuild_bells(item: tuple[str, Period]) -> dict[str, Any]:
    name, period = item
    return {
        "bells": name,
        "period": period.number,
        "start": format_time(period.start),
        "end": format_time(period.end),
    }


def _build_teacher(values: dict[str, Any], source: Source, problems: Problems) -> Any:
    low, high = values.get("min_hours"), values.get("max_hours")
    if low is not None and high is not None and low > high:
        problems.error(
            f"expected max_hours of at least min_hours ({format_number(low)})",
            **problems.at(source, "max_hours"),
            value=format_number(high),
        )
    return _TEACHER_BUILD(values, source, problems)


_CURRICULUM_BUILD, _CURRICULUM_UNBUILD = _record(CurriculumRow, {"class": "class_name"})
_TEACHER_BUILD, _TEACHER_UNBUILD = _record(Teacher, {"teacher": "code"})

CLASS = Column("class", "сынып", "класс", required=True, hint="Class name, e.g. 7А")
SUBJECT = Column("subject", "пән", "предмет", required=True, hint="Subject code from Subjects")
HOURS = Column(
    "hours", "сағат", "часы", parse_hours, required=True, hint="Academic hours a week; 0.5 allowed"
)
TEACHER = Column("teacher", "мұғалім", "учитель", required=True, hint="Teacher code from Teachers")
OPTIONAL_TEACHER = Column(
    "teacher", "мұғалім", "учитель", hint="Teacher code; empty: keste allocates one"
)
CO_TEACHER = Column(
    "co_teacher",
    "екінші мұғалім",
    "второй учитель",
    aliases=("co teacher", "қосымша мұғалім"),
    hint="A second teacher (team teaching)",
)
GROUP = Column("group", "топ", "группа", _group, hint="1 or 2 for a half of a split class")
LANGUAGE = Column(
    "language",
    "тілі",
    "язык",
    parse_language,
    aliases=("оқыту тілі", "язык обучения"),
    hint="kk, ru or en",
)
LEVEL_COLUMN = Column("level", "деңгей", "уровень", _parse_level, hint="standard or higher")
ROOM_TYPE = Column(
    "room_type",
    "бөлме түрі",
    "тип кабинета",
    aliases=("кабинет түрі",),
    hint="Room type needed, e.g. lab, gym, computer",
)


def _sheets() -> tuple[SheetSpec, ...]:
    class_build, class_unbuild = _record(SchoolClass, {"class": "name"})
    subject_build, subject_unbuild = _record(Subject, {"subject": "code"})
    load_build, load_unbuild = _record(LoadRow, {"class": "class_name"})
    room_build, room_unbuild = _record(Room, {"room": "name"})
    elective_build, elective_unbuild = _record(ElectiveGroup, {})
    choice_build, choice_unbuild = _record(Choice, {"class": "class_name"})
    lock_build, lock_unbuild = _record(Lock, {"class": "class_name"})
    meal_build, meal_unbuild = _record(MealRule, {})
    group_build, group_unbuild = _record(ClassGroup, {"class": "class_name"})
    activity_build, activity_unbuild = _record(Activity, {})
    return (
        SheetSpec(
            "Bells",
            "Қоңыраулар",
            "Звонки",
            (
                Column(
                    "bells",
                    "қоңырау кестесі",
                    "расписание звонков",
                    required=True,
                    aliases=("ауысым", "смена", "schedule", "shift"),
                    hint="Schedule name",
                ),
                Column(
                    "period",
                    "сабақ",
                    "урок",
                    _positive_int,
                    required=True,
                    aliases=("№", "no", "period number"),
                    hint="1, 2, 3...",
                ),
                Column("start", "басталуы", "начало", parse_time, required=True, hint="08:00"),
                Column("end", "аяқталуы", "конец", parse_time, required=True, hint="08:45"),
            ),
            False,
            _build_bells,
            _unbuild_bells,
            unique=("bells", "period"),
            hint="Named bell schedules (shifts). Without this sheet keste builds one from School.",
        ),
        SheetSpec(
            "Classes",
            "Сыныптар",
            "Классы",
            (
                CLASS,
                Column(
                    "grade",
                    "параллель",
                    "параллель",
                    _grade,
                    required=True,
                    aliases=("сынып деңгейі", "номер класса", "year"),
                    hint="1-12",
                ),
                Column(
                    "students",
                    "оқушылар",
                    "ученики",
                    _non_negative_int,
                    required=True,
                    aliases=("оқушы саны", "количество учащихся", "size"),
                    hint="Class size",
                ),
                LANGUAGE,
                Column(
                    "bells",
                    "қоңырау кестесі",
                    "расписание звонков",
                    aliases=("ауысым", "смена", "shift"),
                    hint="Bell schedule name (shift)",
                ),
                Column(
                    "home_room",
                    "сынып бөлмесі",
                    "кабинет класса",
                    aliases=("home room",),
                    hint="The class's own room",
                ),
                Column(
                    "max_lessons_per_day",
                    "күніне ең көп сабақ",
                    "макс уроков в день",
                    _positive_int,
                    hint="Overrides the grade's limit",
                ),
                Column(
                    "unavailable",
                    "бос емес",
                    "занят",
                    parse_time_blocks,
                    aliases=("қолжетімсіз", "недоступен"),
                    hint="Times with no lessons, e.g. Tue 6-7",
                ),
            ),
            True,
            class_build,
            class_unbuild,
            unique=("class",),
            hint="One row per class.",
        ),
        SheetSpec(
            "Subjects",
            "Пәндер",
            "Предметы",
            (
                SUBJECT,
                Column("name", "атауы", "название", hint="Full name for printing"),
                Column(
                    "difficulty",
                    "қиындық",
                    "трудность",
                    _difficulty,
                    aliases=("балл", "difficulty points"),
                    hint="ДСМ-76 points 1-11",
                ),
                Column(
                    "split",
                    "бөлу",
                    "деление",
                    _split_choice,
                    aliases=("бөлінеді", "делится"),
                    hint="yes: split classes at the threshold into two groups",
                ),
                ROOM_TYPE,
                Column(
                    "double",
                    "қос сабақ",
                    "спаренный",
                    _parse_double,
                    aliases=("double lessons", "спаренные"),
                    hint="no, allowed or required",
                ),
                Column(
                    "max_per_day",
                    "күніне ең көп",
                    "макс в день",
                    _positive_int,
                    hint="Lessons of this subject a day (1)",
                ),
                Column(
                    "co_taught",
                    "екі мұғалім",
                    "два учителя",
                    _split_choice,
                    aliases=("team teaching", "командалық оқыту", "командное обучение"),
                    hint="yes: two teachers teach it together (team teaching)",
                ),
                Column(
                    "min_group",
                    "топта ең аз",
                    "мин в группе",
                    _positive_int,
                    aliases=("min group", "ең аз оқушы", "мин учеников"),
                    hint="Fewest students in a group formed from choices (School: 5)",
                ),
            ),
            True,
            subject_build,
            subject_unbuild,
            unique=("subject",),
            hint="One row per subject.",
        ),
        SheetSpec(
            "Curriculum",
            "Оқу жоспары",
            "Учебный план",
            (
                Column(
                    "grade",
                    "параллель",
                    "параллель",
                    _grade,
                    aliases=("сынып деңгейі", "year"),
                    hint="Grade (or give a class)",
                ),
                Column("class", "сынып", "класс", hint="A class: overrides its grade's row"),
                SUBJECT,
                HOURS,
                LANGUAGE,
                Column(
                    "split", "бөлу", "деление", _split_choice, hint="Override the subject's split"
                ),
                Column(
                    "doubles",
                    "қос сабақтар",
                    "спаренные",
                    _non_negative_int,
                    hint="Number of double lessons a week",
                ),
                LEVEL_COLUMN,
            ),
            False,  # a school may state its lessons on Activities instead (validation checks)
            _build_curriculum,
            _CURRICULUM_UNBUILD,
            unique=("grade", "class", "subject", "language", "level"),
            hint="Weekly academic hours per grade (optionally per language) or per class.",
        ),
        SheetSpec(
            "Teachers",
            "Мұғалімдер",
            "Учителя",
            (
                TEACHER,
                Column("name", "аты-жөні", "фио", aliases=("аты", "имя"), hint="Full name"),
                Column(
                    "subjects",
                    "пәндері",
                    "предметы",
                    parse_name_list,
                    required=True,
                    hint="Comma list of subject codes",
                ),
                Column(
                    "grades",
                    "параллельдер",
                    "параллели",
                    _grades,
                    aliases=("сыныптар",),
                    hint="e.g. 5-11; empty = any",
                ),
                Column(
                    "min_hours",
                    "ең аз сағат",
                    "мин часов",
                    parse_hours,
                    hint="Minimum weekly hours",
                ),
                Column(
                    "max_hours",
                    "ең көп сағат",
                    "макс часов",
                    parse_hours,
                    hint="Maximum weekly hours",
                ),
                Column(
                    "unavailable",
                    "бос емес",
                    "занят",
                    parse_time_blocks,
                    aliases=("қолжетімсіз", "недоступен"),
                    hint="e.g. Mon 1-2; Fri",
                ),
                Column(
                    "wishes",
                    "тілектер",
                    "пожелания",
                    parse_wishes,
                    hint="e.g. free day; free day Fri; avoid Mon 1",
                ),
                Column(
                    "max_days",
                    "ең көп күн",
                    "макс дней",
                    _positive_int,
                    aliases=("жұмыс күндері", "рабочих дней"),
                    hint="Working days a week at most",
                ),
            ),
            True,
            _build_teacher,
            _TEACHER_UNBUILD,
            unique=("teacher",),
            hint="One row per teacher.",
        ),
        SheetSpec(
            "Load",
            "Жүктеме",
            "Нагрузка",
            (
                CLASS,
                SUBJECT,
                GROUP,
                TEACHER,
                CO_TEACHER,
            ),
            False,
            load_build,
            load_unbuild,
            unique=("class", "subject", "group"),
            hint="Who teaches what (the tariff list). Missing rows are allocated by keste.",
        ),
        SheetSpec(
            "Rooms",
            "Кабинеттер",
            "Кабинеты",
            (
                Column(
                    "room",
                    "бөлме",
                    "кабинет",
                    required=True,
                    aliases=("аудитория",),
                    hint="Room name or number",
                ),
                Column("type", "түрі", "тип", required=True, hint="e.g. classroom, lab, gym"),
                Column("capacity", "орын саны", "вместимость", _positive_int, hint="Seats"),
            ),
            False,
            room_build,
            room_unbuild,
            unique=("room",),
            hint="One row per room.",
        ),
        SheetSpec(
            "Electives",
            "Элективтер",
            "Элективы",
            (
                Column(
                    "block", "блок", "блок", required=True, hint="Groups of a block meet together"
                ),
                Column(
                    "classes",
                    "сыныптар",
                    "классы",
                    parse_selector,
                    required=True,
                    hint="e.g. 11A,11B or 11*",
                ),
                HOURS,
                Column("group", "топ", "группа", required=True, hint="Group name"),
                SUBJECT,
                OPTIONAL_TEACHER,
                ROOM_TYPE,
                Column("students", "оқушылар", "ученики", _non_negative_int, hint="Group size"),
                CO_TEACHER,
                LEVEL_COLUMN,
                Column(
                    "members",
                    "топ мүшелері",
                    "состав группы",
                    parse_name_list,
                    aliases=("оқушылар тізімі", "список учеников", "student list"),
                    hint="The group's students (names as on Choices), comma list",
                ),
            ),
            False,
            elective_build,
            elective_unbuild,
            unique=("block", "group"),
            hint="Elective blocks: every group of a block at the same times.",
        ),
        SheetSpec(
            "Groups",
            "Топтар",
            "Группы",
            (
                CLASS,
                Column("group", "топ", "группа", required=True, hint="Group name"),
                Column("students", "оқушылар", "ученики", _non_negative_int, hint="Group size"),
            ),
            False,
            group_build,
            group_unbuild,
            unique=("class", "group"),
            hint="Named groups that divide a class (not only halves); lessons on Activities.",
        ),
        SheetSpec(
            "Activities",
            "Сабақтар",
            "Занятия",
            (
                Column(
                    "activity",
                    "сабақ",
                    "занятие",
                    required=True,
                    aliases=("id", "№"),
                    hint="A name or number",
                ),
                Column(
                    "students",
                    "оқушылар",
                    "ученики",
                    parse_name_list,
                    required=True,
                    aliases=("сыныптар", "классы", "classes"),
                    hint="Classes or class/group, comma list: 10A,10B or 9B/hist1",
                ),
                SUBJECT,
                Column(
                    "teachers",
                    "мұғалімдер",
                    "учителя",
                    parse_name_list,
                    aliases=("teacher", "мұғалім", "учитель"),
                    hint="Comma list: every teacher is in the lesson",
                ),
                Column(
                    "lessons",
                    "сабақ саны",
                    "уроков",
                    _positive_int,
                    required=True,
                    aliases=("per week", "аптасына", "в неделю"),
                    hint="Lessons a week",
                ),
                Column(
                    "length",
                    "ұзақтығы",
                    "длительность",
                    _positive_int,
                    aliases=("duration",),
                    hint="Periods each lesson lasts (1)",
                ),
                Column(
                    "max_per_day",
                    "күніне ең көп",
                    "макс в день",
                    _positive_int,
                    hint="Lessons of it a day (1)",
                ),
                ROOM_TYPE,
                Column(
                    "last_of_day",
                    "күннің соңы",
                    "последний урок",
                    _split_choice,
                    hint="yes: it ends its students' day",
                ),
                Column(
                    "double",
                    "қос сабақ",
                    "спаренный",
                    _parse_double,
                    hint="no, allowed or required: two of its lessons in a row on one day",
                ),
            ),
            False,
            activity_build,
            activity_unbuild,
            unique=("activity",),
            hint="Lessons stated directly: streams of classes, team teaching, any groups.",
        ),
        SheetSpec(
            "Choices",
            "Таңдаулар",
            "Выбор",
            (
                Column("student", "оқушы", "ученик", required=True, hint="Student name or id"),
                CLASS,
                SUBJECT,
                LEVEL_COLUMN,
            ),
            False,
            choice_build,
            choice_unbuild,
            unique=("student", "subject"),
            hint="Students' choices of electives and profile subjects.",
        ),
        SheetSpec(
            "Locks",
            "Бекітулер",
            "Закрепления",
            (
                CLASS,
                GROUP,
                SUBJECT,
                Column("day", "күн", "день", parse_day, required=True, hint="Mon, Дс, Пн..."),
                Column(
                    "period", "сабақ", "урок", _positive_int, required=True, hint="Period number"
                ),
            ),
            False,
            lock_build,
            lock_unbuild,
            unique=("class", "group", "day", "period"),
            hint="Lessons pinned by the scheduler.",
        ),
        SheetSpec(
            "Meals",
            "Тамақтану",
            "Питание",
            (
                Column("meal", "тамақ", "прием пищи", required=True, hint="e.g. lunch"),
                Column(
                    "classes",
                    "сыныптар",
                    "классы",
                    parse_selector,
                    required=True,
                    hint="Grades such as 1-4, or classes",
                ),
                Column(
                    "window",
                    "уақыт аралығы",
                    "окно",
                    parse_window,
                    required=True,
                    hint="Periods in which to eat, e.g. 3-5",
                ),
                Column(
                    "canteen_capacity",
                    "асхана сыйымдылығы",
                    "вместимость столовой",
                    _positive_int,
                    hint="Classes that eat at once",
                ),
            ),
            False,
            meal_build,
            meal_unbuild,
            unique=("meal", "classes"),
            hint="Each class gets a meal period inside its window every day.",
        ),
    )


SHEETS: tuple[SheetSpec, ...] = _sheets()
SCHOOL_SHEET = SheetSpec(
    "School",
    "Мектеп",
    "Школа",
    (
        Column("key", "кілт", "ключ", required=True, aliases=("параметр", "setting")),
        Column("value", "мән", "значение", required=True),
        Column("comment", "түсініктеме", "комментарий", aliases=("description", "сипаттама")),
    ),
    True,
    lambda v, s, p: v,
    lambda r: r,
    hint="Settings as key / value rows.",
)
SHEET_BY_KEY = {spec.key: spec for spec in (SCHOOL_SHEET, *SHEETS)}

# Values written in the workbook's language (the parsers accept all three).
YES_NO = {"en": ("yes", "no"), "kk": ("иә", "жоқ"), "ru": ("да", "нет")}
DOUBLE = {
    "en": ("no", "allowed", "required"),
    "kk": ("жоқ", "рұқсат", "міндетті"),
    "ru": ("нет", "можно", "обязательно"),
}
LEVEL = {
    "en": ("standard", "higher"),
    "kk": ("стандартты", "тереңдетілген"),
    "ru": ("стандартный", "углубленный"),
}


def localise_cell(column: str, value: Any, lang: str) -> Any:
    """A canonical cell value as written in a workbook of the given language."""
    if lang == "en" or not isinstance(value, str):
        return value
    for table in (DOUBLE, LEVEL) if column in {"double", "level"} else (YES_NO,):
        if value in table["en"]:
            return table[lang][table["en"].index(value)]
    if column == "day" and value in DAYS:
        return DAY_LABELS[lang][value]
    return value


def group_bells(items: list[tuple[str, Period, Source]], problems: Problems) -> list[BellSchedule]:
    """Collect Bells rows into named schedules in first-seen order."""
    by_name: dict[str, list[tuple[Period, Source]]] = {}
    for name, period, source in items:
        by_name.setdefault(name, []).append((period, source))
    schedules = []
    for name, rows in by_name.items():
        rows.sort(key=lambda row: row[0].number)
        schedules.append(BellSchedule(name, tuple(p for p, _ in rows)))
        _check_bell_rows(name, rows, problems)
    return schedules


def _check_bell_rows(name: str, rows: list[tuple[Period, Source]], problems: Problems) -> None:
    for index, (period, source) in enumerate(rows):
        if period.number != index + 1:
            problems.error(
                f"expected periods of schedule '{name}' numbered 1, 2, 3... without holes",
                **problems.at(source, "period"),
                value=period.number,
            )
            break
        if index and period.start < rows[index - 1][0].end:
            previous = rows[index - 1][0]
            problems.error(
                f"expected period {period.number} of '{name}' to start after period "
                f"{previous.number} ends ({format_time(previous.end)}): the bells overlap",
                **problems.at(source, "start"),
                value=format_time(period.start),
            )


def bells_rows(schedules: list[BellSchedule]) -> list[tuple[str, Period]]:
    return [(s.name, p) for s in schedules for p in s.periods]


SHEET_ATTRIBUTE = {
    "Bells": "bells",
    "Classes": "classes",
    "Subjects": "subjects",
    "Curriculum": "curriculum",
    "Teachers": "teachers",
    "Load": "load",
    "Rooms": "rooms",
    "Electives": "electives",
    "Groups": "groups",
    "Activities": "activities",
    "Choices": "choices",
    "Locks": "locks",
    "Meals": "meals",
}


def sheet_records(school: School) -> dict[str, list[Any]]:
    """The records each table sheet holds, keyed by the sheet's canonical name."""
    records = {key: getattr(school, name) for key, name in SHEET_ATTRIBUTE.items()}
    records["Bells"] = bells_rows(school.bells)
    return records


__all__ = [
    "DAYS",
    "SETTING_KEYS",
    "SHEETS",
    "SHEET_BY_KEY",
    "Choice",
    "Column",
    "ElectiveGroup",
    "Lock",
    "MealRule",
    "SheetSpec",
]
