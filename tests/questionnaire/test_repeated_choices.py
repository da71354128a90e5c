"""A tick box sent twice is a tampered form: every multiple-choice field refuses it with a message, and nothing
is stored (one saved summary once listed 303 "other concerns"; comparing one option twice passed "pick 2 to 4")."""

from django.urls import reverse

from decisionaid.summaries.models import SavedSummary
from tests.questionnaire.journey import answer_all_steps, decide
from tests.questionnaire.test_steps import JourneyTestCase

REPEATED = "more than once. Please tick each choice only once."


class RepeatedChoiceTests(JourneyTestCase):
    def test_another_concern_ticked_twice_is_a_form_error_and_nothing_is_stored(self):
        response = self.client.post(
            reverse("questionnaire:step", args=["concern"]),
            {"concern": "acne-scars", "other_concerns": ["texture"] * 303},
        )
        self.assertContains(response, "Please check your answers")
        self.assertContains(response, "You ticked “Rough texture and large pores” more than once")
        self.assertContains(response, REPEATED)
        self.assertNotIn("journey", self.client.session)

    def test_comparing_the_same_option_twice_is_refused_not_counted_as_two(self):
        answer_all_steps(self.client)
        for picked in (["microneedling", "microneedling"], ["microneedling", "microneedling", "no-procedure"]):
            response = self.client.get(reverse("questionnaire:compare"), {"options": picked})
            self.assertContains(response, REPEATED, status_code=400)
            self.assertEqual(response.context["picked"], [])
        self.assertNotIn("compared", self.client.session["journey"])

    def test_a_question_ticked_twice_is_a_form_error_and_no_summary_is_saved(self):
        answer_all_steps(self.client)
        decide(self.client)
        offered = self.client.get(reverse("questionnaire:questions")).context["form"].fields["chosen"].choices
        key = offered[0][0]
        response = self.client.post(reverse("questionnaire:questions"), {"chosen": [key, key]})
        self.assertContains(response, "Please check your answers")
        self.assertContains(response, REPEATED)
        self.assertEqual(SavedSummary.objects.count(), 0)

    def test_the_encounter_sheet_refuses_an_option_picked_twice(self):
        picked = ["microneedling", "microneedling", "no-procedure"]
        response = self.client.get(
            reverse("pages:encounter_sheet"), {"concern": "acne-scars", "jurisdiction": "us", "options": picked}
        )
        self.assertContains(response, REPEATED, status_code=400)
