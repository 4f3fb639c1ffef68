"""Rooms: a joint lesson's room on every row and seating all its classes, home rooms counted in
the seats the model keeps, an exact assignment where a greedy one fails, and a shortage said
with its moment and rooms."""

from __future__ import annotations

import dataclasses

from keste.models.school import Activity, Room, Teacher
from keste.models.timetable import Timetable
from keste.solver.demand import RoomNeed
from keste.solver.rooms.greedy import greedy_rooms
from keste.solver.rooms.model import INFEASIBLE, exact_rooms
from keste.solver.rooms.needs import PlacedNeed
from keste.solver.rooms.shortage import room_shortage
from keste.solver.verify import validate
from tests.schoolkit import add_class, add_subject, infeasible, placed, school, solve, teach


def test_an_activity_of_two_classes_sits_in_one_room_that_seats_both():
    s = school(days="Mon", periods=2)
    s.rooms = [Room("L1", "lab", 40), Room("L2", "lab", 60)]
    for name in ("10A", "10B"):
        add_class(s, name, grade=10, students=25)
    add_subject(s, "science", room_type="lab")
    s.teachers.append(Teacher("T1", ("science",)))
    s.activities = [Activity("S", ("10A", "10B"), "science", 1, ("T1",))]
    result = solve(s)
    assert result.solved and result.report.ok, result.report.violations
    rows = [r for r in result.timetable.lessons if r.block == "S"]
    assert [r.class_name for r in rows] == ["10A", "10B"]
    assert {r.room for r in rows} == {"L2"}  # 50 students: L1 seats only 40

    def with_rooms(*rooms):
        edited = [
            dataclasses.replace(r, room=rooms[i]) if r.block == "S" else r
            for i, r in enumerate(result.timetable.lessons)
        ]
        return {v.rule: v.message for v in validate(s, Timetable(edited)).violations}

    assert "50 students in room L1" in with_rooms("L1", "L1")["room_seats"]
    assert "in rooms L1, L2 at once" in with_rooms("L2", "L1")["room_type"]


def test_a_home_room_in_use_is_not_there_for_a_big_group():
    """Classroom 101 (30 seats) is 7A's own; 102 seats 20. 7B (25 students, no room of its own)
    fits only in 101, so 7A and 7B never have ordinary lessons at the same time."""
    s = school(days="Mon,Tue", periods=1)
    s.rooms = [Room("101", "classroom", 30), Room("102", "classroom", 20)]
    add_class(s, "7A", students=25, home_room="101")
    add_class(s, "7B", students=25)
    add_subject(s, "hist")
    teach(s, "7A", "hist", 1, "H1")
    teach(s, "7B", "hist", 1, "H2")
    result = solve(s)
    assert result.solved and result.report.ok, result.report.violations
    assert placed(result, "7A") != placed(result, "7B")
    assert {r.room for r in result.timetable.lessons} == {"101"}
    s.settings.days = ("Mon",)
    assert infeasible(solve(s))


def _need(day, start, end, students, teacher, label, week=None) -> PlacedNeed:
    need = RoomNeed((0,), "lab", None, students, week)
    key = (len(label), hash(label) % 1000, day, start)
    return PlacedNeed(key, need, start, end, (teacher,), label, frozenset())


LAB_A, LAB_B = Room("A", "lab", 30), Room("B", "lab", 20)


def test_the_exact_assignment_finds_rooms_where_the_greedy_order_fails():
    """T's first lesson needs the big lab A; greedy keeps T in A for their next lesson (fewer
    room changes), and a 25-student lesson starting during it finds no lab that seats it.
    Exactly: T's second lesson moves to B."""
    first = _need(0, 420, 465, 25, "T", "first")
    second = _need(0, 480, 525, 15, "T", "second")
    big = _need(0, 500, 545, 25, "U", "big")
    needs = [first, second, big]
    candidates = {first.key: [LAB_A], second.key: [LAB_A, LAB_B], big.key: [LAB_A]}
    greedy = greedy_rooms(needs, candidates)
    assert greedy[second.key] == "A" and greedy[big.key] is None
    exact = exact_rooms(needs, candidates, greedy, time_limit=10)
    assert exact == {first.key: "A", second.key: "B", big.key: "A"}


def test_the_exact_assignment_keeps_a_teacher_in_one_room_when_it_can():
    lessons = [_need(0, 480 + 60 * i, 525 + 60 * i, 10, "T", f"l{i}") for i in range(3)]
    other = _need(0, 540, 585, 10, "U", "other")
    candidates = {n.key: [LAB_B, LAB_A] for n in [*lessons, other]}
    hint = {n.key: "B" for n in lessons} | {other.key: "A"}
    hint[lessons[1].key] = "A"  # a start with two changes
    hint[other.key] = "B"
    exact = exact_rooms([*lessons, other], candidates, hint, time_limit=10)
    assert {exact[n.key] for n in lessons} == {"B"} and exact[other.key] == "A"


def test_weeks_a_and_b_share_a_room_and_a_shortage_names_its_moment():
    a_week = _need(1, 480, 525, 10, "T", "7A art", week="A")
    b_week = _need(1, 480, 525, 10, "U", "7B music", week="B")
    assert exact_rooms([a_week, b_week], {a_week.key: [LAB_A], b_week.key: [LAB_A]}, {}, 10)
    needs = [_need(1, 480, 525, 10, t, f"{t} lesson") for t in ("T", "U", "V")]
    candidates = {n.key: [LAB_A, LAB_B] for n in needs}
    assert exact_rooms(needs, candidates, {}, 10) == INFEASIBLE
    message = room_shortage(needs, candidates, ("Mon", "Tue"))
    assert message.startswith("Tue 08:00: 3 lessons")
    assert "the 2 rooms A, B" in message
