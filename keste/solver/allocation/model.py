"""The CP-SAT model of teacher load allocation, and the soft rules' exact values.

Hard: every open item gets its teachers from the qualified ones; each teacher within min_hours..
max_hours; the two groups of a split class, and the groups of an elective block (they meet at
once), get different teachers; a teacher's lessons fit the periods they can teach. Soft, weighted
like the timetable's rules (weight_<rule> on the School sheet): loads close to whole rates, few
subjects and grades per teacher, a primary class keeps its class teacher, few teachers per class,
balanced loads among teachers who could share the work, and last year's teachers (--previous).

The model's soft terms are bounded from one side and minimised, so they are exact only at an
optimum; `penalties` recomputes every rule from the allocation itself, which is what is reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from keste.models.allocation import LoadItem
from keste.models.school import LoadRow, School, Teacher
from keste.solver.allocation.items import candidates, qualified, teacher_periods
from keste.solver.sat.booleans import any_of

HALF = 2  # hours are counted in half hours inside the model (curriculum hours may be 0.5)
MAX_RATES = 4


@dataclass
class AllocationModel:
    school: School
    items: list[LoadItem]  # every item of the school: fixed rows count towards teachers' hours
    open_items: list[LoadItem]  # the items this model allocates
    guarded: bool = False  # guard rules with assumption literals (to explain an impossibility)
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    assign: dict[tuple[int, str], cp_model.IntVar] = field(default_factory=dict)
    totals: dict[str, object] = field(default_factory=dict)  # teacher -> half hours
    guards: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    terms: dict[str, list] = field(default_factory=lambda: defaultdict(list))

    def guard(self, kind: str, key: str) -> cp_model.IntVar:
        if (kind, key) not in self.guards:
            self.guards[(kind, key)] = self.model.new_bool_var(f"guard_{kind}_{key}")
        return self.guards[(kind, key)]

    def hold(self, constraint, kind: str, key: str) -> None:
        if self.guarded:
            constraint.only_enforce_if(self.guard(kind, key))

    teachers: list[Teacher] = field(default_factory=list)  # who may take the open items
    _chosen: dict[str, list] = field(default_factory=lambda: defaultdict(list))

    def add_option(self, item: LoadItem, teacher: Teacher) -> cp_model.IntVar:
        variable = self.model.new_bool_var(f"a{item.index}_{teacher.code}")
        self.assign[(item.index, teacher.code)] = variable
        self._chosen[teacher.code].append((item, variable))
        return variable

    def chosen(self, teacher: str) -> list[tuple[LoadItem, cp_model.IntVar]]:
        """The open items the teacher may take, with the variable that gives it to them."""
        return self._chosen.get(teacher, [])

    def fixed_items(self, teacher: str) -> list[LoadItem]:
        return [item for item in self.items if teacher in item.fixed]


def build(
    school: School,
    items: list[LoadItem],
    open_items: list[LoadItem],
    reserved: dict[str, float],
    guarded: bool = False,
) -> AllocationModel:
    """The hard rules: any solution is a valid allocation of the open items."""
    built = AllocationModel(school, items, open_items, guarded)
    built.teachers = group_teachers(school, open_items)
    for item in open_items:
        options = [built.add_option(item, teacher) for teacher in candidates(school, item)]
        built.hold(built.model.add(sum(options) == item.open), "subject", item.subject)
    _split_pairs(built)
    _same_block(built)
    for teacher in built.teachers:
        _hours(built, teacher, reserved.get(teacher.code, 0.0))
        _periods(built, teacher)
    return built


def _split_pairs(built: AllocationModel) -> None:
    for item in built.open_items:
        if item.pair is None:
            continue
        other = built.items[item.pair]
        if other.open and item.pair < item.index:
            continue  # the pair is handled once, from its first half
        for teacher in built.teachers:
            mine = built.assign.get((item.index, teacher.code), int(teacher.code in item.fixed))
            theirs = built.assign.get((other.index, teacher.code), int(teacher.code in other.fixed))
            if not isinstance(mine, int) or not isinstance(theirs, int):
                built.model.add(mine + theirs <= 1)


def _same_block(built: AllocationModel) -> None:
    """The groups of an elective block meet at once: a teacher takes at most one of them."""
    by_block: dict[str, list[LoadItem]] = defaultdict(list)
    for item in built.items:
        if item.block:
            by_block[item.block].append(item)
    for items in by_block.values():
        for teacher in built.teachers:
            options = [
                built.assign[key] for i in items if (key := (i.index, teacher.code)) in built.assign
            ]
            fixed = sum(1 for i in items if teacher.code in i.fixed)
            if options and len(options) + fixed > 1:
                built.model.add(sum(options) <= max(0, 1 - fixed))


def _hours(built: AllocationModel, teacher: Teacher, reserved: float) -> None:
    fixed = sum(item.hours for item in built.fixed_items(teacher.code))
    chosen = built.chosen(teacher.code)
    total = round(fixed * HALF) + sum(round(i.hours * HALF) * v for i, v in chosen)
    built.totals[teacher.code] = total
    top = teacher.max_hours
    if reserved:
        most = fixed + sum(i.hours for i, _ in chosen) if top is None else top
        top = max(0.0, most - reserved)
    if top is not None:
        built.hold(built.model.add(total <= round(top * HALF)), "max_hours", teacher.code)
    if teacher.min_hours is not None:
        built.hold(
            built.model.add(total >= round(teacher.min_hours * HALF)), "min_hours", teacher.code
        )


def _periods(built: AllocationModel, teacher: Teacher) -> None:
    """A teacher's lessons fit the periods they can teach, per bell schedule and day length."""
    chosen = built.chosen(teacher.code)
    fixed = built.fixed_items(teacher.code)
    for bells, length, slots in teacher_periods(
        built.school, teacher, fixed + [i for i, _ in chosen]
    ):
        inside = [(i, v) for i, v in chosen if i.bells == bells and i.day_length <= length]
        base = sum(i.lessons for i in fixed if i.bells == bells and i.day_length <= length)
        if inside and base + sum(i.lessons for i, _ in inside) > slots:
            constraint = built.model.add(base + sum(i.lessons * v for i, v in inside) <= slots)
            built.hold(constraint, "periods", teacher.code)


# ------------------------------------------------------------------------------ soft rules


def add_soft_rules(built: AllocationModel, previous: list[LoadRow]) -> None:
    """Every soft rule as minimised terms, and their weighted sum as the objective."""
    school = built.school
    for teacher in built.teachers:
        _rate_fit(built, teacher.code)
        _variety(built, teacher.code, "teacher_subjects", lambda i: (i.subject,))
        _variety(built, teacher.code, "teacher_grades", lambda i: i.grades)
    _class_teachers(built)
    _balance(built)
    _continuity(built, previous)
    objective = [
        school.settings.weight(name) * term for name, terms in built.terms.items() for term in terms
    ]
    if objective:
        built.model.minimize(sum(objective))


def _rate_fit(built: AllocationModel, code: str) -> None:
    model, total = built.model, built.totals[code]
    rate = round(built.school.settings.rate_hours * HALF)
    rates = model.new_int_var(0, MAX_RATES, f"rates_{code}")
    off = model.new_int_var(0, MAX_RATES * rate, f"rate_off_{code}")
    model.add(off >= total - rate * rates)
    model.add(off >= rate * rates - total)
    built.terms["rate_fit"].append(off)


def _variety(
    built: AllocationModel, code: str, rule: str, keys: Callable[[LoadItem], Iterable]
) -> None:
    """Distinct subjects (or grades) a teacher takes, beyond what the Load sheet gives them."""
    fixed = {key for item in built.fixed_items(code) for key in keys(item)}
    used: dict[object, list] = defaultdict(list)
    for item, variable in built.chosen(code):
        for key in keys(item):
            if key not in fixed:
                used[key].append(variable)
    flags = [any_of(built.model, variables) for variables in used.values()]
    if flags:
        extra = built.model.new_int_var(0, len(flags), f"{rule}_{code}")
        built.model.add(extra >= sum(flags) - (0 if fixed else 1))
        built.terms[rule].append(extra)


def _class_teachers(built: AllocationModel) -> None:
    """Few teachers per class; a primary class's class teacher takes what they can."""
    by_class: dict[str, list[LoadItem]] = defaultdict(list)
    for item in built.open_items:
        if item.class_name:
            by_class[item.class_name].append(item)
    for class_name, items in by_class.items():
        for teacher in built.teachers:
            variables = [
                built.assign[(i.index, teacher.code)]
                for i in items
                if (i.index, teacher.code) in built.assign
            ]
            if variables:
                built.terms["class_teachers"].append(any_of(built.model, variables))
        if built.school.is_primary(built.school.class_by_name[class_name].grade):
            _class_teacher(built, class_name)


def _class_teacher(built: AllocationModel, class_name: str) -> None:
    whole = [i for i in built.open_items if i.class_name == class_name and i.group is None]
    possible = class_teacher_candidates(built.teachers, whole)
    if not possible:
        return
    model = built.model
    main = {t.code: model.new_bool_var(f"class_teacher_{class_name}_{t.code}") for t in possible}
    model.add_exactly_one(main.values())
    for item in whole:
        missed = model.new_bool_var(f"class_teacher_miss_{item.index}")
        for teacher in possible:
            if qualified(teacher, item):
                fixed = int(teacher.code in item.fixed)
                taught = built.assign.get((item.index, teacher.code), fixed)
                model.add(missed >= main[teacher.code] - taught)
        built.terms["class_teacher"].append(missed)


def class_teacher_candidates(teachers: list[Teacher], whole: list[LoadItem]) -> list[Teacher]:
    """Who could be a primary class's class teacher: qualified for two of its subjects or more."""
    return [t for t in teachers if sum(1 for i in whole if qualified(t, i)) >= 2]


def _balance(built: AllocationModel) -> None:
    totals = [built.totals[t.code] for t in built.teachers]
    if len(totals) < 2:
        return
    model = built.model
    most = model.new_int_var(0, 80 * HALF, "load_max")
    least = model.new_int_var(0, 80 * HALF, "load_min")
    for total in totals:
        model.add(most >= total)
        model.add(least <= total)
    built.terms["load_balance"].append(most - least)


def _continuity(built: AllocationModel, previous: list[LoadRow]) -> None:
    """The previous teacher keeps the class (last year's, see promoted(), or the approved
    timetable's when re-solving mid-year)."""
    for index, teacher in previous_teachers(built.open_items, previous).items():
        variable = built.assign.get((index, teacher))
        if variable is not None:
            built.terms["continuity"].append(1 - variable)


def previous_teachers(items: list[LoadItem], previous: list[LoadRow]) -> dict[int, str]:
    """Item index -> its teacher in the previous load (whose classes carry this year's names)."""
    before = {(row.class_name, row.subject, row.group): row.teacher for row in previous}
    found = {}
    for item in items:
        if item.class_name:
            group = None if item.group is None else int(item.group)
            if (item.class_name, item.subject, group) in before:
                found[item.index] = before[(item.class_name, item.subject, group)]
    return found


# ------------------------------------------------------------------------------ exact values


def penalties(
    school: School,
    items: list[LoadItem],
    teachers_of: dict[int, tuple[str, ...]],
    groups: list[list[LoadItem]],
    previous: list[LoadRow],
) -> dict[str, int]:
    """Each soft rule's count for an allocation, computed from the allocation alone."""
    movable = {t.code for group in groups for t in group_teachers(school, group)}
    open_items = [item for group in groups for item in group]
    hours: dict[str, float] = defaultdict(float)
    taught: dict[str, list[LoadItem]] = defaultdict(list)
    for item in items:
        for teacher in teachers_of.get(item.index, item.fixed):
            hours[teacher] += item.hours
            taught[teacher].append(item)
    rate = round(school.settings.rate_hours * HALF)
    return {
        "rate_fit": sum(
            min(abs(round(hours[t] * HALF) - k * rate) for k in range(MAX_RATES + 1))
            for t in movable
        ),
        "teacher_subjects": sum(_beyond_one({i.subject for i in taught[t]}) for t in movable),
        "teacher_grades": sum(
            _beyond_one({g for i in taught[t] for g in i.grades}) for t in movable
        ),
        "class_teachers": _class_teachers_count(items, teachers_of, groups),
        "class_teacher": _class_teacher_count(school, teachers_of, groups),
        "load_balance": sum(_spread(school, group, hours) for group in groups),
        "continuity": sum(
            1
            for index, teacher in previous_teachers(open_items, previous).items()
            if teacher not in teachers_of[index]
            and any(t.code == teacher for t in candidates(school, items[index]))
        ),
    }


def _beyond_one(keys: set) -> int:
    return max(0, len(keys) - 1)


def _class_teachers_count(items, teachers_of, groups) -> int:
    allocated = {item.class_name for group in groups for item in group if item.class_name}
    teachers: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.class_name in allocated:
            teachers[item.class_name].update(teachers_of.get(item.index, item.fixed))
    return sum(_beyond_one(codes) for codes in teachers.values())


def _class_teacher_count(school: School, teachers_of, groups) -> int:
    """Per primary class: the open subjects its best class teacher could take but does not."""
    count = 0
    for group in groups:
        teachers = group_teachers(school, group)
        for class_name in {i.class_name for i in group if i.class_name}:
            if not school.is_primary(school.class_by_name[class_name].grade):
                continue
            whole = [i for i in group if i.class_name == class_name and i.group is None]
            possible = class_teacher_candidates(teachers, whole)
            if possible:
                count += min(
                    sum(1 for i in whole if qualified(t, i) and t.code not in teachers_of[i.index])
                    for t in possible
                )
    return count


def group_teachers(school: School, group: list[LoadItem]) -> list[Teacher]:
    """The teachers a group of open items may go to."""
    codes = {t.code for item in group for t in candidates(school, item)}
    return [t for t in school.teachers if t.code in codes]


def _spread(school: School, group: list[LoadItem], hours: dict[str, float]) -> int:
    totals = [round(hours[t.code] * HALF) for t in group_teachers(school, group)]
    return max(totals) - min(totals) if len(totals) > 1 else 0
