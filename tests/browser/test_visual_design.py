"""The site's own look: a favicon, a phone header in line with the content, errors that mark only their question,
citation links big enough to tap, and printouts that never split a word across two lines."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.questionnaire.journey import answer_all_steps, decide, save_summary

DANGER = "rgb(163, 35, 46)"  # #a3232e, 7.4:1 on white

# Words of two or more letters whose text spans more than one line box, i.e. were broken inside the word.
BROKEN_WORDS_JS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/[A-Za-z]{2,}/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


def test_every_page_names_a_favicon_that_loads_and_the_root_favicon_is_not_missing(site, page):
    page.goto(site.url + "/")
    icons = page.locator("link[rel=icon], link[rel=apple-touch-icon]")
    assert icons.count() == 3
    for href in icons.evaluate_all("links => links.map(link => link.href)"):
        assert page.request.get(href).status == 200, href
    response = page.request.get(site.url + "/favicon.ico")
    assert response.status == 200
    assert response.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")


@pytest.mark.parametrize("path", ["/", "/treatments/", "/start/step/concern/"])
def test_on_a_phone_the_header_lines_up_with_the_content_and_its_links_never_break(site, phone_page, path):
    phone_page.goto(site.url + path)
    brand = phone_page.locator(".site-brand").bounding_box()
    heading = phone_page.locator("main h1").first.bounding_box()
    assert abs(brand["x"] - heading["x"]) <= 1, (brand, heading)
    links = phone_page.get_by_role("navigation", name="Main").get_by_role("link")
    boxes = [links.nth(index).bounding_box() for index in range(links.count())]
    assert len(boxes) == 5
    rows = {round(box["y"]) for box in boxes}
    assert len(rows) <= 2, f"the menu takes {len(rows)} rows on a 390-px phone"
    assert all(box["height"] < 44 for box in boxes), "a menu link wraps onto a second line"
    assert all(box["height"] >= 24 and box["x"] >= 0 and box["x"] + box["width"] <= 390 for box in boxes)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390


def test_on_a_desktop_the_mark_and_the_menu_share_one_row(site, page):
    page.goto(site.url + "/")
    brand = page.locator(".site-brand").bounding_box()
    links = page.get_by_role("navigation", name="Main").get_by_role("link")
    tops = {round(links.nth(index).bounding_box()["y"]) for index in range(links.count())}
    assert len(tops) == 1
    assert links.first.bounding_box()["y"] < brand["y"] + brand["height"]


def test_a_missing_answer_marks_its_question_and_not_every_answer_in_red(site, page):
    page.goto(site.url + "/start/step/concern/")
    page.get_by_role("button", name="Next", exact=True).click()
    page.wait_for_load_state()
    question = page.locator("#div_id_concern")
    assert question.evaluate("el => getComputedStyle(el).borderLeftColor") == DANGER
    assert question.evaluate("el => parseFloat(getComputedStyle(el).borderLeftWidth)") >= 3
    assert page.locator(".invalid-feedback").first.evaluate("el => getComputedStyle(el).color") == DANGER
    radio_borders = question.locator("input[type=radio]").evaluate_all(
        "inputs => inputs.map(input => getComputedStyle(input).borderTopColor)"
    )
    assert radio_borders and DANGER not in radio_borders
    labels = question.locator(".form-check-label").evaluate_all("els => els.map(el => getComputedStyle(el).color)")
    assert DANGER not in labels
    other = page.locator("#div_id_other_concerns")
    assert other.evaluate("el => getComputedStyle(el).borderLeftStyle") == "none"


@pytest.mark.parametrize("viewport", ["phone_page", "page"], ids=["390px phone", "1280px desktop"])
def test_citation_links_are_at_least_24_px_targets(site, request, viewport):
    page = request.getfixturevalue(viewport)
    page.goto(site.url + "/treatments/microneedling/")
    citations = page.locator("a.citation")
    assert citations.count() > 0
    for box in citations.evaluate_all("els => els.map(el => el.getBoundingClientRect().toJSON())"):
        assert box["width"] >= 24 and box["height"] >= 24, box


@pytest.mark.parametrize("viewport", ["phone_page", "page"], ids=["390px phone", "1280px desktop"])
def test_the_printable_summary_breaks_no_word_on_screen_or_in_print(site, client, request, viewport):
    answer_all_steps(client, skin_type="5", isotretinoin="yes", pregnant="unsure")
    client.get(reverse("questionnaire:compare"), {"options": ["no-procedure", "microneedling", "peel-medium"]})
    decide(client, leaning="microneedling")
    summary = save_summary(client)
    page = request.getfixturevalue(viewport)
    page.goto(site.url + summary + "print/")
    assert page.evaluate(BROKEN_WORDS_JS) == []
    page.emulate_media(media="print")
    assert page.evaluate(BROKEN_WORDS_JS) == []
