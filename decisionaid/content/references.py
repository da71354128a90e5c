"""Numbering of the references cited on a page, in the order they are first cited, and the page's list of them."""

from __future__ import annotations

import re
from functools import lru_cache

from django.template.loader import render_to_string
from django.utils.translation import get_language


def page_references(catalogue, cited_items) -> dict:
    """Template context numbering everything cited on a page (items with `reference_keys`), in the order of
    `cited_items`, with the release's references."""
    keys: dict[str, None] = {}
    for item in cited_items:
        keys.update(dict.fromkeys(item.reference_keys))
    return citation_context([catalogue.references[key] for key in keys if key in catalogue.references])


def option_cited_items(option) -> list:
    """Everything a treatment page cites about an option, in page order."""
    return [option, *option.evidence, *option.outcomes, *option.side_effects, *option.statuses, *option.rules]


def citation_context(references: list) -> dict:
    """Template context for a page's reference list and the numbered citations that point into it."""
    return {
        "references": references,
        "reference_numbers": {reference.key: number for number, reference in enumerate(references, start=1)},
    }


def citation_links(keys, numbers: dict[str, int], sources_id: str = "ref") -> str:
    """Numbered links from a claim to its list of sources, e.g. [1][3]; '' when none is listed. `sources_id`
    names the list (a page with a list per option gives each its own)."""
    cited = sorted({numbers[key] for key in keys or () if key in numbers})
    if not cited:
        return ""
    links = "".join(
        f'<a href="#{sources_id}-{number}" class="citation">[{number}]</a>' for number in cited
    )  # ints and our own slugs only
    return f'<span class="citations"><span class="visually-hidden">Sources: </span>{links}</span>'


# A part of a page kept for many pages leaves its citations as markers, which each page fills with its own
# numbers. Reference keys are letters, digits and hyphens (key_validator), and the markers use private-use
# characters that content does not hold.
_MARKER = re.compile("\ue000([A-Za-z0-9,-]*)\ue001")


def citation_marker(keys) -> str:
    return "\ue000" + ",".join(keys or ()) + "\ue001"


def fill_citations(html: str, numbers: dict[str, int], sources_id: str = "ref") -> str:
    """The kept HTML with each citation marker replaced by this page's numbered links."""
    return _MARKER.sub(lambda marker: citation_links(marker.group(1).split(","), numbers, sources_id), html)


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
    "how_checked",
    "checked_on",
)


@lru_cache(maxsize=4096)
def _source_row(reference, language: str) -> tuple:
    return tuple(getattr(reference, name) for name in SOURCE_FIELDS)


def source_row(reference) -> tuple:
    """The row of a release's reference (a frozen dataclass, so it can key the memo)."""
    return _source_row(reference, get_language())


def sources_list_html(references: list, sources_id: str = "ref", heading: str = "") -> str:
    """The page's numbered "Sources" section. Rendering 130 references took a third of the options page's
    time, and the same list recurs for everyone with the same concern, so each distinct list is rendered once
    per process."""
    return _render_sources(tuple(map(source_row, references)), get_language(), sources_id, heading)


@lru_cache(maxsize=512)
def _render_sources(rows: tuple[tuple, ...], language: str, sources_id: str, heading: str) -> str:
    sources = [dict(zip(SOURCE_FIELDS, row, strict=False)) for row in rows]
    return render_to_string(
        "includes/references.html", {"sources": sources, "sources_id": sources_id, "heading": heading}
    )
