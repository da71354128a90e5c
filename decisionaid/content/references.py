"""Numbering of the references cited on a page, in the order they are first cited."""
from __future__ import annotations

from collections.abc import Iterable

from decisionaid.content.models import Option, Reference


def numbered_references(option: Option | None, others: Iterable = ()) -> list[Reference]:
    """The distinct references a page cites, in first-cited order (numbered from 1 in templates)."""
    cited: dict[str, Reference] = {}
    groups = [others] if option is None else [
        [option], option.evidence.all(), option.outcomes.all(), option.side_effects.all(),
        option.regulatory_statuses.all(), option.rules.all(), others,
    ]
    for group in groups:
        for item in group:
            for reference in item.references.all():
                cited.setdefault(reference.key, reference)
    return list(cited.values())


def citation_context(references: list[Reference]) -> dict:
    """Template context for a page's reference list and the numbered citations that point into it."""
    return {
        "references": references,
        "reference_numbers": {reference.key: number for number, reference in enumerate(references, start=1)},
    }
