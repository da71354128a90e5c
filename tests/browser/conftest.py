"""Real-browser tests: Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM is used there only
# by fixtures, before and after the browser acts, so its async-safety guard can be relaxed here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM} (install Debian's chromium package)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " Under CI=true a missing browser is a failure.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


# Shared by the accessibility tests: two screen sizes, and a clinical reviewer signed in to the admin.
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PASSWORD = "a-long-test-password-for-the-reviewer"
WIDTHS = {"390px phone": PHONE, "1280px desktop": DESKTOP}


@pytest.fixture(params=WIDTHS.values(), ids=WIDTHS.keys())
def sized_page(browser, request):
    context = browser.new_context(viewport=request.param)
    yield context.new_page()
    context.close()


@pytest.fixture
def reviewer(site, django_user_model):
    from django.contrib.auth.models import Group

    from decisionaid.content.signals import REVIEWER_GROUP

    user = django_user_model.objects.create_user(
        username="reviewer", email="reviewer@example.org", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=REVIEWER_GROUP))
    return user


@pytest.fixture
def admin_page(site, browser, reviewer):
    """One browser context, signed in to the admin as a clinical reviewer."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site.url + "/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(reviewer.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(site.url + "/admin/")
    yield page
    context.close()
