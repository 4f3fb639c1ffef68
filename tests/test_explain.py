"""Why there is no timetable: a corpus of impossible schools, one per kind of conflict and some
where only two or three rules together conflict, each with the explanation it must get."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from keste.models.findings import render
from keste.models.io.reading import write_school
from keste.models.school import Lock, MealRule, Room
from keste.solver.diagnosis.diagnose import describe_fact
from keste.solver.pipeline import explain_school
from keste.solver.timetable.search import SolveOptions
from tests.conftest import run
from tests.schoolkit import _clear_caches, add_class, add_subject, bells, school, teach


def explain(s):
    _clear_caches(s)
    result = explain_school(s, SolveOptions(time_limit=30, workers=2))
    assert result.diagnosis is not None, result.problems
    return result.diagnosis


def _one_day_class(lessons: int, periods: int = 4, **settings):
    s = school(days="Mon", periods=periods, **settings)
    add_class(s, "7A")
    for index in range(lessons):
        add_subject(s, f"s{index}")
        teach(s, "7A", f"s{index}", 1, f"T{index}")
    return s


# ------------------------------------------------------------------------------ the corpus


def class_week():
    s = _one_day_class(4, periods=3)
    return s


def teacher_unavailable():
    s = school(days="Mon,Tue", periods=4)
    add_subject(s, "chem", max_per_day=2)
    for name in ("9A", "9B"):
        add_class(s, name, grade=9)
        teach(s, name, "chem", 3, "T012", unavailable="Mon")
    return s


def teacher_of_short_days():
    s = school(periods=8)
    s.settings.max_lessons_per_day = {1: 4}
    add_subject(s, "read")
    for name in ("1A", "1B"):
        add_class(s, name, grade=1)
        teach(s, name, "read", 12, "P1")
    return s


def subject_days():
    s = school(days="Mon,Tue", periods=4)
    add_class(s, "7A")
    add_subject(s, "math")
    teach(s, "7A", "math", 3, "M1")
    return s


def room_type():
    s = school(days="Mon", periods=4)
    s.rooms = [Room("Lab", "lab")] + [Room(f"10{i}", "classroom") for i in range(3)]
    add_subject(s, "chem", room_type="lab", max_per_day=2)
    for name in ("8A", "8B", "8C"):
        add_class(s, name, grade=8)
        teach(s, name, "chem", 2, f"C{name}")
    return s


def room_seats():
    s = school(days="Mon", periods=4)
    s.rooms = [Room("Lab", "lab", capacity=24)]
    add_subject(s, "chem", room_type="lab")
    add_class(s, "8A", grade=8, students=30)
    teach(s, "8A", "chem", 1, "C1")
    return s


def lock_clash():
    s = _one_day_class(2)
    s.locks = [Lock("7A", "s0", "Mon", 1), Lock("7A", "s1", "Mon", 1)]
    return s


def lock_unavailable():
    s = school(days="Mon,Tue", periods=4)
    add_class(s, "7A")
    add_subject(s, "math")
    teach(s, "7A", "math", 1, "M1", unavailable="Tue")
    s.locks = [Lock("7A", "math", "Tue", 1)]
    return s


def lock_teacher_clash():
    s = school(days="Mon,Tue", periods=4)
    add_subject(s, "math")
    for name in ("7A", "7B"):
        add_class(s, name)
        teach(s, name, "math", 1, "M1")
    s.locks = [Lock("7A", "math", "Mon", 1), Lock("7B", "math", "Mon", 1)]
    return s


def lock_beyond_day():
    s = school(days="Mon,Tue", periods=8)
    s.settings.max_lessons_per_day = {7: 4}
    add_class(s, "7A")
    add_subject(s, "math")
    teach(s, "7A", "math", 1, "M1")
    s.locks = [Lock("7A", "math", "Mon", 6)]
    return s


def lock_too_many():
    s = school(days="Mon,Tue", periods=4)
    add_class(s, "7A")
    add_subject(s, "math")
    teach(s, "7A", "math", 1, "M1")
    s.locks = [Lock("7A", "math", "Mon", 1), Lock("7A", "math", "Tue", 1)]
    return s


def canteen():
    s = school(days="Mon", periods=5)
    add_subject(s, "a")
    for name in ("5A", "5B", "5C"):
        add_class(s, name, grade=5)
        for index in range(4):
            code = f"s{index}"
            if not any(x.code == code for x in s.subjects):
                add_subject(s, code)
            teach(s, name, code, 1, f"T{name}{index}")
    s.meals = [MealRule("lunch", ("5",), (3, 4), canteen_capacity=1)]
    return s


def meal_window():
    s = _one_day_class(2, periods=8)
    s.settings.max_lessons_per_day = {7: 3}
    s.meals = [MealRule("lunch", ("7A",), (6, 7))]
    return s


def lock_and_compact_day():
    """A lock at period 3 of a day with only two lessons: the day would have a window."""
    s = _one_day_class(2)
    s.locks = [Lock("7A", "s0", "Mon", 3)]
    return s


def two_locks_and_one_lab():
    s = school(days="Mon,Tue", periods=4)
    s.rooms = [Room("Lab", "lab"), Room("101", "classroom"), Room("102", "classroom")]
    add_subject(s, "chem", room_type="lab")
    for name in ("8A", "8B"):
        add_class(s, name, grade=8)
        teach(s, name, "chem", 1, f"C{name}")
    s.locks = [Lock("8A", "chem", "Mon", 1), Lock("8B", "chem", "Mon", 1)]
    return s


def two_unavailable_teachers_and_a_shared_one():
    """Art and music teachers only come at period 2, so both maths lessons fall on period 1,
    taught by the same teacher."""
    s = school(days="Mon", periods=2)
    add_subject(s, "math")
    add_subject(s, "art")
    add_subject(s, "music")
    add_class(s, "8A", grade=8)
    add_class(s, "8B", grade=8)
    teach(s, "8A", "math", 1, "X")
    teach(s, "8B", "math", 1, "X")
    teach(s, "8A", "art", 1, "Y", unavailable="Mon 1")
    teach(s, "8B", "music", 1, "Z", unavailable="Mon 1")
    return s


def meal_and_compact_day():
    """Lunch at period 3 needs two lessons before it; the class has one a day."""
    s = _one_day_class(1, periods=4)
    s.meals = [MealRule("lunch", ("7A",), (3,))]
    return s


CHECKED = {  # school: (finding kind, names it must mention, figures it must give)
    class_week: ("class_week", {"7A"}, {"needed": 4, "capacity": 3}),
    teacher_unavailable: ("teacher_week", {"T012", "9A", "9B"}, {"needed": 6, "capacity": 4}),
    teacher_of_short_days: ("teacher_week", {"P1", "1A", "1B"}, {"needed": 24, "capacity": 20}),
    subject_days: ("subject_days", {"7A", "math"}, {"needed": 3, "capacity": 2}),
    room_type: ("room_type", {"lab"}, {"needed": 6, "capacity": 4}),
    room_seats: ("room_seats", {"8A", "lab"}, {"students": 30, "largest": 24}),
    lock_clash: ("lock_clash", {"7A"}, {"period": 1}),
    lock_unavailable: ("lock_unavailable", {"7A", "M1"}, {"period": 1}),
    lock_teacher_clash: ("lock_teacher_clash", {"M1", "7A", "7B"}, {}),
    lock_beyond_day: ("lock_beyond_day", {"7A"}, {"reach": 4}),
    lock_too_many: ("lock_too_many", {"7A"}, {"locks": 2, "lessons": 1}),
    canteen: ("canteen", {"lunch"}, {"classes": 3, "most": 2}),
    meal_window: ("meal_window", {"7A", "lunch"}, {"reach": 4}),
}

CORES = {  # school: (the facts that cannot all hold, the change that alone is enough)
    lock_and_compact_day: (
        {("lock", "7A s0 Mon 3"), ("compact", "7A"), ("hours", "7A")},
        "relax_lock",
    ),
    two_locks_and_one_lab: (
        {("lock", "8A chem Mon 1"), ("lock", "8B chem Mon 1"), ("rooms", "lab")},
        "relax_lock",
    ),
    two_unavailable_teachers_and_a_shared_one: (
        {
            ("unavailable", "Y"),
            ("unavailable", "Z"),
            ("teacher_clash", "X"),
            ("hours", "8A"),
            ("hours", "8B"),
            ("class_clash", "8A"),
            ("class_clash", "8B"),
        },
        "relax_unavailable",
    ),
    meal_and_compact_day: (
        {("meals", "lunch"), ("compact", "7A"), ("hours", "7A")},
        "relax_meals",
    ),
}


@pytest.mark.parametrize("build", list(CHECKED), ids=lambda f: f.__name__)
def test_counting_checks_explain_with_numbers(build):
    kind, names, figures = CHECKED[build]
    diagnosis = explain(build())
    assert diagnosis.impossible
    finding = diagnosis.findings[0]
    assert finding.kind == kind, render(finding)
    assert names <= set(finding.entities), finding.entities
    for key, value in figures.items():
        assert finding.params[key] == value, (key, finding.params)
    assert finding.suggestion is not None or kind == "meal_window"


@pytest.mark.parametrize("build", list(CORES), ids=lambda f: f.__name__)
def test_conflicts_of_several_rules_are_minimal(build):
    facts, change = CORES[build]
    diagnosis = explain(build())
    assert diagnosis.impossible
    finding = diagnosis.findings[0]
    assert finding.kind == "core", render(finding)
    described = {(f.kind.removeprefix("fact_"), _key(f)) for f in finding.facts}
    assert described == facts, render(finding)
    assert finding.suggestion is not None and finding.suggestion.params["change"].kind == change


def _key(fact) -> str:
    params = fact.params
    for name in ("lock", "owner", "cls", "teacher", "type", "meal", "subject", "room"):
        if name in params:
            return str(params[name])
    raise AssertionError(params)


def test_the_teacher_explanation_reads_as_a_scheduler_would_say_it():
    text = render(explain(teacher_unavailable()).findings[0], "en")
    assert text.startswith(
        "Teacher T012 (chem) can teach on 4 periods a week; their lessons in 9A, 9B need 6, "
        "because they are unavailable on Mon."
    )
    assert "Suggestion: give 2 of the lessons of T012 to another teacher" in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_explanations_in_kazakh_and_russian(lang):
    finding = explain(teacher_unavailable()).findings[0]
    text = render(finding, lang)
    assert "T012" in text and "9A, 9B" in text and "6" in text
    assert not any(word in text for word in ("Teacher", "because", "Suggestion"))
    assert ("Дс" if lang == "kk" else "Пн") in text  # Monday in the user's language
    core = render(explain(two_locks_and_one_lab()).findings[0], lang)
    assert "8A chem" in core and "lab" in core


def test_every_fact_and_change_has_words_in_every_language():
    s = two_unavailable_teachers_and_a_shared_one()
    s.rooms = [Room("Lab", "lab")]
    s.meals = [MealRule("lunch", ("8",), (2,), canteen_capacity=1)]
    s.locks = [Lock("8A", "math", "Mon", 1)]
    from keste.models.problems import Problems
    from keste.solver.demand import expand
    from keste.solver.diagnosis.diagnose import describe_relaxation
    from keste.solver.timetable.build import build_model

    _clear_caches(s)
    ctx = build_model(s, expand(s, Problems()), diagnose=True)
    for family, key in ctx.guards:
        for lang in ("en", "kk", "ru"):
            assert key.split()[0] in render(describe_fact(ctx, family, key), lang)
            if family not in ("hours", "class_clash", "compact"):
                assert render(describe_relaxation(ctx, family, key), lang)


def test_a_feasible_school_has_nothing_to_explain():
    s = _one_day_class(3)
    diagnosis = explain(s)
    assert diagnosis.verdict == "feasible"


# ------------------------------------------------------------------------------ the commands


def test_explain_command(tmp_path, runner):
    path = tmp_path / "school.xlsx"
    write_school(teacher_unavailable(), path)
    report = tmp_path / "why.xlsx"
    result = run(runner, "explain", path, "-o", report, "--lang", "ru")
    assert result.exit_code == 5, result.output
    text = " ".join(result.output.split())
    assert "Учитель T012" in text and "9A, 9B" in text
    sheet = load_workbook(report).worksheets[0]
    assert any("T012" in str(row[0]) for row in sheet.iter_rows(values_only=True))
    feasible = tmp_path / "ok.xlsx"
    write_school(_one_day_class(3), feasible)
    assert run(runner, "explain", feasible).exit_code == 0


def test_solve_explains_an_impossible_school_and_writes_the_report(tmp_path, runner):
    path = tmp_path / "school.xlsx"
    write_school(two_locks_and_one_lab(), path)
    out = tmp_path / "timetable.xlsx"
    result = run(runner, "solve", path, "-o", out, "--time-limit", "20", "--lang", "en")
    assert result.exit_code == 5, result.output
    text = " ".join(result.output.split())
    assert "locked: 8A chem Mon 1" in text and "room(s) of type lab" in text
    rows = [row[0] for row in load_workbook(out).worksheets[0].iter_rows(values_only=True)]
    assert any("locked: 8B chem Mon 1" in str(row) for row in rows)


def test_bells_clash_core_names_the_teacher():
    s = school(days="Mon", periods=1)
    bells(s, "early", "08:00-08:45")
    bells(s, "late", "08:30-09:15")
    add_subject(s, "eng")
    add_class(s, "5A", bells="early")
    add_class(s, "9A", bells="late")
    teach(s, "5A", "eng", 1, "T1")
    teach(s, "9A", "eng", 1, "T1")
    finding = explain(s).findings[0]
    assert "T1" in finding.entities
