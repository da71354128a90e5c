"""Deletes what the retention policy says must go: expired saved summaries, expired sessions, and study answers
and funnel counters older than STUDY_RETENTION_DAYS.

Run it daily (see the README for cron and systemd timer examples). Expired summaries are never shown (they
answer 410), but they must not stay in the database either. Rows go a thousand at a time, so that however many
have built up (a purge that did not run for weeks), no statement comes near DATABASE_TIMEOUT_SECONDS.
"""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.db.models import QuerySet
from django.utils import timezone

from decisionaid.study.models import FunnelCount, StudyResponse
from decisionaid.summaries.models import SavedSummary

BATCH = 1000


def delete_in_batches(rows: QuerySet) -> int:
    deleted = 0
    while batch := list(rows.values_list("pk", flat=True)[:BATCH]):
        count, _ = rows.model.objects.filter(pk__in=batch).delete()
        deleted += count
    return deleted


class Command(BaseCommand):
    help = "Delete expired saved summaries, expired sessions (answers in progress) and old study data."

    def handle(self, *args, **options):
        now = timezone.now()
        summaries = delete_in_batches(SavedSummary.objects.expired(now))
        sessions = delete_in_batches(Session.objects.filter(expire_date__lte=now))
        oldest_kept = timezone.localdate() - datetime.timedelta(days=settings.STUDY_RETENTION_DAYS)
        # A study row keeps only its month: it goes once the whole month is older than the retention period.
        study = delete_in_batches(StudyResponse.objects.filter(month__lt=oldest_kept.replace(day=1)))
        counters = delete_in_batches(FunnelCount.objects.filter(day__lt=oldest_kept))
        self.stdout.write(
            f"Deleted {summaries} expired summaries, {sessions} expired sessions, {study} study answers and "
            f"{counters} daily counters older than {settings.STUDY_RETENTION_DAYS} days."
        )
