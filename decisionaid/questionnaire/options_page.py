"""The options page, drawn from a kept shell with the patient's own parts put in its slots.

Everything on the page but four parts is the same for everyone with the same concern, country, sort order,
open options and content release: the decision statement, what happens with no procedure, the sort links, the
headings, the help on reporting a side effect, the header and footer. That shell is drawn once per such key
(lib/remember.py) and kept; each request draws only what is the patient's own: the option cards (their flags
and limits, see questionnaire/cards.py), the values table (what they rated most important), the compare
checkboxes (what they compared) and any messages. Drawing the whole page through the template engine was about
half of its time. tests/questionnaire/test_kept_parts.py checks that a page from kept parts is the page drawn
afresh.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.messages import get_messages
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from decisionaid.content.context_processors import content_status
from decisionaid.lib.remember import remembered
from decisionaid.questionnaire.cards import option_card_html

TEMPLATE = "questionnaire/options.html"
SLOTS = {
    "cards_html": mark_safe("<!--options-cards-->"),
    "values_html": mark_safe("<!--options-values-->"),
    "compare_choices_html": mark_safe("<!--options-compare-choices-->"),
    "messages_html": mark_safe("<!--page-messages-->"),
}


def options_page_html(request: HttpRequest, context: dict) -> str:
    status = content_status(request)
    key = (
        context["catalogue"].stamp,
        get_language(),
        *(status[name] for name in sorted(status)),
        context["concern"].slug if context["concern"] else "",
        context["jurisdiction"].slug if context["jurisdiction"] else "",
        context["sort"],
        tuple(context["opened"]),
        context["compared_any"],
        len(context["matches"]),
    )
    shell = remembered("options-page", key, lambda: render_to_string(TEMPLATE, {**context, **SLOTS}, request))
    language = get_language()
    values = {name: context[name] for name in ("attributes", "values_rows")}
    choices = {name: context[name] for name in ("compare_label", "compare_choices")}
    messages = list(get_messages(request))
    own = {
        "cards_html": "".join(_card(request, context, match) for match in context["matches"]),
        # The patient's own parts, too, are often the same as another's: each is kept by all it is drawn from.
        "values_html": remembered(
            "options-values",
            (language, tuple(attribute.slug for attribute in values["attributes"]), str(values["values_rows"])),
            lambda: render_to_string("questionnaire/includes/values_table.html", values),
        ),
        "compare_choices_html": remembered(
            "options-compare-choices",
            (language, str(choices["compare_label"]), tuple(map(tuple, choices["compare_choices"]))),
            lambda: render_to_string("questionnaire/includes/compare_choices.html", choices),
        ),
        "messages_html": render_to_string("includes/messages.html", {"messages": messages}) if messages else "",
    }
    for name, slot in SLOTS.items():
        shell = shell.replace(slot, own[name], 1)
    return shell


def _card(request: HttpRequest, context: dict, match) -> str:
    """One option at a glance, with its details if the patient opened them and a link that opens or closes
    them (keeping the sort and the other open options)."""
    slug, opened, sort = match.option.slug, context["opened"], context["sort"]
    now_open = [other for other in opened if other != slug] if slug in opened else [*opened, slug]
    query = [("sort", sort)] if sort != "editorial" else []
    query += [("open", other) for other in now_open]
    return option_card_html(
        match,
        concern=context["concern"],
        jurisdiction=context["jurisdiction"],
        catalogue=context["catalogue"],
        toggle_href=f"{request.path}?{urlencode(query)}#option-{slug}",
        opened=slug in opened,
    )
