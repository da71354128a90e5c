"""Reading grade of patient-facing text (Flesch-Kincaid, via textstat 0.7.8, which works offline)."""

from __future__ import annotations

import re

import textstat

MAX_GRADE = 8
# Flesch-Kincaid is a formula for passages; on a few words (a label, a one-line step) it swings wildly,
# so texts shorter than this are not graded.
MIN_WORDS_FOR_GRADE = 8
_LINE_END = re.compile(r"[.!?:;]$")


def as_sentences(text: str) -> str:
    """Treat each non-empty line as a sentence, so step-by-step lists are not read as one long sentence."""
    lines = [line.strip().lstrip("-*•0123456789. ").strip() for line in text.splitlines()]
    return " ".join(line if _LINE_END.search(line) else f"{line}." for line in lines if line)


def reading_grade(text: str) -> float | None:
    """The US school grade needed to read `text`, or None when it is too short to grade."""
    prepared = as_sentences(text)
    if len(prepared.split()) < MIN_WORDS_FOR_GRADE:
        return None
    return round(textstat.flesch_kincaid_grade(prepared), 1)
