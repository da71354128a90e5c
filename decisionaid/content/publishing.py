"""Glue between the database and the pure publishing gate, for one item of the working copy."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist

from decisionaid.content import gate, vocabulary
from decisionaid.content.models import ContentItem, Evidence, Reference
from decisionaid.content.serialization import SPEC_BY_MODEL, prefetched, serialize


def gate_context() -> gate.GateContext:
    concerns = Evidence.objects.filter(option__is_no_procedure=True).values_list("concern__slug", flat=True)
    return gate.GateContext(
        jurisdictions=vocabulary.JURISDICTION_SLUGS,
        no_procedure_concerns=frozenset(concerns),
        reference_kinds=dict(Reference.objects.values_list("key", "kind")),
        unsourced_references=frozenset(
            Reference.objects.filter(verification=Reference.Verification.COMMONLY_KNOWN).values_list("key", flat=True)
        ),
    )


def problems_for(item: ContentItem, *, context: gate.GateContext | None = None) -> list[gate.Problem]:
    """Every problem that stops `item`, as stored now, going into a release."""
    fresh = prefetched(SPEC_BY_MODEL[type(item)]).get(pk=item.pk)
    return gate.problems_for(item.pack_kind, serialize(fresh), context=context or gate_context())


def problems_by_pk(queryset) -> dict[int, list[gate.Problem]]:
    """Problems for many items at once, with one set of queries for the whole list."""
    context = gate_context()
    model = queryset.model
    items = prefetched(SPEC_BY_MODEL[model]).filter(pk__in=queryset.values("pk"))
    return {item.pk: gate.problems_for(model.pack_kind, serialize(item), context=context) for item in items}


def described(problem: gate.Problem, model) -> str:
    """A problem in a reviewer's words: a field named by its label ("What it is"), not its code name."""
    try:
        where = str(model._meta.get_field(problem.where).verbose_name).capitalize()
    except FieldDoesNotExist:  # not a field of the item: a row ("side effect 1") or nothing
        return str(problem)
    return f"{where}: {problem.message}"
