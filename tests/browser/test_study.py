"""The study mode in Chromium (issue 17): a patient on a phone, without JavaScript, opts in, answers before and
after, sees the answers explained, and every study page (and its error state) passes axe-core at 390 and
1280 px; the evaluation dashboard passes axe-core in the admin."""

from __future__ import annotations

from django.core.management import call_command

from decisionaid.content.catalogue import current_catalogue
from decisionaid.study.models import StudyResponse
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_admin_accessibility import axe_violations, visit
from tests.browser.test_form_errors_accessibility import send
from tests.browser.test_journey import ANSWERS, DECISION


def check_all(page, answers: dict[str, str]) -> None:
    for name, value in answers.items():
        page.locator(f'input[name="{name}"][value="{value}"]').check()


def fits_the_screen(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways ({width}px)"


def test_an_opted_in_patient_answers_before_and_after_and_sees_why(site, sized_page):
    page = sized_page
    items = current_catalogue().knowledge_for("acne-scars")
    page.goto(site.url + "/start/")
    send(page, "Yes, add the extra questions")
    assert "You are helping to improve this tool" in page.locator("main").inner_text()
    for slug, fields in ANSWERS.items():
        page.goto(f"{site.url}/start/step/{slug}/")
        for name, value in fields:
            page.locator(f'input[name="{name}"][value="{value}"]').check()
        send(page, "Next")

    page.goto(site.url + "/start/options/")  # the study's "before" questions come first
    assert page.url.endswith("/start/study/before/")
    send(page, "Next: your options")  # nothing answered: errors on the fields
    assert "Please check your answers" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    fits_the_screen(page)
    check_all(page, {item.slug: "unsure" for item in items})
    check_all(page, {f"sure_{key}": "no" for key in ("sure", "understand", "risk_benefit", "encouragement")})
    send(page, "Next: your options")
    assert page.url.endswith("/start/options/")

    page.goto(site.url + "/start/decision/")
    check_all(page, dict(DECISION))
    send(page, "Next: questions to ask")
    assert page.url.endswith("/start/study/after/")
    assert_no_axe_violations(page)
    check_all(page, {item.slug: "true" if item.is_true else "false" for item in items})
    send(page, "See the answers")
    assert page.url.endswith("/start/study/answers/")
    main = page.locator("main").inner_text()
    for item in items:
        assert item.explanation in main
    assert_no_axe_violations(page)
    fits_the_screen(page)
    row = StudyResponse.objects.get()
    assert (row.knowledge_right_before, row.knowledge_right_after) == (0, len(items))


def test_the_study_works_without_javascript(site, no_js_page):
    page = no_js_page
    page.goto(site.url + "/start/")
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, add the extra questions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Stop the extra questions").click()
    assert "Would you like to help improve this tool?" in page.locator("main").inner_text()


def test_the_evaluation_dashboard_has_no_wcag_violations(site, admin_page):
    call_command("simulate_study", "--count", "25")
    page = admin_page
    found: list[str] = []
    for viewport, size in (("1280 px", DESKTOP), ("390 px", PHONE)):
        page.set_viewport_size(size)
        visit(page, site.url + "/admin/study/studyresponse/?data=synthetic")
        assert page.locator("svg.study-chart").count() == 3
        found += axe_violations(page, f"evaluation dashboard at {viewport}")
    assert not found, f"{len(found)} axe-core violation(s):\n" + "\n".join(found)
