"""The publishing gate: pure functions listing every problem that stops an item being published.

Each check takes an item in the content pack's shape (a plain dict, see `serialization.py`) and returns a list of
`Problem`s; `problems_for` runs all checks that apply to a kind. Nothing here touches the database, so
every rule is unit-tested on small dicts.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from decisionaid.content import certainty, vocabulary
from decisionaid.lib.readability import MAX_GRADE, reading_grade

REVIEW_INTERVAL_MONTHS = 12

# Patient-facing prose, per kind: checked for wording and reading grade.
PROSE_FIELDS: dict[str, tuple[str, ...]] = {
    "jurisdiction": ("report_side_effect", "check_practitioner"),
    "health-item": ("question", "explanation"),
    "concern": ("description", "no_procedure_outlook", "decision_statement"),
    "option": ("what_it_is", "how_it_works", "what_happens", "cost_note", "results_last"),
    "evidence": ("summary", "expected_improvement", "certainty_reason"),
    "outcomes": ("description", "group", "time_frame"),
    "side_effects": ("description",),
    "regulatory": ("explanation",),
    "rules": ("explanation",),
    "question": ("text",),
    "warning-sign": ("explanation",),
    "glossary-term": ("definition",),
    "site-text": ("body",),
    "faq": ("answer",),
    "knowledge-item": ("statement", "explanation"),
    "reference": (),
}
# Short patient-facing labels: checked for wording only (a reading grade means little for a few words).
LABEL_FIELDS: dict[str, tuple[str, ...]] = {
    "jurisdiction": ("name",),
    "health-item": ("short_label",),
    "concern": ("name",),
    "option": ("name",),
    "side_effects": ("duration",),
    "warning-sign": ("title",),
    "glossary-term": ("term",),
    "site-text": ("title",),
    "faq": ("question",),
}
# Texts a published item must have (drafts may leave them empty).
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "jurisdiction": ("report_side_effect", "check_practitioner", "help_checked_on"),
    "health-item": ("question", "short_label"),
    "concern": ("description", "no_procedure_outlook", "decision_statement"),
    "option": ("what_it_is", "how_it_works", "what_happens", "discomfort", "results_last"),
    "question": ("text",),
    "warning-sign": ("explanation",),
    "glossary-term": ("definition",),
    "site-text": ("body",),
    "faq": ("question", "answer"),
    "knowledge-item": ("statement", "explanation", "concerns"),
}
# An option's claims: each row must cite at least one reference.
CLAIM_CHILDREN: dict[str, str] = {
    "evidence": "evidence row",
    "outcomes": "outcome",
    "side_effects": "side effect",
    "regulatory": "regulatory status",
    "rules": "contraindication rule",
}

ONE_IN_N = re.compile(
    r"\b(?:1|one|an?)\s+in\s+(?:every\s+)?(?:\d[\d,.]*|a\s+(?:hundred|thousand|million)|"
    r"two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|million)\b"
    r"|\b\d[\d,.]*\s+in\s+(?:every\s+)?\d",
    re.IGNORECASE,
)
VAGUE_FREQUENCY = re.compile(
    r"\b(?:rare|rarely|uncommon|uncommonly|common|commonly|frequent|frequently|infrequent|infrequently"
    # Phrases that say how often without saying it (issue 16 found these in the content):
    r"|in some people|at times|seen most often|not likely|occasionally)\b",
    re.IGNORECASE,
)
STEERING = re.compile(
    r"\b(?:best|recommended|miracles?|breakthroughs?|guaranteed?|no[ -]risks?|risk[ -]free)\b|(?<![\w.])100\s?% safe\b",
    re.IGNORECASE,
)
DIGIT = re.compile(r"\d")
# A relative figure ("3.7 times as likely") says nothing of how many people it happens to.
RELATIVE = re.compile(
    r"\btimes\s+(?:as|more|less)\s+likely\b|\bodds ratios?\b|\brelative risks?\b|\brisk ratios?\b|\bhazard ratios?\b",
    re.IGNORECASE,
)
ABSOLUTE_OR_LABELLED = re.compile(r"\bout of 1(?:00|,000)\b|\brelative figure\b", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class GateContext:
    """What the gate needs to know beyond the item itself."""

    jurisdictions: tuple[str, ...] = vocabulary.JURISDICTION_SLUGS
    no_procedure_concerns: frozenset[str] = field(default_factory=frozenset)
    # Each reference's kind, by key, for the certainty rule; None skips that rule (an item checked on its own).
    reference_kinds: Mapping[str, str] | None = None
    # The keys of "no source found" references, which nothing published may cite.
    unsourced_references: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Text:
    where: str
    text: str
    is_prose: bool


def patient_texts(kind: str, item: dict) -> Iterator[Text]:
    """Every patient-facing text of an item, its option children included."""
    yield from _texts_of(kind, item, where="")
    if kind == "option":
        for child_kind, label in CLAIM_CHILDREN.items():
            for number, child in enumerate(item.get(child_kind, []), start=1):
                yield from _texts_of(child_kind, child, where=f"{label} {number} › ")


def _texts_of(kind: str, item: dict, *, where: str) -> Iterator[Text]:
    for name in PROSE_FIELDS.get(kind, ()):
        if item.get(name):
            yield Text(f"{where}{name}", item[name], is_prose=True)
    for name in LABEL_FIELDS.get(kind, ()):
        if item.get(name):
            yield Text(f"{where}{name}", item[name], is_prose=False)


# --- the rules -------------------------------------------------------------------------------------------


def unreferenced_claims(kind: str, item: dict) -> list[Problem]:
    if kind == "concern" and not item.get("references"):
        return [Problem("references", "what happens with no procedure cites no reference")]
    if kind == "faq" and not item.get("references"):
        return [Problem("references", "the answer cites no reference")]
    if kind == "knowledge-item" and not item.get("references"):
        return [Problem("references", "the statement's answer cites no reference")]
    if kind == "jurisdiction" and not item.get("references"):
        return [Problem("references", "the help on reporting and checking practitioners cites no reference")]
    if kind != "option":
        return []
    return [
        Problem(f"{label} {number}", "cites no reference")
        for child_kind, label in CLAIM_CHILDREN.items()
        for number, child in enumerate(item.get(child_kind, []), start=1)
        if not child.get("references")
    ]


def missing_texts(kind: str, item: dict) -> list[Problem]:
    return [Problem(name, "is empty") for name in REQUIRED_FIELDS.get(kind, ()) if not item.get(name)]


def missing_harms(kind: str, item: dict) -> list[Problem]:
    if kind == "option" and not item.get("side_effects"):
        return [Problem("side effects", "no harms are listed; every option needs its side effects")]
    return []


def review_date_problems(kind: str, item: dict) -> list[Problem]:
    last, due = _as_date(item.get("last_reviewed_on")), _as_date(item.get("next_review_due"))
    problems = []
    if last is None:
        problems.append(Problem("last_reviewed_on", "no review date"))
    if due is None:
        problems.append(Problem("next_review_due", "no next review date"))
    if last and due:
        if due <= last:
            problems.append(Problem("next_review_due", "must be after the last review"))
        elif due > add_months(last, REVIEW_INTERVAL_MONTHS):
            problems.append(Problem("next_review_due", "more than 12 months after the last review"))
    return problems


def _each_match(pattern: re.Pattern, text: str) -> list[str]:
    """Every distinct match in `text`, in order: a reviewer is told all of them at once, not the first."""
    return list(dict.fromkeys(match.group(0) for match in pattern.finditer(text)))


def one_in_n_problems(kind: str, item: dict) -> list[Problem]:
    return [
        Problem(text.where, f'says "{found}"; write it as "X out of 100"')
        for text in patient_texts(kind, item)
        for found in _each_match(ONE_IN_N, text.text)
    ]


def vague_frequency_problems(kind: str, item: dict) -> list[Problem]:
    return [
        Problem(text.where, f'says "{found}" without a number; give how many out of 100, or "not known"')
        for text in patient_texts(kind, item)
        if not DIGIT.search(text.text)
        for found in _each_match(VAGUE_FREQUENCY, text.text)
    ]


def relative_figure_problems(kind: str, item: dict) -> list[Problem]:
    return [
        Problem(
            text.where,
            f'gives a relative figure ("{RELATIVE.search(text.text).group(0)}") alone: add how many out of 100 it '
            'happens to, or say "This is a relative figure" and that the number of people is not known',
        )
        for text in patient_texts(kind, item)
        if RELATIVE.search(text.text) and not ABSOLUTE_OR_LABELLED.search(text.text)
    ]


def outcome_context_problems(kind: str, item: dict) -> list[Problem]:
    """Every number says who was studied and for how long ("not reported" is an answer; silence is not)."""
    if kind != "option":
        return []
    problems = []
    for number, row in enumerate(item.get("outcomes", []), start=1):
        for name, what in (("group", "who was studied, and how many"), ("time_frame", "how long they were followed")):
            if not (row.get(name) or "").strip():
                problems.append(
                    Problem(f"outcome {number} › {name}", f"is empty: say {what}, or that the source does not say")
                )
    return problems


def steering_word_problems(kind: str, item: dict) -> list[Problem]:
    return [
        Problem(text.where, f'uses the steering word "{found}"')
        for text in patient_texts(kind, item)
        for found in _each_match(STEERING, text.text)
    ]


def readability_problems(kind: str, item: dict) -> list[Problem]:
    problems = []
    for text in patient_texts(kind, item):
        grade = reading_grade(text.text) if text.is_prose else None
        if grade is not None and grade > MAX_GRADE:
            problems.append(Problem(text.where, f"reads at US grade {grade:.1f}; the limit is {MAX_GRADE}"))
    return problems


def unchecked_source(kind: str, item: dict) -> list[Problem]:
    """A source we say we found must say when someone read it; readers see that date."""
    if kind == "reference" and item.get("verification") != "commonly-known" and not _as_date(item.get("checked_on")):
        return [Problem("checked on", "is empty: say when someone read this source")]
    return []


def cites_no_source_found(kind: str, item: dict, context: GateContext) -> list[Problem]:
    """A "no source found" placeholder never reaches readers: a claim rests on something someone read, or says
    plainly what we could not find."""
    cited = sorted(set(_cited_keys(item)) & context.unsourced_references)
    if not cited:
        return []
    return [
        Problem(
            "references",
            f'cites {", ".join(cited)}, marked "no source found": cite a source someone read, or reword the claim '
            "to say what we could not find",
        )
    ]


def _cited_keys(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        yield from value.get("references", [])
        for name, inner in value.items():
            if name != "references":
                yield from _cited_keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _cited_keys(inner)


def missing_jurisdictions(kind: str, item: dict, context: GateContext) -> list[Problem]:
    if kind != "option":
        return []
    present = {row.get("jurisdiction") for row in item.get("regulatory", [])}
    missing = [slug for slug in context.jurisdictions if slug not in present]
    if missing:
        return [Problem("regulatory statuses", f"missing for {', '.join(missing)}")]
    return []


def missing_no_procedure(kind: str, item: dict, context: GateContext) -> list[Problem]:
    if kind == "concern" and item.get("slug") not in context.no_procedure_concerns:
        return [Problem("options", "the no-procedure option has no evidence row for this concern")]
    return []


def certainty_above_its_sources(kind: str, item: dict, context: GateContext) -> list[Problem]:
    """A rating higher than the kinds of its sources allow (content/certainty.py) needs a reviewer's reason."""
    if kind != "option" or context.reference_kinds is None:
        return []
    problems = []
    for number, row in enumerate(item.get("evidence", []), start=1):
        kinds = [context.reference_kinds.get(key, "") for key in row.get("references", [])]
        limit = certainty.above_ceiling(row["certainty"], kinds)
        if limit is not None and not (row.get("certainty_reason") or "").strip():
            problems.append(
                Problem(
                    f"evidence row {number} ({row['concern']})",
                    f"is rated {vocabulary.Certainty(row['certainty']).label.lower()}, but its sources allow at most "
                    f"{limit.label.lower()}: rate it {limit.label.lower()}, cite the trials or review behind the rating, "
                    'or give the reason in "why the rating is above the rule"',
                )
            )
    return problems


ITEM_RULES = (
    missing_texts,
    unreferenced_claims,
    missing_harms,
    review_date_problems,
    one_in_n_problems,
    vague_frequency_problems,
    steering_word_problems,
    relative_figure_problems,
    outcome_context_problems,
    readability_problems,
    unchecked_source,
)
CONTEXT_RULES = (missing_jurisdictions, missing_no_procedure, certainty_above_its_sources, cites_no_source_found)


def problems_for(kind: str, item: dict, *, context: GateContext) -> list[Problem]:
    """Every problem that stops this item being published; an empty list means it may be published."""
    problems = [problem for rule in ITEM_RULES for problem in rule(kind, item)]
    problems += [problem for rule in CONTEXT_RULES for problem in rule(kind, item, context)]
    return problems


# --- helpers ---------------------------------------------------------------------------------------------


def _as_date(value: object) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, clamped to the month's end (29 Feb + 12 months = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
