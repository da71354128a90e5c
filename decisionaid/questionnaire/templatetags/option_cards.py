"""The options page's cards (see questionnaire/cards.py)."""

from __future__ import annotations

from django import template

from decisionaid.content.catalogue import catalogue_for
from decisionaid.questionnaire.cards import option_card_html

register = template.Library()


@register.simple_tag(takes_context=True)
def option_card(context, match) -> str:
    """One option at a glance with its details, drawn with the page's concern and country."""
    return option_card_html(
        match,
        concern=context["concern"],
        jurisdiction=context["jurisdiction"],
        catalogue=catalogue_for(context.request),
    )
