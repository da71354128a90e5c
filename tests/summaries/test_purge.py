"""purge_expired deletes expired summaries and sessions, and nothing that is still live."""

import datetime
from io import StringIO
from unittest import mock

from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from decisionaid.summaries.management.commands import purge_expired
from decisionaid.summaries.models import SavedSummary
from tests.questionnaire.journey import answer_all_steps, decide, save_summary
from tests.questionnaire.test_steps import JourneyTestCase


class PurgeExpiredTests(JourneyTestCase):
    def test_only_expired_summaries_and_sessions_are_deleted(self):
        for _ in range(2):
            answer_all_steps(self.client)
            decide(self.client)
            save_summary(self.client)
        expired, live = SavedSummary.objects.order_by("created_at")
        self.assertTrue(expired.save_token)  # a journey's save key does not keep its summary from the purge
        SavedSummary.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
        live_session = Session.objects.get()
        Session.objects.create(
            session_key="x" * 32, session_data="", expire_date=timezone.now() - datetime.timedelta(days=1)
        )

        output = StringIO()
        call_command("purge_expired", stdout=output)

        self.assertEqual(
            output.getvalue().strip(),
            "Deleted 1 expired summaries, 1 expired sessions, 0 study answers and 0 daily counters older than "
            "730 days.",
        )
        self.assertEqual(list(SavedSummary.objects.values_list("pk", flat=True)), [live.pk])
        self.assertEqual(list(Session.objects.values_list("pk", flat=True)), [live_session.pk])
        self.assertEqual(self.client.get(f"/summary/{live.display_code}/").status_code, 200)
        self.assertEqual(self.client.get(f"/summary/{expired.display_code}/").status_code, 404)

    def test_a_backlog_goes_a_batch_at_a_time_so_no_statement_runs_into_the_database_timeout(self):
        yesterday = timezone.now() - datetime.timedelta(days=1)
        SavedSummary.objects.bulk_create(
            [
                SavedSummary(code=f"OLD{number:09d}", release_id=1, record={}, expires_at=yesterday)
                for number in range(5)
            ]
        )
        with mock.patch.object(purge_expired, "BATCH", 2), CaptureQueriesContext(connection) as queries:
            call_command("purge_expired", stdout=StringIO())
        self.assertFalse(SavedSummary.objects.exists())
        deletes = [query["sql"] for query in queries if query["sql"].startswith("DELETE")]
        self.assertEqual(sum("savedsummary" in sql for sql in deletes), 3)
