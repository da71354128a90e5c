"""The kinds of content item and their plain-dict shape, shared by the content pack and the publishing gate.

One spec per kind says which pack file holds it, its natural key, its fields and its child rows. `serialize` turns
a database item into that shape (the pack's YAML and the gate's input), `normalize` brings an item read from YAML
into the same shape, and `prefetched` fetches a kind with everything `serialize` reads.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import models

from decisionaid.content.models import (
    Concern,
    ContentItem,
    ContraindicationRule,
    Evidence,
    FaqEntry,
    GlossaryTerm,
    HealthItem,
    Jurisdiction,
    KnowledgeItem,
    Option,
    Outcome,
    Question,
    Reference,
    RegulatoryStatus,
    SideEffect,
    SiteText,
    WarningSign,
)
from decisionaid.content.text import normalise_newlines

WORKFLOW_FIELDS = ("status", "last_reviewed_on", "next_review_due")


@dataclass(frozen=True)
class ChildSpec:
    name: str
    model: type[models.Model]
    fields: tuple[str, ...]


@dataclass(frozen=True)
class KindSpec:
    kind: str
    model: type[ContentItem]
    path: str  # a file for a list of items, or a folder (ending in "/") with one file per item
    key: str
    fields: tuple[str, ...]
    children: tuple[ChildSpec, ...] = field(default_factory=tuple)

    @property
    def one_file_per_item(self) -> bool:
        return self.path.endswith("/")

    @property
    def allowed_keys(self) -> set[str]:
        return {self.key, *self.fields, *WORKFLOW_FIELDS, *(child.name for child in self.children)}


SCOPED_FIELDS = ("scope", "family", "options", "order", "references", "jurisdictions")
OPTION_CHILDREN = (
    ChildSpec(
        "evidence",
        Evidence,
        (
            "concern",
            "certainty",
            "certainty_reason",
            "summary",
            "expected_improvement",
            "is_marketed_for",
            "references",
        ),
    ),
    ChildSpec(
        "outcomes",
        Outcome,
        ("concern", "kind", "description", "events", "denominator", "group", "time_frame", "certainty", "references"),
    ),
    ChildSpec(
        "side_effects",
        SideEffect,
        ("description", "severity", "events", "denominator", "duration", "is_pigment_or_scarring", "references"),
    ),
    ChildSpec("regulatory", RegulatoryStatus, ("jurisdiction", "status", "explanation", "as_of", "references")),
    ChildSpec("rules", ContraindicationRule, ("health_item", "skin_types", "level", "explanation", "references")),
)

# In load order: a kind only refers to kinds above it.
SPECS = (
    KindSpec(
        "reference",
        Reference,
        "references.yaml",
        "key",
        ("authors", "title", "publisher", "year", "doi", "pmid", "url", "kind", "verification", "checked_on", "note"),
    ),
    KindSpec(
        "jurisdiction",
        Jurisdiction,
        "jurisdictions.yaml",
        "slug",
        ("name", "order", "report_side_effect", "check_practitioner", "help_checked_on", "references"),
    ),
    KindSpec(
        "health-item", HealthItem, "health_items.yaml", "slug", ("question", "short_label", "explanation", "order")
    ),
    KindSpec(
        "concern",
        Concern,
        "concerns.yaml",
        "slug",
        ("name", "order", "description", "no_procedure_outlook", "decision_statement", "references"),
    ),
    KindSpec(
        "option",
        Option,
        "options/",
        "slug",
        (
            "name",
            "family",
            "order",
            "is_no_procedure",
            "what_it_is",
            "how_it_works",
            "what_happens",
            "sessions_min",
            "sessions_max",
            "downtime_days_min",
            "downtime_days_max",
            "discomfort",
            "cost_min_usd",
            "cost_max_usd",
            "cost_note",
            "results_last",
            "references",
        ),
        OPTION_CHILDREN,
    ),
    KindSpec("question", Question, "questions.yaml", "key", ("topic", "text", *SCOPED_FIELDS)),
    KindSpec("warning-sign", WarningSign, "warning_signs.yaml", "key", ("title", "explanation", *SCOPED_FIELDS)),
    KindSpec("glossary-term", GlossaryTerm, "glossary.yaml", "slug", ("term", "definition")),
    KindSpec("faq", FaqEntry, "faq.yaml", "slug", ("question", "order", "answer", "references")),
    KindSpec(
        "knowledge-item",
        KnowledgeItem,
        "knowledge.yaml",
        "slug",
        ("concerns", "order", "statement", "is_true", "explanation", "references"),
    ),
    KindSpec("site-text", SiteText, "site_texts.yaml", "slug", ("title", "order", "body")),
)
SPEC_BY_KIND = {spec.kind: spec for spec in SPECS}
SPEC_BY_MODEL = {spec.model: spec for spec in SPECS}


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value is False


def _field_value(instance: models.Model, name: str) -> object:
    model_field = instance._meta.get_field(name)
    if model_field.many_to_many:
        related = getattr(instance, name).all()
        # Prefetched relations come back unordered; sort by the related item's natural key.
        return sorted(getattr(obj, "key", None) or obj.slug for obj in related)
    if model_field.many_to_one:
        related = getattr(instance, name)
        return related.slug if related else None
    value = getattr(instance, name)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _plain(instance: models.Model, names: tuple[str, ...]) -> dict:
    return {name: value for name in names if not _is_empty(value := _field_value(instance, name))}


def serialize(instance: ContentItem) -> dict:
    """An item in the pack's shape: its key first, empty values left out, children in a stable order."""
    spec = SPEC_BY_MODEL[type(instance)]
    data = _plain(instance, (spec.key, *spec.fields))
    for child in spec.children:
        rows = getattr(instance, related_name(child)).all()
        rows = sorted(rows, key=lambda row: row.pk)
        if rows:
            data[child.name] = [_plain(row, child.fields) for row in rows]
    data.update(_plain(instance, WORKFLOW_FIELDS))
    return data


def normalize(data: dict) -> dict:
    """A pack item as read from YAML, in the shape `serialize` gives (dates as text, "\\n" line endings,
    empties dropped)."""
    result = {}
    for name, value in data.items():
        if isinstance(value, datetime.date):
            value = value.isoformat()
        elif isinstance(value, str):
            value = normalise_newlines(value)  # as saving stores it (`history`)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            value = [normalize(row) for row in value]
        elif isinstance(value, list):
            value = sorted(str(entry) for entry in value)
        if not _is_empty(value):
            result[name] = value
    return result


def related_name(child: ChildSpec) -> str:
    return "regulatory_statuses" if child.name == "regulatory" else child.name


def prefetched(spec: KindSpec) -> models.QuerySet:
    lookups = [name for name in spec.fields if spec.model._meta.get_field(name).many_to_many]
    for child in spec.children:
        lookups.append(related_name(child))
        lookups += [
            f"{related_name(child)}__{name}" for name in child.fields if child.model._meta.get_field(name).is_relation
        ]
    return spec.model.objects.prefetch_related(*lookups)
