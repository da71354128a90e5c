"""The journey's own answer codes and wording (interface, not clinical content).

These codes appear in saved summaries and in the export, so they are stable: add new ones, never rename.
The clinical vocabulary (concerns, options, health items, jurisdictions, skin types) is in content/vocabulary.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

YES, NO, UNSURE = "yes", "no", "unsure"
HEALTH_ANSWERS = [(YES, _("Yes")), (NO, _("No")), (UNSURE, _("Not sure"))]
YES_NO = [(YES, _("Yes")), (NO, _("No"))]

GOAL_RESULT = [
    ("subtle", _("A small change that looks natural")),
    ("clear", _("A change I and others can clearly see")),
    ("large", _("As large a change as possible")),
    ("unsure", _("I'm not sure yet")),
]
GOAL_TIMING = [
    ("weeks", _("Within a few weeks")),
    ("months", _("Within a few months")),
    ("no-rush", _("I'm in no hurry")),
]
GOAL_DURATION = [
    ("months", _("A few months is fine")),
    ("years", _("A year or more")),
    ("permanent", _("As long as possible")),
    ("unsure", _("I'm not sure")),
]

# Fitzpatrick skin types in plain words; "unsure" turns skin-type rules into "check with your clinician".
SKIN_TYPE_WORDS = [
    ("1", _("Type 1: always burns, never tans (often very pale skin)")),
    ("2", _("Type 2: usually burns, tans only a little")),
    ("3", _("Type 3: sometimes burns, slowly tans to light brown")),
    ("4", _("Type 4: rarely burns, tans easily to medium brown")),
    ("5", _("Type 5: very rarely burns, tans to dark brown")),
    ("6", _("Type 6: never burns; dark brown or black skin")),
    ("unsure", _("I'm not sure")),
]

UNDER_18 = "under-18"
AGE_BANDS = [
    (UNDER_18, _("Under 18")),
    ("18-29", _("18 to 29")),
    ("30-44", _("30 to 44")),
    ("45-59", _("45 to 59")),
    ("60-plus", _("60 or over")),
]

NO_LIMIT = "any"
DOWNTIME_LIMITS = [
    ("0", _("None: I need to look normal the next day")),
    ("3", _("Up to 3 days")),
    ("7", _("Up to a week")),
    ("14", _("Up to 2 weeks")),
    (NO_LIMIT, _("Longer is fine")),
]
BUDGET_LIMITS = [
    ("250", _("Up to $250 a session")),
    ("500", _("Up to $500 a session")),
    ("1000", _("Up to $1,000 a session")),
    ("2500", _("Up to $2,500 a session")),
    (NO_LIMIT, _("No set limit")),
]


def limit_value(code: str | None) -> int | None:
    """A limit's number, or None for "no limit"."""
    return None if code in (None, "", NO_LIMIT) else int(code)


IMPORTANCE = [
    ("0", _("0 — Not important")),
    ("1", _("1")),
    ("2", _("2")),
    ("3", _("3")),
    ("4", _("4 — Very important")),
]


@dataclass(frozen=True)
class Attribute:
    slug: str
    label: str  # the question on the "what matters most" step
    heading: str  # the column or row heading in tables


# What matters most (product.md §4, values clarification). Order is fixed; nothing is weighted or added up.
ATTRIBUTES = (
    Attribute("downtime", _("Little or no time off to recover (downtime)"), _("Downtime")),
    Attribute("cost", _("A lower cost"), _("Cost")),
    Attribute("sessions", _("Fewer sessions"), _("Sessions")),
    Attribute("discomfort", _("Little discomfort"), _("Discomfort")),
    Attribute("improvement", _("A large improvement"), _("Expected improvement")),
    Attribute("evidence", _("Strong evidence that it works"), _("How sure we are")),
    Attribute("approval", _("Approval for this use where I live"), _("Approval where you live")),
    Attribute("serious-harms", _("Avoiding serious side effects"), _("Serious side effects")),
    Attribute("pigment-scarring", _("Avoiding changes in skin colour or scarring"), _("Colour change or scarring")),
    Attribute("durability", _("Results that last a long time"), _("How long results last")),
)
ATTRIBUTE_SLUGS = tuple(attribute.slug for attribute in ATTRIBUTES)
ATTRIBUTE_BY_SLUG = {attribute.slug: attribute for attribute in ATTRIBUTES}

# How a personal flag is named to the patient (levels: product.md §3).
FLAG_LABELS = {
    "avoid": _("Usually not done, or put off"),
    "caution": _("Needs an individual assessment"),
    "check": _("Check with your clinician"),
}

UNSURE_LEANING = "unsure"
STAGES = [
    ("not-thought", _("I have not really thought about it yet")),
    ("considering", _("I am thinking about my options")),
    ("close", _("I am close to choosing")),
    ("chosen", _("I have already chosen")),
]
ROLES = [
    ("decide-myself", _("I want to decide myself")),
    ("share", _("I want to decide together with my clinician")),
    ("clinician-decides", _("I want my clinician to decide")),
]


@dataclass(frozen=True)
class SureQuestion:
    key: str
    text: str
    help_if_no: str
    help_link: str  # a URL name in the questionnaire namespace


# The SURE test, worded exactly as published (product.md §4.6). Each "no" points to the help that fits it.
SURE_QUESTIONS = (
    SureQuestion(
        "sure",
        _("Do you feel SURE about the best choice for you?"),
        _("Take more time. You do not have to decide today. You can save your summary and come back."),
        "review",
    ),
    SureQuestion(
        "understand",
        _("Do you know the benefits and risks of each option?"),
        _("Look again at what each option involves, how well it works and its side effects."),
        "options",
    ),
    SureQuestion(
        "risk_benefit",
        _("Are you clear about which benefits and risks matter most to you?"),
        _("Look at the table of how the options line up with what matters to you."),
        "options",
    ),
    SureQuestion(
        "encouragement",
        _("Do you have enough support and advice to make a choice?"),
        _("Take the questions below to a clinician, and talk it over with someone you trust."),
        "questions",
    ),
)
SURE_KEYS = tuple(question.key for question in SURE_QUESTIONS)

# Questions pre-ticked for the options considered: enough to start a consultation, few enough to print on the
# two-page summary. The patient can tick any of the others.
PRETICKED_QUESTIONS = 8
MAX_OWN_QUESTIONS = 5
OWN_QUESTION_MAX_LENGTH = 300
