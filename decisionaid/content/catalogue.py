"""The current release, read into small frozen dataclasses that every patient page shares.

Patient pages read only releases (see `releases.py`), never the working copy. One query (the current release's
number and sign-off) decides whether the held copy is current, so a page's query count stays flat however much
content there is. A release never changes, so a summary made from an earlier release reads that release's
catalogue, kept the same way. Each process holds them as plain objects: Django's memory cache would unpickle
them on every request (about 10 ms for the options page).
"""

from __future__ import annotations

import datetime
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from decisionaid.content import wording
from decisionaid.content.certainty import sold_without_good_evidence
from decisionaid.content.models import ClinicalSignOff, Option, Question, Reference, Release, SideEffect
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
    certainty_reason: str = ""  # why the rating is above what its sources' kinds allow (content/certainty.py)

    @property
    def certainty_label(self) -> str:
        return Certainty(self.certainty).label

    @property
    def sold_without_good_evidence(self) -> bool:
        return sold_without_good_evidence(self.certainty, self.is_marketed_for)


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
    def headline(self) -> str:
        """The description's first sentence, for the options at a glance."""
        first, _, rest = self.description.partition(". ")
        return first if first.endswith(".") or not rest else first + "."

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

    @property
    def level_label(self) -> str:
        return FlagLevel(self.level).label

    @property
    def skin_types_text(self) -> str:
        return ", ".join(sorted(self.skin_types))


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
    how_it_works: str = ""
    next_review_due: datetime.date | None = None
    edited_on: datetime.date | None = None  # the date of the release in which it last changed
    evidence: tuple[EvidenceFacts, ...] = ()
    outcomes: tuple[OutcomeFacts, ...] = ()
    side_effects: tuple[SideEffectFacts, ...] = ()
    statuses: tuple[StatusFacts, ...] = ()
    rules: tuple[RuleFacts, ...] = ()

    @property
    def common_side_effects(self) -> tuple[SideEffectFacts, ...]:
        return tuple(effect for effect in self.side_effects if not effect.is_serious)

    @property
    def serious_side_effects(self) -> tuple[SideEffectFacts, ...]:
        return tuple(effect for effect in self.side_effects if effect.is_serious)

    @property
    def main_common_side_effect(self) -> SideEffectFacts | None:
        return _most_frequent(self.common_side_effects)

    @property
    def main_serious_side_effect(self) -> SideEffectFacts | None:
        return _most_frequent(self.serious_side_effects)

    @property
    def is_review_overdue(self) -> bool:
        return self.next_review_due is None or self.next_review_due < datetime.date.today()

    @property
    def discomfort_label(self) -> str:
        return Option.Discomfort(self.discomfort).label if self.discomfort else ""

    def evidence_for(self, concern: str) -> EvidenceFacts | None:
        return next((row for row in self.evidence if row.concern == concern), None)

    def status_in(self, jurisdiction: str) -> StatusFacts | None:
        return next((row for row in self.statuses if row.jurisdiction == jurisdiction), None)


def _most_frequent(effects: tuple[SideEffectFacts, ...]) -> SideEffectFacts | None:
    """The side effect with the highest known rate, else the first listed (the editors list the main one first)."""
    known = [effect for effect in effects if effect.events is not None and effect.denominator]
    if known:
        return max(known, key=lambda effect: effect.events / effect.denominator)
    return effects[0] if effects else None


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
class JurisdictionFacts(Cited):
    slug: str
    name: str
    report_side_effect: str = ""
    check_practitioner: str = ""
    help_checked_on: datetime.date | None = None

    @property
    def has_help(self) -> bool:
        return bool(self.report_side_effect or self.check_practitioner)


@dataclass(frozen=True)
class ScopedFacts(Cited):
    """A question to ask or a warning sign, for all options, a family, or named options."""

    key: str
    text: str
    explanation: str
    scope: str
    family: str
    option_slugs: frozenset[str]
    jurisdictions: frozenset[str] = frozenset()  # empty: everywhere
    topic: str = ""  # a question's topic (product, evidence, who-and-how, safety, cost)

    def applies_in(self, jurisdiction: str | None) -> bool:
        """For a patient in this place; someone in "another country" sees every place's items."""
        return not self.jurisdictions or jurisdiction in self.jurisdictions or jurisdiction in (None, "other")

    def applies_to(self, option: OptionFacts) -> bool:
        if self.scope == Question.Scope.ALL:
            return True
        if self.scope == Question.Scope.FAMILY:
            return self.family == option.family
        return option.slug in self.option_slugs


@dataclass(frozen=True)
class ReferenceFacts:
    key: str
    authors: str
    title: str
    publisher: str
    year: int | None
    doi: str
    pmid: str
    url: str
    kind: str
    verification: str
    checked_on: datetime.date | None  # the reviewers' notes are not here: nothing internal reaches a reader

    @property
    def is_commonly_known(self) -> bool:
        return self.verification == Reference.Verification.COMMONLY_KNOWN

    @property
    def kind_label(self) -> str:
        return str(Reference.Kind(self.kind).label)

    @property
    def verification_label(self) -> str:
        return str(Reference.Verification(self.verification).label)

    @property
    def how_checked(self) -> str:
        """How well we checked this source, in plain words for readers."""
        return str(wording.HOW_CHECKED[self.verification])


@dataclass(frozen=True)
class FaqFacts(Cited):
    slug: str
    question: str
    answer: str


@dataclass(frozen=True)
class KnowledgeFacts(Cited):
    slug: str
    concerns: tuple[str, ...]
    statement: str
    is_true: bool
    explanation: str


@dataclass(frozen=True)
class GlossaryFacts:
    slug: str
    term: str
    definition: str


@dataclass(frozen=True)
class SiteTextFacts:
    slug: str
    title: str
    body: str
    edited_on: datetime.date | None


@dataclass(frozen=True)
class DisclosureFacts:
    authors: tuple[str, ...]
    funder: str
    conflicts_of_interest: str


@dataclass(frozen=True)
class SignOffFacts:
    reviewer_name: str
    qualifications: str
    signed_off_on: datetime.date


@dataclass(frozen=True)
class Catalogue:
    release: int  # 0 before the first release
    published_on: datetime.date | None
    sign_off: SignOffFacts | None
    concerns: tuple[ConcernFacts, ...]
    options: tuple[OptionFacts, ...]
    health_items: tuple[HealthItemFacts, ...]
    jurisdictions: tuple[JurisdictionFacts, ...]
    questions: tuple[ScopedFacts, ...]
    warning_signs: tuple[ScopedFacts, ...]
    references: dict[str, ReferenceFacts]
    faq: tuple[FaqFacts, ...]
    knowledge: tuple[KnowledgeFacts, ...]
    glossary: tuple[GlossaryFacts, ...]
    site_texts: tuple[SiteTextFacts, ...]
    disclosure: DisclosureFacts
    next_review_due: datetime.date | None
    # Results computed from this content alone, kept for its lifetime (e.g. the matches of recent answers).
    kept: OrderedDict = field(default_factory=OrderedDict, compare=False, repr=False)

    @property
    def stamp(self) -> tuple[int, bool]:
        """Keys the parts of pages kept for many requests: a release's content never changes, its sign-off may."""
        return (self.release, self.sign_off is not None)

    @property
    def version(self) -> int:
        return self.release

    def concern(self, slug: str) -> ConcernFacts | None:
        return next((concern for concern in self.concerns if concern.slug == slug), None)

    def option(self, slug: str) -> OptionFacts | None:
        return next((option for option in self.options if option.slug == slug), None)

    def knowledge_for(self, concern: str) -> tuple[KnowledgeFacts, ...]:
        """The knowledge check for a concern, in the editorial order."""
        return tuple(item for item in self.knowledge if concern in item.concerns)

    def jurisdiction(self, slug: str) -> JurisdictionFacts | None:
        return next((place for place in self.jurisdictions if place.slug == slug), None)

    def health_item(self, slug: str) -> HealthItemFacts | None:
        return next((item for item in self.health_items if item.slug == slug), None)


_lock = threading.Lock()
_held: OrderedDict[tuple, Catalogue] = OrderedDict()  # (release, sign-off id) -> catalogue, newest last
_KEEP = 8


_live: tuple[float, tuple[int, int | None]] | None = None  # (when looked up, (live release, its sign-off id))


def current_catalogue() -> Catalogue:
    """The current release, as held when neither it nor its sign-off changed since.

    Which release is live is looked up (one query) at most every LIVE_RELEASE_CHECK_SECONDS in each process:
    a release or sign-off saved in another worker reaches this one within that time; one saved in this process
    is seen at once (forget_live_release). That lookup was a tenth of the options page's time."""
    global _live
    now = time.monotonic()
    held = _live
    if held is None or now - held[0] >= settings.LIVE_RELEASE_CHECK_SECONDS:
        row = Release.objects.order_by("-number").values_list("number", "sign_off__id").first() or (0, None)
        held = _live = (now, row)
    return _catalogue(*held[1])


def forget_live_release(**_signal) -> None:
    """Look up the live release again on the next request (connected to Release and sign-off saves)."""
    global _live
    _live = None


def catalogue_for_release(number: int) -> Catalogue | None:
    """An earlier (or the current) release, for a saved summary made from it; None if there is no such release."""
    row = Release.objects.filter(number=number).values_list("number", "sign_off__id").first()
    return _catalogue(*row) if row else None


def _catalogue(number: int, sign_off_id: int | None) -> Catalogue:
    key = (number, sign_off_id)
    held = _held.get(key)
    if held is None:
        held = build_catalogue(Release.objects.filter(number=number).first()) if number else EMPTY
        with _lock:
            _held[key] = held
            while len(_held) > _KEEP:
                _held.popitem(last=False)
    return held


def forget_catalogue() -> None:
    """Drop the held catalogues (tests do, as their database is rolled back underneath them)."""
    forget_live_release()
    with _lock:
        _held.clear()


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _keys(item: dict) -> tuple[str, ...]:
    return tuple(sorted(item.get("references", ())))


def build_catalogue(release: Release | None) -> Catalogue:
    """The dataclasses of one release's snapshot."""
    if release is None:
        return EMPTY
    items = release.snapshot["items"]
    edited = release.snapshot.get("edited", {})
    # An unsaved release (the working copy drawn as a release, for content_report) has no sign-off.
    sign_off = ClinicalSignOff.objects.filter(release=release).first() if release.pk else None
    reviewed = [*items["option"], *items["concern"], *items["site-text"]]
    disclosure = release.snapshot["disclosure"]
    concern_order = {c["slug"]: number for number, c in enumerate(_ordered(items["concern"]))}
    return Catalogue(
        release=release.number,
        published_on=timezone.localtime(release.published_at).date(),
        sign_off=SignOffFacts(sign_off.reviewer_name, sign_off.qualifications, sign_off.signed_off_on)
        if sign_off
        else None,
        concerns=tuple(
            ConcernFacts(
                slug=c["slug"],
                name=c["name"],
                description=c.get("description", ""),
                no_procedure_outlook=c.get("no_procedure_outlook", ""),
                decision_statement=c.get("decision_statement", ""),
                reference_keys=_keys(c),
            )
            for c in _ordered(items["concern"])
        ),
        options=tuple(_option_facts(o, edited, concern_order) for o in _ordered(items["option"])),
        health_items=tuple(
            HealthItemFacts(
                slug=h["slug"],
                question=h.get("question", ""),
                short_label=h.get("short_label", ""),
                explanation=h.get("explanation", ""),
            )
            for h in _ordered(items["health-item"])
        ),
        jurisdictions=tuple(_jurisdiction_facts(j) for j in _ordered(items["jurisdiction"])),
        questions=tuple(_scoped_facts(q, text=q.get("text", ""), explanation="") for q in _ordered(items["question"])),
        warning_signs=tuple(
            _scoped_facts(w, text=w.get("title", ""), explanation=w.get("explanation", ""))
            for w in _ordered(items["warning-sign"])
        ),
        references={r["key"]: _reference_facts(r) for r in items["reference"]},
        faq=tuple(
            FaqFacts(slug=f["slug"], question=f["question"], answer=f.get("answer", ""), reference_keys=_keys(f))
            for f in _ordered(items["faq"])
        ),
        knowledge=tuple(
            KnowledgeFacts(
                slug=k["slug"],
                concerns=tuple(k.get("concerns", ())),
                statement=k["statement"],
                is_true=bool(k.get("is_true")),
                explanation=k.get("explanation", ""),
                reference_keys=_keys(k),
            )
            for k in _ordered(items.get("knowledge-item", []))  # releases made before issue 17 have none
        ),
        glossary=tuple(
            GlossaryFacts(slug=g["slug"], term=g["term"], definition=g.get("definition", ""))
            for g in sorted(items["glossary-term"], key=lambda g: g["term"])
        ),
        site_texts=tuple(
            SiteTextFacts(
                slug=t["slug"],
                title=t["title"],
                body=t.get("body", ""),
                edited_on=_edited_on(edited, "site-text", t["slug"]),
            )
            for t in _ordered(items["site-text"])
        ),
        disclosure=DisclosureFacts(
            authors=tuple(line.strip() for line in disclosure.get("authors", "").splitlines() if line.strip()),
            funder=disclosure.get("funder", ""),
            conflicts_of_interest=disclosure.get("conflicts_of_interest", ""),
        ),
        next_review_due=min((d for i in reviewed if (d := _date(i.get("next_review_due")))), default=None),
    )


def _ordered(rows: list[dict]) -> list[dict]:
    """In the editorial order (as the admin lists them): by `order`, then by natural key."""
    return sorted(rows, key=lambda row: (row.get("order", 0), str(row.get("slug") or row.get("key"))))


def _edited_on(edited: dict, kind: str, key: str) -> datetime.date | None:
    entry = edited.get(f"{kind}:{key}")
    return _date(entry[1]) if entry else None


def _jurisdiction_facts(row: dict) -> JurisdictionFacts:
    checked = row.get("help_checked_on")
    return JurisdictionFacts(
        slug=row["slug"],
        name=row["name"],
        report_side_effect=row.get("report_side_effect", ""),
        check_practitioner=row.get("check_practitioner", ""),
        help_checked_on=datetime.date.fromisoformat(checked) if checked else None,
        reference_keys=_keys(row),
    )


def _reference_facts(row: dict) -> ReferenceFacts:
    return ReferenceFacts(
        key=row["key"],
        authors=row.get("authors", ""),
        title=row.get("title", ""),
        publisher=row.get("publisher", ""),
        year=row.get("year"),
        doi=row.get("doi", ""),
        pmid=row.get("pmid", ""),
        url=row.get("url", ""),
        kind=row.get("kind", Reference.Kind.OTHER),
        verification=row.get("verification", ""),
        checked_on=datetime.date.fromisoformat(row["checked_on"]) if row.get("checked_on") else None,
    )


def _scoped_facts(item: dict, *, text: str, explanation: str) -> ScopedFacts:
    return ScopedFacts(
        key=item["key"],
        text=text,
        explanation=explanation,
        scope=item.get("scope", Question.Scope.ALL),
        family=item.get("family", ""),
        option_slugs=frozenset(item.get("options", ())),
        jurisdictions=frozenset(item.get("jurisdictions", ())),
        topic=item.get("topic", ""),
        reference_keys=_keys(item),
    )


def _option_facts(option: dict, edited: dict, concern_order: dict[str, int]) -> OptionFacts:
    get = option.get
    return OptionFacts(
        slug=option["slug"],
        name=option["name"],
        family=option["family"],
        order=get("order", 0),
        is_no_procedure=get("is_no_procedure", False),
        what_it_is=get("what_it_is", ""),
        how_it_works=get("how_it_works", ""),
        what_happens=get("what_happens", ""),
        sessions_min=get("sessions_min"),
        sessions_max=get("sessions_max"),
        downtime_days_min=get("downtime_days_min"),
        downtime_days_max=get("downtime_days_max"),
        discomfort=get("discomfort", ""),
        cost_min_usd=get("cost_min_usd"),
        cost_max_usd=get("cost_max_usd"),
        cost_note=get("cost_note", ""),
        results_last=get("results_last", ""),
        next_review_due=_date(get("next_review_due")),
        edited_on=_edited_on(edited, "option", option["slug"]),
        reference_keys=_keys(option),
        evidence=tuple(
            EvidenceFacts(
                concern=row["concern"],
                certainty=row["certainty"],
                summary=row.get("summary", ""),
                expected_improvement=row.get("expected_improvement", ""),
                is_marketed_for=row.get("is_marketed_for", False),
                certainty_reason=row.get("certainty_reason", ""),
                reference_keys=_keys(row),
            )
            for row in sorted(get("evidence", ()), key=lambda row: concern_order.get(row["concern"], 0))
        ),
        outcomes=tuple(
            OutcomeFacts(
                concern=row.get("concern"),
                kind=row["kind"],
                description=row.get("description", ""),
                events=row.get("events"),
                denominator=row.get("denominator"),
                group=row.get("group", ""),
                time_frame=row.get("time_frame", ""),
                certainty=row["certainty"],
                reference_keys=_keys(row),
            )
            for row in get("outcomes", ())
        ),
        side_effects=tuple(
            SideEffectFacts(
                description=row.get("description", ""),
                severity=row["severity"],
                events=row.get("events"),
                denominator=row.get("denominator"),
                duration=row.get("duration", ""),
                is_pigment_or_scarring=row.get("is_pigment_or_scarring", False),
                reference_keys=_keys(row),
            )
            for row in get("side_effects", ())
        ),
        statuses=tuple(
            StatusFacts(
                jurisdiction=row["jurisdiction"],
                status=row["status"],
                explanation=row.get("explanation", ""),
                as_of=_date(row.get("as_of")),
                reference_keys=_keys(row),
            )
            for row in get("regulatory", ())
        ),
        rules=tuple(
            RuleFacts(
                health_item=row.get("health_item"),
                skin_types=frozenset(filter(None, row.get("skin_types", "").split(","))),
                level=FlagLevel(row["level"]).value,
                explanation=row.get("explanation", ""),
                reference_keys=_keys(row),
            )
            for row in get("rules", ())
        ),
    )


EMPTY = Catalogue(
    release=0,
    published_on=None,
    sign_off=None,
    concerns=(),
    options=(),
    health_items=(),
    jurisdictions=(),
    questions=(),
    warning_signs=(),
    references={},
    faq=(),
    knowledge=(),
    glossary=(),
    site_texts=(),
    disclosure=DisclosureFacts(authors=(), funder="", conflicts_of_interest=""),
    next_review_due=None,
)


def catalogue_for(request) -> Catalogue:
    """The catalogue for this request: looked up once, shared by the view and the page footer."""
    catalogue = getattr(request, "_catalogue", None)
    if catalogue is None:
        catalogue = request._catalogue = current_catalogue()
    return catalogue
