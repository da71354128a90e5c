"""Deletes what the retention policy says must go: expired saved summaries and expired sessions.

Run it daily (see the README for cron and systemd timer examples). Expired summaries are never shown (they
answer 410), but they must not stay in the database either.
"""
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone

from decisionaid.questionnaire.models import SavedSummary


class Command(BaseCommand):
    help = "Delete expired saved summaries and expired sessions (answers in progress)."

    def handle(self, *args, **options):
        now = timezone.now()
        summaries, _ = SavedSummary.objects.filter(expires_at__lte=now).delete()
        sessions, _ = Session.objects.filter(expire_date__lte=now).delete()
        self.stdout.write(f"Deleted {summaries} expired summaries and {sessions} expired sessions.")
