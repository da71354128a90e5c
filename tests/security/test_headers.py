"""Every response carries the security headers; the policy allows nothing from other sites and no inline code."""
import re

import pytest
from django.test import Client
from django.urls import reverse

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
    html = client.get("/treatments/compare/", {"concern": "acne-scars", "jurisdiction": "uk",
                                               "options": ["no-procedure", "microneedling"]})
    nonce = re.search(r'<style nonce="([^"]+)">@page', html.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in html["Content-Security-Policy"]
    again = client.get(html.request["PATH_INFO"] + "?" + html.request["QUERY_STRING"])
    assert f"'nonce-{nonce}'" not in again["Content-Security-Policy"]  # a fresh nonce on every response


@pytest.mark.django_db
def test_no_page_template_has_inline_script_or_style(shipped_content):
    for path in PAGES[:-1] + [reverse("questionnaire:step", args=["concern"])]:
        body = Client().get(path, follow=True).content.decode()
        assert "<script>" not in body and " style=" not in body and "<style>" not in body, path
