"""Every public page and the admin login have zero axe-core violations, and work by keyboard."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = {
    "home": "/",
    "treatments": "/treatments/",
    "no-procedure option": "/treatments/no-procedure/",
    "stem-cell injections option": "/treatments/stem-cell-injections/",
    "deep peel option": "/treatments/peel-deep/",
    "about": "/about/",
    "questions people ask": "/questions-people-ask/",
    "word list": "/glossary/",
    "not found": "/treatments/no-such-treatment/",
    "admin login": "/admin/login/",
}


def assert_no_axe_violations(page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_accessibility_violations(site, page, path):
    page.goto(site.url + path)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/", "/treatments/no-procedure/"])
def test_page_has_no_accessibility_violations_on_a_phone(site, phone_page, path):
    phone_page.goto(site.url + path)
    assert_no_axe_violations(phone_page)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a 390-px phone ({width}px wide)"


def test_the_skip_link_is_the_first_stop_and_moves_to_the_main_content(site, page):
    page.goto(site.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def press_tab_until_focused(page, locator, *, limit: int = 200) -> int:
    """Presses Tab (as a keyboard user does) until `locator` has the focus; returns how many presses it took."""
    handle = locator.element_handle()
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(element) => document.activeElement === element", handle):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {locator}")


def test_a_keyboard_user_reaches_an_option_page(site, page):
    page.goto(site.url + "/treatments/")
    link = page.get_by_role("link", name="No procedure: sun protection and your usual skincare")
    press_tab_until_focused(page, link)
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_url("**/treatments/no-procedure/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("No procedure")


def test_the_page_loads_nothing_from_other_hosts(site, page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site.url + "/treatments/no-procedure/")
    page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(site.url) for url in requested), requested
