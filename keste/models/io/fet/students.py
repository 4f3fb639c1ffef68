"""FET's students sets as classes and groups: a year with groups is one class per group (its
subgroups, when more than one, the class's groups); a year without groups is a class; a year whose
groups overlap (several divisions) is one class whose groups are the subgroups."""

from __future__ import annotations

import re
from collections import Counter
from xml.etree.ElementTree import Element

from keste.models.io.fet.state import FetImport
from keste.models.io.fet.xml import int_of, keste_code, text_of
from keste.models.school import ClassGroup, SchoolClass

_ROMAN = {"I": 1, "V": 5, "X": 10}


def read_students(fet: FetImport) -> tuple[list[SchoolClass], list[ClassGroup]]:
    """The classes and groups of the file's years; fet.students learns what each set name is."""
    classes: list[SchoolClass] = []
    groups: list[ClassGroup] = []
    years = fet.root.find("Students_List")
    for index, year in enumerate(years.findall("Year") if years is not None else []):
        year_name = text_of(year.find("Name"))
        grade = _grade(year_name, index)
        size = int_of(year.find("Number_of_Students"))
        fet_groups = year.findall("Group")
        if fet_groups and not _overlap(fet_groups):
            members = []
            for group in fet_groups:
                name = keste_code(text_of(group.find("Name")), slash=True)
                classes.append(SchoolClass(name, grade, int_of(group.find("Number_of_Students"))))
                members.append((name, None))
                _group_students(fet, group, name, groups)
            fet.students.parts[year_name] = members
            continue
        name = keste_code(year_name, slash=True)
        classes.append(SchoolClass(name, grade, size))
        fet.students.parts[year_name] = [(name, None)]
        fet.students.whole_class[year_name] = name
        if fet_groups:  # several divisions: the subgroups are the class's groups
            fet.report.note(f"year {year_name}: its groups overlap; its subgroups are groups")
            seen = set()
            for group in fet_groups:
                parts = []
                for subgroup in group.findall("Subgroup"):
                    sub = keste_code(text_of(subgroup.find("Name")), slash=True)
                    parts.append((name, sub))
                    fet.students.parts[text_of(subgroup.find("Name"))] = [(name, sub)]
                    if sub not in seen:
                        seen.add(sub)
                        students = int_of(subgroup.find("Number_of_Students")) or None
                        groups.append(ClassGroup(name, sub, students))
                fet.students.parts[text_of(group.find("Name"))] = parts
    return classes, groups


def _group_students(fet: FetImport, group: Element, class_name: str, groups: list) -> None:
    fet_name = text_of(group.find("Name"))
    fet.students.parts[fet_name] = [(class_name, None)]
    fet.students.whole_class[fet_name] = class_name
    subgroups = group.findall("Subgroup")
    if len(subgroups) == 1:  # the whole class under another name
        sub_name = text_of(subgroups[0].find("Name"))
        fet.students.parts[sub_name] = [(class_name, None)]
        fet.students.whole_class[sub_name] = class_name
        return
    for subgroup in subgroups:
        sub_name = text_of(subgroup.find("Name"))
        code = keste_code(sub_name, slash=True)
        fet.students.parts[sub_name] = [(class_name, code)]
        students = int_of(subgroup.find("Number_of_Students")) or None
        groups.append(ClassGroup(class_name, code, students))


def _grade(name: str, index: int) -> int:
    """A year's grade: its number (1-12), its first digit (101 is grade 1), or a Roman numeral."""
    digits = re.match(r"\d+", name)
    if digits:
        number = int(digits.group())
        return number if number <= 12 else int(digits.group()[0])
    roman = re.match(r"[IVX]+", name.upper())
    if roman:
        values = [_ROMAN[c] for c in roman.group()]
        total = sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
        if 1 <= total <= 12:
            return total
    return min(index + 1, 12)


def _overlap(groups: list[Element]) -> bool:
    """Do a year's groups share subgroups (several ways of dividing it)?"""
    seen: Counter = Counter()
    for group in groups:
        for subgroup in group.findall("Subgroup"):
            seen[text_of(subgroup.find("Name"))] += 1
    return any(count > 1 for count in seen.values())
