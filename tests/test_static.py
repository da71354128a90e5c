"""Pages load a trimmed Bootstrap 5.3.8: built from the pinned wheel's CSS, and keeping every class our pages use."""

import hashlib
import re

import pytest
from django.urls import reverse

from decisionaid.lib.bootstrap_css import SUBSET_PATH, full_bootstrap_css
from tests.questionnaire.journey import answer_all_steps, decide, save_summary

BOOTSTRAP_5_3_8_MIN_CSS_SHA256 = "d85327d99c7a3ee1f9b5d0500d1370acea3ad2db39c163c2f51f232baedbdede"


def defined_classes(css: str) -> set[str]:
    """Class names that the stylesheet's selectors mention. Declaration blocks are the innermost braces, so one
    pass removes them and leaves selectors, at-rules included (`@media print{.d-print-none}`)."""
    selectors = re.sub(r"\{[^{}]*\}", " ", css)
    return set(re.findall(r"\.(-?[A-Za-z_][\w-]*)", selectors))


def used_classes(html: str) -> set[str]:
    return {name for value in re.findall(r'class="([^"]*)"', html) for name in value.split()}


def test_the_source_is_bootstrap_5_3_8_and_the_subset_records_it():
    digest = hashlib.sha256(full_bootstrap_css().read_bytes()).hexdigest()
    assert digest == BOOTSTRAP_5_3_8_MIN_CSS_SHA256
    assert f"sha256 {digest}" in SUBSET_PATH.read_text(encoding="utf-8")[:500], "run `make css`"


def test_the_subset_is_much_smaller_than_bootstrap():
    assert SUBSET_PATH.stat().st_size < full_bootstrap_css().stat().st_size / 3


@pytest.mark.django_db
def test_every_bootstrap_class_our_pages_use_is_in_the_subset(client, shipped_content):
    """Fails when a template starts using a Bootstrap class the subset dropped: run `make css`."""
    html = []

    def visit(url, data=None, method="get"):
        response = getattr(client, method)(url, data)
        assert response.status_code in (200, 404), (url, response.status_code)
        html.append(response.content.decode())

    for url in (
        "/",
        "/treatments/",
        "/treatments/microneedling/",
        "/treatments/no-procedure/",
        "/about/",
        "/questions-people-ask/",
        "/glossary/",
        "/treatments/no-such-treatment/",
        "/start/",
        "/treatments/compare/?concern=acne-scars&jurisdiction=uk",
        "/summary/",
    ):
        visit(url)
    visit(reverse("questionnaire:step", args=["concern"]), {"concern": "not-a-concern"}, method="post")
    visit("/summary/", {"code": "NOT A CODE"})
    answer_all_steps(client, skin_type="5", isotretinoin="yes", pregnant="unsure")
    for url in (
        "/start/step/health-1/",
        "/start/step/values/",
        "/start/review/",
        "/start/options/",
        "/start/compare/?options=no-procedure&options=microneedling",
        "/start/decision/",
    ):
        visit(url)
    visit(reverse("questionnaire:decision"), {"leaning": "nonsense"}, method="post")
    decide(client, leaning="microneedling")
    visit("/start/questions/")
    summary = save_summary(client)
    visit(summary)
    visit(summary + "print/")

    bootstrap = defined_classes(full_bootstrap_css().read_text(encoding="utf-8"))
    kept = defined_classes(SUBSET_PATH.read_text(encoding="utf-8"))
    used = set().union(*map(used_classes, html))
    assert {"btn", "form-check-input", "is-invalid", "alert"} <= used & bootstrap  # the walk reached real pages
    assert sorted((used & bootstrap) - kept) == [], "run `make css` to rebuild the Bootstrap subset"
