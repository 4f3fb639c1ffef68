"""Parsing and formatting of single cell values: numbers, times, days, ranges, yes/no.

Each parser takes what a spreadsheet cell may hold (str, int, float, datetime.time) and returns a
typed value, or raises ValueError whose message says what was expected. Each formatter is the
inverse, so a parsed model can be written back without loss.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_DAY_ALIASES = {
    "Mon": ["mon", "monday", "mo", "дс", "дүйсенбі", "дуйсенби", "пн", "понедельник"],
    "Tue": ["tue", "tuesday", "tu", "сс", "сейсенбі", "сейсенби", "вт", "вторник"],
    "Wed": ["wed", "wednesday", "we", "ср", "сәрсенбі", "сарсенби", "среда"],
    "Thu": ["thu", "thursday", "th", "бс", "бейсенбі", "бейсенби", "чт", "четверг"],
    "Fri": ["fri", "friday", "fr", "жм", "жұма", "жума", "пт", "пятница"],
    "Sat": ["sat", "saturday", "sa", "сб", "сенбі", "сенби", "суббота"],
    "Sun": ["sun", "sunday", "su", "жс", "жексенбі", "жексенби", "вс", "воскресенье"],
}
DAY_BY_ALIAS = {alias: day for day, aliases in _DAY_ALIASES.items() for alias in aliases}

DAY_LABELS = {
    "en": dict(zip(DAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True)),
    "kk": dict(zip(DAYS, ("Дс", "Сс", "Ср", "Бс", "Жм", "Сб", "Жс"), strict=True)),
    "ru": dict(zip(DAYS, ("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"), strict=True)),
}

_YES = {"yes", "y", "true", "1", "иә", "ия", "иа", "да", "+", "x", "✓"}
_NO = {"no", "n", "false", "0", "жоқ", "жок", "нет", "-", ""}
LANGUAGES = ("kk", "ru", "en")
_LANGUAGE_ALIASES = {
    "kk": "kk",
    "kz": "kk",
    "kaz": "kk",
    "қаз": "kk",
    "каз": "kk",
    "қазақ": "kk",
    "казахский": "kk",
    "kazakh": "kk",
    "ru": "ru",
    "rus": "ru",
    "орыс": "ru",
    "рус": "ru",
    "русский": "ru",
    "russian": "ru",
    "en": "en",
    "eng": "en",
    "ағыл": "en",
    "англ": "en",
    "английский": "en",
    "english": "en",
}


# Control characters no workbook can hold (a name with one would fail only when the timetable is
# written, after the whole search).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_WHOLE = 100_000  # no count in a school (students, seats, periods, hours) comes near
MAX_LISTED = 1_000  # the largest number a range such as 1-4 may name (grades, periods)
MAX_HOURS = 100.0  # weekly hours of one subject or group


def clean_text(value: object) -> str:
    """A cell as trimmed text without control characters; numbers that are whole print
    without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _CONTROL.sub("", str(value)).replace("\u00a0", " ").strip()


def parse_int(value: object, low: int | None = None, high: int | None = None) -> int:
    text = clean_text(value)
    high = MAX_WHOLE if high is None else high
    bounds = _bounds_text(low, high)
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"expected a whole number{bounds}") from None
    if not math.isfinite(number) or not number.is_integer():
        raise ValueError(f"expected a whole number{bounds}")
    _check_bounds(number, low, high, f"a whole number{bounds}")
    return int(number)


def parse_hours(value: object) -> float:
    """Weekly academic hours: a non-negative multiple of 0.5 (decimal comma accepted)."""
    text = clean_text(value).replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise ValueError("expected weekly hours as a number such as 2 or 0.5") from None
    if not math.isfinite(number) or number > MAX_HOURS:
        raise ValueError(f"expected weekly hours of at most {MAX_HOURS:g}, in steps of 0.5")
    if number < 0 or (number * 2) != int(number * 2):
        raise ValueError("expected weekly hours: 0 or more, in steps of 0.5")
    return number


def format_number(number: float | int | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def parse_yes_no(value: object) -> bool:
    text = clean_text(value).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError("expected yes or no (иә/жоқ, да/нет)")


def parse_language(value: object) -> str:
    text = clean_text(value).lower().rstrip(".")
    if text in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[text]
    raise ValueError("expected a language: kk, ru or en")


def parse_day(value: object) -> str:
    text = clean_text(value).lower().rstrip(".")
    if text in DAY_BY_ALIAS:
        return DAY_BY_ALIAS[text]
    raise ValueError("expected a day such as Mon, Дс or Пн")


def parse_days(value: object) -> tuple[str, ...]:
    text = clean_text(value)
    days = tuple(parse_day(part) for part in split_list(text))
    if not days:
        raise ValueError("expected a list of days such as Mon,Tue,Wed,Thu,Fri")
    if len(set(days)) != len(days):
        raise ValueError("expected each day once")
    return tuple(sorted(days, key=DAYS.index))


def parse_time(value: object) -> int:
    """Clock time as minutes after midnight; accepts 08:00, 8.00, 8:00 and Excel time cells."""
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    if isinstance(value, float) and 0 <= value < 1:  # Excel stores times as a fraction of a day
        return round(value * 24 * 60)
    text = clean_text(value)
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?::00)?", text)
    if not match:
        raise ValueError("expected a clock time such as 08:00")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        raise ValueError("expected a clock time such as 08:00")
    return hours * 60 + minutes


def format_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def split_list(text: str) -> list[str]:
    """Split a comma or semicolon list, dropping empty items."""
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


def parse_name_list(value: object) -> tuple[str, ...]:
    return tuple(split_list(clean_text(value)))


def parse_int_ranges(value: object, what: str = "numbers") -> tuple[int, ...]:
    """'1-4', '5,7-9' or a single number into the sorted numbers it names."""
    text = clean_text(value).replace("–", "-").replace("—", "-")
    numbers: set[int] = set()
    for part in split_list(text):
        match = re.fullmatch(r"(\d+)\s*(?:-\s*(\d+))?", part)
        if not match:
            raise ValueError(f"expected {what} such as 1-4 or 5,7-9")
        if len(match.group(1)) > 6 or len(match.group(2) or "") > 6:
            raise ValueError(f"expected {what} of at most {MAX_LISTED}")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last > MAX_LISTED:
            raise ValueError(f"expected {what} of at most {MAX_LISTED}")
        if last < first:
            raise ValueError(f"expected {what} with the smaller number first, such as 1-4")
        numbers.update(range(first, last + 1))
    if not numbers:
        raise ValueError(f"expected {what} such as 1-4 or 5,7-9")
    return tuple(sorted(numbers))


def format_int_ranges(numbers: tuple[int, ...] | list[int]) -> str:
    """Inverse of parse_int_ranges: (1,2,3,5) -> '1-3,5'."""
    parts: list[str] = []
    ordered = sorted(set(numbers))
    index = 0
    while index < len(ordered):
        start = end = ordered[index]
        while index + 1 < len(ordered) and ordered[index + 1] == end + 1:
            index += 1
            end = ordered[index]
        parts.append(str(start) if start == end else f"{start}-{end}")
        index += 1
    return ",".join(parts)


@dataclass(frozen=True)
class TimeBlock:
    """A day, optionally limited to some periods or to a clock interval: 'Mon 1-2', 'Fri',
    'Tue 13:00-15:00'."""

    day: str
    periods: tuple[int, ...] = ()
    clock: tuple[int, int] | None = None

    def __str__(self) -> str:
        if self.clock:
            return f"{self.day} {format_time(self.clock[0])}-{format_time(self.clock[1])}"
        if self.periods:
            return f"{self.day} {format_int_ranges(self.periods)}"
        return self.day


def parse_time_blocks(value: object) -> tuple[TimeBlock, ...]:
    """'Mon 1-2; Fri; Tue 13:00-15:00' into time blocks."""
    text = clean_text(value)
    blocks = []
    for part in (" ".join(p.split()) for p in text.split(";")):  # a line break is a space
        if not part:
            continue
        match = re.fullmatch(r"(\S+)\s*(.*)", part)
        if match is None:
            raise ValueError("expected times such as Mon 1-2; Fri; Tue 13:00-15:00")
        day = parse_day(match.group(1))
        rest = match.group(2).strip()
        clock = re.fullmatch(r"(\d{1,2}[:.]\d{2})\s*-\s*(\d{1,2}[:.]\d{2})", rest)
        if clock:
            start, end = parse_time(clock.group(1)), parse_time(clock.group(2))
            if end <= start:
                raise ValueError("expected a clock interval that ends after it starts")
            blocks.append(TimeBlock(day, clock=(start, end)))
        elif rest:
            blocks.append(TimeBlock(day, periods=parse_int_ranges(rest, "periods")))
        else:
            blocks.append(TimeBlock(day))
    return tuple(blocks)


def format_time_blocks(blocks: tuple[TimeBlock, ...]) -> str:
    return "; ".join(str(block) for block in blocks)


def _bounds_text(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" of at least {low}"
    if high is not None:
        return f" of at most {high}"
    return ""


def _check_bounds(number: float, low: float | None, high: float | None, what: str) -> None:
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueError(f"expected {what}")
