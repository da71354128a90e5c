"""The options page's cards (see questionnaire/cards.py)."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template

from decisionaid.content.catalogue import catalogue_for
from decisionaid.questionnaire.cards import option_card_html

register = template.Library()


@register.simple_tag(takes_context=True)
def option_card(context, match) -> str:
    """One option at a glance, drawn with the page's concern and country, with its details if the patient
    opened them and a link that opens or closes them (keeping the sort and the other open options)."""
    slug = match.option.slug
    opened = context["opened"]
    now_open = [other for other in opened if other != slug] if slug in opened else [*opened, slug]
    query = [("sort", context["sort"])] if context["sort"] != "editorial" else []
    query += [("open", other) for other in now_open]
    return option_card_html(
        match,
        concern=context["concern"],
        jurisdiction=context["jurisdiction"],
        catalogue=catalogue_for(context.request),
        toggle_href=f"{context.request.path}?{urlencode(query)}#option-{slug}",
        opened=slug in opened,
    )
