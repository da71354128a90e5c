"""The header and footer every page shares, drawn once per distinct state and kept (lib/remember.py).

They are the same for every visitor but for the menu item marking the current section and the release the
footer dates; drawing them through the template engine was about a third of a simple page's time."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from decisionaid.lib.remember import remembered

register = template.Library()

JOURNEY_NAMESPACES = {"questionnaire", "study"}
SECTIONS = {"treatment_list", "faq", "glossary", "about"}
FOOTER_FACTS = ("content_release", "content_published_on", "content_sign_off", "content_next_review_due")


def current_section(request) -> str:
    """The menu item for this page: "journey", a section's URL name, or "" for none."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.namespace in JOURNEY_NAMESPACES:
        return "journey"
    return match.url_name if match.url_name in SECTIONS else ""


@register.simple_tag(takes_context=True)
def site_header(context) -> SafeString:
    current = current_section(context.get("request"))
    return mark_safe(  # our own template, rendered with autoescaping
        remembered(
            "site-header",
            (get_language(), current),
            lambda: render_to_string("includes/header.html", {"current": current}),
        )
    )


@register.simple_tag(takes_context=True)
def site_footer(context) -> SafeString:
    facts = {name: context.get(name) for name in FOOTER_FACTS}
    return mark_safe(
        remembered(
            "site-footer",
            (get_language(), *facts.values()),
            lambda: render_to_string("includes/footer.html", facts),
        )
    )
