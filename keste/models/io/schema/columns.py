"""Column and SheetSpec (a sheet's names in en/kk/ru, its columns, how a row builds a record and
back), header normalisation, and the builder for records whose fields map on columns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from keste.models.io.schema.parsers import Parser, format_wishes
from keste.models.problems import Problems, Source
from keste.models.school import Wish
from keste.models.values import (
    TimeBlock,
    clean_text,
    format_int_ranges,
    format_number,
    format_time_blocks,
)


class _Named:
    """A thing named in English (its key), Kazakh and Russian."""

    key: str
    kk: str
    ru: str

    def label(self, lang: str) -> str:
        return {"en": self.key, "kk": self.kk, "ru": self.ru}[lang]

    def _names(self, *aliases: str) -> set[str]:
        return {normalise_header(n) for n in (self.key, self.kk, self.ru, *aliases)}


@dataclass(frozen=True)
class Column(_Named):
    key: str
    kk: str
    ru: str
    parse: Parser = clean_text
    required: bool = False
    aliases: tuple[str, ...] = ()
    hint: str = ""

    def names(self) -> set[str]:
        return self._names(*self.aliases)


def normalise_header(text: object) -> str:
    """Headers and sheet names compare case-insensitively, ignoring spaces, underscores, trailing
    marks and invisible characters (a zero-width space pasted from the web)."""
    cleaned = clean_text(text).lower().replace("ё", "е")
    cleaned = re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", cleaned)  # invisible characters
    cleaned = re.sub(r"[\s_\-]+", " ", cleaned)
    return cleaned.strip(" *:.")


RecordBuilder = Callable[[dict[str, Any], Source, Problems], Any]


@dataclass(frozen=True)
class SheetSpec(_Named):
    key: str
    kk: str
    ru: str
    columns: tuple[Column, ...]
    required: bool
    build: RecordBuilder
    unbuild: Callable[[Any], dict[str, Any]]
    unique: tuple[str, ...] = ()  # columns whose combination must not repeat
    hint: str = ""

    def names(self) -> set[str]:
        return self._names()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def record_builders(
    cls: type, mapping: dict[str, str]
) -> tuple[RecordBuilder, Callable[[Any], dict]]:
    """A builder and its inverse for records whose fields map one-to-one on columns.

    mapping: column key -> record field name (only where they differ).
    """
    field_names = {f.name for f in fields(cls)} - {"source"}

    def build(values: dict[str, Any], source: Source, problems: Problems) -> Any:
        kwargs = {mapping.get(k, k): v for k, v in values.items() if v is not None}
        return cls(**{k: v for k, v in kwargs.items() if k in field_names}, source=source)

    def unbuild(record: Any) -> dict[str, Any]:
        reverse = {v: k for k, v in mapping.items()}
        return {reverse.get(name, name): _cell(getattr(record, name)) for name in field_names}

    return build, unbuild


def _cell(value: Any) -> Any:
    """A record value as a cell: lists joined, time blocks and wishes formatted."""
    if value is None or isinstance(value, bool):
        return {True: "yes", False: "no", None: None}[value]
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, tuple):
        if not value:
            return None
        if isinstance(value[0], TimeBlock):
            return format_time_blocks(value)
        if isinstance(value[0], Wish):
            return format_wishes(value)
        if isinstance(value[0], int):
            return format_int_ranges(value)
        return ",".join(value)
    return value
