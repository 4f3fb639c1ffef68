"""Elective groups from students' choices: who studies each chosen subject with whom, and which
groups meet at the same time (elective blocks), formed with CP-SAT pool by pool."""

from keste.solver.grouping.form import form_groups
from keste.solver.grouping.pools import choice_pools, class_lessons, week_periods
from keste.solver.grouping.students import split_profile

__all__ = ["choice_pools", "class_lessons", "form_groups", "split_profile", "week_periods"]
