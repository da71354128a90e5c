"""The questionnaire: one topic per step, Back that keeps answers, review, order, tampering, adults only."""

from django.test import TestCase
from django.urls import reverse

from decisionaid.questionnaire.steps import STEPS
from tests.questionnaire.journey import answer_all_steps, step_data


def step_url(slug):
    return reverse("questionnaire:step", args=[slug])


class JourneyTestCase(TestCase):
    """A patient's journey over the shipped content pack (loaded once per test database)."""


class StepTests(JourneyTestCase):
    def test_the_start_page_says_what_is_stored_and_for_how_long(self):
        response = self.client.get(reverse("questionnaire:start"))
        self.assertContains(response, "90 days")
        self.assertContains(response, "for adults")

    def test_each_step_shows_its_progress_and_labelled_questions(self):
        response = self.client.get(step_url("concern"))
        self.assertContains(response, f"Step 1 of {len(STEPS)}")
        self.assertContains(response, "<legend", count=2)
        self.assertContains(response, "Acne scars")

    def test_the_health_screen_asks_every_item_with_yes_no_and_not_sure(self):
        data = step_data()
        for step in STEPS[:4]:
            self.client.post(step_url(step.slug), data[step.slug])
        asked = 0
        for step in STEPS[4:7]:
            response = self.client.get(step_url(step.slug))
            self.assertEqual(response.status_code, 200)
            asked += response.content.decode().count('value="unsure"')
            self.client.post(step_url(step.slug), data[step.slug])
        self.assertEqual(asked, 16)

    def test_a_valid_answer_moves_to_the_next_step(self):
        response = self.client.post(step_url("concern"), {"concern": "wrinkles"})
        self.assertRedirects(response, step_url("goals"))

    def test_back_returns_to_the_previous_step_with_its_answers_kept(self):
        self.client.post(step_url("concern"), {"concern": "pigmentation", "other_concerns": ["texture"]})
        response = self.client.post(step_url("goals"), {"result": "subtle", "go": "back"})
        self.assertRedirects(response, step_url("concern"))
        page = self.client.get(step_url("concern")).content.decode()
        self.assertRegex(page, r'value="pigmentation"\s+id="id_concern_\d+" required checked')
        self.assertRegex(page, r'value="texture"\s+id="id_other_concerns_\d+" checked')

    def test_back_saves_a_completed_step_before_leaving_it(self):
        self.client.post(step_url("concern"), {"concern": "wrinkles"})
        self.client.post(step_url("goals"), {"result": "subtle", "timing": "weeks", "duration": "years", "go": "back"})
        self.assertEqual(self.client.session["journey"]["answers"]["goals"]["timing"], "weeks")

    def test_opening_a_later_step_first_redirects_to_the_first_unfinished_one(self):
        self.client.post(step_url("concern"), {"concern": "wrinkles"})
        self.assertRedirects(self.client.get(step_url("limits")), step_url("goals"))
        self.assertRedirects(self.client.get(reverse("questionnaire:options")), step_url("goals"))

    def test_an_unknown_slug_is_a_form_error_and_nothing_is_stored(self):
        response = self.client.post(step_url("concern"), {"concern": "vampire-facial"})
        self.assertContains(response, "Please check your answers")
        self.assertContains(response, "Select a valid choice")
        self.assertNotIn("journey", self.client.session)

    def test_an_out_of_range_importance_is_a_form_error(self):
        answer_all_steps(self.client)
        response = self.client.post(step_url("values"), {**step_data()["values"], "cost": "9"})
        self.assertContains(response, "Select a valid choice")
        self.assertEqual(self.client.session["journey"]["answers"]["values"]["cost"], "2")

    def test_a_missing_field_is_a_form_error(self):
        response = self.client.post(step_url("goals"), {})
        self.assertRedirects(response, step_url("concern"))  # nothing before it answered yet
        self.client.post(step_url("concern"), {"concern": "wrinkles"})
        response = self.client.post(step_url("goals"), {"result": "subtle"})
        self.assertContains(response, "This field is required")

    def test_an_unknown_step_is_a_404(self):
        self.assertEqual(self.client.get(step_url("step-99")).status_code, 404)

    def test_wrong_methods_are_refused(self):
        self.assertEqual(self.client.put(step_url("concern")).status_code, 405)
        self.assertEqual(self.client.post(reverse("questionnaire:options")).status_code, 405)


class ReviewTests(JourneyTestCase):
    def test_the_review_lists_answers_in_words_with_a_change_link_per_step(self):
        answer_all_steps(self.client)
        response = self.client.get(reverse("questionnaire:review"))
        self.assertContains(response, "Acne scars")
        self.assertContains(response, "Up to a week")
        for step in STEPS:
            self.assertContains(response, f"{step_url(step.slug)}?return=review")

    def test_changing_an_answer_from_the_review_returns_to_the_review(self):
        answer_all_steps(self.client)
        response = self.client.post(step_url("country") + "?return=review", {"jurisdiction": "uk"})
        self.assertRedirects(response, reverse("questionnaire:review"))
        self.assertContains(self.client.get(reverse("questionnaire:review")), "United Kingdom")

    def test_the_last_step_leads_to_the_review(self):
        answer_all_steps(self.client)
        response = self.client.post(step_url("values"), step_data()["values"])
        self.assertRedirects(response, reverse("questionnaire:review"))


class AdultsOnlyTests(JourneyTestCase):
    def test_someone_under_18_is_told_the_tool_is_for_adults_and_pointed_to_the_treatment_pages(self):
        data = step_data(age_band="under-18")
        for step in STEPS[:2]:
            self.client.post(step_url(step.slug), data[step.slug])
        response = self.client.post(step_url("about-you"), data["about-you"], follow=True)
        self.assertContains(response, "This tool is for adults")
        self.assertContains(response, reverse("pages:treatment_list"))
        self.assertRedirects(self.client.get(step_url("country")), reverse("questionnaire:adults_only"))
        self.assertRedirects(self.client.get(reverse("questionnaire:options")), reverse("questionnaire:adults_only"))


class SessionTests(JourneyTestCase):
    def test_answers_live_only_in_the_server_session(self):
        answer_all_steps(self.client)
        cookie = self.client.cookies["sessionid"].value
        self.assertNotIn("acne", cookie)
        self.assertEqual(self.client.session["journey"]["answers"]["concern"]["concern"], "acne-scars")

    def test_an_expired_session_starts_the_questions_again_without_an_error(self):
        answer_all_steps(self.client)
        self.client.cookies["sessionid"] = "expired-or-unknown"
        self.assertRedirects(self.client.get(reverse("questionnaire:options")), step_url("concern"))

    def test_start_again_clears_the_answers(self):
        answer_all_steps(self.client)
        self.client.post(reverse("questionnaire:start_again"))
        self.assertNotIn("journey", self.client.session)

    def test_journey_pages_are_not_cached_or_indexed(self):
        response = self.client.get(step_url("concern"))
        self.assertEqual(response["Cache-Control"], "no-store")
        self.assertIn("noindex", response["X-Robots-Tag"])
        self.assertEqual(response["Referrer-Policy"], "same-origin")  # forms: no-referrer would break CSRF
