"""Walks made-up, opted-in patients through the real pages, for demonstrating the evaluation dashboard.

    manage.py simulate_study [--count 300] [--seed 2026]
    manage.py simulate_study --delete

Everything it writes to the study's tables is marked synthetic: the dashboard shows it only under "Synthetic cohort", never mixed
with patients' answers, and --delete removes it all. The made-up patients answer the knowledge check partly at
random, knowing a little more after the options than before, and some stop part-way, so that every figure and
chart has something to show. Those who save a summary delete it again through the summary's own delete page, so
no made-up summary is left. Nothing in these figures says anything about real patients.
"""

from __future__ import annotations

import random
import re

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse

from decisionaid.content.catalogue import current_catalogue
from decisionaid.questionnaire.choices import NO, SURE_KEYS, YES
from decisionaid.questionnaire.sample_answers import answer_set
from decisionaid.study.knowledge import FALSE, TRUE, UNSURE
from decisionaid.study.models import FunnelCount, StudyResponse
from decisionaid.study.recording import synthetic_cohort

# Where made-up patients stop, as shares of those who start (the rest save a summary).
STOPS = {"before-options": 0.15, "after-options": 0.15, "after-compare": 0.1, "after-decision": 0.1}


class Command(BaseCommand):
    help = (
        "Add a synthetic, clearly labelled cohort of opted-in journeys for the evaluation dashboard (or --delete it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--delete", action="store_true", help="Delete the synthetic cohort and its counters.")

    def handle(self, *args, count: int, seed: int, delete: bool, **options):
        if delete:
            rows, _ = StudyResponse.objects.filter(is_synthetic=True).delete()
            counters, _ = FunnelCount.objects.filter(is_synthetic=True).delete()
            self.stdout.write(f"Deleted {rows} synthetic study rows and {counters} synthetic counters.")
            return
        if count < 1:
            raise CommandError("--count must be at least 1.")
        catalogue = current_catalogue()
        if not catalogue.release:
            raise CommandError("Publish a release first: the made-up patients walk the published pages.")
        rng = random.Random(seed)
        host = next((h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")), "testserver")
        finished = 0
        with synthetic_cohort():
            for _ in range(count):
                finished += Walk(Client(HTTP_HOST=host), rng, answer_set(rng, catalogue), catalogue).run()
        self.stdout.write(
            f"Walked {count} synthetic journeys; {finished} answered the study before and after. "
            "See them in the admin: Evaluation study › Evaluation dashboard › Data: synthetic cohort."
        )


class Walk:
    """One made-up patient, through the same URLs and forms a browser would use."""

    def __init__(self, client: Client, rng: random.Random, answers: dict, catalogue) -> None:
        self.client, self.rng, self.answers = client, rng, answers
        concern = answers["steps"]["concern"]["concern"]
        self.items = catalogue.knowledge_for(concern)
        self.knows = rng.uniform(0.2, 0.6)  # chance of knowing each answer before the options

    def get(self, name: str, **params):
        return self.client.get(reverse(name), params, secure=True)

    def post(self, name: str, data: dict):
        response = self.client.post(reverse(name), data, secure=True)
        if response.status_code != 302:
            raise CommandError(f"{name} refused a made-up answer ({response.status_code}).")
        return response

    def knowledge(self, knows: float) -> dict:
        def answer(item) -> str:
            if self.rng.random() < knows:
                return TRUE if item.is_true else FALSE
            return self.rng.choice([TRUE, FALSE, UNSURE, UNSURE])

        return {item.slug: answer(item) for item in self.items}

    def stops(self, where: str) -> bool:
        return self.rng.random() < STOPS[where]

    def run(self) -> int:
        self.post("study:opt_in", {})
        for slug, fields in self.answers["steps"].items():
            self.client.post(reverse("questionnaire:step", args=[slug]), fields, secure=True)
        if self.stops("before-options"):
            return 0
        sure_before = {f"sure_{key}": self.rng.choice([YES, NO, NO]) for key in SURE_KEYS}
        self.post("study:before", {**self.knowledge(self.knows), **sure_before})
        self.get("questionnaire:options")
        if self.stops("after-options"):
            return 0
        self.get("questionnaire:compare", options=self.answers["compared"])
        if self.stops("after-compare"):
            return 0
        decision = {**self.answers["decision"], **{key: self.rng.choice([YES, YES, NO]) for key in SURE_KEYS}}
        self.post("questionnaire:decision", decision)
        self.post("study:after", self.knowledge(min(self.knows + self.rng.uniform(0.1, 0.4), 0.95)))
        if self.stops("after-decision"):
            return 1
        page = self.get("questionnaire:questions").content.decode()
        saved = self.post("questionnaire:questions", {"save_token": SAVE_TOKEN.search(page).group(1)})
        summary = saved["Location"]
        if self.rng.random() < 0.5:
            self.client.get(summary + "print/", secure=True)
        # Made-up summaries are not kept: each is deleted through the page a patient would use.
        self.client.post(summary + "delete/", {"confirm": "yes"}, secure=True)
        return 1


SAVE_TOKEN = re.compile(r'name="save_token" value="([^"]+)"')
