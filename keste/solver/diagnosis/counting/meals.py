"""Meals: windows a class never reaches, canteens too small for their classes."""

from __future__ import annotations

import math

from keste.models.availability import longest_day
from keste.models.findings import Finding
from keste.models.school import select_classes
from keste.models.values import format_int_ranges
from keste.solver.diagnosis.counting.weeks import disjoint_count
from keste.solver.timetable.context import ModelContext


def meals(ctx: ModelContext) -> list[Finding]:
    findings = []
    school = ctx.school
    for rule in school.meals:
        classes = select_classes(rule.classes, school.classes)
        window_text = format_int_ranges(rule.window)
        for school_class in classes:
            reach = longest_day(school, school_class.name)
            periods = ctx.periods(school.bells_of(school_class))
            if not [p for p in rule.window if p in periods and p <= reach]:
                findings.append(
                    Finding(
                        "meal_window",
                        {
                            "meal": rule.meal,
                            "cls": school_class.name,
                            "window": window_text,
                            "reach": reach,
                        },
                        (school_class.name, rule.meal),
                    )
                )
        if rule.canteen_capacity is None or not classes:
            continue
        intervals = {
            ctx.clock(school.bells_of(c), p)
            for c in classes
            for p in rule.window
            if p in ctx.periods(school.bells_of(c))
        }
        sittings = disjoint_count(intervals)
        most = sittings * rule.canteen_capacity
        if len(classes) > most:
            findings.append(
                Finding(
                    "canteen",
                    {
                        "meal": rule.meal,
                        "classes": len(classes),
                        "window": window_text,
                        "capacity": rule.canteen_capacity,
                        "sittings": sittings,
                        "most": most,
                    },
                    (rule.meal,),
                    suggestion=Finding(
                        "suggest_canteen",
                        {
                            "meal": rule.meal,
                            "want": math.ceil(len(classes) / max(1, sittings)),
                        },
                    ),
                )
            )
    return findings
