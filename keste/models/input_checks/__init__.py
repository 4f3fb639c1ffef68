"""Input checks: does the school workbook make sense as a whole (references between sheets,
values within what a school can have)? Every problem is reported at once, with where it is."""

from __future__ import annotations

from keste.models.input_checks.choices import check_choices
from keste.models.input_checks.curriculum import check_curriculum
from keste.models.input_checks.load import (
    check_activities,
    check_electives,
    check_groups,
    check_load,
)
from keste.models.input_checks.locks_and_meals import check_locks, check_meals
from keste.models.input_checks.school_sheets import (
    MAX_CLASSES,
    check_classes,
    check_settings,
    check_subjects,
    check_teachers,
)
from keste.models.problems import Problems
from keste.models.school import School


def validate_school(school: School, problems: Problems) -> None:
    check_settings(school, problems)
    check_classes(school, problems)
    if len(school.classes) > MAX_CLASSES:  # too big to check further in reasonable time
        return
    check_subjects(school, problems)
    check_curriculum(school, problems)
    check_teachers(school, problems)
    check_load(school, problems)
    check_electives(school, problems)
    check_groups(school, problems)
    check_activities(school, problems)
    check_choices(school, problems)
    check_locks(school, problems)
    check_meals(school, problems)
