"""Meals: every class of a meal rule eats once a day in a period of its window; the meal period
counts as occupied (the day stays compact around it); the canteen seats a limited number of classes
at a time, counted by clock time across bell schedules."""

from __future__ import annotations

from collections import defaultdict

from keste.models.availability import blocks_slot
from keste.models.school import select_classes
from keste.models.timegrid import overlap_cliques
from keste.solver.timetable.context import ModelContext


def create_meal_variables(ctx: ModelContext) -> None:
    school = ctx.school
    ctx.meal_rules = []
    for rule_index, rule in enumerate(school.meals):
        classes = select_classes(rule.classes, school.classes)
        eaters = []
        for school_class in classes:
            if school_class.name not in ctx.demand.sets_of_class:
                continue  # a model of some classes only (bound.py)
            bells = school.bells_of(school_class)
            window = [p for p in rule.window if p in ctx.periods(bells)]
            for day, day_name in enumerate(ctx.days):
                choices = []
                for period in window:
                    clock = ctx.clock(bells, period)
                    if any(
                        blocks_slot(b, day_name, period, clock) for b in school_class.unavailable
                    ):
                        continue  # the class is elsewhere then
                    variable = ctx.model.new_bool_var(
                        f"meal{rule_index}_{school_class.name}_d{day}_p{period}"
                    )
                    ctx.meal[(school_class.name, day, period)] = variable
                    choices.append(variable)
                    eaters.append((school_class.name, bells, day, period, variable))
                ctx.hold(ctx.model.add_exactly_one(choices), ctx.guard("meals", rule.meal))
        ctx.meal_rules.append((rule, eaters))


def add(ctx: ModelContext) -> None:
    for rule, eaters in ctx.meal_rules:
        if rule.canteen_capacity is None:
            continue
        by_day: dict[int, list] = defaultdict(list)
        for _, bells, day, period, variable in eaters:
            by_day[day].append(((bells, period), variable))
        for entries in by_day.values():
            keys = [(key, *ctx.clock(*key)) for key, _ in entries]
            for clique in overlap_cliques(keys):
                members = set(clique)
                seated = [v for key, v in entries if key in members]
                if len(seated) > rule.canteen_capacity:
                    ctx.hold(
                        ctx.model.add(sum(seated) <= rule.canteen_capacity),
                        ctx.guard("canteen", rule.meal),
                    )
