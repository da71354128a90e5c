"""Helpers that walk a patient through the journey with Django's test client."""

from __future__ import annotations

from django.urls import reverse

from decisionaid.questionnaire.choices import ATTRIBUTE_SLUGS
from decisionaid.questionnaire.steps import STEPS

HEALTH_NO = {slug: "no" for step in STEPS if step.slug.startswith("health") for slug in step.form_class.items}


def step_data(**overrides) -> dict[str, dict]:
    """Answers for every step of a typical adult; override any field by name."""
    data = {
        "concern": {"concern": "acne-scars", "other_concerns": ["texture"]},
        "goals": {"result": "clear", "timing": "months", "duration": "years"},
        "about-you": {"skin_type": "3", "age_band": "30-44"},
        "country": {"jurisdiction": "us"},
        "limits": {"max_downtime": "7", "budget": "1000"},
        "values": {slug: "2" for slug in ATTRIBUTE_SLUGS},
    }
    for step in STEPS:
        if step.slug.startswith("health"):
            data[step.slug] = {slug: "no" for slug in step.form_class.items}
    data = {step.slug: data[step.slug] for step in STEPS}  # in step order
    for name, value in overrides.items():
        for fields in data.values():
            if name in fields:
                fields[name] = value
                break
        else:
            raise KeyError(name)
    return data


def answer_all_steps(client, **overrides) -> None:
    for slug, fields in step_data(**overrides).items():
        response = client.post(reverse("questionnaire:step", args=[slug]), fields)
        assert response.status_code == 302, (slug, response.content[:2000])


# A typical decision step: leaning unsure, considering, sharing the choice, SURE score 3 of 4.
DECISION = {
    "leaning": "unsure",
    "stage": "considering",
    "role": "share",
    "sure": "no",
    "understand": "yes",
    "risk_benefit": "yes",
    "encouragement": "yes",
}


def decide(client, **overrides) -> None:
    data = {**DECISION, **overrides}
    response = client.post(reverse("questionnaire:decision"), data)
    assert response.status_code == 302, response.content[:3000]


def save_summary(client, **data) -> str:
    """Saves with the pre-ticked questions (plus any given fields) as the page's form sends them, with the
    journey's save key; returns the summary page URL."""
    page = client.get(reverse("questionnaire:questions"))
    chosen = page.context["form"].initial.get("chosen", [])
    response = client.post(
        reverse("questionnaire:questions"), {"chosen": chosen, "save_token": page.context["save_token"], **data}
    )
    assert response.status_code == 302, response.content[:3000]
    return response["Location"]


LONG_QUESTION = ("Could you tell me " + "more about how this works for my skin " * 10)[:299] + "?"


def save_fullest_summary(client) -> str:
    """The fullest printout a patient can make: every health answer "not sure", the three options with the most
    flags compared, and five own questions of the longest length. Returns the summary page URL."""
    answer_all_steps(client, concern="raised-scars", skin_type="unsure", **{slug: "unsure" for slug in HEALTH_NO})
    matches = client.get(reverse("questionnaire:options")).context["matches"]
    most_flagged = sorted(matches, key=lambda match: -len(match.flags))[:3]
    assert all(len(match.flags) >= 10 for match in most_flagged)
    client.get(reverse("questionnaire:compare"), {"options": [match.option.slug for match in most_flagged]})
    decide(client)
    return save_summary(client, **{f"own_{number}": LONG_QUESTION for number in range(1, 6)})


def every_option_open() -> dict[str, list[str]]:
    """The options page's query with every option's details open, as for a patient who opened each one."""
    from decisionaid.content.models import Option

    return {"open": list(Option.objects.values_list("slug", flat=True))}
