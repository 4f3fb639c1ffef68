"""The Rooms sheet (one row per room) and the Meals sheet (when each class eats)."""

from __future__ import annotations

from dataclasses import replace

from keste.models.io.schema.columns import Column, SheetSpec, record_builders
from keste.models.io.schema.parsers import parse_window, positive_int
from keste.models.io.schema.shared import CLASSES
from keste.models.school import MealRule, Room

ROOMS_SHEET = SheetSpec(
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
        Column("capacity", "орын саны", "вместимость", positive_int, hint="Seats"),
    ),
    False,
    *record_builders(Room, {"room": "name"}),
    unique=("room",),
    hint="One row per room.",
)
MEALS_SHEET = SheetSpec(
    "Meals",
    "Тамақтану",
    "Питание",
    (
        Column("meal", "тамақ", "прием пищи", required=True, hint="e.g. lunch"),
        replace(CLASSES, hint="Grades such as 1-4, or classes"),
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
            positive_int,
            hint="Classes that eat at once",
        ),
    ),
    False,
    *record_builders(MealRule, {}),
    unique=("meal", "classes"),
    hint="Each class gets a meal period inside its window every day.",
)
