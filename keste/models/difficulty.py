"""Difficulty points of subjects the Subjects sheet gives none, from words in their code or name
(docs/rules.md): data only, read by the solver and, on its own, by the validator."""

from __future__ import annotations

KEYWORD_DIFFICULTY = (
    (11, ("math", "алгебр", "геометр", "математ")),
    (
        10,
        (
            " eng",
            "english",
            "ағылшын",
            "англ",
            "foreign",
            "шет тіл",
            "иностран",
            "немец",
            "german",
            "french",
            "француз",
        ),
    ),
    (9, ("phys", "физик", "chem", "хими", "info", "информат", "digital", "цифр", "bio", "биолог")),
    (8, ("hist", "тарих", "истор", " law", "құқық", "право")),
    (
        7,
        (
            "lit",
            "әдебиет",
            "литерат",
            " kaz",
            "қазақ",
            " rus",
            "орыс",
            "русск",
            " тіл",
            "язык",
            "сауат",
            "грамот",
        ),
    ),
    (
        6,
        (
            "science",
            "жаратылыс",
            "естествозн",
            "geog",
            "географ",
            "self",
            "өзін-өзі",
            "самопозн",
            "military",
            "әскери",
            "военн",
            "world",
            "дүниетану",
            "познание",
        ),
    ),
    (5, (" pe ", "physical", "дене", "физкульт", "физическ", "sport")),
    (4, ("tech", "технолог", "labour", "еңбек", "труд")),
    (3, ("drawing", "сызу", "черчен")),
    (2, (" art", "бейнелеу", " изо", "рисован")),
    (1, ("music", "музык")),
)


# The same table as (points, keyword) pairs.
DIFFICULTY_KEYWORDS = tuple(
    (points, word) for points, words in KEYWORD_DIFFICULTY for word in words
)
