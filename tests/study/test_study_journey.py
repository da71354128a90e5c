"""The opt-in study mode (issue 17), walked as a patient would, with the shipped content pack."""

from unittest import mock

from django.db import DatabaseError
from django.urls import reverse

from decisionaid.content.catalogue import current_catalogue
from decisionaid.study.models import FunnelCount, StudyResponse
from tests.questionnaire.journey import DECISION, answer_all_steps, decide, save_summary
from tests.questionnaire.test_steps import JourneyTestCase

OPTIONS, BEFORE, AFTER = reverse("questionnaire:options"), reverse("study:before"), reverse("study:after")
SURE_ALL_NO = {f"sure_{key}": "no" for key in ("sure", "understand", "risk_benefit", "encouragement")}


def knowledge_answers(concern="acne-scars", *, right: bool) -> dict:
    items = current_catalogue().knowledge_for(concern)
    return {item.slug: ("true" if item.is_true == right else "false") for item in items}


class StudyJourneyTests(JourneyTestCase):
    def opt_in_and_answer(self):
        self.client.post(reverse("study:opt_in"))
        answer_all_steps(self.client)

    def test_the_study_is_off_unless_chosen_and_the_journey_is_the_same_without_it(self):
        page = self.client.get(reverse("questionnaire:start"))
        self.assertContains(page, "Would you like to help improve this tool? (optional)")
        self.assertContains(page, "Nothing identifies you.")
        answer_all_steps(self.client)
        self.assertEqual(self.client.get(OPTIONS).status_code, 200)  # no extra questions on the way
        decide(self.client)
        save_summary(self.client)
        self.assertFalse(StudyResponse.objects.exists())

    def test_an_opted_in_patient_answers_before_and_after_and_sees_why(self):
        self.opt_in_and_answer()
        self.assertRedirects(self.client.get(OPTIONS), BEFORE)
        before = self.client.get(BEFORE)
        for item in current_catalogue().knowledge_for("acne-scars"):
            self.assertContains(before, item.statement)
        self.assertContains(before, "Do you feel SURE about the best choice for you?")  # SURE, word for word
        self.assertRedirects(
            self.client.post(BEFORE, {**knowledge_answers(right=False), **SURE_ALL_NO}), OPTIONS, target_status_code=200
        )
        self.assertEqual(self.client.get(OPTIONS).status_code, 200)
        self.assertRedirects(self.client.post(reverse("questionnaire:decision"), DECISION), AFTER)
        response = self.client.post(AFTER, knowledge_answers(right=True))
        self.assertRedirects(response, reverse("study:answers"))

        row = StudyResponse.objects.get()
        self.assertEqual((row.concern, row.jurisdiction), ("acne-scars", "us"))
        self.assertEqual((row.knowledge_asked, row.knowledge_right_before, row.knowledge_right_after), (4, 0, 4))
        self.assertEqual((row.sure_before, row.sure_after), (0, 3))  # the decision step's SURE is the "after"
        answers = self.client.get(reverse("study:answers"))
        self.assertContains(answers, "The answers, and why")
        for item in current_catalogue().knowledge_for("acne-scars"):
            self.assertContains(answers, item.explanation)
        self.assertContains(answers, "This is false.")
        self.assertContains(answers, "You said: True.")
        save_summary(self.client)  # and the journey carries on to its summary as before
        self.assertEqual(StudyResponse.objects.count(), 1)

    def test_tampered_or_missing_study_answers_are_form_errors(self):
        self.opt_in_and_answer()
        tampered = {**knowledge_answers(right=True), **SURE_ALL_NO}
        tampered[next(iter(tampered))] = "maybe"
        response = self.client.post(BEFORE, tampered)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Select a valid choice", status_code=400)
        self.assertEqual(self.client.post(BEFORE, {}).status_code, 400)
        self.assertRedirects(self.client.get(OPTIONS), BEFORE)  # nothing was stored

    def test_opting_out_half_way_keeps_the_journey_and_writes_nothing(self):
        self.opt_in_and_answer()
        self.client.post(BEFORE, {**knowledge_answers(right=False), **SURE_ALL_NO})
        response = self.client.post(reverse("study:opt_out"))
        self.assertRedirects(response, OPTIONS, fetch_redirect_response=False)
        self.assertContains(self.client.get(OPTIONS), "You have stopped the extra questions.")  # said once
        self.assertNotContains(self.client.get(OPTIONS), "You have stopped the extra questions.")
        decide(self.client)  # straight on to the questions: no "after" check
        self.assertEqual(self.client.get(AFTER).status_code, 302)
        save_summary(self.client)
        self.assertFalse(StudyResponse.objects.exists())
        self.assertFalse(self.client.session.get("journey", {}).get("study"))

    def test_a_failed_study_write_never_stops_the_journey_and_logs_no_answers(self):
        self.opt_in_and_answer()
        self.client.post(BEFORE, {**knowledge_answers(right=False), **SURE_ALL_NO})
        decide(self.client)
        with (
            mock.patch.object(StudyResponse.objects, "create", side_effect=DatabaseError("the answers: true, false")),
            self.assertLogs("decisionaid.study.recording", "ERROR") as logs,
        ):
            response = self.client.post(AFTER, knowledge_answers(right=True))
        self.assertRedirects(response, reverse("study:answers"))
        self.assertEqual(
            logs.output,
            ["ERROR:decisionaid.study.recording:Could not write a study row (DatabaseError); the journey goes on"],
        )
        save_summary(self.client)

    def test_the_journey_is_counted_once_per_step_with_nothing_that_links(self):
        answer_all_steps(self.client)
        for _ in range(3):
            self.client.get(OPTIONS)
        self.client.get(reverse("questionnaire:compare"), {"options": ["microneedling", "prp-microneedling"]})
        decide(self.client)
        summary = save_summary(self.client)
        self.client.get(summary + "print/")
        self.client.get(summary + "print/")
        counts = dict(FunnelCount.objects.values_list("event", "count"))
        self.assertEqual(counts, {"started": 1, "options": 1, "compared": 1, "decided": 1, "saved": 1, "printed": 2})
        self.assertEqual(
            {field.name for field in FunnelCount._meta.get_fields()}, {"id", "day", "event", "is_synthetic", "count"}
        )
