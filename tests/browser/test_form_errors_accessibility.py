"""Every form a patient or clinician can send, in its error state, at 390 and 1280 px: the page says what is
wrong, and axe-core finds no violation (WCAG 2.2 A and AA)."""

from __future__ import annotations

from decisionaid.questionnaire.steps import STEPS
from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_journey import ANSWERS, DECISION


def send(page, button: str) -> None:
    """Sends the form as a browser without built-in validation would, so the server's own errors show."""
    page.evaluate("document.querySelectorAll('form').forEach(form => { form.noValidate = true; })")
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()


def assert_error_shown_and_accessible(page, message: str) -> None:
    assert message in page.locator("main").inner_text(), f"{page.url} does not say {message!r}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways ({width}px)"
    assert_no_axe_violations(page)


def test_every_journey_form_in_its_error_state(site, sized_page):
    page = sized_page
    for step in STEPS:
        page.goto(f"{site.url}/start/step/{step.slug}/")
        send(page, "Next")
        assert_error_shown_and_accessible(page, "Please check your answers")
        for name, value in ANSWERS[step.slug]:
            page.locator(f'input[name="{name}"][value="{value}"]').check()
        send(page, "Next")

    page.goto(f"{site.url}/start/compare/?options=microneedling")  # one option is not a comparison
    assert_error_shown_and_accessible(page, "Pick between 2 and 4 options to compare. You picked 1.")

    page.goto(f"{site.url}/start/decision/")
    send(page, "Next: questions to ask")
    assert_error_shown_and_accessible(page, "Please check your answers")
    for name, value in DECISION:
        page.locator(f'input[name="{name}"][value="{value}"]').check()
    send(page, "Next: questions to ask")

    own = page.locator('[name="own_1"]')
    own.evaluate("field => field.removeAttribute('maxlength')")
    own.fill("Why? " * 200)
    send(page, "Save my summary")
    assert_error_shown_and_accessible(page, "Please check your answers")
    own = page.locator('[name="own_1"]')
    own.fill("How many of these have you done?")
    send(page, "Save my summary")

    page.get_by_role("link", name="Delete my summary").click()
    page.wait_for_load_state()
    send(page, "Delete it now")
    assert_error_shown_and_accessible(page, "Tick the box to confirm that you want to delete it.")


def test_the_clinicians_forms_in_their_error_state(site, sized_page):
    page = sized_page
    page.goto(f"{site.url}/summary/")
    page.get_by_label("Reference code").fill("not a code")
    send(page, "Open the summary")
    assert_error_shown_and_accessible(page, "12 letters and numbers")

    page.goto(f"{site.url}/treatments/compare/?concern=acne-scars&jurisdiction=uk&options=microneedling")
    assert_error_shown_and_accessible(page, "Pick between 2 and 4 options to compare. You picked 1.")
