"""The `keste` command: each command lives in its own module of keste/cli and only parses its
arguments, calls keste and renders the outcome."""

from __future__ import annotations

import typer

from keste.cli import (
    allocate,
    check,
    explain,
    groups,
    import_fet,
    solve,
    substitute,
    template,
    validate,
)

app = typer.Typer(
    help="School timetables and teacher load for Kazakhstan schools.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command()(template.template)
app.command()(check.check)
app.command()(allocate.allocate)
app.command("groups")(groups.groups_command)
app.command()(solve.solve)
app.command()(explain.explain)
app.command()(substitute.substitute)
app.command("import-fet")(import_fet.import_fet)
app.command("validate")(validate.validate_command)


def main() -> None:  # pragma: no cover - console script entry
    app()
