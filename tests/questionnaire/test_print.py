"""The clinician's printout and PDF: complete, honest about certainty, and at most two pages."""
import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from decisionaid.questionnaire.models import SavedSummary
from decisionaid.questionnaire.pdf import render_document
from decisionaid.questionnaire.summary_views import print_context
from tests.questionnaire.journey import answer_all_steps, decide, save_summary
from tests.questionnaire.test_steps import JourneyTestCase

THREE_OPTIONS = ["no-procedure", "microneedling", "peel-medium"]


class PrintTestCase(JourneyTestCase):
    def setUp(self):
        answer_all_steps(self.client, skin_type="5", isotretinoin="yes", pregnant="unsure")
        self.client.get(reverse("questionnaire:compare"), {"options": THREE_OPTIONS})
        decide(self.client, leaning="microneedling")
        save_summary(self.client, own_1="Can I see photos of people with my skin type that you have treated?")
        self.summary = SavedSummary.objects.get()
        self.code = self.summary.display_code

    def pdf_html(self):
        return render_to_string("summary/print.html", {**print_context(self.summary), "for_pdf": True})


class PrintableSummaryTests(PrintTestCase):
    def test_it_shows_the_considered_options_with_certainty_flags_and_approval(self):
        response = self.client.get(reverse("summary:print", args=[self.code]))
        self.assertContains(response, "The 3 options considered")
        for name in ("Microneedling", "Medium chemical peel", "No procedure"):
            self.assertContains(response, name)
        self.assertContains(response, "How sure we are: low.")
        self.assertContains(response, "Needs an individual assessment:")
        self.assertContains(response, "Check with your clinician:")
        self.assertContains(response, "Approval:")

    def test_it_has_everything_a_colleague_needs(self):
        response = self.client.get(reverse("summary:print", args=[self.code]))
        for text in (self.code, f"content version {self.summary.content_version}", "content last reviewed",
                     "SURE test: 3 out of 4", "Leaning towards:", "Role wanted:", "Top priorities",
                     "Can I see photos of people with my skin type", 'class="answer-lines"', "Sources",
                     "General information only"):
            self.assertContains(response, text)
        self.assertContains(response, "Are you pregnant")  # the health answers that raised flags, by question
        self.assertContains(response, "Have you taken isotretinoin")
        self.assertContains(response, "Also shown to the patient:")

    def test_sources_are_numbered_and_cited(self):
        response = self.client.get(reverse("summary:print", args=[self.code]))
        self.assertContains(response, 'href="#ref-1"')
        self.assertContains(response, 'id="ref-1"')

    def test_deleted_and_expired_summaries_cannot_be_printed_or_downloaded(self):
        SavedSummary.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
        self.assertEqual(self.client.get(reverse("summary:print", args=[self.code])).status_code, 410)
        self.assertEqual(self.client.get(reverse("summary:pdf", args=[self.code])).status_code, 410)
        SavedSummary.objects.all().delete()
        self.assertEqual(self.client.get(reverse("summary:print", args=[self.code])).status_code, 404)
        self.assertEqual(self.client.get(reverse("summary:pdf", args=[self.code])).status_code, 404)


class PdfTests(PrintTestCase):
    def test_the_pdf_downloads_with_the_code_and_date_in_its_name(self):
        response = self.client.get(reverse("summary:pdf", args=[self.code.lower()]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF-"))
        self.assertEqual(response["Content-Disposition"],
                         f'attachment; filename="summary-{self.code}-{self.summary.created_at:%Y-%m-%d}.pdf"')
        self.assertEqual(response["Cache-Control"], "no-store")

    def test_the_pdf_carries_a_title_and_language(self):
        document = render_document(self.pdf_html())
        self.assertIn(self.code, document.metadata.title)
        self.assertEqual(document.metadata.lang, "en")

    def test_three_options_fit_on_two_pages_of_a4_and_of_us_letter(self):
        html = self.pdf_html()
        self.assertLessEqual(len(render_document(html, paper="a4").pages), 2)
        self.assertLessEqual(len(render_document(html, paper="letter").pages), 2)

    def test_every_page_carries_the_version_review_date_and_disclaimer(self):
        document = render_document(self.pdf_html())
        for page in document.pages:
            text = _page_text(page._page_box)
            self.assertIn(f"content version {self.summary.content_version}", text)
            self.assertIn("content last reviewed", text)
            self.assertIn("does not recommend a treatment", text)

    def test_a_letter_pdf_is_offered(self):
        response = self.client.get(reverse("summary:pdf", args=[self.code]) + "?paper=letter")
        self.assertEqual(response.status_code, 200)


def _page_text(box) -> str:
    """All the text laid out on one PDF page (WeasyPrint's box tree)."""
    parts = [getattr(box, "text", "")]
    for child in getattr(box, "children", []) or []:
        parts.append(_page_text(child))
    return " ".join(part for part in parts if part)
