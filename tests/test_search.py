"""The search engine: keste's neighbourhood search never makes a timetable worse, its objective is
the validator's, and the teacher-gap encoding counts what the validator counts."""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from keste.models.io.reading import load_school
from keste.models.problems import Problems
from keste.models.school import Lock
from keste.solver.demand import expand
from keste.solver.rooms.assign import build_timetable
from keste.solver.sat.solver import hint_all, new_solver
from keste.solver.timetable.build import add_soft_rules, build_model
from keste.solver.timetable.lns import NeighbourhoodSearch
from keste.solver.timetable.neighbourhoods import Neighbourhood, NeighbourhoodPicker
from keste.solver.timetable.search import solution_of
from keste.solver.timetable.submodel import SubModel
from keste.solver.verify import validate
from tests.conftest import SAMPLES_DIR
from tests.schoolkit import add_class, add_subject, school, solve, teach


def _first_timetable(s):
    """The full model (hard and soft rules) and a first timetable of it, as CP-SAT values."""
    demand = expand(s, Problems())
    ctx = build_model(s, demand)
    add_soft_rules(ctx)
    solver = new_solver(30, workers=1, seed=0, parameters={"linearization_level": 0})
    solver.parameters.stop_after_first_solution = True
    assert solver.solve(ctx.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    ctx.model.minimize(ctx.objective)
    return demand, ctx, list(solver.response_proto.solution)


def _validated(s, demand, ctx, values):
    return validate(s, build_timetable(s, demand, solution_of(ctx, values)))


def test_neighbourhood_steps_never_worsen_and_match_the_validator():
    s = load_school(SAMPLES_DIR / "small.xlsx")
    demand, ctx, values = _first_timetable(s)
    first = ctx.objective_value(values)
    improvements: list[int] = []
    search = NeighbourhoodSearch(ctx, workers=1, seed=3)
    outcome = search.run(values, time.perf_counter() + 8, improvements.append)
    assert outcome.steps > 0
    assert outcome.objective <= first
    steps = [first, *improvements]
    assert all(steps[k + 1] < steps[k] for k in range(len(improvements)))  # each one better
    assert ctx.objective_value(outcome.values) == outcome.objective
    report = _validated(s, demand, ctx, outcome.values)
    assert report.ok
    assert report.objective == outcome.objective


def test_a_teacher_gap_counted_by_hand():
    """One day of three periods; T1 teaches 7A in period 1 and 7B in period 3 (locked), so T1 has
    one gap; art fills the other periods as a double with teachers who have none."""
    s = school(days="Mon", periods=3, teacher_gaps=1)
    s.settings.weights["teacher_gaps"] = 1
    add_subject(s, "math")
    add_subject(s, "art", double="allowed")
    for name, art_teacher in (("7A", "T2"), ("7B", "T3")):
        add_class(s, name)
        teach(s, name, "math", 1, "T1")
        teach(s, name, "art", 2, art_teacher)
    s.locks = [Lock("7A", "math", "Mon", 1), Lock("7B", "math", "Mon", 3)]
    result = solve(s)
    assert result.solved and result.report.ok
    assert result.report.penalties["teacher_gaps"] == 1
    assert result.timetable.info.penalties["teacher_gaps"] == (1, 1)


def _fits_whole_model(ctx, values) -> bool:
    return _fits_whole_model_of(ctx.model, values)


def test_a_step_moves_only_its_neighbourhood_and_fits_the_whole_model():
    """A step's model holds only the constraints its freed lessons reach, yet what it finds is
    a timetable of the whole school: lessons outside the neighbourhood stay where they were."""
    s = load_school(SAMPLES_DIR / "small.xlsx")
    _, ctx, values = _first_timetable(s)
    search = NeighbourhoodSearch(ctx, workers=1, seed=0)
    classes = sorted(ctx.demand.sets_of_class)
    for neighbourhood in (
        Neighbourhood(frozenset(classes[:3]), frozenset({0, 3})),
        Neighbourhood(frozenset(classes[3:5]), frozenset(range(len(ctx.days)))),
    ):
        _, found = search._step(values, neighbourhood, 5, 0)
        assert found is not None
        for (meeting, day, _), variable in ctx.x.items():
            free = day in neighbourhood.days and not neighbourhood.classes.isdisjoint(
                ctx.meetings[meeting].classes
            )
            if not free:
                assert found[variable.index] == values[variable.index]
        assert _fits_whole_model(ctx, found)
        assert ctx.objective_value(found) <= ctx.objective_value(values)
        values = found


def test_most_neighbourhoods_hold_a_gap_and_its_day():
    """Two steps in three start from a teacher-day with gaps: that day is freed, with classes
    the teacher teaches."""
    s = load_school(SAMPLES_DIR / "small.xlsx")
    ctx = build_model(s, expand(s, Problems()))
    picker = NeighbourhoodPicker(ctx, seed=1)
    teacher = picker.teachers[0]
    picks = [picker.pick([(teacher, 2)]) for _ in range(300)]
    around = [n for n in picks if 2 in n.days and n.classes & picker.classes_of_teacher[teacher]]
    assert len(around) >= 0.6 * len(picks)
    assert all(len(n.classes) <= picker.size for n in picks)


def test_a_step_model_folds_fixed_variables_into_constants():
    """By hand: decisions a, b (freed) and c (fixed at 1); a derived maximum m = max(a + c, b);
    a + b + c <= 2 and a or not c. With c fixed the step model holds a, b and m only, with
    c's value in the bounds and offsets; its optimum (minimise 3m - a - b) is a timetable of
    the whole model."""
    model = cp_model.CpModel()
    a, b, c = (model.new_bool_var(name) for name in "abc")
    m = model.new_int_var(0, 2, "m")
    model.add_max_equality(m, [a + c, b])
    model.add(a + b + c <= 2)
    model.add_bool_or([a, c.Not()])
    model.minimize(3 * m - a - b)
    sub = SubModel(model, {"free": [a.index, b.index], "fixed": [c.index]})
    values = [1, 0, 1, 2]  # a, b, c, m: a whole solution
    step = sub.step_model(["free"], values)
    assert step.loose == [a.index, b.index, m.index]
    solver = new_solver(5, workers=1)
    assert solver.solve(step.model) == cp_model.OPTIMAL
    found = step.solution(values, solver.response_proto.solution)
    assert found == [1, 0, 1, 2]  # b = 1 would break a + b + c <= 2
    assert found[c.index] == 1  # fixed
    assert found[a.index] == 1  # a or not c, with c true
    assert found[m.index] == max(found[a.index] + 1, found[b.index])
    assert found[a.index] + found[b.index] + 1 <= 2
    assert _fits_whole_model_of(model, found)


def _fits_whole_model_of(model, values) -> bool:
    """Every variable fixed at its value: is that a solution of the whole model?"""
    hint_all(model, values)
    solver = new_solver(30, workers=1)
    solver.parameters.fix_variables_to_their_hinted_value = True
    status = solver.solve(model)
    model.clear_hints()
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
