"""The compare grid on a phone, and the browser's Print on a saved summary page, in Chromium."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.test_accessibility import assert_no_axe_violations
from tests.questionnaire.journey import answer_all_steps, save_fullest_summary

FOUR_OPTIONS = ["no-procedure", "microneedling", "peel-medium", "laser-ablative-fractional"]
COMPARE_FOUR = "/start/compare/?" + "&".join(f"options={slug}" for slug in FOUR_OPTIONS)
CLINICIAN_HEADINGS = [
    "Patient summary: choosing a skin treatment",
    "The patient",
    "Health answers and personal flags",
    "Where the patient is in the decision",
    "The patient's questions",
]


def screenshot(page, name: str) -> None:
    """With SCREENSHOT_DIR set, keeps a full-page screenshot for a person to look at."""
    if folder := os.environ.get("SCREENSHOT_DIR"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.fixture
def answered(site, browser):
    """A browser context whose session has answered every step (through Django's test client)."""

    def open_page(viewport_width: int):
        client = Client()
        answer_all_steps(client)
        context = browser.new_context(viewport={"width": viewport_width, "height": 900}, is_mobile=viewport_width < 500)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": site.url}])
        contexts.append(context)
        return context.new_page()

    contexts: list = []
    yield open_page
    for context in contexts:
        context.close()


def test_four_options_compared_on_a_390px_phone_do_not_scroll_sideways_and_show_every_answer(site, answered):
    page = answered(390)
    page.goto(site.url + COMPARE_FOUR)
    screenshot(page, "compare-390")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the compare page scrolls sideways on a 390-px phone ({width}px wide)"
    rows = page.locator(".compare-grid tbody tr")
    assert rows.count() == 11
    for index in range(rows.count()):
        row = rows.nth(index)
        assert row.locator("th").is_visible()
        cells = row.locator("td")
        assert cells.count() == 4
        for number in range(4):
            cell = cells.nth(number)
            assert cell.is_visible()
            box = cell.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (index, number, box)
        # Each answer is named by its option, on screen.
        assert all(cells.nth(number).locator(".compare-option").is_visible() for number in range(4))
    assert_no_axe_violations(page)


def test_four_options_compared_on_a_wide_screen_are_a_table_with_no_accessibility_violations(site, answered):
    page = answered(1280)
    page.goto(site.url + COMPARE_FOUR)
    screenshot(page, "compare-1280")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    headers = page.locator(".compare-grid thead th[scope=col]")
    assert headers.count() == 4 and all(headers.nth(i).is_visible() for i in range(4))
    assert not page.locator(".compare-grid .compare-option").first.is_visible()  # the column headers name them
    assert page.get_by_role("columnheader", name="Microneedling").count() == 1
    assert_no_axe_violations(page)


def test_printing_the_summary_page_gives_the_clinician_layout_on_at_most_two_a4_pages(site, page):
    summary_url = save_fullest_summary(Client())
    page.goto(site.url + summary_url)
    screenshot(page, "summary-1280")
    if os.environ.get("SCREENSHOT_DIR"):
        page.set_viewport_size({"width": 390, "height": 844})
        screenshot(page, "summary-390")
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not page.get_by_role("heading", name=CLINICIAN_HEADINGS[0]).is_visible()  # on screen: the patient's page
    assert_no_axe_violations(page)
    page.emulate_media(media="print")
    for heading in CLINICIAN_HEADINGS:
        assert page.get_by_role("heading", name=heading, exact=True).is_visible(), heading
    assert not page.get_by_role("heading", name="Your summary").is_visible()
    screenshot(page, "summary-printed")
    pdf = page.pdf(format="A4")
    if folder := os.environ.get("SCREENSHOT_DIR"):
        (Path(folder) / "summary-printed.pdf").write_bytes(pdf)
    pages = pdf_pages(pdf)
    print(f"the summary page prints on {pages} pages of A4")
    assert 1 <= pages <= 2, f"the summary page prints on {pages} pages of A4"
    text = page.locator("body").inner_text()
    assert "Patient summary: choosing a skin treatment" in text
