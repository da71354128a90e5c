"""Figures about the content: reading grades, how well claims are sourced, ratings above the certainty rule and
the numbers rules' results (for `content_report` and the About page)."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

from decisionaid.content import certainty, gate
from decisionaid.content.models import Reference
from decisionaid.content.serialization import SPEC_BY_KIND, SPECS, prefetched, serialize
from decisionaid.lib.readability import MAX_GRADE, reading_grade

# Rows whose references back a claim, per kind (option rows are named by gate.CLAIM_CHILDREN).
TOP_LEVEL_CLAIMS = {"concern", "faq", "knowledge-item"}


@dataclass
class KindFigures:
    kind: str
    items: int = 0
    grades: list[float] = field(default_factory=list)
    claims: int = 0
    claims_with_verified_reference: int = 0
    over_limit: list[str] = field(default_factory=list)

    @property
    def mean_grade(self) -> float | None:
        return round(mean(self.grades), 1) if self.grades else None

    @property
    def max_grade(self) -> float | None:
        return max(self.grades) if self.grades else None

    @property
    def verified_share(self) -> float | None:
        return round(100 * self.claims_with_verified_reference / self.claims) if self.claims else None


def content_figures(*, published_only: bool = True) -> list[KindFigures]:
    verified = set(Reference.objects.filter(verification=Reference.Verification.VERIFIED).values_list("key", flat=True))
    figures = []
    for spec in SPECS:
        queryset = prefetched(spec).published() if published_only else prefetched(spec)
        result = KindFigures(spec.kind)
        for instance in queryset:
            data = serialize(instance)
            result.items += 1
            for text in gate.patient_texts(spec.kind, data):
                grade = reading_grade(text.text) if text.is_prose else None
                if grade is None:
                    continue
                result.grades.append(grade)
                if grade > MAX_GRADE:
                    result.over_limit.append(f"{data[spec.key]} › {text.where} (grade {grade})")
            for claim in claims_of(spec.kind, data):
                result.claims += 1
                result.claims_with_verified_reference += bool(set(claim.get("references", [])) & verified)
        figures.append(result)
    return figures


def claims_of(kind: str, data: dict) -> list[dict]:
    if kind in TOP_LEVEL_CLAIMS:
        return [data]
    if kind == "option":
        return [row for child in gate.CLAIM_CHILDREN for row in data.get(child, [])]
    return []


@dataclass(frozen=True)
class Balance:
    option: str
    benefit_chars: int
    harm_chars: int

    @property
    def harm_share(self) -> int:
        """Harms text as a percentage of benefits text."""
        return round(100 * self.harm_chars / self.benefit_chars) if self.benefit_chars else 100


def option_balance() -> list[Balance]:
    """How much text each published option gives to harms compared with benefits (IPDAS: equal detail)."""
    rows = []
    for data in (serialize(option) for option in prefetched(SPEC_BY_KIND["option"]).published()):
        benefits = [row.get("summary", "") + row.get("expected_improvement", "") for row in data.get("evidence", [])]
        benefits += [row["description"] for row in data.get("outcomes", []) if row["kind"] == "benefit"]
        harms = [row["description"] + row.get("duration", "") for row in data.get("side_effects", [])]
        harms += [row["description"] for row in data.get("outcomes", []) if row["kind"] == "harm"]
        rows.append(Balance(data["slug"], sum(map(len, benefits)), sum(map(len, harms))))
    return rows


# --- how well each option's claims are sourced (issue 16) -----------------------------------------------------

# A claim row rests on a checked source when at least one of its sources was read, in whole or in part.
CHECKED = frozenset({Reference.Verification.VERIFIED, Reference.Verification.PARTLY_VERIFIED})


@dataclass(frozen=True)
class OptionSourcing:
    slug: str
    name: str
    rows: int  # claim rows: evidence, outcomes, side effects, regulatory statuses, contraindication rules
    unchecked_rows: int  # rows that rest only on a source found second-hand or on "no source found"

    @property
    def checked_share(self) -> int:
        return round(100 * (self.rows - self.unchecked_rows) / self.rows) if self.rows else 100


def option_sourcing(catalogue) -> list[OptionSourcing]:
    """Per option of a release (a Catalogue), how many claim rows rest on a source we read."""
    checked = {key for key, reference in catalogue.references.items() if reference.verification in CHECKED}
    result = []
    for option in catalogue.options:
        rows = [*option.evidence, *option.outcomes, *option.side_effects, *option.statuses, *option.rules]
        unchecked = sum(1 for row in rows if not set(row.reference_keys) & checked)
        result.append(OptionSourcing(option.slug, option.name, len(rows), unchecked))
    return result


def overall_checked_share(sourcing: list[OptionSourcing]) -> int:
    rows = sum(option.rows for option in sourcing)
    return round(100 * sum(option.rows - option.unchecked_rows for option in sourcing) / rows) if rows else 100


@dataclass(frozen=True)
class RatingAboveRule:
    option: str  # the option's name
    option_slug: str
    concern: str  # the concern's name
    certainty: str
    ceiling: str  # the highest rating its sources' kinds allow (content/certainty.py)
    reason: str  # the reviewer's reason; empty would fail the publishing gate


def ratings_above_rule(catalogue) -> list[RatingAboveRule]:
    """Every rating higher than the kinds of its sources allow, with its recorded reason."""
    kinds = {key: reference.kind for key, reference in catalogue.references.items()}
    found = []
    for option in catalogue.options:
        for row in option.evidence:
            ceiling = certainty.above_ceiling(row.certainty, [kinds.get(key, "") for key in row.reference_keys])
            if ceiling is not None:
                concern = catalogue.concern(row.concern)
                found.append(
                    RatingAboveRule(
                        option.name,
                        option.slug,
                        concern.name if concern else row.concern,
                        row.certainty_label,
                        ceiling.label,
                        row.certainty_reason,
                    )
                )
    return found


# The gate's rules about numbers and how often things happen: "X out of 100", no vague frequency words, a relative
# figure with an absolute one, who was studied and for how long.
NUMBERS_RULES = (
    gate.one_in_n_problems,
    gate.vague_frequency_problems,
    gate.relative_figure_problems,
    gate.outcome_context_problems,
)


def numbers_problems(snapshot: dict) -> list[str]:
    """The numbers rules' problems over every option of a snapshot (a release's or the working copy's)."""
    return [
        f"{option['slug']}: {problem}"
        for option in snapshot["items"].get("option", [])
        for rule in NUMBERS_RULES
        for problem in rule("option", option)
    ]
