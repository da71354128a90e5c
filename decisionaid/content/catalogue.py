"""A read-only snapshot of the published content, held in memory and rebuilt whenever any content changes.

Patient pages read the snapshot instead of the database: one query (the content stamp) decides whether the
held copy is current, so a page's query count stays flat however many options there are. The snapshot is
made of small frozen dataclasses, which the matching functions take as plain input. Each process holds it as a
plain object: Django's memory cache would unpickle it on every request (about 10 ms for the options page).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from decisionaid.content.models import (
    Concern,
    ContentVersion,
    ContraindicationRule,
    Evidence,
    HealthItem,
    Jurisdiction,
    Option,
    Outcome,
    Question,
    Reference,
    RegulatoryStatus,
    SideEffect,
    SiteText,
    WarningSign,
)
from decisionaid.content.vocabulary import Certainty, FlagLevel, RegulatoryStatusCode


@dataclass(frozen=True)
class Cited:
    """Anything that cites references, by key (the `cite` template tag reads `reference_keys`)."""

    reference_keys: tuple[str, ...] = field(default=(), kw_only=True)


@dataclass(frozen=True)
class EvidenceFacts(Cited):
    concern: str
    certainty: str
    summary: str
    expected_improvement: str
    is_marketed_for: bool

    @property
    def certainty_label(self) -> str:
        return Certainty(self.certainty).label


@dataclass(frozen=True)
class OutcomeFacts(Cited):
    concern: str | None
    kind: str
    description: str
    events: int | None
    denominator: int | None
    group: str
    time_frame: str
    certainty: str

    @property
    def certainty_label(self) -> str:
        return Certainty(self.certainty).label


@dataclass(frozen=True)
class SideEffectFacts(Cited):
    description: str
    severity: str
    events: int | None
    denominator: int | None
    duration: str
    is_pigment_or_scarring: bool

    @property
    def is_serious(self) -> bool:
        return self.severity == SideEffect.Severity.SERIOUS

    @property
    def severity_label(self) -> str:
        return SideEffect.Severity(self.severity).label


@dataclass(frozen=True)
class StatusFacts(Cited):
    jurisdiction: str
    status: str
    explanation: str
    as_of: datetime.date | None

    @property
    def status_label(self) -> str:
        return RegulatoryStatusCode(self.status).label


@dataclass(frozen=True)
class RuleFacts(Cited):
    health_item: str | None  # a health-screen slug, or None for a skin-type rule
    skin_types: frozenset[str]
    level: str
    explanation: str


@dataclass(frozen=True)
class OptionFacts(Cited):
    slug: str
    name: str
    family: str
    order: int
    is_no_procedure: bool
    what_it_is: str
    what_happens: str
    sessions_min: int | None
    sessions_max: int | None
    downtime_days_min: int | None
    downtime_days_max: int | None
    discomfort: str
    cost_min_usd: int | None
    cost_max_usd: int | None
    cost_note: str
    results_last: str
    evidence: tuple[EvidenceFacts, ...] = ()
    outcomes: tuple[OutcomeFacts, ...] = ()
    side_effects: tuple[SideEffectFacts, ...] = ()
    statuses: tuple[StatusFacts, ...] = ()
    rules: tuple[RuleFacts, ...] = ()

    @property
    def discomfort_label(self) -> str:
        return Option.Discomfort(self.discomfort).label if self.discomfort else ""

    def evidence_for(self, concern: str) -> EvidenceFacts | None:
        return next((row for row in self.evidence if row.concern == concern), None)

    def status_in(self, jurisdiction: str) -> StatusFacts | None:
        return next((row for row in self.statuses if row.jurisdiction == jurisdiction), None)


@dataclass(frozen=True)
class ConcernFacts(Cited):
    slug: str
    name: str
    description: str
    no_procedure_outlook: str
    decision_statement: str


@dataclass(frozen=True)
class HealthItemFacts:
    slug: str
    question: str
    short_label: str
    explanation: str


@dataclass(frozen=True)
class JurisdictionFacts:
    slug: str
    name: str


@dataclass(frozen=True)
class ScopedFacts(Cited):
    """A question to ask or a warning sign, for all options, a family, or named options."""

    key: str
    text: str
    explanation: str
    scope: str
    family: str
    option_slugs: frozenset[str]

    def applies_to(self, option: OptionFacts) -> bool:
        if self.scope == Question.Scope.ALL:
            return True
        if self.scope == Question.Scope.FAMILY:
            return self.family == option.family
        return option.slug in self.option_slugs


@dataclass(frozen=True)
class Catalogue:
    stamp: tuple[int, str]
    concerns: tuple[ConcernFacts, ...]
    options: tuple[OptionFacts, ...]
    health_items: tuple[HealthItemFacts, ...]
    jurisdictions: tuple[JurisdictionFacts, ...]
    questions: tuple[ScopedFacts, ...]
    warning_signs: tuple[ScopedFacts, ...]
    references: dict[str, Reference]
    last_reviewed_on: datetime.date | None
    next_review_due: datetime.date | None

    @property
    def version(self) -> int:
        return self.stamp[0]

    def concern(self, slug: str) -> ConcernFacts | None:
        return next((concern for concern in self.concerns if concern.slug == slug), None)

    def option(self, slug: str) -> OptionFacts | None:
        return next((option for option in self.options if option.slug == slug), None)

    def jurisdiction(self, slug: str) -> JurisdictionFacts | None:
        return next((place for place in self.jurisdictions if place.slug == slug), None)

    def health_item(self, slug: str) -> HealthItemFacts | None:
        return next((item for item in self.health_items if item.slug == slug), None)


_held: Catalogue | None = None


def current_catalogue() -> Catalogue:
    """The published content, as held when nothing has changed since it was built (one query)."""
    global _held
    stamp = ContentVersion.stamp()
    held = _held  # read once: another thread may replace it meanwhile, which is harmless
    if held is None or held.stamp != stamp:
        held = _held = build_catalogue(stamp)
    return held


def forget_catalogue() -> None:
    """Drop the held snapshot (tests do, as their database is rolled back underneath it)."""
    global _held
    _held = None


def _keys(item) -> tuple[str, ...]:
    return tuple(sorted(reference.key for reference in item.references.all()))


def _published_references() -> Prefetch:
    return Prefetch("references", queryset=Reference.objects.published().only("key"))


def build_catalogue(stamp: tuple[int, str]) -> Catalogue:
    """Read every published item with a fixed number of queries, whatever the amount of content."""
    refs = _published_references
    options = Option.objects.published().prefetch_related(
        refs(),
        Prefetch(
            "evidence",
            queryset=Evidence.objects.filter(concern__status=Concern.Status.PUBLISHED)
            .select_related("concern")
            .prefetch_related(refs()),
        ),
        Prefetch("outcomes", queryset=Outcome.objects.select_related("concern").prefetch_related(refs())),
        Prefetch("side_effects", queryset=SideEffect.objects.prefetch_related(refs())),
        Prefetch(
            "regulatory_statuses",
            queryset=RegulatoryStatus.objects.select_related("jurisdiction").prefetch_related(refs()),
        ),
        Prefetch("rules", queryset=ContraindicationRule.objects.select_related("health_item").prefetch_related(refs())),
    )
    concerns = Concern.objects.published().prefetch_related(refs())
    scoped = dict(queryset=Option.objects.published().only("slug"))
    questions = Question.objects.published().prefetch_related(refs(), Prefetch("options", **scoped))
    warning_signs = WarningSign.objects.published().prefetch_related(refs(), Prefetch("options", **scoped))
    option_facts = tuple(_option_facts(option) for option in options)
    concern_rows = list(concerns)
    reviewed = [*options, *concern_rows, *SiteText.objects.published().only("last_reviewed_on", "next_review_due")]
    return Catalogue(
        stamp=stamp,
        concerns=tuple(
            ConcernFacts(
                slug=c.slug,
                name=c.name,
                description=c.description,
                no_procedure_outlook=c.no_procedure_outlook,
                decision_statement=c.decision_statement,
                reference_keys=_keys(c),
            )
            for c in concern_rows
        ),
        options=option_facts,
        health_items=tuple(
            HealthItemFacts(slug=h.slug, question=h.question, short_label=h.short_label, explanation=h.explanation)
            for h in HealthItem.objects.published()
        ),
        jurisdictions=tuple(JurisdictionFacts(slug=j.slug, name=j.name) for j in Jurisdiction.objects.published()),
        questions=tuple(_scoped_facts(q, text=q.text, explanation="") for q in questions),
        warning_signs=tuple(_scoped_facts(w, text=w.title, explanation=w.explanation) for w in warning_signs),
        references={reference.key: reference for reference in Reference.objects.published()},
        last_reviewed_on=max((i.last_reviewed_on for i in reviewed if i.last_reviewed_on), default=None),
        next_review_due=min((i.next_review_due for i in reviewed if i.next_review_due), default=None),
    )


def _scoped_facts(item, *, text: str, explanation: str) -> ScopedFacts:
    return ScopedFacts(
        key=item.key,
        text=text,
        explanation=explanation,
        scope=item.scope,
        family=item.family,
        option_slugs=frozenset(option.slug for option in item.options.all()),
        reference_keys=_keys(item),
    )


def _option_facts(option: Option) -> OptionFacts:
    return OptionFacts(
        slug=option.slug,
        name=option.name,
        family=option.family,
        order=option.order,
        is_no_procedure=option.is_no_procedure,
        what_it_is=option.what_it_is,
        what_happens=option.what_happens,
        sessions_min=option.sessions_min,
        sessions_max=option.sessions_max,
        downtime_days_min=option.downtime_days_min,
        downtime_days_max=option.downtime_days_max,
        discomfort=option.discomfort,
        cost_min_usd=option.cost_min_usd,
        cost_max_usd=option.cost_max_usd,
        cost_note=option.cost_note,
        results_last=option.results_last,
        reference_keys=_keys(option),
        evidence=tuple(
            EvidenceFacts(
                concern=row.concern.slug,
                certainty=row.certainty,
                summary=row.summary,
                expected_improvement=row.expected_improvement,
                is_marketed_for=row.is_marketed_for,
                reference_keys=_keys(row),
            )
            for row in option.evidence.all()
        ),
        outcomes=tuple(
            OutcomeFacts(
                concern=row.concern.slug if row.concern else None,
                kind=row.kind,
                description=row.description,
                events=row.events,
                denominator=row.denominator,
                group=row.group,
                time_frame=row.time_frame,
                certainty=row.certainty,
                reference_keys=_keys(row),
            )
            for row in option.outcomes.all()
        ),
        side_effects=tuple(
            SideEffectFacts(
                description=row.description,
                severity=row.severity,
                events=row.events,
                denominator=row.denominator,
                duration=row.duration,
                is_pigment_or_scarring=row.is_pigment_or_scarring,
                reference_keys=_keys(row),
            )
            for row in option.side_effects.all()
        ),
        statuses=tuple(
            StatusFacts(
                jurisdiction=row.jurisdiction.slug,
                status=row.status,
                explanation=row.explanation,
                as_of=row.as_of,
                reference_keys=_keys(row),
            )
            for row in option.regulatory_statuses.all()
        ),
        rules=tuple(
            RuleFacts(
                health_item=row.health_item.slug if row.health_item else None,
                skin_types=frozenset(filter(None, row.skin_types.split(","))),
                level=FlagLevel(row.level).value,
                explanation=row.explanation,
                reference_keys=_keys(row),
            )
            for row in option.rules.all()
        ),
    )


def catalogue_for(request) -> Catalogue:
    """The catalogue for this request: looked up once, shared by the view and the page footer."""
    catalogue = getattr(request, "_catalogue", None)
    if catalogue is None:
        catalogue = request._catalogue = current_catalogue()
    return catalogue
