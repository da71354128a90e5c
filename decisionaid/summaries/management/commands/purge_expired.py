"""Deletes what the retention policy says must go: expired saved summaries and expired sessions.

Run it daily (see the README for cron and systemd timer examples). Expired summaries are never shown (they
answer 410), but they must not stay in the database either. Rows go a thousand at a time, so that however many
have built up (a purge that did not run for weeks), no statement comes near DATABASE_TIMEOUT_SECONDS.
"""

from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.db.models import QuerySet
from django.utils import timezone

from decisionaid.summaries.models import SavedSummary

BATCH = 1000


def delete_in_batches(rows: QuerySet) -> int:
    deleted = 0
    while batch := list(rows.values_list("pk", flat=True)[:BATCH]):
        count, _ = rows.model.objects.filter(pk__in=batch).delete()
        deleted += count
    return deleted


class Command(BaseCommand):
    help = "Delete expired saved summaries and expired sessions (answers in progress)."

    def handle(self, *args, **options):
        now = timezone.now()
        summaries = delete_in_batches(SavedSummary.objects.expired(now))
        sessions = delete_in_batches(Session.objects.filter(expire_date__lte=now))
        self.stdout.write(f"Deleted {summaries} expired summaries and {sessions} expired sessions.")
