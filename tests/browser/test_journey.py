"""The whole patient journey in a real browser: desktop, phone, keyboard only, and without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from decisionaid.content.models import Option
from decisionaid.questionnaire.choices import ATTRIBUTE_SLUGS
from decisionaid.questionnaire.steps import STEPS
from tests.browser.test_accessibility import PAGES, assert_no_axe_violations, press_tab_until_focused
from tests.pages.test_encounter_sheet import FOUR as FOUR_OPTIONS
from tests.questionnaire.journey import save_fullest_summary

HEALTH = {slug: "no" for step in STEPS if step.slug.startswith("health") for slug in step.form_class.items}
HEALTH.update({"isotretinoin": "yes", "pregnant": "unsure"})
ANSWERS = {
    "concern": [("concern", "acne-scars"), ("other_concerns", "texture")],
    "goals": [("result", "clear"), ("timing", "months"), ("duration", "years")],
    "about-you": [("skin_type", "5"), ("age_band", "30-44")],
    "country": [("jurisdiction", "uk")],
    **{
        step.slug: [(slug, HEALTH[slug]) for slug in step.form_class.items]
        for step in STEPS
        if step.slug.startswith("health")
    },
    "limits": [("max_downtime", "7"), ("budget", "any")],
    "values": [(slug, "4" if slug in ("downtime", "evidence") else "1") for slug in ATTRIBUTE_SLUGS],
}
DECISION = [
    ("leaning", "microneedling"),
    ("stage", "considering"),
    ("role", "share"),
    ("sure", "no"),
    ("understand", "yes"),
    ("risk_benefit", "yes"),
    ("encouragement", "yes"),
]


class Patient:
    """Drives the pages with the mouse, or with the keyboard only (Tab, arrows, Space and Enter)."""

    def __init__(self, page, *, keyboard=False, axe=False, phone=False):
        self.page, self.keyboard, self.axe, self.phone = page, keyboard, axe, phone

    def arrived(self) -> None:
        if self.axe:
            assert_no_axe_violations(self.page)
        if self.phone:
            width = self.page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{self.page.url} scrolls sideways on a 390-px phone ({width}px)"

    def tab_to(self, locator) -> None:
        press_tab_until_focused(self.page, locator, limit=1500)

    def choose(self, name: str, value: str) -> None:
        inputs = self.page.locator(f'input[name="{name}"]')
        target = self.page.locator(f'input[name="{name}"][value="{value}"]')
        if not self.keyboard:
            target.check()
            return
        if inputs.first.get_attribute("type") == "checkbox":
            self.tab_to(target)
            self.page.keyboard.press("Space")
        else:
            self.tab_to(inputs.first)  # nothing checked yet: Tab enters the group on its first radio
            self.page.keyboard.press("Space")
            values = [inputs.nth(i).get_attribute("value") for i in range(inputs.count())]
            for _ in range(values.index(value)):
                self.page.keyboard.press("ArrowDown")
        assert target.is_checked(), f"{name}={value} is not checked"

    def open_details(self, summary: str) -> None:
        """Opens a <details> by its summary, as a mouse or keyboard user would (no script involved)."""
        target = self.page.locator("summary", has_text=summary)
        if self.keyboard:
            self.tab_to(target)
            self.page.keyboard.press("Enter")
        else:
            target.click()

    def type(self, name: str, text: str) -> None:
        field = self.page.locator(f'[name="{name}"]')
        if self.keyboard:
            self.tab_to(field)
            self.page.keyboard.type(text)
        else:
            field.fill(text)

    def press(self, role: str, name: str) -> None:
        target = self.page.get_by_role(role, name=name, exact=True).first
        with self.page.expect_navigation():
            if self.keyboard:
                self.tab_to(target)
                self.page.keyboard.press("Enter")
            else:
                target.click()
        self.arrived()


def walk_the_journey(patient: Patient, base_url: str) -> str:
    """From the home page to a saved summary; returns the summary's code."""
    page = patient.page
    page.goto(base_url + "/")
    patient.arrived()
    patient.press("link", "Weigh up your options")
    patient.press("link", "Start")
    for number, step in enumerate(STEPS, start=1):
        assert f"Step {number} of {len(STEPS)}" in page.locator("#progress").inner_text()
        for name, value in ANSWERS[step.slug]:
            patient.choose(name, value)
        patient.press("button", "Next")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your answers"
    patient.press("link", "See my options")
    assert page.locator(".option-row").count() >= 2
    assert page.locator("#option-no-procedure").count() == 1
    patient.open_details("Pick 2 to 4 options to compare")
    patient.choose("options", "no-procedure")
    patient.choose("options", "microneedling")
    patient.press("button", "Compare")
    assert page.locator(".compare-grid thead th").count() == 2
    patient.press("link", "Next: your decision")
    for name, value in DECISION:
        patient.choose(name, value)
    patient.press("button", "Next: questions to ask")
    assert "Your SURE score: 3 out of 4" in page.content()
    patient.type("own_1", "How many of these have you done?")
    patient.press("button", "Save my summary")
    code = page.locator(".font-monospace").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    assert "How many of these have you done?" in page.content()
    return code


def check_the_printout(patient: Patient, url: str, *, most_pages: int = 2) -> None:
    """A printable page: accessible on screen; in print, no buttons or links bar, and at most `most_pages`."""
    page = patient.page
    page.goto(url)
    patient.arrived()
    page.emulate_media(media="print")
    assert not page.locator(".screen-actions").is_visible()
    for paper in ("A4", "Letter"):
        pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper)))
        assert 1 <= pages <= most_pages, f"{url} prints on {pages} pages of {paper}"
    page.emulate_media(media="screen")


def delete_summary(patient: Patient) -> None:
    patient.press("link", "Delete my summary")
    patient.choose("confirm", "yes")
    patient.press("button", "Delete it now")
    assert patient.page.get_by_role("heading", level=1).inner_text() == "Your summary has been deleted"


def test_the_whole_journey_on_a_desktop_with_no_accessibility_violations(site, page):
    patient = Patient(page, axe=True)
    code = walk_the_journey(patient, site.url)
    page.goto(f"{site.url}/summary/{code.lower().replace('-', '')}/export.json")
    assert f'"code": "{code}"' in page.content()
    check_the_printout(patient, f"{site.url}/summary/{code}/print/")
    page.goto(f"{site.url}/summary/{code}/")
    delete_summary(patient)
    page.goto(f"{site.url}/summary/{code}/")
    assert "We could not find that summary" in page.content()


def test_the_whole_journey_on_a_390px_phone(site, phone_page):
    walk_the_journey(Patient(phone_page, phone=True), site.url)


def test_the_whole_journey_by_keyboard_only(site, page):
    delete_summary_patient = Patient(page, keyboard=True)
    walk_the_journey(delete_summary_patient, site.url)
    delete_summary(delete_summary_patient)


def test_the_whole_journey_without_javascript(site, no_js_page):
    """A guard for the day a script arrives (tests/security/test_headers.py fails first, when one does)."""
    walk_the_journey(Patient(no_js_page), site.url)


def test_back_keeps_the_answers(site, page):
    patient = Patient(page)
    page.goto(site.url + "/start/step/concern/")
    patient.choose("concern", "pigmentation")
    patient.press("button", "Next")
    patient.choose("result", "subtle")
    patient.press("button", "Back")
    assert page.locator('input[name="concern"][value="pigmentation"]').is_checked()
    patient.press("button", "Next")
    page.go_back()
    page.go_forward()
    assert "Step 2 of" in page.locator("#progress").inner_text()
    page.goto(site.url + "/start/step/concern/")
    assert page.locator('input[name="concern"][value="pigmentation"]').is_checked()


def test_every_request_goes_to_the_sites_own_origin_and_nothing_breaks_the_policy(site, page):
    """Every public page, the whole journey and the printouts load nothing from another host, and the
    Content-Security-Policy blocks nothing the site itself needs."""
    requested, blocked = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    treatments = [f"/treatments/{slug}/" for slug in Option.objects.values_list("slug", flat=True)]
    for path in [*PAGES.values(), *treatments, "/summary/", "/treatments/compare/?concern=wrinkles"]:
        page.goto(site.url + path)
    code = walk_the_journey(Patient(page), site.url)
    page.goto(f"{site.url}/summary/{code}/print/")
    page.goto(
        f"{site.url}/treatments/compare/?concern=acne-scars&jurisdiction=uk"
        + "".join(f"&options={slug}" for slug in FOUR_OPTIONS)
    )
    assert len(requested) > 40
    elsewhere = [url for url in requested if not url.startswith(site.url + "/")]
    assert elsewhere == [], elsewhere
    assert blocked == [], blocked


def test_the_fullest_printout_fits_two_pages_in_chromium(site, page):
    summary_url = save_fullest_summary(Client())
    check_the_printout(Patient(page, axe=True), site.url + summary_url + "print/")


def test_the_encounter_sheet_prints_on_one_page_in_chromium(site, page):
    options = "".join(f"&options={slug}" for slug in FOUR_OPTIONS)
    check_the_printout(
        Patient(page, axe=True),
        f"{site.url}/treatments/compare/?concern=acne-scars&jurisdiction=uk{options}",
        most_pages=1,
    )


@pytest.mark.parametrize(
    "path",
    [
        "/start/",
        "/start/for-adults/",
        "/summary/",
        "/summary/ZZZZ-ZZZZ-ZZZZ/",
        "/treatments/compare/",
        "/treatments/compare/?concern=acne-scars&jurisdiction=uk&options=no-procedure&options=microneedling",
    ],
)
def test_other_journey_pages_have_no_accessibility_violations(site, page, path):
    page.goto(site.url + path)
    assert_no_axe_violations(page)
