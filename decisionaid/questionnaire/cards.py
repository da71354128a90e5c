"""The options page's rows: each option at a glance, with a link that opens its details and own sources in
place. Only the options the patient opened carry their details, so the page a phone first receives is the
glance layer alone (issue 15: at most 40 KB with its CSS); the link reloads the page with that option open,
scrolled to it, and works without JavaScript.

Most of each row is rendered once and reused. What the option involves, the evidence for the concern, the side
effects and the approval where the patient lives are the same for everyone with the same concern and country;
only the part from the patient's own answers (flags and limit notes) is personal. Rendering 14 cards through
the template engine was most of the options page's time, so the shared parts (the row, and the details) are
kept per process (lib/remember.py), keyed by everything they are drawn from, and the personal parts go in their
slots. Each personal part is drawn from its own flags and notes alone, so it is kept too, under a key made of
exactly those. The details leave their citations as markers, which each page fills with that option's own
numbers, so one kept part serves every order and every set of flags.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from decisionaid.content.catalogue import Catalogue, ConcernFacts, JurisdictionFacts
from decisionaid.content.references import fill_citations, sources_list_html
from decisionaid.lib.remember import remembered
from decisionaid.questionnaire.matching import SKIN_TYPE_ITEM, Match, ratings

CARD_TEMPLATE = "questionnaire/includes/option_card.html"
DETAILS_TEMPLATE = "questionnaire/includes/option_details.html"
PERSONAL_TEMPLATE = "questionnaire/includes/flags.html"
GLANCE_TEMPLATE = "questionnaire/includes/flags_glance.html"
# Where the personal parts and the option's own sources go. Content is escaped before it reaches a card, so
# these cannot come from content.
PERSONAL_SLOT = mark_safe("<!--personal-part-->")
GLANCE_SLOT = mark_safe("<!--personal-glance-->")
SOURCES_SLOT = mark_safe("<!--option-sources-->")
TOGGLE_SLOT = mark_safe("<!--option-toggle-->")
DETAILS_SLOT = mark_safe("<!--option-details-->")


# A flag's level in two or three words, for the options at a glance (the details give it in full).
GLANCE_FLAG_LABELS = {
    "avoid": gettext_lazy("Usually put off"),
    "caution": gettext_lazy("Needs assessment"),
    "check": gettext_lazy("Check first"),
}


@dataclass(frozen=True)
class GlanceFlags:
    """The patient's flags of one level on an option, for one short line: "Needs assessment: A; B."."""

    level: str
    level_label: str
    labels: tuple[str, ...]  # each health answer in a few words


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
    catalogue: Catalogue,
    toggle_href: str,
    opened: bool,
) -> SafeString:
    """One option for this patient: the at-a-glance row, a link that opens or closes its details in place
    (toggle_href: this page with the option added to or taken from the open ones), and, when open, its details
    with its own numbered sources. The shared parts are kept once drawn; the personal parts go in their slots."""
    place = jurisdiction.slug if jurisdiction else ""
    key = (catalogue.stamp, get_language(), match.option.slug, concern.slug, place)

    def shared_context() -> dict:  # drawn only when a shared part is not kept yet
        return {"match": _without_personal_parts(match), "concern": concern, "jurisdiction": jurisdiction}

    row = remembered(
        "option-card",
        key,
        lambda: render_to_string(
            CARD_TEMPLATE,
            {**shared_context(), "personal_glance": GLANCE_SLOT, "toggle": TOGGLE_SLOT, "details": DETAILS_SLOT},
        ),
    )
    toggle = _toggle_html(match, toggle_href, opened)
    # An open option's details end with the same link, so a patient who has read them closes them from there.
    details = _details_html(match, key, shared_context, catalogue) + toggle if opened else ""
    return mark_safe(
        row.replace(GLANCE_SLOT, personal_glance_html(match, catalogue), 1)
        .replace(TOGGLE_SLOT, toggle, 1)
        .replace(DETAILS_SLOT, details, 1)
    )


def _toggle_html(match: Match, href: str, opened: bool) -> SafeString:
    return format_html(
        '<p class="option-toggle"><a href="{}" class="{}">{}<span class="visually-hidden"> {}</span></a></p>',
        href,
        "is-open" if opened else "is-closed",
        _("Hide the details") if opened else _("Details, numbers and sources"),
        _("for %(name)s") % {"name": match.option.name},
    )


def _details_html(match: Match, key: tuple, shared_context: Callable[[], dict], catalogue: Catalogue) -> str:
    """The option's details with the patient's flags and the option's own sources, citations numbered."""
    shared = remembered(
        "option-details",
        key,
        lambda: render_to_string(
            DETAILS_TEMPLATE,
            {**shared_context(), "personal": PERSONAL_SLOT, "sources": SOURCES_SLOT, "defer_citations": True},
        ),
    )
    references = option_references(match, catalogue)
    sources_id = f"{match.option.slug}-src"
    details = shared.replace(PERSONAL_SLOT, personal_part_html(match), 1).replace(
        SOURCES_SLOT, sources_list_html(references, sources_id, str(_("Sources for this option"))), 1
    )
    numbers = {reference.key: number for number, reference in enumerate(references, start=1)}
    return fill_citations(details, numbers, sources_id)


def option_references(match: Match, catalogue: Catalogue) -> list:
    """The option's own sources, in the order its details cite them (its flags' last)."""
    keys: dict[str, None] = {}
    for item in [*shared_cited_items(match), *match.flags]:
        keys.update(dict.fromkeys(item.reference_keys))
    return [catalogue.references[key] for key in keys if key in catalogue.references]


def personal_glance_html(match: Match, catalogue: Catalogue) -> str:
    """The patient's own flags, one line per level (in the order the levels first appear), and their limits,
    for the at-a-glance row. Kept by the flags' levels and items alone: the labels are drawn from those."""
    if not (match.flags or match.limit_notes):
        return ""
    flagged = tuple((flag.level, flag.item) for flag in match.flags)
    limits = tuple(note.limit for note in match.limit_notes)

    def draw() -> str:
        labels_by_level: dict[str, list[str]] = {}
        for level, item in flagged:
            labels_by_level.setdefault(level, []).append(_flag_label(item, catalogue))
        flags = tuple(
            GlanceFlags(level, str(GLANCE_FLAG_LABELS[level]), tuple(labels))
            for level, labels in labels_by_level.items()
        )
        return render_to_string(GLANCE_TEMPLATE, {"flags": flags, "limit_notes": match.limit_notes})

    return remembered("option-card-glance", (catalogue.stamp, get_language(), flagged, limits), draw)


def _flag_label(item: str, catalogue: Catalogue) -> str:
    if item == SKIN_TYPE_ITEM:
        return str(_("your skin type"))
    health_item = catalogue.health_item(item)
    return (health_item.short_label or health_item.question) if health_item else item


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
