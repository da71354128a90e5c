"""The clinician's printout and PDF: complete, honest about certainty, and at most two pages."""

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from decisionaid.content.catalogue import ReferenceFacts
from decisionaid.summaries.citations import citation_text
from decisionaid.summaries.models import SavedSummary
from decisionaid.summaries.pdf import render_document
from decisionaid.summaries.printout import numbered_once, print_context
from decisionaid.summaries.record import draw
from tests.questionnaire.journey import LONG_QUESTION, answer_all_steps, decide, save_fullest_summary, save_summary
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
        # How well it works, in the same certainty-linked words as every other page.
        self.assertContains(response, "<strong>It may help acne scars, but we are not sure.</strong>")
        self.assertContains(response, "<strong>We are very unsure whether it helps acne scars.</strong>")
        self.assertContains(response, "Approval in United States")
        self.assertContains(response, "(checked ")
        # Where to report a side effect and how to check a practitioner, for the patient's country.
        self.assertContains(response, "Reporting a side effect in United States:")
        self.assertContains(response, "MedWatch")

    def test_personal_flags_are_one_row_per_health_answer_and_one_column_per_option(self):
        response = self.client.get(reverse("summary:print", args=[self.code]))
        rows = {row.label: [cell.label for cell in row.cells] for row in response.context["flag_rows"]}
        # Columns follow the options considered: no procedure, microneedling, medium peel.
        self.assertEqual(rows["Pregnant, trying or breastfeeding"], ["—", "Check", "Check"])
        self.assertEqual(rows["Isotretinoin in the last 12 months"], ["—", "Assess", "Assess"])
        self.assertEqual(rows["Skin type"], ["—", "Assess", "Assess"])
        self.assertContains(response, "Pregnant, trying or breastfeeding: <strong>not sure</strong>", html=False)
        self.assertContains(response, 'class="flag-cell flag-check"')  # levels also differ in type style

    def test_an_answer_that_matters_for_none_of_the_options_is_listed_in_one_line(self):
        self.client.logout()
        answer_all_steps(self.client, **{"filler": "yes"})
        self.client.get(reverse("questionnaire:compare"), {"options": ["no-procedure", "tretinoin"]})
        decide(self.client)
        summary_url = save_summary(self.client)
        response = self.client.get(summary_url + "print/")
        self.assertEqual(response.context["flag_rows"], [])
        self.assertContains(response, "No personal flags for these options.")
        self.assertContains(response, "Dermal filler in the area: <strong>yes</strong>")

    def test_it_has_everything_a_colleague_needs(self):
        response = self.client.get(reverse("summary:print", args=[self.code]))
        for text in (
            self.code,
            f"content release {self.summary.release_number} of",
            "not yet reviewed by an independent clinician",
            "SURE test: 3 out of 4",
            "Leaning towards:",
            "Role wanted:",
            "Top priorities",
            "Can I see photos of people with my skin type",
            'class="answer-lines"',
            "Sources",
            "General facts only",
        ):
            self.assertContains(response, text)
        self.assertContains(response, "Pregnant, trying or breastfeeding")  # the answers that raised flags
        self.assertContains(response, "Isotretinoin in the last 12 months")
        self.assertContains(response, "The patient was also shown 11 other options")
        self.assertContains(response, "Sure of myself: <strong>No</strong>")

    def test_points_from_common_knowledge_share_one_source_number(self):
        # Every point resting on common knowledge reads the same in print, so the printout lists it once.
        unsourced = [
            ReferenceFacts("K-a", "", "Cautions before peels", "", None, "", "", "", "other", "commonly-known", None),
            ReferenceFacts("K-b", "", "Cautions before lasers", "", None, "", "", "", "other", "commonly-known", None),
        ]
        cited = [{"key": ref.key, "text": citation_text(ref, short=True)} for ref in unsourced]
        texts, numbers = numbered_once([*cited, {"key": "R1", "text": "Smith A. 2020. PMID 1"}])
        self.assertEqual(texts, [cited[0]["text"], "Smith A. 2020. PMID 1"])
        self.assertEqual(numbers, {"K-a": 1, "K-b": 1, "R1": 2})
        self.assertTrue(texts[0].startswith("No published source found"))

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
        self.assertEqual(
            response["Content-Disposition"],
            f'attachment; filename="summary-{self.code}-{self.summary.created_at:%Y-%m-%d}.pdf"',
        )
        self.assertEqual(response["Cache-Control"], "no-store")

    def test_the_pdf_carries_a_title_and_language(self):
        document = render_document(self.pdf_html())
        self.assertIn(self.code, document.metadata.title)
        self.assertEqual(document.metadata.lang, "en")

    def test_three_options_fit_on_two_pages_of_a4_and_of_us_letter(self):
        html = self.pdf_html()
        self.assertLessEqual(len(render_document(html, paper="a4").pages), 2)
        self.assertLessEqual(len(render_document(html, paper="letter").pages), 2)

    def test_every_page_carries_the_release_its_review_state_and_disclaimer(self):
        document = render_document(self.pdf_html())
        for page in document.pages:
            text = _page_text(page._page_box)
            self.assertIn(f"Content release {self.summary.release_number} of", text)
            self.assertIn("not yet reviewed by an independent clinician", text)
            self.assertIn("does not choose a treatment for you", text)

    def test_a_letter_pdf_is_offered(self):
        response = self.client.get(reverse("summary:pdf", args=[self.code]) + "?paper=letter")
        self.assertEqual(response.status_code, 200)


def _page_text(box) -> str:
    """All the text laid out on one PDF page (WeasyPrint's box tree)."""
    parts = [getattr(box, "text", "")]
    for child in getattr(box, "children", []) or []:
        parts.append(_page_text(child))
    return " ".join(part for part in parts if part)


class OlderRecordTests(PrintTestCase):
    def test_a_summary_saved_with_its_words_is_turned_into_answers_that_draw_the_same_summary(self):
        from importlib import import_module

        from decisionaid.questionnaire.steps import STEPS

        migration = import_module("decisionaid.questionnaire.migrations.0004_summary_record_format_2")
        drawn = draw(self.summary)
        format_1 = {"export": drawn.export, "shown": drawn.shown}  # what summaries stored before
        converted = migration._as_format_2(format_1, STEPS)
        SavedSummary.objects.filter(pk=self.summary.pk).update(record=converted)
        self.summary.refresh_from_db()
        self.assertEqual(draw(self.summary).export, drawn.export)
        self.assertEqual(draw(self.summary).shown, drawn.shown)


class WorstCaseTests(JourneyTestCase):
    """Every health answer "not sure", the three options with the most flags and five long questions of the
    patient's own: still two pages on A4 and on US Letter."""

    def test_the_fullest_summary_still_fits_on_two_pages(self):
        save_fullest_summary(self.client)
        summary = SavedSummary.objects.get()
        html = render_to_string("summary/print.html", {**print_context(summary), "for_pdf": True})
        self.assertEqual(html.count(LONG_QUESTION), 5)
        self.assertLessEqual(len(render_document(html, paper="a4").pages), 2)
        self.assertLessEqual(len(render_document(html, paper="letter").pages), 2)


class LongWordTests(JourneyTestCase):
    def test_a_question_that_is_one_long_word_wraps_inside_the_page(self):
        word = "W" * 299
        answer_all_steps(self.client)
        self.client.get(reverse("questionnaire:compare"), {"options": THREE_OPTIONS})
        decide(self.client)
        save_summary(self.client, own_1=word, own_2="https://example.com/" + "x" * 279)
        html = render_to_string("summary/print.html", {**print_context(SavedSummary.objects.get()), "for_pdf": True})
        self.assertIn(word, html)
        for paper in ("a4", "letter"):
            document = render_document(html, paper=paper)
            self.assertLessEqual(len(document.pages), 2)
            for page in document.pages:
                self.assertLessEqual(_right_edge(page._page_box), page.width)


def _right_edge(box) -> float:
    """Where the rightmost text laid out in a box ends."""
    edges = [box.position_x + box.width] if getattr(box, "text", None) else []
    edges += [_right_edge(child) for child in getattr(box, "children", []) or []]
    return max(edges, default=0)
