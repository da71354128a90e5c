"""Help where the patient lives: how to report a side effect and how to check a practitioner, sourced and dated,
on the options page, the summary, its printout and PDF (issue 16)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse

from decisionaid.content.gate import GateContext, problems_for
from decisionaid.summaries.models import SavedSummary
from decisionaid.summaries.pdf import render_document
from decisionaid.summaries.printout import print_context
from tests.questionnaire.journey import answer_all_steps, decide, save_summary
from tests.questionnaire.test_steps import JourneyTestCase

OPTIONS = reverse("questionnaire:options")


class CountryHelpTests(JourneyTestCase):
    def test_the_options_page_gives_the_help_for_the_patients_country_with_its_sources(self):
        answer_all_steps(self.client, jurisdiction="uk")
        page = self.client.get(OPTIONS).content.decode()
        self.assertIn("Reporting a side effect, and checking who treats you, in United Kingdom", page)
        self.assertIn("Yellow Card scheme", page)
        self.assertNotIn("MedWatch", page)  # another country's help is not shown
        help_part = page.split('id="country-help-heading"')[1]
        self.assertIn('href="#help-src-1"', help_part)
        self.assertIn('id="help-src-1"', help_part)
        self.assertIn("What to report to the Yellow Card scheme", help_part)
        self.assertIn("Checked 2 December 2026.", help_part)

    def test_another_country_gets_general_advice(self):
        answer_all_steps(self.client, jurisdiction="other")
        page = self.client.get(OPTIONS).content.decode()
        self.assertIn("Ask a doctor or pharmacist how to report a side effect where you live.", page)

    def test_the_summary_its_printout_and_pdf_carry_the_help(self):
        answer_all_steps(self.client, jurisdiction="ca")
        decide(self.client)
        summary_url = save_summary(self.client)
        page = self.client.get(summary_url).content.decode()
        self.assertIn("If something goes wrong in Canada", page)
        self.assertIn("Health Canada", page)
        printout = self.client.get(summary_url + "print/").content.decode()
        self.assertIn("Reporting a side effect in Canada:", printout)
        html = render_to_string("summary/print.html", {**print_context(SavedSummary.objects.get()), "for_pdf": True})
        text = "".join(box.text for page in render_document(html).pages for box in _text_boxes(page._page_box))
        self.assertIn("Reporting a side effect in Canada:", text)

    def test_the_gate_needs_the_help_its_date_and_its_sources(self):
        context = GateContext(jurisdictions=(), no_procedure_concerns=frozenset())
        bare = {"slug": "us", "name": "United States", "status": "published"}
        problems = {problem.where for problem in problems_for("jurisdiction", bare, context=context)}
        self.assertLessEqual({"report_side_effect", "check_practitioner", "help_checked_on", "references"}, problems)


def _text_boxes(box):
    if hasattr(box, "text"):
        yield box
    for child in getattr(box, "children", ()):
        yield from _text_boxes(child)
