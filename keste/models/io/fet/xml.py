"""Reading a .fet file's XML safely (defusedxml: no entity expansion, no external references),
and its elements' text, numbers and names as keste codes."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException

from keste.models.problems import Problems


def parse_fet(path: Path, problems: Problems) -> Element | None:
    """The file's root <fet> element, or None with an error in problems."""
    try:
        root = SafeXML.parse(path).getroot()
    except (OSError, DefusedXmlException, SafeXML.ParseError) as error:
        problems.error(f"expected a readable FET file (XML): {error}", sheet=str(path))
        return None
    if root.tag != "fet":
        problems.error(
            f"expected a FET file (root element <fet>), not <{root.tag}>", sheet=str(path)
        )
        return None
    return root


def names_of(root: Element, listing: str, item: str) -> list[str]:
    found = root.find(listing)
    return [text_of(e.find("Name")) for e in found.findall(item)] if found is not None else []


def text_of(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def int_of(element: Element | None) -> int:
    """A whole number, or 0 for text that is none (also inf and NaN)."""
    try:
        return int(float(text_of(element) or 0))
    except (ValueError, OverflowError):
        return 0


def keste_code(name: str, slash: bool = False) -> str:
    """A FET name as a keste code: commas and semicolons separate list items in keste, and a
    slash separates a class from its group on Activities."""
    found = re.sub(r"[,;]", " ", name)
    if slash:
        found = found.replace("/", "-")
    return " ".join(found.split())


def weight_of(element: Element) -> float:
    """A constraint's weight in percent (100 when none is given)."""
    try:
        return float(text_of(element.find("Weight_Percentage")) or 100)
    except ValueError:
        return 100.0
