"""Bell generation, curriculum resolution and splitting, by hand-computed examples."""

from keste.models.bells import generate_bells, schedules
from keste.models.curriculum import class_curriculum, is_split, weekly_hours
from keste.models.school import (
    CurriculumRow,
    ElectiveGroup,
    School,
    SchoolClass,
    Subject,
    select_classes,
)
from keste.models.settings import Settings
from keste.models.values import format_time


def test_bells_from_settings_with_big_breaks():
    settings = Settings(
        first_lesson=8 * 60,
        lesson_minutes=45,
        break_minutes=10,
        big_breaks={2: 20},
        periods_per_day=4,
    )
    bells = generate_bells(settings)
    assert [(format_time(p.start), format_time(p.end)) for p in bells.periods] == [
        ("08:00", "08:45"),
        ("08:55", "09:40"),
        ("10:00", "10:45"),
        ("10:55", "11:40"),
    ]


def test_sixty_minute_lessons():
    bells = generate_bells(Settings(lesson_minutes=60, break_minutes=5, periods_per_day=2))
    assert [(p.start, p.end) for p in bells.periods] == [(480, 540), (545, 605)]


def test_bells_sheet_replaces_generated_schedule():
    from benchmarks.schools.general import SAMPLES, make_school

    school = make_school(SAMPLES["large"])
    assert set(schedules(school)) == {"shift1", "shift2"}
    first, second = schedules(school)["shift1"], schedules(school)["shift2"]
    assert second.periods[0].start - first.periods[-1].end >= 40  # DOMAIN: 40 min between shifts


def _school() -> School:
    school = School()
    school.subjects = [Subject("eng", split=True), Subject("math"), Subject("kaz_l2", split=True)]
    school.classes = [
        SchoolClass("5А", 5, 25, "kk"),
        SchoolClass("5Б", 5, 20, "ru"),
        SchoolClass("5В", 5, 26, "ru"),
    ]
    school.curriculum = [
        CurriculumRow("math", 5, grade=5),
        CurriculumRow("eng", 3, grade=5),
        CurriculumRow("kaz_l2", 3, grade=5, language="ru"),
        CurriculumRow("math", 6, grade=5, language="ru"),
        CurriculumRow("math", 4, class_name="5В"),
        CurriculumRow("eng", 0, class_name="5В"),
        CurriculumRow("eng", 3, grade=5, language="ru", split=False),
    ]
    return school


def test_curriculum_rows_resolve_grade_language_then_class():
    school = _school()
    kk, ru, override = (class_curriculum(school, c) for c in school.classes)
    assert {s: r.hours for s, r in kk.items()} == {"math": 5, "eng": 3}
    assert {s: r.hours for s, r in ru.items()} == {"math": 6, "eng": 3, "kaz_l2": 3}
    assert {s: r.hours for s, r in override.items()} == {"math": 4, "kaz_l2": 3}


def test_split_needs_the_subject_mark_and_the_threshold():
    school = _school()
    a, b, c = school.classes
    assert is_split(school, a, class_curriculum(school, a)["eng"])  # 25 >= 24
    assert not is_split(school, b, class_curriculum(school, b)["kaz_l2"])  # 20 < 24
    assert is_split(school, c, class_curriculum(school, c)["kaz_l2"])
    school.settings.split_threshold = 18  # NIS: more than 17
    assert is_split(school, b, class_curriculum(school, b)["kaz_l2"])
    assert not is_split(school, b, class_curriculum(school, b)["eng"])  # row says split = no


def test_weekly_hours_count_elective_blocks_once():
    school = _school()
    school.electives = [
        ElectiveGroup("A", ("5*",), 2, "g1", "math", "T1"),
        ElectiveGroup("A", ("5*",), 2, "g2", "eng", "T2"),
    ]
    assert weekly_hours(school, school.classes[0]) == 5 + 3 + 2


def test_class_selectors():
    school = _school()
    names = lambda sel: [c.name for c in select_classes(sel, school.classes)]  # noqa: E731
    assert names(("5",)) == ["5А", "5Б", "5В"]
    assert names(("5Б", "5А")) == ["5Б", "5А"]
    assert names(("5*",)) == ["5А", "5Б", "5В"]
    assert names(("4-6",)) == ["5А", "5Б", "5В"]
    assert names(("9",)) == []
