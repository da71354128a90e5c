"""The options page in layers, in a real browser: every option at a glance on the first screens, its details and
own sources opening in place (a link that reloads the page with that option open, scrolled to it) — with
JavaScript off, by keyboard, and at phone and desktop widths."""

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
    assert microneedling.get_by_role("heading", name="Sources for this option").count() == 0
    microneedling.get_by_role("link", name="Details, numbers and sources for Microneedling").click()
    page.wait_for_load_state()
    microneedling = page.locator("#option-microneedling")
    sources = microneedling.get_by_role("heading", name="Sources for this option")
    assert sources.is_visible()
    # The page opened where the option is, not at the top.
    assert page.evaluate("document.querySelector('#option-microneedling').getBoundingClientRect().top") < 200
    first_citation = microneedling.locator("a.citation").first
    target = first_citation.get_attribute("href")
    assert target.startswith("#microneedling-src-")
    assert microneedling.locator(target).count() == 1  # the option's own list, right there
    # Every option's details, and the whole at-a-glance layer, fit on a phone without sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # A second option opens beside the first; closing the first leaves the second open.
    page.get_by_role("link", name="Details, numbers and sources for Medium chemical peel").click()
    page.wait_for_load_state()
    assert page.locator("article.option-row").get_by_role("heading", name="Sources for this option").count() == 2
    page.locator("#option-microneedling").get_by_role("link", name="Hide the details for Microneedling").last.click()
    page.wait_for_load_state()
    assert page.locator("#option-microneedling").get_by_role("heading", name="Sources for this option").count() == 0
    assert page.locator("#option-peel-medium").get_by_role("heading", name="Sources for this option").is_visible()


def test_jump_links_open_the_values_table_on_a_phone(site, phone_page):
    page = phone_page
    answer_the_questionnaire(page, site.url)
    page.goto(site.url + OPTIONS)
    values = page.locator("#values")
    assert not values.is_visible()
    page.get_by_role("link", name="What matters to you").click()
    values.wait_for(state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page)


def test_details_open_by_keyboard_and_pass_axe_at_both_widths(site, page):
    answer_the_questionnaire(page, site.url)
    page.goto(site.url + OPTIONS)
    assert_no_axe_violations(page)
    toggle = page.locator("#option-tretinoin .option-toggle a")
    press_tab_until_focused(page, toggle, limit=400)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#option-tretinoin").get_by_role("heading", name="Sources for this option").is_visible()
    # The next Tab goes on from the opened option, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('#option-tretinoin').contains(document.activeElement)")
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page)
