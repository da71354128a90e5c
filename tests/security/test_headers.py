"""Every response carries the security headers; the policy allows nothing from other sites and no inline code."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from decisionaid.questionnaire.steps import STEPS
from tests.questionnaire.journey import answer_all_steps, decide, save_summary

PAGES = ["/", "/treatments/", "/start/", "/summary/", "/admin/login/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_page_sends_the_security_headers(shipped_content, path):
    response = Client().get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy  # no other host is allowed anything
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer")
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_printout_style_runs_only_with_this_responses_nonce(shipped_content):
    client = Client()
    html = client.get(
        "/treatments/compare/",
        {"concern": "acne-scars", "jurisdiction": "uk", "options": ["no-procedure", "microneedling"]},
    )
    nonce = re.search(r'<style nonce="([^"]+)">@page', html.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in html["Content-Security-Policy"]
    again = client.get(html.request["PATH_INFO"] + "?" + html.request["QUERY_STRING"])
    assert f"'nonce-{nonce}'" not in again["Content-Security-Policy"]  # a fresh nonce on every response


class InlineCode(HTMLParser):
    """Collects everything in a page that the policy would block or that needs JavaScript to work."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes.get("src") or "(inline)")
        if tag == "style" and "nonce" not in attributes:
            self.found.append("<style> without a nonce")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value!r}>")


def every_page_a_patient_and_a_clinician_see() -> dict[str, bytes]:
    """The public pages, each questionnaire step with and without errors, options, compare, decision, questions,
    the saved summary, its printout, the encounter sheet, the admin login and the error pages."""
    client, bodies = Client(), {}
    for path in [
        *PAGES,
        "/about/",
        "/glossary/",
        "/questions-people-ask/",
        "/treatments/microneedling/",
        "/treatments/no-such-thing/",
        "/summary/ZZZZ-ZZZZ-ZZZZ/",
    ]:
        bodies[path] = client.get(path).content
    for step in STEPS:
        url = reverse("questionnaire:step", args=[step.slug])
        bodies[url + " (with errors)"] = client.post(url, {}).content
    answer_all_steps(client)
    for name in ("review", "options", "decision", "questions"):
        bodies[name] = client.get(reverse(f"questionnaire:{name}")).content
    bodies["compare"] = client.get(
        reverse("questionnaire:compare"), {"options": ["no-procedure", "microneedling"]}
    ).content
    decide(client)
    summary = save_summary(client)
    bodies["summary"] = client.get(summary).content
    bodies["printout"] = client.get(summary + "print/").content
    bodies["encounter sheet"] = client.get(
        "/treatments/compare/",
        {"concern": "acne-scars", "jurisdiction": "uk", "options": ["no-procedure", "microneedling"]},
    ).content
    return bodies


@pytest.mark.django_db
def test_no_page_has_inline_script_style_or_event_handlers(shipped_content):
    problems = {}
    for name, body in every_page_a_patient_and_a_clinician_see().items():
        parser = InlineCode()
        parser.feed(body.decode())
        if found := parser.found + ["inline <script>" for src in parser.scripts if src == "(inline)"]:
            problems[name] = found
    assert problems == {}


@pytest.mark.django_db
def test_every_page_works_without_javascript_because_none_loads_a_script(shipped_content):
    """The site ships no script, so every page works without JavaScript. Whoever adds one must keep it an
    enhancement: then the journey walked in a browser without JavaScript (tests/browser) is what proves it."""
    loaded = {}
    for name, body in every_page_a_patient_and_a_clinician_see().items():
        if name.startswith("/admin/"):
            continue  # the staff's admin runs Django's own scripts
        parser = InlineCode()
        parser.feed(body.decode())
        if parser.scripts:
            loaded[name] = parser.scripts
    assert loaded == {}
