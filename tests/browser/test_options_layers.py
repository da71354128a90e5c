"""The options page in layers, in a real browser: every option at a glance on the first screens, its details and
own sources opening in place — with JavaScript off, by keyboard, and at phone and desktop widths."""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import assert_no_axe_violations, press_tab_until_focused
from tests.questionnaire.journey import step_data

pytestmark = pytest.mark.browser
OPTIONS = "/start/options/"


def answer_the_questionnaire(page, base_url: str) -> None:
    """Posts each step's form as a browser would (the step pages are tested elsewhere)."""
    for slug, fields in step_data().items():
        page.goto(f"{base_url}/start/step/{slug}/")
        for name, value in fields.items():
            for one in value if isinstance(value, list) else [value]:
                page.locator(f'input[name="{name}"][value="{one}"]').check()
        page.get_by_role("button", name="Next", exact=True).click()
        page.wait_for_load_state()


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_layers_work_on_a_phone_without_javascript(site, phone_without_js):
    page = phone_without_js
    answer_the_questionnaire(page, site.url)
    page.goto(site.url + OPTIONS)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    rows = page.locator("article.option-row")
    assert rows.count() == 14
    microneedling = page.locator("#option-microneedling")
    assert "It may help acne scars, but we are not sure." in microneedling.inner_text()
    details = microneedling.locator("details.option-more")
    assert not details.evaluate("element => element.open")
    assert not microneedling.get_by_role("heading", name="Sources for this option").is_visible()
    microneedling.get_by_text("Details, numbers and sources").click()
    assert details.evaluate("element => element.open")
    sources = microneedling.get_by_role("heading", name="Sources for this option")
    assert sources.is_visible()
    first_citation = microneedling.locator("a.citation").first
    target = first_citation.get_attribute("href")
    assert target.startswith("#microneedling-src-")
    assert microneedling.locator(target).count() == 1  # the option's own list, right there
    # Every option's details, and the whole at-a-glance layer, fit on a phone without sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_jump_links_open_the_values_table_on_a_phone(site, phone_page):
    page = phone_page
    answer_the_questionnaire(page, site.url)
    page.goto(site.url + OPTIONS)
    values = page.locator("#values")
    assert not values.is_visible()
    page.get_by_role("link", name="How they line up with what matters to you").click()
    values.wait_for(state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page)


def test_details_open_by_keyboard_and_pass_axe_at_both_widths(site, page):
    answer_the_questionnaire(page, site.url)
    page.goto(site.url + OPTIONS)
    assert_no_axe_violations(page)
    summary = page.locator("#option-tretinoin summary")
    press_tab_until_focused(page, summary, limit=400)
    page.keyboard.press("Enter")
    assert page.locator("#option-tretinoin details").evaluate("element => element.open")
    assert page.locator("#option-tretinoin").get_by_role("heading", name="Sources for this option").is_visible()
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page)
