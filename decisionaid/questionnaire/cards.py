"""The options page's cards, most of each rendered once and reused.

A card is almost all shared: what the option involves, the evidence for the concern, the side effects and the
approval where the patient lives are the same for everyone with the same concern and country. Only the part
from the patient's own answers (flags and limit notes) is personal. Rendering 14 cards through the template
engine was most of the options page's time, so the shared part of each card is kept in the per-process cache,
keyed by everything it is drawn from, and the personal part goes in its slot. Each personal part is drawn
from its own flags and notes alone, so it is kept too, under a key made of exactly those.
"""
from __future__ import annotations

import dataclasses

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from decisionaid.content.catalogue import ConcernFacts, JurisdictionFacts
from decisionaid.lib.remember import remembered
from decisionaid.questionnaire.matching import Match, ratings

CARD_TEMPLATE = "questionnaire/includes/option_card.html"
PERSONAL_TEMPLATE = "questionnaire/includes/flags.html"
# Where the personal part goes. Content is escaped before it reaches a card, so this cannot come from content.
PERSONAL_SLOT = mark_safe("<!--personal-part-->")


def shared_cited_items(match: Match) -> list:
    """Everything the shared part of the card cites, in the order the card shows it."""
    return [match.option, *filter(None, [match.evidence]), *match.outcomes, *match.option.side_effects,
            *filter(None, [match.status])]


def shared_reference_keys(match: Match) -> tuple[str, ...]:
    """Every reference the shared part of the card cites, in the order the card cites them."""
    return tuple(key for item in shared_cited_items(match) for key in item.reference_keys)


def option_card_html(match: Match, *, concern: ConcernFacts, jurisdiction: JurisdictionFacts | None,
                     reference_numbers: dict[str, int], content_stamp: tuple) -> SafeString:
    """One option's card for this patient: the shared part and their own part, each kept once drawn."""
    keys = shared_reference_keys(match)
    numbers = {key: reference_numbers[key] for key in keys if key in reference_numbers}
    place = jurisdiction.slug if jurisdiction else ""
    shared = remembered(
        "option-card",
        (content_stamp, get_language(), match.option.slug, concern.slug, place, [numbers.get(key) for key in keys]),
        lambda: render_to_string(CARD_TEMPLATE, {
            "match": _without_personal_parts(match), "concern": concern, "jurisdiction": jurisdiction,
            "reference_numbers": numbers, "personal": PERSONAL_SLOT,
        }),
    )
    return mark_safe(shared.replace(PERSONAL_SLOT, personal_part_html(match, reference_numbers), 1))


def personal_part_html(match: Match, reference_numbers: dict[str, int]) -> str:
    """The flags and limit notes. Many patients share the same ones for an option (the same few health
    answers matter to it), so each distinct set is drawn once too, from nothing but its own key."""
    if not (match.flags or match.limit_notes):
        return ""
    keys = tuple(key for flag in match.flags for key in flag.reference_keys)
    numbers = {key: reference_numbers[key] for key in keys if key in reference_numbers}
    return remembered(
        "option-card-personal",
        (get_language(), match.flags, match.limit_notes, [numbers.get(key) for key in keys]),
        lambda: render_to_string(PERSONAL_TEMPLATE, {
            "match": {"flags": match.flags, "limit_notes": match.limit_notes}, "reference_numbers": numbers,
        }),
    )


def _without_personal_parts(match: Match) -> Match:
    """The match as someone with no flags and no limits would see it, so nothing personal can be kept."""
    return dataclasses.replace(match, flags=(), limit_notes=(), ratings=ratings(
        option=match.option, evidence=match.evidence, status=match.status, flags=()))
