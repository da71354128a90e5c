"""The journey's forms. Choices come from the published content, so a tampered value is a form error, and so
is a ticked box sent twice."""

from __future__ import annotations

import secrets
from collections import Counter

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from decisionaid.content.catalogue import Catalogue
from decisionaid.questionnaire import choices
from decisionaid.questionnaire.choices import ATTRIBUTES, SURE_QUESTIONS


class JourneyForm(forms.Form):
    """Every journey form: rendered by crispy-forms inside the page's own <form> tag."""

    def __init__(self, *args, catalogue: Catalogue, **kwargs) -> None:
        self.catalogue = catalogue
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token

    def answers(self) -> dict:
        """The cleaned answers as plain JSON values, for the session."""
        return dict(self.cleaned_data)


class TickBoxesField(forms.MultipleChoiceField):
    """Tick boxes: each choice at most once. A browser sends each ticked box once, so a value sent twice is a
    tampered form (`?options=a&options=a` would pass "pick 2 to 4"): a form error, never stored."""

    default_error_messages = {
        "repeated": _("You ticked %(choice)s more than once. Please tick each choice only once."),
    }

    def validate(self, value) -> None:
        super().validate(value)
        if repeated := [choice for choice, count in Counter(value).items() if count > 1]:
            labels = dict(self.choices)
            raise forms.ValidationError(
                self.error_messages["repeated"],
                code="repeated",
                params={"choice": ", ".join(f"“{labels[choice]}”" for choice in repeated)},
            )


def radio(label, options, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=options, widget=forms.RadioSelect, **kwargs)


class ConcernForm(JourneyForm):
    concern = forms.ChoiceField(label=_("What is your main skin concern?"), widget=forms.RadioSelect)
    other_concerns = TickBoxesField(
        label=_("Do you have any other skin concerns? (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick any that apply. The options you see are for your main concern."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        concerns = [(concern.slug, concern.name) for concern in self.catalogue.concerns]
        self.fields["concern"].choices = concerns
        self.fields["other_concerns"].choices = concerns

    def clean(self) -> dict:
        data = super().clean()
        if data.get("concern") and data.get("other_concerns"):
            data["other_concerns"] = [slug for slug in data["other_concerns"] if slug != data["concern"]]
        return data


class GoalsForm(JourneyForm):
    result = radio(_("What kind of result are you hoping for?"), choices.GOAL_RESULT)
    timing = radio(_("How soon would you like to see a change?"), choices.GOAL_TIMING)
    duration = radio(_("How long would you like the result to last?"), choices.GOAL_DURATION)


class AboutYouForm(JourneyForm):
    skin_type = radio(
        _("Which of these best describes your skin in the sun?"),
        choices.SKIN_TYPE_WORDS,
        help_text=_(
            "Skin type matters because some treatments are more likely to leave dark or light patches on darker skin."
        ),
    )
    age_band = radio(_("How old are you?"), choices.AGE_BANDS)


class CountryForm(JourneyForm):
    jurisdiction = forms.ChoiceField(
        label=_("Where would you have treatment?"),
        widget=forms.RadioSelect,
        help_text=_("We use this to show whether each treatment is approved there."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].choices = [(place.slug, place.name) for place in self.catalogue.jurisdictions]


class HealthForm(JourneyForm):
    """One yes / no / not sure question for each health-screen item in this group."""

    items: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for slug in self.items:
            item = self.catalogue.health_item(slug)
            if item is not None:
                self.fields[slug] = radio(item.question, choices.HEALTH_ANSWERS, help_text=item.explanation)


def health_form(slugs: tuple[str, ...]) -> type[HealthForm]:
    return type("HealthForm", (HealthForm,), {"items": slugs})


class LimitsForm(JourneyForm):
    max_downtime = radio(
        _("How much time off to recover (downtime) could you take after a treatment?"),
        choices.DOWNTIME_LIMITS,
        help_text=_("Options that may need more than this are still shown, with a note."),
    )
    budget = radio(
        _("How much could you spend on each session?"),
        choices.BUDGET_LIMITS,
        help_text=_(
            "Prices are rough US prices and are often not known. Options that may cost more are still "
            "shown, with a note."
        ),
    )


class ValuesForm(JourneyForm):
    """Importance 0–4 for each attribute; one fieldset per attribute."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for attribute in ATTRIBUTES:
            self.fields[attribute.slug] = radio(attribute.label, choices.IMPORTANCE)


class DecisionForm(JourneyForm):
    leaning = forms.ChoiceField(label=_("Which option are you leaning towards?"), widget=forms.RadioSelect)
    stage = radio(_("How far along are you in making this decision?"), choices.STAGES)
    role = radio(_("What role do you want in the decision?"), choices.ROLES)

    def __init__(self, *args, options=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leaning"].choices = [
            *[(option.slug, option.name) for option in options],
            (choices.UNSURE_LEANING, _("I'm not sure yet")),
        ]
        for question in SURE_QUESTIONS:
            self.fields[question.key] = radio(question.text, choices.YES_NO)


class QuestionsForm(JourneyForm):
    """The questions to take to a clinic: ticked from the list, plus up to five of the patient's own."""

    chosen = TickBoxesField(
        label=_("Questions to ask a clinic"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("We ticked the questions for the options you looked at most closely. Untick any you do not need."),
    )

    def __init__(self, *args, questions=(), save_token: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.save_token = save_token
        self.fields["chosen"].choices = [(question.key, question.text) for question in questions]
        for number in range(1, choices.MAX_OWN_QUESTIONS + 1):
            self.fields[f"own_{number}"] = forms.CharField(
                label=_("Your own question %(number)s (optional)") % {"number": number},
                required=False,
                max_length=choices.OWN_QUESTION_MAX_LENGTH,
                strip=True,
                help_text=_("Up to %(count)s characters.") % {"count": choices.OWN_QUESTION_MAX_LENGTH}
                if number == 1
                else "",
            )

    def clean(self) -> dict:
        """The page's save key (a hidden field the template writes, not a form field, so the page shown after
        this error carries the journey's key rather than the one sent) must be this journey's: a page from an
        earlier journey, or a changed key, saves nothing."""
        data = super().clean()
        sent = self.data.get("save_token", "")
        if not (self.save_token and secrets.compare_digest(sent.encode(), self.save_token.encode())):
            raise forms.ValidationError(
                _(
                    "This page was out of date, so nothing was saved. Please check your questions below and press "
                    "“Save my summary” again."
                ),
                code="stale",
            )
        return data

    def own_questions(self) -> list[str]:
        return [
            text
            for number in range(1, choices.MAX_OWN_QUESTIONS + 1)
            if (text := self.cleaned_data.get(f"own_{number}"))
        ]


class CompareForm(JourneyForm):
    options = TickBoxesField(
        label=_("Pick 2 to 4 options to compare"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pick at least 2 options to compare.")},
    )

    def __init__(self, *args, shown=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["options"].choices = [(option.slug, option.name) for option in shown]

    def clean_options(self) -> list[str]:
        picked = self.cleaned_data["options"]
        if not 2 <= len(picked) <= 4:
            raise forms.ValidationError(
                _("Pick between 2 and 4 options to compare. You picked %(count)s.") % {"count": len(picked)}
            )
        return picked


class EncounterSheetForm(JourneyForm):
    """A non-personal comparison sheet for a consultation: a concern, a place and 2–4 options."""

    concern = forms.ChoiceField(label=_("For which skin concern?"), widget=forms.RadioSelect)
    jurisdiction = forms.ChoiceField(label=_("Show approval for"), widget=forms.RadioSelect)
    options = TickBoxesField(label=_("Pick 2 to 4 options"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["concern"].choices = [(c.slug, c.name) for c in self.catalogue.concerns]
        self.fields["jurisdiction"].choices = [(j.slug, j.name) for j in self.catalogue.jurisdictions]
        self.fields["options"].choices = [(o.slug, o.name) for o in self.catalogue.options]

    clean_options = CompareForm.clean_options
