"""Template helpers for clinical content: citations and plain numbers."""
from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join

from decisionaid.lib.numbers import both_frames_text

register = template.Library()


@register.simple_tag(takes_context=True)
def cite(context, item) -> str:
    """Numbered links from a claim to the page's reference list, e.g. [1][3]."""
    numbers = context.get("reference_numbers", {})
    cited = sorted(numbers[ref.key] for ref in item.references.all() if ref.key in numbers)
    if not cited:
        return ""
    links = format_html_join(
        "", '<a href="#ref-{}" class="citation">[{}]</a>', ((number, number) for number in cited)
    )
    return format_html('<span class="citations"><span class="visually-hidden">Sources: </span>{}</span>', links)


@register.simple_tag
def frequency(row) -> str:
    """How often a side effect or outcome happens, in both frames, or 'not known'."""
    return both_frames_text(row.events, row.denominator)


@register.filter
def steps(text: str) -> list[str]:
    """The non-empty lines of a step-by-step text, for an ordered list."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
