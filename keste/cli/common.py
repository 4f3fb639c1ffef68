"""What every command shares: exit codes, options, the language check and the rule that keste
never writes over its input."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer

from keste.cli.render import errors
from keste.models.io.files import same_file


class Exit(IntEnum):
    OK = 0
    NO_TIMETABLE = 1  # none found within the time limit
    USAGE = 2  # click's own code for a wrong command line
    BAD_INPUT = 3
    INVALID_TIMETABLE = 4
    IMPOSSIBLE = 5  # no timetable exists; keste says why
    INTERRUPTED = 130


Lang = Annotated[str, typer.Option("--lang", help="Language: kk, ru or en")]


OutputLang = Annotated[
    str | None, typer.Option(help="Output language: kk, ru or en (default: the school's)")
]


SchoolFile = Annotated[Path, typer.Argument(help="School workbook (.xlsx) or JSON")]
TimeLimit = Annotated[float, typer.Option(help="Seconds to search")]
LoadFile = Annotated[
    Path | None, typer.Option(help="Take the Load sheet from this workbook (keste allocate's)")
]
PreviousLoad = Annotated[
    Path | None, typer.Option(help="Last year's Load sheet: keep teachers with their classes")
]
Workers = Annotated[int, typer.Option(help="Solver threads (0: every core)")]


Seed = Annotated[int, typer.Option(help="Random seed of the search")]


Groups = Annotated[
    Path | None,
    typer.Option(
        help="Take the elective groups (the Electives sheet, with members) from this workbook: "
        "keste groups' or an earlier timetable's"
    ),
]


Fresh = Annotated[
    bool,
    typer.Option(
        help="Ignore the Load sheet and allocate every item anew (with --previous, last year's "
        "teachers keep their classes where they can)"
    ),
]


def check_lang(lang: str) -> str:
    if lang not in ("kk", "ru", "en"):
        errors.print(f"[red]--lang must be kk, ru or en, not {lang!r}[/]")
        raise typer.Exit(Exit.USAGE)
    return lang


def refuse_overwrite(output: Path, *inputs: Path) -> None:
    """Stop before any work when keste could not, or must not, write the output: it is an
    input, a folder, in a folder that does not exist or cannot be written, or open in Excel."""
    problem = unwritable(output)
    if problem:
        errors.print(f"[red]Cannot write {output}: {problem}.[/]")
        raise typer.Exit(Exit.USAGE)
    for source in inputs:
        if same_file(output, source):
            errors.print(
                f"[red]The output {output} is an input file; keste never overwrites its "
                "input. Choose another output name.[/]"
            )
            raise typer.Exit(Exit.USAGE)


def refuse_same_outputs(*outputs: Path) -> None:
    """Two files a command writes (the timetable and its log, a sheet and a history) must differ,
    or one would overwrite the other."""
    for index, first in enumerate(outputs):
        for second in outputs[index + 1 :]:
            if same_file(first, second) or first.resolve() == second.resolve():
                errors.print(f"[red]{first} and {second} are the same file; keste writes both.[/]")
                raise typer.Exit(Exit.USAGE)


def unwritable(output: Path) -> str | None:
    """Why keste could not write this file, or None."""
    output = Path(output)
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        return "it is a folder; give a file name such as timetable.xlsx"
    if not folder.is_dir():
        return f"there is no folder {folder}"
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        return "keste may not write there"
    locks = (folder / f"~${output.name}", folder / f"~${output.name[2:]}")
    if output.suffix.lower() == ".xlsx" and any(lock.exists() for lock in locks):
        return "it is open in Excel (its lock file is there); close it and run again"
    return None


def write_or_fallback(write: Callable[[Path], None], output: Path) -> Path:
    """Write the result; when the output cannot be written after all (it was opened or its
    folder changed while keste worked), write it beside, under a new name, and say so: a
    finished search is never lost. Returns where it went."""
    try:
        write(output)
        return output
    except OSError as error:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        fallback = output.with_name(f"{output.stem}-{stamp}{output.suffix}")
        write(fallback)
        errors.print(
            f"[yellow]Could not write {output} ({error.strerror or error}); wrote {fallback} "
            "instead.[/]"
        )
        return fallback
