"""The house rules of keste's layout (README, "How keste is built"): each folder one idea, data
flowing one way, and files small enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "keste"
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 200

# What each part may import from the rest of keste (beside itself). models is the bottom layer:
# it knows nothing of files or solving; models.io reads and writes models; each job of the
# solver uses models and the jobs before it; only the pipeline chains them and only the CLI
# sees everything.
ALLOWED = {
    "keste": set(),
    "keste.solver": set(),
    "keste.models": set(),
    "keste.models.io": {"keste.models"},
    "keste.solver.sat": {"keste.models"},
    "keste.solver.demand": {"keste.models"},
    "keste.solver.allocation": {"keste.models", "keste.solver.sat"},
    "keste.solver.grouping": {"keste.models", "keste.solver.sat"},
    "keste.solver.timetable": {"keste.models", "keste.solver.sat", "keste.solver.demand"},
    "keste.solver.rooms": {
        "keste.models",
        "keste.solver.sat",
        "keste.solver.demand",
        "keste.solver.timetable",
    },
    "keste.solver.diagnosis": {
        "keste.models",
        "keste.solver.sat",
        "keste.solver.demand",
        "keste.solver.timetable",
    },
    "keste.solver.verify": {"keste.models"},  # independent of the model it checks
    "keste.solver.midyear": {"keste.models", "keste.solver.sat"},
    "keste.solver.pipeline": {"keste.models", "keste.solver"},
    "keste.cli": {"keste"},
    "keste.__main__": {"keste.cli"},
}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append((".".join(parts), path))
    return found


def _part(module: str) -> str:
    """The entry of ALLOWED a module belongs to: the longest prefix listed."""
    candidates = [p for p in ALLOWED if module == p or module.startswith(p + ".")]
    assert candidates, f"{module} belongs to no part of the layout; add it to ALLOWED"
    return max(candidates, key=len)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name == "keste" or name.startswith("keste.")}


def _forbidden(module: str, imported: set[str]) -> list[str]:
    """The imports of a module that its part of the layout may not use. A part may use itself,
    except that keste.models (the records) may not use keste.models.io (the file formats)."""
    part = _part(module)
    allowed = ALLOWED[part] | {part}
    return sorted(
        name
        for name in imported
        if (_part(name) != part and not any(name == a or name.startswith(a + ".") for a in allowed))
        or (part == "keste.models" and _part(name) == "keste.models.io")
    )


@pytest.mark.parametrize("module,path", _modules(), ids=[m for m, _ in _modules()])
def test_imports_flow_one_way(module, path):
    assert _forbidden(module, _imports(path)) == [], f"{module} ({_part(module)})"


@pytest.mark.parametrize("module,path", _modules(), ids=[m for m, _ in _modules()])
def test_modules_and_classes_are_small(module, path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{module}: over {MAX_MODULE_LINES} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_CLASS_LINES, f"{module}.{node.name}: {length} lines"


def test_the_import_rule_catches_what_it_forbids():
    assert _forbidden("keste.models.school", {"keste.solver.pipeline"}) == ["keste.solver.pipeline"]
    assert _forbidden("keste.models.timetable", {"keste.models.io.schema"}) == [
        "keste.models.io.schema"
    ]
    assert _forbidden("keste.solver.verify.hours", {"keste.solver.demand"}) == [
        "keste.solver.demand"
    ]
    assert _forbidden("keste.solver.timetable.build", {"keste.cli.render"}) == ["keste.cli.render"]
    assert _forbidden("keste.solver.rooms.assign", {"keste.solver.timetable.search"}) == []
    assert _forbidden("keste.models.io.reading", {"keste.models.school"}) == []


# What the solver reads the workbook with: the validator derives the same on its own, so a bug
# there cannot pass unseen (verify/curriculum.py).
SHARED_WITH_THE_MODEL = {"keste.models.curriculum", "keste.models.summary"}


def test_the_validator_shares_nothing_with_the_model():
    verify = [(m, p) for m, p in _modules() if _part(m) == "keste.solver.verify"]
    assert len(verify) > 10
    for module, path in verify:
        imported = _imports(path)
        assert not imported & SHARED_WITH_THE_MODEL, module
        solver_parts = {_part(name) for name in imported} - {"keste.models", "keste.models.io"}
        assert solver_parts <= {"keste.solver.verify"}, module
