"""Cell parsers per kind of column (counts, grades, choices, wishes, class selectors) and the
enum words written back in each language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keste.models.school import Wish
from keste.models.values import (
    DAY_LABELS,
    DAYS,
    TimeBlock,
    clean_text,
    parse_day,
    parse_int,
    parse_int_ranges,
    parse_name_list,
    parse_time_blocks,
    parse_yes_no,
)

Parser = Callable[[object], Any]


def _enum(choices: dict[str, tuple[str, ...]], expected: str) -> Parser:
    lookup = {alias: canonical for canonical, aliases in choices.items() for alias in aliases}

    def parse(value: object) -> str:
        text = clean_text(value).lower()
        if text in lookup:
            return lookup[text]
        raise ValueError(f"expected {expected}")

    return parse


def positive_int(value: object) -> int:
    return parse_int(value, low=1)


MAX_PERIODS = 24  # periods in a day


def periods_a_day(value: object) -> int:
    return parse_int(value, low=1, high=MAX_PERIODS)


def non_negative_int(value: object) -> int:
    return parse_int(value, low=0)


def difficulty(value: object) -> int:
    return parse_int(value, low=1, high=11)


def grade(value: object) -> int:
    return parse_int(value, low=0, high=12)


def grades(value: object) -> tuple[int, ...]:
    grades = parse_int_ranges(value, "grades")
    if grades[-1] > 12:
        raise ValueError("expected grades between 0 and 12, such as 5-11")
    return grades


def half_group(value: object) -> int:
    return parse_int(value, low=1, high=2)


def split_choice(value: object) -> bool:
    return parse_yes_no(value)


parse_double = _enum(
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
parse_students_day = _enum(
    {
        "compact": ("compact", "ықшам", "компактный", "компактно"),
        "no_windows": (
            "no_windows",
            "no windows",
            "терезесіз",
            "без окон",
        ),
        "free": ("free", "еркін", "свободный", "свободно"),
    },
    "compact, no_windows or free",
)
parse_level = _enum(
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
