"""The shared model context: one CP-SAT model, its lesson variables, and the named penalties.

Each constraint family (clashes, compactness, meals, ...) reads the meetings and the variables from
here, adds its constraints, and registers its soft rules as named penalty terms.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from keste.models.bells import schedules
from keste.models.school import BellSchedule, School
from keste.models.timetable import Timetable
from keste.solver.demand import Demand, Meeting
from keste.solver.sat.booleans import Literal, any_of, both

Slot = tuple[int, int]  # (day index, period number)


@dataclass
class Penalty:
    name: str
    weight: int
    terms: list = field(default_factory=list)  # linear expressions / variables, summed
    owners: list[str | None] = field(default_factory=list)  # the class each term belongs to


@dataclass
class ModelContext:
    school: School
    demand: Demand
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict[tuple[int, int, int], cp_model.IntVar] = field(default_factory=dict)
    double_starts: dict[tuple[int, int, int], cp_model.IntVar] = field(default_factory=dict)
    meal: dict[tuple[str, int, int], cp_model.IntVar] = field(default_factory=dict)
    penalties: dict[str, Penalty] = field(default_factory=dict)
    slots_of: dict[int, list[Slot]] = field(default_factory=dict)  # meeting -> allowed slots
    meal_rules: list = field(default_factory=list)  # (rule, [(class, bells, day, period, var)])
    occupancy: dict[tuple[str, int, int], list] = field(default_factory=dict)
    objective: object = None  # the weighted sum of every penalty, set once the model is built
    diagnose: bool = False  # guard every hard rule with an assumption literal (why no timetable)
    approved: Timetable | None = None  # re-solving: the timetable to change as little as possible
    guards: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    # (teacher, day) -> the gaps variable of that teacher-day
    teacher_gaps: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.schedules: dict[str, BellSchedule] = schedules(self.school)
        self.days: tuple[str, ...] = self.school.settings.days
        self.meetings: list[Meeting] = self.demand.meetings
        self.bells_of_set: dict[str, str] = {}
        self.class_of_set: dict[str, str] = {}
        for class_name, sets in self.demand.sets_of_class.items():
            bells = self.school.bells_of(self.school.class_by_name[class_name])
            for student_set in sets:
                self.bells_of_set[student_set] = bells
                self.class_of_set[student_set] = class_name
        self.meetings_of_set: dict[str, list[Meeting]] = defaultdict(list)
        self.meetings_of_teacher: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings:
            for student_set in meeting.sets:
                self.meetings_of_set[student_set].append(meeting)
            for teacher in meeting.teachers:
                self.meetings_of_teacher[teacher].append(meeting)

    def periods(self, bells: str) -> list[int]:
        return [p.number for p in self.schedules[bells].periods]

    def clock(self, bells: str, period: int) -> tuple[int, int]:
        found = self.schedules[bells].period(period)
        assert found is not None
        return found.start, found.end

    def lesson(self, meeting: Meeting, day: int, period: int):
        """The variable of a lesson of the meeting at (day, period), or None when not allowed."""
        return self.x.get((meeting.index, day, period))

    def day_lessons(self, meeting: Meeting, day: int) -> dict[int, cp_model.IntVar]:
        """Period -> variable for the meeting's allowed slots on one day, in period order."""
        return self._grid.get((meeting.index, day), {})

    def decisions(self) -> list[cp_model.IntVar]:
        """The variables a timetable is: where each lesson and each meal is. Every other
        variable follows from them."""
        return [*self.x.values(), *self.meal.values()]

    def index_variables(self) -> None:
        grid: dict[tuple[int, int], dict[int, cp_model.IntVar]] = defaultdict(dict)
        for (meeting, day, period), variable in sorted(self.x.items()):
            grid[(meeting, day)][period] = variable
        self._grid = dict(grid)

    def build_occupancy(self) -> None:
        """(student set, day, period) -> the variables that put the set in that period: its lessons
        and its meal. Built once every lesson and meal variable exists."""
        occupancy: dict[tuple[str, int, int], list] = defaultdict(list)
        for (meeting, day, period), variable in self.x.items():
            for student_set in self.meetings[meeting].sets:
                occupancy[(student_set, day, period)].append(variable)
        for (class_name, day, period), variable in self.meal.items():
            for student_set in self.demand.sets_of_class[class_name]:
                occupancy[(student_set, day, period)].append(variable)
        self.occupancy = dict(occupancy)

    def occupied(self, student_set: str, day: int, period: int) -> list:
        return self.occupancy.get((student_set, day, period), [])

    def guard(self, family: str, key: str) -> cp_model.IntVar | None:
        """The assumption literal of one family of hard rules for one entity (diagnosis only)."""
        if not self.diagnose:
            return None
        if (family, key) not in self.guards:
            self.guards[(family, key)] = self.model.new_bool_var(f"guard:{family}:{key}")
        return self.guards[(family, key)]

    def hold(self, constraint, *guards: cp_model.IntVar | None) -> None:
        """Enforce a constraint only while its guards hold (unconditional outside diagnosis)."""
        literals = [g for g in guards if g is not None]
        if literals:
            constraint.only_enforce_if(literals)

    def penalise(self, name: str, *terms: cp_model.IntVar | int, owner: str | None = None) -> None:
        """Add terms to a soft rule: variables counted as they are, or constant offsets. The
        owner is the class whose lessons alone decide the terms (None: teachers' rules)."""
        if name not in self.penalties:
            weight = self.school.settings.weight(name)
            self.penalties[name] = Penalty(name, weight)
        self.penalties[name].terms.extend(terms)
        self.penalties[name].owners.extend([owner] * len(terms))

    def weighted_terms(self, of_class: str | None = None) -> list:
        """Every penalty term times its weight (rules weighing 0 left out); with of_class, only
        the terms that class owns."""
        return [
            penalty.weight * term
            for penalty in self.penalties.values()
            if penalty.weight
            for term, owner in zip(penalty.terms, penalty.owners, strict=True)
            if of_class is None or owner == of_class
        ]

    def penalty_counts(self, values: list[int]) -> dict[str, tuple[int, int]]:
        """Each soft rule's (count, weight) in a full assignment of the model's variables; terms
        are variables, or constants (an unavoidable minimum)."""
        return {
            name: (
                sum(t if isinstance(t, int) else values[t.index] for t in penalty.terms),
                penalty.weight,
            )
            for name, penalty in self.penalties.items()
        }

    def objective_value(self, values: list[int]) -> int:
        """The weighted penalties of a full assignment."""
        return sum(count * weight for count, weight in self.penalty_counts(values).values())

    def any_of(self, literals: list[Literal], name: str = "") -> Literal:
        """1 exactly when one of the literals is (see sat.booleans)."""
        return any_of(self.model, literals, name)

    def both(self, first: Literal, second: Literal, name: str = "") -> Literal:
        """1 exactly when both literals are."""
        return both(self.model, first, second, name)
