"""keste import-fet: a FET file into a school workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from keste.cli.common import Exit, Lang, check_lang, refuse_overwrite, write_or_fallback
from keste.cli.render import console, print_import_report, print_problems
from keste.models.io.fet import read_fet
from keste.models.io.reading import write_imported_school


def import_fet(
    fet_file: Annotated[Path, typer.Argument(help="A FET file (.fet)")],
    output: Annotated[Path, typer.Option("-o", "--output", help="School workbook to write")],
    lang: Lang = "en",
) -> None:
    """Turn a FET file into a school workbook, listing every constraint keste cannot map."""
    check_lang(lang)
    refuse_overwrite(output, fet_file)
    school, report, problems = read_fet(fet_file)
    print_problems(problems, show_notes=False)
    if school is None:
        raise typer.Exit(Exit.BAD_INPUT)
    output = write_or_fallback(
        lambda path: write_imported_school(school, report, path, lang), output
    )
    print_import_report(report)
    console.print(f"[bold green]Wrote {output}[/] (check it with keste check {output})")
