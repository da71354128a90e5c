"""Form posts are limited to well above the largest legitimate form (settings.DATA_UPLOAD_MAX_MEMORY_SIZE): a
larger one gets the 413 page and nothing is stored, while the fullest form a patient can send still saves."""

from django.urls import reverse

from decisionaid.summaries.models import SavedSummary
from decisionaid.summaries.record import draw
from tests.questionnaire.journey import answer_all_steps, decide
from tests.questionnaire.test_steps import JourneyTestCase

QUESTIONS = reverse("questionnaire:questions")
# The longest own question that costs the most to send: 300 characters of 4 bytes, each byte sent as %XX.
WIDEST_QUESTION = "💉" * 300


class FormSizeTests(JourneyTestCase):
    def setUp(self):
        answer_all_steps(self.client)
        decide(self.client)
        self.page = self.client.get(QUESTIONS)

    def assert_refused_as_too_large(self, response):
        self.assertContains(response, "That form was too large to send", status_code=413)
        self.assertEqual(SavedSummary.objects.count(), 0)
        self.assertIn("decision", self.client.session["journey"])  # the answers so far are kept

    def test_a_post_larger_than_any_form_gets_the_413_page_and_nothing_is_stored(self):
        self.assert_refused_as_too_large(self.client.post(QUESTIONS, {"own_1": "x" * 300_000}))

    def test_a_post_with_more_fields_than_any_form_gets_the_413_page(self):
        self.assert_refused_as_too_large(self.client.post(QUESTIONS, {f"field_{n}": "" for n in range(1_001)}))

    def test_the_fullest_questions_form_still_saves(self):
        every_question = [key for key, _ in self.page.context["form"].fields["chosen"].choices]
        own = {f"own_{number}": WIDEST_QUESTION for number in range(1, 6)}
        response = self.client.post(
            QUESTIONS, {"chosen": every_question, "save_token": self.page.context["save_token"], **own}
        )
        self.assertEqual(response.status_code, 302)
        saved = SavedSummary.objects.get()
        self.assertEqual(saved.record["chosen_questions"], every_question)
        self.assertEqual(draw(saved).export["questions"][-5:], [WIDEST_QUESTION] * 5)
