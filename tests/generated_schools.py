"""Small random schools within the format's rules, for property-based tests (hypothesis): classes
of two grades, subjects that split or come as doubles, half hours, one or two bell schedules,
rooms with seats and home rooms, an elective block over a grade, a joint activity, language groups
of a class, students' choices to form groups from, a meal, a locked lesson, unavailable times,
teachers' wishes and working days, open Load rows for keste to allocate."""

from __future__ import annotations

from hypothesis import strategies as st

from keste.models.school import (
    Activity,
    Choice,
    ClassGroup,
    CurriculumRow,
    ElectiveGroup,
    Lock,
    MealRule,
    Room,
    Teacher,
    Wish,
)
from keste.models.settings import SOFT_RULES
from keste.models.values import parse_time_blocks
from tests.schoolkit import add_class, add_subject, bells, school, teach

SUBJECTS = (  # code, difficulty, split, room type
    ("math", 11, False, None),
    ("lang", 7, False, None),
    ("chem", 9, True, "lab"),
    ("pe", 5, False, None),
    ("art", 2, False, None),
)
CHOSEN = ("bio", "geo")  # subjects grade 8 students choose

SHIFTS = (
    ("first", ("08:00-08:45", "08:55-09:40", "09:50-10:35", "10:45-11:30", "11:40-12:25")),
    ("second", ("09:00-09:45", "09:55-10:40", "10:50-11:35", "11:45-12:30", "12:40-13:25")),
)


@st.composite
def small_schools(draw):
    days = draw(st.sampled_from(["Mon,Tue", "Mon,Tue,Wed"]))
    periods = draw(st.integers(3, 5))
    s = school(days=days, periods=periods, split_threshold=20, hard_difficulty=9)
    for rule in SOFT_RULES:
        if rule != "moved_lessons":
            s.settings.weights[rule] = draw(st.integers(0, 3))
    for code, difficulty, split, room_type in SUBJECTS:
        double = (
            draw(st.sampled_from(["no", "no", "allowed", "required"])) if code == "math" else "no"
        )
        per_day = 2 if double != "no" else 1
        add_subject(
            s,
            code,
            difficulty=difficulty,
            split=split,
            room_type=room_type,
            double=double,
            max_per_day=per_day,
        )
    two_shifts = draw(st.booleans())
    if two_shifts:
        for name, times in SHIFTS:
            bells(s, name, *times[:periods])
    names = draw(st.lists(st.sampled_from(["7A", "7B", "8A", "8B"]), min_size=1, max_size=3))
    for index, name in enumerate(dict.fromkeys(names)):
        shift = SHIFTS[index % 2][0] if two_shifts else None
        add_class(s, name, grade=int(name[0]), students=draw(st.integers(12, 26)), bells=shift)
    _curriculum(draw, s, capacity=len(s.settings.days) * periods)
    if draw(st.booleans()):
        _rooms(draw, s)
    _extras(draw, s)
    return s


def _curriculum(draw, s, capacity: int) -> None:
    """Each class a few subjects of 1, 1.5 or 2 hours a week, within its week; teachers drawn
    from a small staff, so some teach several classes."""
    staff = draw(st.integers(2, 4))
    for school_class in s.classes:
        chosen = draw(st.lists(st.sampled_from(SUBJECTS), min_size=1, max_size=4, unique=True))
        budget = capacity - 2
        for code, _, split, _ in chosen:
            hours = draw(st.sampled_from([1, 1, 2, 1.5]))
            if hours > budget:
                continue
            budget -= hours
            halves = split and school_class.students >= s.settings.split_threshold
            for group in (1, 2) if halves else (None,):
                teacher = f"T{draw(st.integers(1, staff))}"
                unavailable = draw(st.sampled_from(["", "", f"{s.settings.days[-1]} 1"]))
                teach(s, school_class.name, code, hours, teacher, group, unavailable)
                if draw(st.integers(0, 5)) == 0:  # open: keste allocates a teacher
                    s.load.pop()


def _rooms(draw, s) -> None:
    s.rooms = [Room("Lab", "lab", draw(st.sampled_from([None, 20, 30])))]
    s.rooms += [Room(f"10{i}", "classroom", draw(st.sampled_from([None, 15, 30]))) for i in (1, 2)]
    for school_class in s.classes:
        if draw(st.booleans()):
            school_class.home_room = draw(st.sampled_from(["101", "102"]))


def _extras(draw, s) -> None:
    """Maybe an elective block, a joint activity, language groups, choices, a meal, a locked
    lesson, wishes and limits on days."""
    first = s.classes[0]
    same_bells = [c for c in s.classes if c.bells == first.bells]
    if draw(st.booleans()):
        _block(draw, s, first)
    if len(same_bells) > 1 and draw(st.booleans()):
        parts = tuple(c.name for c in same_bells[:2])
        s.activities.append(Activity("J", parts, "pe", 1, ("P1",)))
        _staff(s, "P1")
    if draw(st.integers(0, 3)) == 0:
        _language_groups(draw, s, s.classes[-1])
    if draw(st.integers(0, 3)) == 0:
        _choices(draw, s)
    if draw(st.booleans()):
        s.meals.append(MealRule("lunch", ("7-8",), (2, 3), draw(st.sampled_from([None, 1, 2]))))
    rows = [r for r in s.curriculum if r.class_name == first.name and r.hours >= 1]
    if rows and draw(st.booleans()):
        day = draw(st.sampled_from(s.settings.days))
        s.locks.append(Lock(first.name, rows[0].subject, day, 1, 1 if _split(s, rows[0]) else None))
    _limits(draw, s)


def _block(draw, s, first) -> None:
    """Two groups of the first class's grade at the same times, each with its teacher."""
    room_type = draw(st.sampled_from([None, "lab"])) if s.rooms else None
    co_teacher = draw(st.sampled_from([None, "E3"]))
    for group, teacher in (("g1", "E1"), ("g2", "E2")):
        s.electives.append(
            ElectiveGroup(
                "E",
                (str(first.grade),),
                1,
                group,
                "art",
                teacher,
                room_type,
                10,
                co_teacher if group == "g1" else None,
            )
        )
    _staff(s, "E1", "E2", "E3")


def _language_groups(draw, s, school_class) -> None:
    """The class in two language groups, each with its own lesson at the same time or apart."""
    half = school_class.students // 2
    s.groups += [
        ClassGroup(school_class.name, "en", half),
        ClassGroup(school_class.name, "de", school_class.students - half),
    ]
    teachers = ("G1", draw(st.sampled_from(["G1", "G2"])))
    for group, teacher in zip(("en", "de"), teachers, strict=True):
        s.activities.append(
            Activity(f"L-{group}", (f"{school_class.name}/{group}",), "lang", 1, (teacher,))
        )
    _staff(s, *teachers)


def _choices(draw, s) -> None:
    """Students of grade 8 choose biology, geography or both; keste forms the groups."""
    grade = [c for c in s.classes if c.grade == 8]
    if not grade:
        return
    for code in CHOSEN:
        add_subject(s, code, difficulty=6)
        s.curriculum.append(CurriculumRow(code, 1, grade=8))
        s.teachers.append(Teacher(f"{code}-t", (code,)))
    for school_class in grade:
        for number in range(draw(st.integers(5, 12))):
            student = f"{school_class.name}-{number}"
            for code in draw(st.lists(st.sampled_from(CHOSEN), min_size=1, unique=True)):
                s.choices.append(Choice(student, school_class.name, code))


def _limits(draw, s) -> None:
    """Maybe a teacher's wish, working days and lessons a day, a class's unavailable time."""
    days = s.settings.days
    teacher = s.teachers[0] if s.teachers else None
    if teacher and draw(st.booleans()):
        teacher.wishes = (
            draw(
                st.sampled_from([Wish("free_day"), Wish("free_day", parse_time_blocks(days[0])[0])])
            ),
        )
    if teacher and draw(st.integers(0, 3)) == 0:
        teacher.max_days = len(days) - 1
    if teacher and draw(st.integers(0, 3)) == 0:
        teacher.max_lessons_per_day = s.settings.periods_per_day - 1
    if draw(st.integers(0, 3)) == 0:
        s.classes[-1].unavailable = parse_time_blocks(f"{days[-1]} {s.settings.periods_per_day}")


def _split(s, row) -> bool:
    subject = s.subject_by_code[row.subject]
    return subject.split and s.class_by_name[row.class_name].students >= s.settings.split_threshold


def _staff(s, *codes: str) -> None:
    known = {t.code for t in s.teachers}
    s.teachers += [
        Teacher(c, tuple(code for code, *_ in SUBJECTS))
        for c in dict.fromkeys(codes)
        if c not in known
    ]


def describe(s) -> str:
    """The school in a few lines, for a failing example's report."""
    lines = [f"days {','.join(s.settings.days)} x {s.settings.periods_per_day}"]
    lines += [f"bells {b.name}: {[(p.start, p.end) for p in b.periods]}" for b in s.bells]
    records = (
        s.classes,
        s.subjects,
        s.curriculum,
        s.load,
        s.teachers,
        s.rooms,
        s.electives,
        s.groups,
        s.activities,
        s.choices,
        s.locks,
        s.meals,
    )
    for record in (r for group in records for r in group):
        fields = {
            k: v for k, v in vars(record).items() if v not in (None, (), "no") and k != "source"
        }
        lines.append(f"{type(record).__name__} {fields}")
    return "\n".join([*lines, f"weights {s.settings.weights}"])
