"""The encounter sheet: a one-page, non-personal comparison to print for a consultation."""

from django.urls import reverse

from decisionaid.summaries.pdf import render_document
from tests.questionnaire.test_steps import JourneyTestCase

SHEET = reverse("pages:encounter_sheet")
FOUR = ["no-procedure", "microneedling", "peel-medium", "laser-ablative-fractional"]


class EncounterSheetTests(JourneyTestCase):
    def get_sheet(self, options=FOUR, concern="acne-scars"):
        return self.client.get(SHEET, {"concern": concern, "jurisdiction": "uk", "options": options})

    def test_the_form_offers_concerns_places_and_options(self):
        response = self.client.get(SHEET, {"concern": "wrinkles"})
        self.assertContains(response, "Pick 2 to 4 options")
        self.assertEqual(response.context["form"].initial["concern"], "wrinkles")

    def test_the_sheet_has_a_column_per_option_in_editorial_order(self):
        response = self.get_sheet(options=list(reversed(FOUR)))
        names = [m.option.slug for m in response.context["matches"]]
        self.assertEqual(names, FOUR)
        self.assertContains(response, "Comparing options for: Acne scars")
        self.assertContains(response, "Approved in United Kingdom?")

    def test_it_carries_no_personal_details_or_flags(self):
        self.client.post(reverse("questionnaire:step", args=["concern"]), {"concern": "acne-scars"})
        response = self.get_sheet()
        self.assertTrue(all(match.flags == () for match in response.context["matches"]))
        self.assertNotContains(response, "From your answers")
        self.assertNotContains(response, "Acne scars (pitted or dented); also")

    def test_an_option_without_evidence_for_the_concern_shows_as_not_studied(self):
        response = self.get_sheet(options=["no-procedure", "ipl"], concern="acne-scars")
        self.assertContains(response, "It has not been studied for acne scars.")

    def test_it_prints_on_one_page_of_a4_and_of_letter(self):
        # The page's own stylesheet link is not fetched; render_document applies the same print stylesheet.
        html = self.get_sheet().content.decode()
        self.assertEqual(len(render_document(html, paper="a4").pages), 1)
        self.assertEqual(len(render_document(html, paper="letter").pages), 1)

    def test_the_wrong_number_of_options_or_an_unknown_one_is_a_400_with_a_message(self):
        self.assertContains(self.get_sheet(options=["microneedling"]), "Pick between 2 and 4 options", status_code=400)
        self.assertContains(self.get_sheet(options=FOUR + ["ipl"]), "Pick between 2 and 4 options", status_code=400)
        self.assertContains(
            self.get_sheet(options=["microneedling", "vampire"]), "Select a valid choice", status_code=400
        )
