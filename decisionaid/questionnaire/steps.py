"""The questionnaire's steps and the patient's answers in the server-side session.

Answers are stored per step as the cleaned form values. A step counts as done only while its stored answers
still pass its form, so content that changes under a patient (say, an unpublished concern) sends them back
to that step instead of failing later.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from decisionaid.content.catalogue import Catalogue
from decisionaid.lib.remember import remembered
from decisionaid.questionnaire import forms
from decisionaid.questionnaire.choices import UNDER_18, limit_value
from decisionaid.questionnaire.matching import Answers

SESSION_KEY = "journey"


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[forms.JourneyForm]
    intro: str = ""


STEPS = (
    Step("concern", _("Your skin concern"), forms.ConcernForm),
    Step("goals", _("Your goals"), forms.GoalsForm),
    Step("about-you", _("About you"), forms.AboutYouForm),
    Step("country", _("Where you live"), forms.CountryForm),
    Step(
        "health-1",
        _("Your health: pregnancy, skin and medicines"),
        forms.health_form(("pregnant", "isotretinoin", "skin-infection", "cold-sores", "active-acne", "keloid")),
        _(
            "Some health conditions and medicines change which treatments are safe for you. Your answers stay "
            "private and are not linked to you."
        ),
    ),
    Step(
        "health-2",
        _("Your health: bleeding, sun and cancer"),
        forms.health_form(("blood-thinners", "bleeding-disorder", "photosensitive", "cancer-active", "cancer-past")),
    ),
    Step(
        "health-3",
        _("Your health: other conditions"),
        forms.health_form(("immune", "heart-kidney-liver", "allergy", "filler", "melasma")),
    ),
    Step("limits", _("What you can manage"), forms.LimitsForm),
    Step(
        "values",
        _("What matters most to you"),
        forms.ValuesForm,
        _(
            "Rate how much each of these matters to you, from 0 (not important) to 4 (very important). There are "
            "no right answers."
        ),
    ),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}


class Journey:
    """The patient's answers and choices, kept in the session under one key."""

    def __init__(self, session, catalogue: Catalogue) -> None:
        self.session = session
        self.catalogue = catalogue
        self.data = session.get(SESSION_KEY) or {}
        if not isinstance(self.data, dict):
            self.data = {}

    def save(self) -> None:
        self.session[SESSION_KEY] = self.data
        self.session.modified = True

    def clear(self) -> None:
        self.session.pop(SESSION_KEY, None)
        self.data = {}

    # --- questionnaire answers ---

    def stored(self, step: Step) -> dict:
        value = self.data.get("answers", {}).get(step.slug)
        return value if isinstance(value, dict) else {}

    def store(self, step: Step, answers: dict) -> None:
        self.data.setdefault("answers", {})[step.slug] = answers
        self.save()

    def is_done(self, step: Step) -> bool:
        stored = self.stored(step)
        # Every journey page checks every step, and the answers rarely change between pages: remember each
        # verdict per content version and answers (building and checking the 9 forms took 2 ms a page).
        return bool(stored) and remembered(
            "step-valid",
            (self.catalogue.stamp, step.slug, stored),
            lambda: step.form_class(data=stored, catalogue=self.catalogue).is_valid(),
        )

    def first_unfinished(self) -> Step | None:
        return next((step for step in STEPS if not self.is_done(step)), None)

    def is_under_18(self) -> bool:
        return self.stored(STEP_BY_SLUG["about-you"]).get("age_band") == UNDER_18

    def is_complete(self) -> bool:
        return self.first_unfinished() is None and not self.is_under_18()

    def answer(self, step_slug: str, field: str, default=None):
        return self.stored(STEP_BY_SLUG[step_slug]).get(field, default)

    def health_answers(self) -> dict[str, str]:
        health = {}
        for step in STEPS:
            if issubclass(step.form_class, forms.HealthForm):
                health.update(
                    {slug: value for slug, value in self.stored(step).items() if slug in step.form_class.items}
                )
        return health

    def values(self) -> dict[str, int]:
        return {slug: int(value) for slug, value in self.stored(STEP_BY_SLUG["values"]).items()}

    def matching_answers(self) -> Answers:
        return Answers(
            concern=self.answer("concern", "concern"),
            jurisdiction=self.answer("country", "jurisdiction"),
            skin_type=self.answer("about-you", "skin_type"),
            health=self.health_answers(),
            max_downtime_days=limit_value(self.answer("limits", "max_downtime")),
            budget_usd=limit_value(self.answer("limits", "budget")),
        )

    # --- after the questionnaire ---

    @property
    def compared(self) -> list[str]:
        return list(self.data.get("compared", []))

    def set_compared(self, slugs: list[str]) -> None:
        self.data["compared"] = slugs
        self.save()

    def decision(self) -> dict:
        return dict(self.data.get("decision", {}))

    def set_decision(self, answers: dict) -> None:
        self.data["decision"] = answers
        self.save()

    def save_token(self) -> str:
        """This journey's key for "Save my summary", drawn once and sent with the form: however many saves of the
        journey arrive at once, they make one summary (SavedSummary.save_token). Gone with the journey once saved."""
        if not isinstance(self.data.get("save_token"), str):
            self.data["save_token"] = str(uuid.uuid4())
            self.save()
        return self.data["save_token"]


def step_number(step: Step) -> int:
    return STEPS.index(step) + 1


def neighbours(step: Step) -> tuple[Step | None, Step | None]:
    index = STEPS.index(step)
    return (STEPS[index - 1] if index else None, STEPS[index + 1] if index + 1 < len(STEPS) else None)
