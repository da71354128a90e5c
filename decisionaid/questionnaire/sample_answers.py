"""Varied made-up patients' answers, drawn from the questionnaire's own choices: for `make bench`'s simulated
patients and the study's synthetic cohort (manage.py simulate_study). Never used for a real patient."""

from __future__ import annotations

import random

from django import forms

from decisionaid.content.catalogue import Catalogue
from decisionaid.questionnaire.choices import NO, SURE_KEYS, UNDER_18, UNSURE, YES
from decisionaid.questionnaire.forms import HealthForm
from decisionaid.questionnaire.matching import match_options
from decisionaid.questionnaire.steps import SESSION_KEY, STEPS, Journey

HEALTH_WEIGHTS = {NO: 8, YES: 1, UNSURE: 1}
DECISION = {"stage": "considering", "role": "share"}


def answer_set(rng: random.Random, catalogue: Catalogue) -> dict:
    """One adult patient: a random concern, country, skin type, goals, limits and values, mostly "no" to the
    health questions with some "yes" and "not sure", 2 or 3 of their options compared and one leaned towards."""
    steps = {}
    for step in STEPS:
        form = step.form_class(catalogue=catalogue)
        fields = {}
        for name, field in form.fields.items():
            values = [value for value, _ in field.choices if value != UNDER_18]
            if isinstance(field, forms.MultipleChoiceField):
                fields[name] = rng.sample(values, rng.randint(0, 2))
            elif isinstance(form, HealthForm):
                fields[name] = rng.choices(list(HEALTH_WEIGHTS), weights=list(HEALTH_WEIGHTS.values()))[0]
            else:
                fields[name] = rng.choice(values)
        assert step.form_class(data=fields, catalogue=catalogue).is_valid(), (step.slug, fields)
        steps[step.slug] = fields
    journey = Journey({SESSION_KEY: {"answers": steps}}, catalogue)
    shown = [
        match.option.slug for match in match_options(answers=journey.matching_answers(), options=catalogue.options)
    ]
    compared = rng.sample(shown, rng.randint(2, min(3, len(shown))))
    sure = {key: rng.choice([YES, NO]) for key in SURE_KEYS}
    return {"steps": steps, "compared": compared, "decision": {**DECISION, **sure, "leaning": rng.choice(compared)}}
