"""The options page's cards, most of each rendered once and reused.

A card is almost all shared: what the option involves, the evidence for the concern, the side effects and the
approval where the patient lives are the same for everyone with the same concern and country. Only the part
from the patient's own answers (flags and limit notes) is personal. Rendering 14 cards through the template
engine was most of the options page's time, so the shared part of each card is kept in the per-process cache,
keyed by everything it is drawn from, and the personal part goes in its slot. Each personal part is drawn
from its own flags and notes alone, so it is kept too, under a key made of exactly those. Both leave their
citations as markers, which each page fills with its own numbers, so one kept part serves every order and
every set of flags.
"""

from __future__ import annotations

import dataclasses

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from decisionaid.content.catalogue import ConcernFacts, JurisdictionFacts
from decisionaid.content.references import fill_citations
from decisionaid.lib.remember import remembered
from decisionaid.questionnaire.matching import Match, ratings

CARD_TEMPLATE = "questionnaire/includes/option_card.html"
PERSONAL_TEMPLATE = "questionnaire/includes/flags.html"
# Where the personal part goes. Content is escaped before it reaches a card, so this cannot come from content.
PERSONAL_SLOT = mark_safe("<!--personal-part-->")


def shared_cited_items(match: Match) -> list:
    """Everything the shared part of the card cites, in the order the card shows it."""
    return [
        match.option,
        *filter(None, [match.evidence]),
        *match.outcomes,
        *match.option.side_effects,
        *filter(None, [match.status]),
    ]


def option_card_html(
    match: Match,
    *,
    concern: ConcernFacts,
    jurisdiction: JurisdictionFacts | None,
    reference_numbers: dict[str, int],
    content_stamp: tuple,
) -> SafeString:
    """One option's card for this patient: the shared part and their own part, each kept once drawn, with
    this page's citation numbers filled in."""
    place = jurisdiction.slug if jurisdiction else ""
    shared = remembered(
        "option-card",
        (content_stamp, get_language(), match.option.slug, concern.slug, place),
        lambda: render_to_string(
            CARD_TEMPLATE,
            {
                "match": _without_personal_parts(match),
                "concern": concern,
                "jurisdiction": jurisdiction,
                "personal": PERSONAL_SLOT,
                "defer_citations": True,
            },
        ),
    )
    card = shared.replace(PERSONAL_SLOT, personal_part_html(match), 1)
    return mark_safe(fill_citations(card, reference_numbers))


def personal_part_html(match: Match) -> str:
    """The flags and limit notes, with their citations left to fill. Many patients share the same ones for an
    option (the same few health answers matter to it), so each distinct set is drawn once, from nothing but
    its own key."""
    if not (match.flags or match.limit_notes):
        return ""
    return remembered(
        "option-card-personal",
        (get_language(), match.flags, match.limit_notes),
        lambda: render_to_string(
            PERSONAL_TEMPLATE,
            {
                "match": {"flags": match.flags, "limit_notes": match.limit_notes},
                "defer_citations": True,
            },
        ),
    )


def _without_personal_parts(match: Match) -> Match:
    """The match as someone with no flags and no limits would see it, so nothing personal can be kept."""
    return dataclasses.replace(
        match,
        flags=(),
        limit_notes=(),
        ratings=ratings(option=match.option, evidence=match.evidence, status=match.status, flags=()),
    )
