"""What the evaluation keeps (issue 17): study answers of patients who opted in, and daily counters.

Nothing here can be linked to a person, a session or a saved summary: no reference code, session key or IP
address is stored; study rows keep only the month they were written (not the day, which on a quiet day could
match a saved summary's date, concern and country) and have random primary keys, so not even the order in which
they were written survives; counters keep a day, but a counter is only a number. The purge deletes both after STUDY_RETENTION_DAYS.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class StudyResponse(models.Model):
    """One opted-in patient's answers before and after using the aid, written once, when both are in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)  # random: rows keep no order
    month = models.DateField(editable=False, help_text=_("The first day of the month the answers were given."))
    concern = models.CharField(max_length=40)
    jurisdiction = models.CharField(max_length=10)
    knowledge_asked = models.PositiveSmallIntegerField()
    knowledge_right_before = models.PositiveSmallIntegerField()
    knowledge_right_after = models.PositiveSmallIntegerField()
    # Each statement's answers, {slug: ["true" | "false" | "unsure" before, the same after]}, for item analysis.
    knowledge_answers = models.JSONField(default=dict)
    sure_before = models.PositiveSmallIntegerField(help_text=_("SURE score before the options page, 0 to 4."))
    sure_after = models.PositiveSmallIntegerField(help_text=_("SURE score at the decision step, 0 to 4."))
    # Whether the option leaned towards fits the attributes rated most important (study/agreement.py);
    # empty when no rule applies (no leaning, or nothing comparable rated important).
    values_agree = models.BooleanField(null=True)
    is_synthetic = models.BooleanField(default=False, editable=False)

    class Meta:
        indexes = [models.Index(fields=["month"], name="study_study_month_idx")]
        # The admin lists the model under this name: its page is the dashboard, never a list of rows.
        verbose_name = "evaluation dashboard"
        verbose_name_plural = "evaluation dashboard"

    def __str__(self) -> str:
        return f"Study answers, {self.concern}, {self.month:%B %Y}"

    @property
    def knowledge_before(self) -> float:
        """Share right before, out of 100."""
        return 100 * self.knowledge_right_before / self.knowledge_asked

    @property
    def knowledge_after(self) -> float:
        return 100 * self.knowledge_right_after / self.knowledge_asked


class FunnelCount(models.Model):
    """How many journeys reached a step on a day: a counter, never tied to a session, code or answers."""

    class Event(models.TextChoices):
        STARTED = "started", _("Started the questions")
        OPTIONS = "options", _("Reached the options")
        COMPARED = "compared", _("Compared options")
        DECIDED = "decided", _("Answered the decision step")
        SAVED = "saved", _("Saved a summary")
        PRINTED = "printed", _("Printed a summary")
        DOWNLOADED = "downloaded", _("Downloaded a PDF")
        DELETED = "deleted", _("Deleted a summary")

    day = models.DateField()
    event = models.CharField(max_length=12, choices=Event.choices)
    is_synthetic = models.BooleanField(default=False)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "event", "is_synthetic"], name="one_counter_per_day_and_event")
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()} on {self.day}: {self.count}"
