"""keste template: an empty school workbook, or a filled example."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from keste.cli.common import Exit, Lang, check_lang
from keste.cli.render import console, errors
from keste.models.io.reading import example_school
from keste.models.io.template import write_template


def template(
    file: Annotated[Path, typer.Argument(help="Workbook to create (.xlsx)")],
    lang: Lang = "kk",
    example: Annotated[bool, typer.Option(help="Fill in a small example school")] = False,
    force: Annotated[bool, typer.Option(help="Replace the file if it exists")] = False,
) -> None:
    """Write an empty school workbook (or a filled example) with instructions."""
    check_lang(lang)
    if file.exists() and not force:
        errors.print(f"[red]{file} exists; keste does not overwrite it (use --force).[/]")
        raise typer.Exit(Exit.USAGE)
    school = example_school() if example else None
    write_template(file, lang, school)
    console.print(f"Wrote {file}" + (" with an example school" if example else ""))
