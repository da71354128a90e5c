"""One summary per journey, however many times "Save my summary" is sent: each journey's save key (a hidden
field, kept in the session) is unique among saved summaries. A page from another journey, or a changed key,
saves nothing and says why. (test_concurrency.py sends the same save at the same moment on PostgreSQL.)"""

from django.urls import reverse

from decisionaid.questionnaire.steps import SESSION_KEY
from decisionaid.summaries.models import SavedSummary
from decisionaid.summaries.record import draw
from tests.questionnaire.journey import answer_all_steps, decide, save_summary
from tests.questionnaire.test_steps import JourneyTestCase

QUESTIONS = reverse("questionnaire:questions")
OUT_OF_DATE = "This page was out of date, so nothing was saved."


class SaveOnceTests(JourneyTestCase):
    def setUp(self):
        answer_all_steps(self.client)
        decide(self.client)
        self.page = self.client.get(QUESTIONS)

    def form(self, **fields) -> dict:
        return {
            "chosen": self.page.context["form"].initial["chosen"],
            "save_token": self.page.context["save_token"],
            **fields,
        }

    def test_the_page_sends_the_journeys_save_key_in_a_hidden_field(self):
        token = self.client.session[SESSION_KEY]["save_token"]
        self.assertGreaterEqual(len(token), 32)
        self.assertContains(self.page, f'<input type="hidden" name="save_token" value="{token}">', html=True)

    def test_a_second_save_with_the_same_key_shows_the_first_summary_instead_of_making_another(self):
        journey = self.client.session[SESSION_KEY]  # the session as a second click, sent at once, still reads it
        first = self.client.post(QUESTIONS, self.form())
        session = self.client.session
        session[SESSION_KEY] = journey
        session.save()
        second = self.client.post(QUESTIONS, self.form(own_1="Sent with the second click?"))
        self.assertEqual(SavedSummary.objects.count(), 1)
        self.assertRedirects(second, first["Location"], fetch_redirect_response=False)
        self.assertNotIn("Sent with the second click?", draw(SavedSummary.objects.get()).export["questions"])

    def test_a_changed_key_saves_nothing_and_says_why(self):
        for forged in ("forged", "", "\u00e9" * 32, self.page.context["save_token"] + "x"):
            response = self.client.post(QUESTIONS, self.form(save_token=forged, own_1="Kept on the page?"))
            self.assertContains(response, OUT_OF_DATE, count=1)  # in the page's error summary
            self.assertContains(response, "Kept on the page?")
            self.assertEqual(SavedSummary.objects.count(), 0)
        # The page shown with the message carries the journey's own key, so pressing Save again saves.
        self.assertContains(response, f'value="{self.page.context["save_token"]}"')
        self.assertEqual(self.client.post(QUESTIONS, self.form()).status_code, 302)

    def test_a_page_from_an_earlier_journey_saves_nothing_for_the_new_one(self):
        earlier = self.form()
        self.client.post(QUESTIONS, earlier)
        answer_all_steps(self.client, concern="wrinkles")
        decide(self.client)
        self.client.get(QUESTIONS)
        response = self.client.post(QUESTIONS, earlier)
        self.assertContains(response, OUT_OF_DATE)
        self.assertEqual(SavedSummary.objects.count(), 1)
        save_summary(self.client)
        self.assertEqual(SavedSummary.objects.count(), 2)
