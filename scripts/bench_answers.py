"""Varied answers for `make bench`'s simulated patients, drawn from the real questionnaire's own choices.

Usage: .venv/bin/python scripts/bench_answers.py OUT.json [COUNT]   (needs DATABASE_URL with the content loaded)
Each answer set is one adult patient: a random concern, country, skin type, goals, limits and values, mostly
"no" to the health questions with some "yes" and "not sure", 2 or 3 of their options compared and a leaning.
Varied answers keep the benchmark honest: the options page keeps the parts of its cards that are the same for
everyone with the same concern and country, and identical patients would make that look better than it is.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decisionaid.settings")

import django  # noqa: E402

django.setup()

from django import forms  # noqa: E402

from decisionaid.content.catalogue import current_catalogue  # noqa: E402
from decisionaid.questionnaire.choices import NO, UNDER_18, UNSURE, YES  # noqa: E402
from decisionaid.questionnaire.forms import HealthForm  # noqa: E402
from decisionaid.questionnaire.matching import match_options  # noqa: E402
from decisionaid.questionnaire.steps import SESSION_KEY, STEPS, Journey  # noqa: E402
from tests.questionnaire.journey import DECISION  # noqa: E402

HEALTH_WEIGHTS = {NO: 8, YES: 1, UNSURE: 1}


def answer_set(rng: random.Random, catalogue) -> dict:
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
    return {"steps": steps, "compared": compared, "decision": {**DECISION, "leaning": rng.choice(compared)}}


def main() -> None:
    out, count = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng, catalogue = random.Random(2026), current_catalogue()
    out.write_text(json.dumps([answer_set(rng, catalogue) for _ in range(count)]), encoding="utf-8")


if __name__ == "__main__":
    main()
