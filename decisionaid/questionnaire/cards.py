"""The options page's cards, most of each rendered once and reused.

A card is almost all shared: what the option involves, the evidence for the concern, the side effects and the
approval where the patient lives are the same for everyone with the same concern and country. Only the part
from the patient's own answers (flags and limit notes) is personal. Rendering 14 cards through the template
engine was most of the options page's time, so the shared part of each card is kept in the per-process cache,
keyed by everything it is drawn from, and the personal part is rendered for each patient and put in its slot.
"""
from __future__ import annotations

import dataclasses
import hashlib

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from decisionaid.content.catalogue import ConcernFacts, JurisdictionFacts
from decisionaid.questionnaire.matching import Match, ratings

CARD_TEMPLATE = "questionnaire/includes/option_card.html"
PERSONAL_TEMPLATE = "questionnaire/includes/flags.html"
# Where the personal part goes. Content is escaped before it reaches a card, so this cannot come from content.
PERSONAL_SLOT = mark_safe("<!--personal-part-->")
CACHE_SECONDS = 24 * 60 * 60  # a content change makes new keys anyway; this only bounds memory for old ones


def shared_reference_keys(match: Match) -> tuple[str, ...]:
    """Every reference the shared part of the card cites, in the order the card cites them."""
    cited = [match.option, *filter(None, [match.evidence]), *match.outcomes, *match.option.side_effects,
             *filter(None, [match.status])]
    return tuple(key for item in cited for key in item.reference_keys)


def option_card_html(match: Match, *, concern: ConcernFacts, jurisdiction: JurisdictionFacts | None,
                     reference_numbers: dict[str, int], content_stamp: tuple) -> SafeString:
    """One option's card for this patient: the shared part (from the cache when it can be) and their own."""
    keys = shared_reference_keys(match)
    numbers = {key: reference_numbers[key] for key in keys if key in reference_numbers}
    place = jurisdiction.slug if jurisdiction else ""
    cache_key = _cache_key(content_stamp, get_language(), match.option.slug, concern.slug, place,
                           tuple(numbers.get(key) for key in keys))
    cache = caches["default"]
    shared = cache.get(cache_key)
    if shared is None:
        shared = render_to_string(CARD_TEMPLATE, {
            "match": _without_personal_parts(match), "concern": concern, "jurisdiction": jurisdiction,
            "reference_numbers": numbers, "personal": PERSONAL_SLOT,
        })
        cache.set(cache_key, shared, CACHE_SECONDS)
    personal = render_to_string(PERSONAL_TEMPLATE, {"match": match, "reference_numbers": reference_numbers}) \
        if match.flags or match.limit_notes else ""
    return mark_safe(shared.replace(PERSONAL_SLOT, personal, 1))


def _without_personal_parts(match: Match) -> Match:
    """The match as someone with no flags and no limits would see it, so nothing personal can be cached."""
    return dataclasses.replace(match, flags=(), limit_notes=(), ratings=ratings(
        option=match.option, evidence=match.evidence, status=match.status, flags=()))


def _cache_key(*parts) -> str:
    return "option-card:" + hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
