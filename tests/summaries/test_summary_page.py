"""The saved summary page speaks to the patient, gives every date one way, and prints as the clinician's layout."""

import re
from collections import Counter

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags

from decisionaid.summaries.printout import print_context
from tests.summaries.test_print import PrintTestCase

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SHORT_MONTH_DATE = re.compile(r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec) \d{4}\b")
FULL_DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")


def shown_text(html: str) -> str:
    """The words a page shows (and its page footer), without tags or the addresses in its links."""
    return strip_tags(re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S))


class SummaryPageWordingTests(PrintTestCase):
    def test_the_summary_page_speaks_to_the_patient(self):
        response = self.client.get(reverse("summary:detail", args=[self.code]))
        screen = response.content.decode().split('class="summary-print"')[0]
        for text in ("Downtime you can take", "The role you want", "Where you are in the decision"):
            self.assertIn(text, screen)
        for text in ("they can take", "Role they want", "Where they are"):
            self.assertNotIn(text, screen)


class OneDateFormatTests(PrintTestCase):
    def assert_one_date_format(self, html: str) -> None:
        text = shown_text(html)
        self.assertEqual(ISO_DATE.findall(text), [])
        self.assertEqual(SHORT_MONTH_DATE.findall(text), [])
        self.assertTrue(FULL_DATE.search(text))

    def test_the_summary_page_printout_and_pdf_give_dates_as_2_december_2026(self):
        detail = self.client.get(reverse("summary:detail", args=[self.code])).content.decode()
        printout = self.client.get(reverse("summary:print", args=[self.code])).content.decode()
        pdf_html = render_to_string("summary/print.html", {**print_context(self.summary), "for_pdf": True})
        for html in (detail, printout, pdf_html):
            self.assert_one_date_format(html)
        # The approval's "checked" date, in the printout as on the summary page.
        self.assertRegex(shown_text(printout), rf"\(checked \d{{1,2}} (?:{MONTHS}) \d{{4}}\)")
        self.assertIn(f"saved {self.summary.created_at:%-d %B %Y}", shown_text(printout))


class PrintingTheSummaryPageTests(PrintTestCase):
    def test_the_page_holds_the_clinicians_layout_for_print_with_its_stylesheets(self):
        response = self.client.get(reverse("summary:detail", args=[self.code]))
        html = response.content.decode()
        screen, printed = html.split('<div class="summary-print">')
        self.assertIn("<h1>Your summary</h1>", screen)
        for heading in (
            "Patient summary: choosing a skin treatment",
            "The 3 options considered",
        ):
            self.assertIn(heading, printed)
            self.assertNotIn(heading, screen)
        self.assertIn('href="/static/css/summary.css"', html)
        self.assertRegex(html, r'<link rel="stylesheet" href="/static/css/print.css" media="print">')
        self.assertIn("@bottom-left", html)  # the printout's page footer
        self.assertEqual(response.context["print_reference_numbers"], print_context(self.summary)["reference_numbers"])

    def test_the_page_has_no_duplicate_ids(self):
        html = self.client.get(reverse("summary:detail", args=[self.code])).content.decode()
        ids = Counter(re.findall(r'\sid="([^"]+)"', html))
        self.assertEqual([key for key, count in ids.items() if count > 1], [])
        self.assertIn('id="print-ref-1"', html)

    def test_the_printable_page_is_the_same_layout(self):
        detail = self.client.get(reverse("summary:detail", args=[self.code])).content.decode()
        printout = self.client.get(reverse("summary:print", args=[self.code])).content.decode()
        printed = detail.split('<div class="summary-print">')[1]
        for heading in re.findall(r"<h2[^>]*>(.*?)</h2>", printout):
            self.assertIn(heading, printed)
