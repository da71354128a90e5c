"""Glue between the database and the pure publishing gate, and the rules for who may publish what."""

from __future__ import annotations

from django.db import transaction

from decisionaid.content import gate, vocabulary
from decisionaid.content.models import ContentItem, ContentVersion, Evidence
from decisionaid.content.serialization import SPEC_BY_MODEL, prefetched, serialize

PUBLISH_PERMISSION = "content.publish_content"


def gate_context() -> gate.GateContext:
    concerns = Evidence.objects.filter(option__is_no_procedure=True).values_list("concern__slug", flat=True)
    return gate.GateContext(jurisdictions=vocabulary.JURISDICTION_SLUGS, no_procedure_concerns=frozenset(concerns))


def problems_for(item: ContentItem, *, context: gate.GateContext | None = None) -> list[gate.Problem]:
    """Every problem that stops `item`, as stored now, being published."""
    fresh = prefetched(SPEC_BY_MODEL[type(item)]).get(pk=item.pk)
    return gate.problems_for(item.pack_kind, serialize(fresh), context=context or gate_context())


def problems_by_pk(queryset) -> dict[int, list[gate.Problem]]:
    """Problems for many items at once, with one set of queries for the whole list."""
    context = gate_context()
    model = queryset.model
    items = prefetched(SPEC_BY_MODEL[model]).filter(pk__in=queryset.values("pk"))
    return {item.pk: gate.problems_for(model.pack_kind, serialize(item), context=context) for item in items}


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def publish_refusal(item: ContentItem, user, *, changed_now: bool) -> str | None:
    """Why `user` may not publish `item` (None if they may); problems in the content are checked separately."""
    if not can_publish(user):
        return "Only a clinical reviewer can publish."
    if changed_now or (item.changed_by_id is not None and item.changed_by_id == user.pk):
        return "You made this change yourself, so another clinical reviewer must publish it."
    return None


@transaction.atomic
def mark_published(item: ContentItem, user) -> int:
    """Record the publish and raise the site's content version; returns the new version number."""
    type(item).objects.filter(pk=item.pk).update(status=ContentItem.Status.PUBLISHED, published_by=user)
    return ContentVersion.bump()
