"""A step sent back with missing answers: its error summary and field errors meet WCAG 2.2 AA colour contrast."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

CONTRAST_ONLY = {"runOnly": {"type": "rule", "values": ["color-contrast"]}}


@pytest.mark.parametrize("viewport", ["phone_page", "page"], ids=["390px phone", "1280px desktop"])
def test_a_step_with_missing_answers_passes_the_colour_contrast_check(site, request, viewport):
    page = request.getfixturevalue(viewport)
    page.goto(site.url + "/start/step/concern/")
    page.get_by_role("button", name="Next", exact=True).click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading", name="Please check your answers").is_visible()
    assert summary.get_by_role("link", name="What is your main skin concern?").is_visible()
    assert page.locator(".invalid-feedback").first.is_visible()
    results = Axe().run(page, options=CONTRAST_ONLY)
    assert results.violations_count == 0, results.generate_report()
