"""Study rows cannot be linked to anyone, the dashboard suppresses small groups, and the synthetic cohort is
labelled, kept apart and deletable (issue 17)."""

import csv
import datetime
import io

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone

from decisionaid.content.signals import REVIEWER_GROUP
from decisionaid.study.models import FunnelCount, StudyResponse
from decisionaid.summaries.models import SavedSummary
from tests.questionnaire.test_steps import JourneyTestCase

DASHBOARD = reverse("admin:study_studyresponse_changelist")
CSV = reverse("admin:study_studyresponse_csv")


def study_row(**fields) -> StudyResponse:
    values = {
        "month": timezone.localdate().replace(day=1),
        "concern": "acne-scars",
        "jurisdiction": "us",
        "knowledge_asked": 4,
        "knowledge_right_before": 1,
        "knowledge_right_after": 3,
        "sure_before": 2,
        "sure_after": 4,
        "values_agree": True,
    }
    return StudyResponse.objects.create(**{**values, **fields})


class NothingLinksTests(JourneyTestCase):
    def test_a_study_row_holds_no_code_session_address_time_or_order(self):
        fields = {field.name: field for field in StudyResponse._meta.get_fields()}
        self.assertEqual(
            set(fields),
            {
                "id",
                "month",
                "concern",
                "jurisdiction",
                "knowledge_asked",
                "knowledge_right_before",
                "knowledge_right_after",
                "knowledge_answers",
                "sure_before",
                "sure_after",
                "values_agree",
                "is_synthetic",
            },
        )
        self.assertFalse([f for f in fields.values() if f.is_relation])  # no key to a summary, session or release
        self.assertFalse([f for f in fields.values() if isinstance(f, models.DateTimeField)])  # a month, no time
        self.assertIsInstance(fields["id"], models.UUIDField)  # random: no order of writing to match up

    def test_after_the_study_the_session_holds_nothing_that_points_to_the_row(self):
        from tests.study.test_study_journey import SURE_ALL_NO, knowledge_answers

        self.client.post(reverse("study:opt_in"))
        from tests.questionnaire.journey import answer_all_steps, decide, save_summary

        answer_all_steps(self.client)
        self.client.post(reverse("study:before"), {**knowledge_answers(right=False), **SURE_ALL_NO})
        decide(self.client)
        self.client.post(reverse("study:after"), knowledge_answers(right=True))
        row = StudyResponse.objects.get()
        session_text = str(dict(self.client.session))
        self.assertNotIn(str(row.pk), session_text)
        self.assertNotIn(row.pk.hex, session_text)
        save_summary(self.client)
        summary = SavedSummary.objects.get()
        self.assertNotIn(str(row.pk), str(summary.record))
        self.assertEqual(row.month, timezone.localdate().replace(day=1))  # not even the day


class DashboardTests(JourneyTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviewer = User.objects.create_user("rita", password="a-long-test-password", is_staff=True)
        cls.reviewer.groups.add(Group.objects.get(name=REVIEWER_GROUP))

    def setUp(self):
        self.client.force_login(self.reviewer)

    def test_groups_under_ten_people_are_not_shown_or_exported(self):
        for _ in range(12):
            study_row()
        for _ in range(3):
            study_row(concern="wrinkles", jurisdiction="uk")
        page = self.client.get(DASHBOARD)
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "Evaluation dashboard")
        self.assertContains(page, '<svg class="study-chart" role="img"', count=3)
        self.assertContains(page, "25.0 (25.0 to 25.0)")  # acne scars: 1 of 4 right before, for all 12
        self.assertContains(page, "fewer than 10: not shown")  # wrinkles: 3 people
        rows = list(csv.reader(io.StringIO(self.client.get(CSV).content.decode())))
        by_group = {(row[0], row[1]): row for row in rows if len(row) > 2}
        self.assertEqual(by_group[("concern", "acne-scars")][2:4], ["12", "25.0"])
        self.assertEqual(by_group[("concern", "wrinkles")][2:], ["fewer than 10"] + [""] * 13)
        self.assertEqual(by_group[("all", "all")][2], "15")

    def test_a_single_row_is_never_shown(self):
        row = study_row()
        self.assertEqual(self.client.get(reverse("admin:study_studyresponse_change", args=[row.pk])).status_code, 403)

    def test_filters_with_unknown_values_fall_back_and_never_fail(self):
        response = self.client.get(DASHBOARD, {"month": "2026-99", "concern": "<script>", "data": "both"})
        self.assertEqual(response.status_code, 200)

    def test_patients_cannot_see_the_dashboard(self):
        self.client.logout()
        self.assertEqual(self.client.get(DASHBOARD).status_code, 302)  # to the admin login
        self.assertEqual(self.client.get(CSV).status_code, 302)

    def test_the_synthetic_cohort_walks_the_real_pages_is_kept_apart_and_deletes_cleanly(self):
        out = io.StringIO()
        call_command("simulate_study", "--count", "30", stdout=out)
        self.assertIn("Walked 30 synthetic journeys", out.getvalue())
        self.assertTrue(StudyResponse.objects.filter(is_synthetic=True).exists())
        self.assertFalse(StudyResponse.objects.filter(is_synthetic=False).exists())
        self.assertEqual(FunnelCount.objects.get(event="started", is_synthetic=True).count, 30)
        self.assertFalse(SavedSummary.objects.exists())  # made-up summaries are deleted again
        real = self.client.get(DASHBOARD)
        self.assertNotContains(real, "synthetic demonstration cohort")
        synthetic = self.client.get(DASHBOARD, {"data": "synthetic"})
        self.assertContains(synthetic, "synthetic demonstration cohort")
        self.assertContains(synthetic, "Started the questions")
        call_command("simulate_study", "--delete", stdout=io.StringIO())
        self.assertFalse(StudyResponse.objects.exists())
        self.assertFalse(FunnelCount.objects.exists())


class RetentionTests(JourneyTestCase):
    def test_the_purge_deletes_study_data_older_than_the_retention_period(self):
        old = timezone.localdate() - datetime.timedelta(days=731)
        study_row(month=(old - datetime.timedelta(days=31)).replace(day=1))  # its whole month is older
        kept = study_row(month=old.replace(day=1))  # part of its month is within the period
        FunnelCount.objects.create(day=old, event="started", count=5)
        call_command("purge_expired", stdout=io.StringIO())
        self.assertEqual(list(StudyResponse.objects.values_list("pk", flat=True)), [kept.pk])
        self.assertFalse(FunnelCount.objects.exists())
