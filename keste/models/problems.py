"""Problems found in a user's input: every one carries where it is and what was expected.

Readers never raise on bad data; they add a Problem and go on, so the user sees every problem
at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Source:
    """Where a record came from: a sheet (or JSON section) and its 1-based row."""

    sheet: str
    row: int | None = None

    def __str__(self) -> str:
        return f"{self.sheet} row {self.row}" if self.row is not None else self.sheet


@dataclass(frozen=True)
class Problem:
    severity: Severity
    expected: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    value: Any = None

    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(self.sheet)
        if self.cell:
            parts.append(f"cell {self.cell}")
        elif self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        value = "" if self.value is None else f"value {self.value!r}: "
        prefix = f"{where}: " if where else ""
        return f"{prefix}{value}{self.expected}"


def by_cause(problems: Iterable[Problem]) -> list[tuple[Problem, list[int]]]:
    """Problems that differ only in their row (one unknown subject on forty rows) as one: the
    first of them and every row it is on, in the order first met."""
    groups: dict[tuple, tuple[Problem, list[int]]] = {}
    for number, problem in enumerate(problems):
        if problem.row is None:  # nothing to gather it by
            groups[(number,)] = (problem, [])
            continue
        key = (problem.severity, problem.expected, problem.sheet, problem.column)
        groups.setdefault((*key, repr(problem.value)), (problem, []))[1].append(problem.row)
    return list(groups.values())


@dataclass
class Problems:
    """An ordered collection of problems with helpers to add them at a known place."""

    items: list[Problem] = field(default_factory=list)

    def add(self, severity: Severity, expected: str, **where: Any) -> None:
        self.items.append(Problem(severity, expected, **where))

    def error(self, expected: str, **where: Any) -> None:
        self.add("error", expected, **where)

    def warning(self, expected: str, **where: Any) -> None:
        self.add("warning", expected, **where)

    def note(self, expected: str, **where: Any) -> None:
        self.add("note", expected, **where)

    def at(self, source: Source | None, column: str | None = None) -> dict[str, Any]:
        """Keyword arguments that place a problem on a record's source row."""
        if source is None:
            return {"column": column}
        return {"sheet": source.sheet, "row": source.row, "column": column}

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "note"]

    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class InputError(Exception):
    """Raised to the CLI when input is unusable; carries every problem found."""

    def __init__(self, problems: Problems | list[Problem]):
        self.problems = problems if isinstance(problems, Problems) else Problems(list(problems))
        shown = "; ".join(str(p) for p in self.problems.errors[:5])
        super().__init__(f"{len(self.problems.errors)} error(s) in the input: {shown}")
