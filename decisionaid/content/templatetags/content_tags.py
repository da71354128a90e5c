"""Template helpers for clinical content: citations and plain numbers."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from decisionaid.content import wording
from decisionaid.content.references import citation_links, citation_marker, sources_list_html
from decisionaid.lib.icon_array import icon_array as make_icon_array
from decisionaid.lib.numbers import both_frames_text, per_hundred_text, range_text

register = template.Library()


@register.simple_tag(takes_context=True)
def cite(context, item) -> str:
    """Numbered links from a claim to the page's reference list, e.g. [1][3]."""
    keys = getattr(item, "reference_keys", None)
    if keys is None:  # a model instance rather than a catalogue snapshot
        keys = [reference.key for reference in item.references.all()]
    return cite_keys(context, keys)


@register.simple_tag(takes_context=True)
def cite_keys(context, keys) -> str:
    """Citation links for a list of reference keys (as stored in a saved summary). In a part of a page that is
    kept for many pages (`defer_citations`), a marker that each page fills with its own numbers."""
    if context.get("defer_citations"):
        return mark_safe(citation_marker(keys))
    return mark_safe(citation_links(keys, context.get("reference_numbers", {}), context.get("sources_id", "ref")))


@register.simple_tag
def frequency(row) -> str:
    """How often a side effect or outcome happens, in both frames, or 'not known'."""
    return both_frames_text(row.events, row.denominator)


@register.filter
def steps(text: str) -> list[str]:
    """The non-empty lines of a step-by-step text, for an ordered list."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# Benefits and harms look different at a glance, in colour and in greyscale: a benefit's people are circles, a
# harm's are squares. The legend under each picture says which, and the words beside it give both frames.
_ICON_SHAPES = {
    "benefit": ("M{x} {y}m-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0z", "circles", "were helped"),
    "harm": ("M{x} {y}m-4-4h8v8h-8z", "squares", "had this"),
}


@register.simple_tag
def icon_array(row) -> str:
    """A 10 × 10 (or 1,000-icon) array for a number, drawn as SVG on the server, with its legend; '' when not
    known. Affected people are filled, the rest are outlines, so the picture also works in greyscale. The words
    beside it say the same, and the SVG carries them as its text alternative."""
    array = make_icon_array(events=row.events, denominator=row.denominator)
    if array is None:
        return ""
    kind = "benefit" if getattr(row, "kind", "harm") == "benefit" else "harm"
    shape, shapes, meaning = _ICON_SHAPES[kind]
    filled, hollow = [], []
    for column, line, affected in array.cells():
        (filled if affected else hollow).append(shape.format(x=column * 10 + 5, y=line * 10 + 5))
    return format_html(
        '<figure class="icon-figure icon-figure-{}"><svg class="icon-array icon-array-{} icon-array-{}" viewBox="0 0 {} {}" '
        'role="img" aria-label="{}" focusable="false"><path class="icon-affected" d="{}"/>'
        '<path class="icon-unaffected" d="{}"/></svg><figcaption class="icon-legend" aria-hidden="true">'
        '<span class="icon-key icon-key-affected"></span> {} <span class="icon-key icon-key-unaffected"></span> {}'
        "</figcaption></figure>",
        kind,
        array.total,
        kind,
        array.columns * 10,
        array.rows * 10,
        f"Picture of {array.total:,} people. The {array.affected:,} filled {shapes} are people who {meaning}. "
        f"{both_frames_text(row.events, row.denominator)}",
        "".join(filled),
        "".join(hollow),
        meaning,
        "did not" if kind == "harm" else "were not",
    )


@register.filter
def css_string(text) -> str:
    """Text as a quoted CSS string, safe inside a <style> element (quotes, backslashes and < escaped)."""
    escaped = "".join(f"\\{ord(char):x} " if char in '"\\<>&\n\r' else char for char in str(text))
    return mark_safe(f'"{escaped}"')


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or '' when it is missing."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.simple_tag(takes_context=True)
def sources_list(context, heading: str = "") -> str:
    """The page's numbered "Sources" section, for the references in its context (a smaller section under
    `heading` for a part of a page)."""
    references = context.get("references") or []
    return mark_safe(sources_list_html(references, context.get("sources_id", "ref"), heading))  # our own template


@register.simple_tag
def glance_frequency(row) -> str:
    """How often, in a few words for the options at a glance: "(about 7 out of 100 people)"; '' if not known."""
    if row.events is None or not row.denominator:
        return ""
    return f"(about {per_hundred_text(row.events, row.denominator)})"


@register.simple_tag
def certainty_statement(evidence, concern) -> str:
    """How well it works for the concern, in the words tied to how sure we are (see content/wording.py)."""
    name = getattr(concern, "name", None) or str(concern or "") or "this concern"
    if evidence is None:
        return wording.certainty_statement(None, name)
    return wording.certainty_statement(evidence.certainty, name, is_marketed_for=evidence.is_marketed_for)


@register.filter
def certainty_glossary(evidence) -> str:
    """The word list's anchor explaining this evidence's level of certainty."""
    return wording.glossary_slug(getattr(evidence, "certainty", None))


@register.simple_tag
def range_words(low, high, unit: str, prefix: str = "") -> str:
    """A range in the same words as every other page ('3 to 6 sessions', '$1,000 or more a session'), or 'Not
    known'."""
    return range_text(low, high, unit, prefix=prefix) or _("Not known")
