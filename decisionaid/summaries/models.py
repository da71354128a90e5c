"""Saved summaries: what a patient was shown and chose, under a reference code, with no identity."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from decisionaid.lib.codes import display_code, new_code

# The session key naming the summary this browser saved last (a second "Save" click shows it again).
LAST_SAVED_KEY = "last_saved_summary"


class SummaryQuerySet(models.QuerySet):
    def expired(self, now: datetime.datetime | None = None):
        return self.filter(expires_at__lte=now or timezone.now())


class SavedSummary(models.Model):
    """One saved summary. `record` holds the export body and what the options page showed, as it was then.

    No name, contact, IP address or account is stored, and none is ever linked to a summary.
    """

    code = models.CharField(max_length=12, unique=True, editable=False)
    # The release the summary was made from; releases are kept while any summary refers to them.
    release = models.ForeignKey(
        "content.Release", to_field="number", on_delete=models.PROTECT, null=True, related_name="+", editable=False
    )
    record = models.JSONField(encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    # The journey's "Save my summary" key (Journey.save_token): random, in the patient's session until the save, and
    # unique here, so saves of one journey sent at the same moment (a double click) make one summary between them.
    save_token = models.UUIDField(unique=True, null=True, editable=False)

    objects = SummaryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "saved summaries"
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self) -> str:
        return f"Summary {self.display_code}"

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    @property
    def release_number(self) -> int | None:
        return self.release_id

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @classmethod
    def create(cls, *, record: dict, release: int, save_token: str | None = None) -> SavedSummary:
        """Save under a fresh code; in the (60-bit) event of a clash, draw again.

        A save whose `save_token` another save already used returns that save's summary instead: on PostgreSQL the
        second INSERT waits for the first to commit, then fails on the unique token, and reads the first's row.
        """
        now = timezone.now()
        expires_at = now + datetime.timedelta(days=settings.SUMMARY_RETENTION_DAYS)
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    return cls.objects.create(
                        code=new_code(),
                        record=record,
                        release_id=release,
                        created_at=now,
                        expires_at=expires_at,
                        save_token=save_token,
                    )
            except IntegrityError:
                if save_token is not None and (first := cls.objects.filter(save_token=save_token).first()):
                    return first
        raise RuntimeError("Could not draw an unused reference code")
