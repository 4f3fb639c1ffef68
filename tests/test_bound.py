"""The lower bound keste proves itself (the sum of class-local optima): equal to the optimum when
the penalties are forced within each class, never above the optimum of a school, and reported by
a search that keeps improving the timetable."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from keste.models.io.reading import load_school
from keste.models.problems import Problems
from keste.solver.demand import expand
from keste.solver.pipeline import solve_school
from keste.solver.sat.solver import new_solver
from keste.solver.timetable.bound import class_local_bound
from keste.solver.timetable.build import add_soft_rules, build_model
from keste.solver.timetable.search import SolveOptions
from tests.conftest import SAMPLES_DIR
from tests.schoolkit import add_class, add_subject, school, teach

CLASS_RULES = ("difficulty_profile", "hard_subject_position", "hardest_back_to_back")


def _optimum(s) -> int:
    """The school's optimal objective, proven by CP-SAT (tiny schools only)."""
    ctx = build_model(s, expand(s, Problems()))
    add_soft_rules(ctx)
    if ctx.objective is None:  # no penalty term at all
        return 0
    ctx.model.minimize(ctx.objective)
    solver = new_solver(60, workers=2)
    assert solver.solve(ctx.model) == cp_model.OPTIMAL
    return round(solver.objective_value)


def _bound(s) -> int:
    ctx = build_model(s, expand(s, Problems()))
    found = class_local_bound(ctx, time.perf_counter() + 30, workers=1)
    assert found is not None and found.optimal == found.classes
    return found.value


def test_a_penalty_forced_within_a_class_is_the_bound():
    """Three hardest subjects fill a three-period day: the first lesson is outside periods 2-4
    and two pairs are back to back, whatever the order: optimum and bound are both 3."""
    s = school(days="Mon", periods=3, hard_difficulty=10, hardest_difficulty=11)
    for rule in CLASS_RULES:
        s.settings.weights[rule] = 1
    add_class(s, "7A")
    for subject, teacher in (("alg", "T1"), ("phys", "T2"), ("chem", "T3")):
        add_subject(s, subject, difficulty=11)
        teach(s, "7A", subject, 1, teacher)
    assert _optimum(s) == 3
    assert _bound(s) == 3


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    difficulties=st.lists(st.integers(1, 11), min_size=3, max_size=3),
    shared=st.lists(st.booleans(), min_size=3, max_size=3),
    gaps_weight=st.integers(0, 3),
)
def test_the_bound_is_never_above_the_optimum(difficulties, shared, gaps_weight):
    """Two classes, two days of three periods; each subject's teacher is shared by both classes
    or not, so teachers push lessons to worse periods: the class-local bound stays below."""
    s = school(days="Mon,Tue", periods=3, hard_difficulty=8, hardest_difficulty=10)
    for rule in CLASS_RULES:
        s.settings.weights[rule] = 2
    s.settings.weights["teacher_gaps"] = gaps_weight
    for name in ("7A", "7B"):
        add_class(s, name)
    for index, (difficulty, one_teacher) in enumerate(zip(difficulties, shared, strict=True)):
        subject = f"s{index}"
        add_subject(s, subject, difficulty=difficulty)
        for name in ("7A", "7B"):
            teach(s, name, subject, 2, f"T{index}" if one_teacher else f"T{index}{name}")
    assert _bound(s) <= _optimum(s)


def test_a_search_asked_for_a_bound_reports_one_below_its_timetable():
    s = load_school(SAMPLES_DIR / "small.xlsx")
    result = solve_school(s, SolveOptions(time_limit=12, workers=2, bound=True))
    info = result.timetable.info
    assert result.report.ok
    assert info.bound is not None and info.bound <= info.objective
    assert info.verdict in ("gap", "optimal")
