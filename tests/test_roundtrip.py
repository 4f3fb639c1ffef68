"""xlsx -> model -> JSON -> model -> xlsx keeps everything, in every header language."""

import pytest

from benchmarks.schools.general import SAMPLES, make_school
from benchmarks.schools.samples import SAMPLE_NAMES, sample_school
from keste.models.io.reading import example_school, load_school, write_school
from keste.models.school import Choice, CurriculumRow, ElectiveGroup, Lock, Room
from keste.models.values import parse_time_blocks
from tests.conftest import SAMPLES_DIR


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_round_trip(name, tmp_path):
    original = load_school(SAMPLES_DIR / f"{name}.xlsx")
    write_school(original, tmp_path / "school.json")
    from_json = load_school(tmp_path / "school.json")
    write_school(from_json, tmp_path / "again.xlsx")
    again = load_school(tmp_path / "again.xlsx")
    assert from_json == original
    assert again == original


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_committed_samples_match_the_generator(name):
    """data/samples/*.xlsx are what data/samples/build.py makes: rebuild them after a change."""
    assert load_school(SAMPLES_DIR / f"{name}.xlsx") == sample_school(name)


def test_packaged_example_is_the_small_sample():
    """keste template --example writes keste/models/io/example_school.json, which
    data/samples/build.py writes from the generator."""
    assert example_school() == sample_school("small")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_sheet_round_trips_in_every_language(lang, tmp_path):
    school = make_school(SAMPLES["small"])
    school.settings.weights = {"teacher_gaps": 7}
    school.settings.academic_hour_minutes = 40
    school.teachers[0].unavailable = parse_time_blocks("Mon 1-2; Fri; Tue 13:00-15:00")
    room_types = {s.room_type for s in school.subjects if s.room_type} | {"lab"}
    school.rooms = [Room("101", "classroom", 30)] + [Room(t, t) for t in sorted(room_types)]
    school.electives = [ElectiveGroup("A", ("11*",), 2, "g1", "physics", "T017", "lab", 12, "T018")]
    school.locks = [Lock("5А", "math", "Wed", 2)]
    school.settings.min_group_students = 3
    school.settings.max_group_students = 15
    school.subjects[0].min_group = 12
    school.curriculum.append(CurriculumRow("algebra", 4.5, grade=11, level="higher"))
    school.choices = [Choice("Aruzhan", "11А", "algebra", "higher"), Choice("Dana", "11А", "law")]
    school.load = [
        r for r in school.load if r.class_name != "11А" or r.subject not in ("algebra", "law")
    ]
    school.electives.append(
        ElectiveGroup(
            "B", ("11А",), 4.5, "algebra H1", "algebra", level="higher", members=("Aruzhan",)
        )
    )
    path = tmp_path / f"school_{lang}.xlsx"
    write_school(school, path, lang=lang)
    assert load_school(path) == school
