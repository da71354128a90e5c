"""Numbering of the references cited on a page, in the order they are first cited, and the page's list of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from django.template.loader import render_to_string
from django.utils.translation import get_language

from decisionaid.content.models import Option, Reference


def numbered_references(option: Option | None, others: Iterable = ()) -> list[Reference]:
    """The distinct references a page cites, in first-cited order (numbered from 1 in templates)."""
    cited: dict[str, Reference] = {}
    groups = (
        [others]
        if option is None
        else [
            [option],
            option.evidence.all(),
            option.outcomes.all(),
            option.side_effects.all(),
            option.regulatory_statuses.all(),
            option.rules.all(),
            others,
        ]
    )
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


def citation_links(keys, numbers: dict[str, int]) -> str:
    """Numbered links from a claim to the page's list of sources, e.g. [1][3]; '' when none is listed."""
    cited = sorted({numbers[key] for key in keys or () if key in numbers})
    if not cited:
        return ""
    links = "".join(f'<a href="#ref-{number}" class="citation">[{number}]</a>' for number in cited)  # ints only
    return f'<span class="citations"><span class="visually-hidden">Sources: </span>{links}</span>'


# A part of a page kept for many pages leaves its citations as markers, which each page fills with its own
# numbers. Reference keys are letters, digits and hyphens (key_validator), and the markers use private-use
# characters that content does not hold.
_MARKER = re.compile("\ue000([A-Za-z0-9,-]*)\ue001")


def citation_marker(keys) -> str:
    return "\ue000" + ",".join(keys or ()) + "\ue001"


def fill_citations(html: str, numbers: dict[str, int]) -> str:
    """The kept HTML with each citation marker replaced by this page's numbered links."""
    return _MARKER.sub(lambda marker: citation_links(marker.group(1).split(","), numbers), html)


# What the "Sources" list shows of each reference. The template sees only these rows, and the rows are the
# memo's key, so an edited reference makes a new key and can never be shown stale.
SOURCE_FIELDS = (
    "key",
    "is_commonly_known",
    "authors",
    "title",
    "publisher",
    "year",
    "doi",
    "pmid",
    "url",
    "kind_label",
    "verification_label",
    "note",
)


def source_row(reference: Reference) -> tuple:
    """The row, worked out once per instance: pages share the catalogue's instances, which nothing changes
    in place (an edit in the admin is saved, which makes a new catalogue with new instances)."""
    row = reference.__dict__.get("_source_row")
    if row is None or row[0] != get_language():
        values = {
            "kind_label": str(Reference.Kind(reference.kind).label),  # cheaper than get_kind_display()
            "verification_label": str(Reference.Verification(reference.verification).label),
        }
        row = reference._source_row = (
            get_language(),
            tuple(values[name] if name in values else getattr(reference, name) for name in SOURCE_FIELDS),
        )
    return row[1]


def sources_list_html(references: list[Reference]) -> str:
    """The page's numbered "Sources" section. Rendering 130 references took a third of the options page's
    time, and the same list recurs for everyone with the same concern, so each distinct list is rendered once
    per process."""
    return _render_sources(tuple(map(source_row, references)), get_language())


@lru_cache(maxsize=256)
def _render_sources(rows: tuple[tuple, ...], language: str) -> str:
    sources = [dict(zip(SOURCE_FIELDS, row, strict=False)) for row in rows]
    return render_to_string("includes/references.html", {"sources": sources})
