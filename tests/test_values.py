import datetime as dt

import pytest

from keste.models.values import (
    TimeBlock,
    format_int_ranges,
    format_time_blocks,
    parse_day,
    parse_days,
    parse_hours,
    parse_int,
    parse_int_ranges,
    parse_time,
    parse_time_blocks,
    parse_yes_no,
)


@pytest.mark.parametrize(
    "text, day",
    [
        ("Mon", "Mon"),
        ("Дс", "Mon"),
        ("Пн", "Mon"),
        ("дүйсенбі", "Mon"),
        ("Понедельник", "Mon"),
        ("Сс", "Tue"),
        ("Вт", "Tue"),
        ("Ср", "Wed"),
        ("Бс", "Thu"),
        ("Чт", "Thu"),
        ("Жм", "Fri"),
        ("Пт", "Fri"),
        ("Сб", "Sat"),
        ("fri.", "Fri"),
    ],
)
def test_days_in_three_languages(text, day):
    assert parse_day(text) == day


def test_day_list_is_sorted_and_unique():
    assert parse_days("Жм, Дс,Сс") == ("Mon", "Tue", "Fri")
    with pytest.raises(ValueError, match="each day once"):
        parse_days("Mon,Пн")


def test_unknown_day_says_what_is_expected():
    with pytest.raises(ValueError, match="expected a day such as Mon, Дс or Пн"):
        parse_day("Funday")


@pytest.mark.parametrize(
    "value, minutes",
    [
        ("08:00", 480),
        ("8.30", 510),
        (dt.time(13, 5), 785),
        (0.5, 720),
        ("14:00:00", 840),
    ],
)
def test_times(value, minutes):
    assert parse_time(value) == minutes


def test_bad_time():
    with pytest.raises(ValueError, match="clock time"):
        parse_time("25:00")


def test_numbers_stored_as_text_are_numbers():
    assert parse_int("24") == 24
    assert parse_int(" 24 ") == 24
    assert parse_int(24.0) == 24
    assert parse_hours("2,5") == 2.5
    assert parse_hours("0.5") == 0.5


def test_hours_must_be_half_steps():
    with pytest.raises(ValueError, match=r"steps of 0\.5"):
        parse_hours("1.3")
    with pytest.raises(ValueError, match="0 or more"):
        parse_hours(-2)


def test_ranges_round_trip():
    assert parse_int_ranges("5,7-9") == (5, 7, 8, 9)
    assert parse_int_ranges("1–4") == (1, 2, 3, 4)
    assert format_int_ranges((1, 2, 3, 5, 7, 8)) == "1-3,5,7-8"
    with pytest.raises(ValueError, match="smaller number first"):
        parse_int_ranges("9-7")


def test_time_blocks():
    blocks = parse_time_blocks("Дс 1-2; Fri; Вт 13:00-15:00")
    assert blocks == (
        TimeBlock("Mon", periods=(1, 2)),
        TimeBlock("Fri"),
        TimeBlock("Tue", clock=(780, 900)),
    )
    assert parse_time_blocks(format_time_blocks(blocks)) == blocks


def test_yes_no_in_three_languages():
    assert parse_yes_no("иә") and parse_yes_no("Да") and parse_yes_no("YES")
    assert not parse_yes_no("жоқ") and not parse_yes_no("нет")
    with pytest.raises(ValueError, match="yes or no"):
        parse_yes_no("maybe")
