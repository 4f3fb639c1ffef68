"""Why a school has no timetable, as plain records, and their words in English, Kazakh and Russian.

A Finding names one conflict: its kind (a message template), the numbers that make it a conflict,
the classes, teachers and rooms involved, and optionally the facts that cannot all hold together (a
minimal conflict found by the solver) and a suggestion. The solver produces findings; the console
and the Report sheet render them in the user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from keste.models.finding_messages import MESSAGES
from keste.models.values import DAY_LABELS, DAYS


@dataclass
class Finding:
    kind: str
    params: dict[str, object] = field(default_factory=dict)
    entities: tuple[str, ...] = ()  # the classes, teachers, rooms... it names
    facts: list[Finding] = field(default_factory=list)
    suggestion: Finding | None = None


LANGUAGES = ("en", "kk", "ru")


def render(finding: Finding, lang: str = "en") -> str:
    """The finding's message, then its facts as bullets, then its suggestion."""
    lines = [_text(finding, lang)]
    lines += [f"  - {_text(fact, lang)}" for fact in finding.facts]
    if finding.suggestion is not None:
        lines.append(_text(finding.suggestion, lang))
    return "\n".join(lines)


def _text(finding: Finding, lang: str) -> str:
    template = MESSAGES[finding.kind][LANGUAGES.index(lang) if lang in LANGUAGES else 0]
    params = {}
    for key, value in finding.params.items():
        if isinstance(value, Finding):
            value = _text(value, lang)
        params[key] = localise_days(str(value), lang)
    return template.format(**params)


_DAY_WORD = re.compile(r"\b(" + "|".join(DAYS) + r")\b")


def localise_days(text: str, lang: str) -> str:
    """Day codes (Mon, Tue...) in the user's language."""
    labels = DAY_LABELS.get(lang, DAY_LABELS["en"])
    return _DAY_WORD.sub(lambda match: labels[match.group(1)], text)
