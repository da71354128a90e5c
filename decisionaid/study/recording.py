"""Writing study rows and counters without ever getting in the journey's way.

A failed write is logged (without any answers) and the journey goes on. The synthetic cohort
(manage.py simulate_study) marks what it writes through `synthetic_cohort()`, so it can be told apart and deleted.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from decisionaid.study.models import FunnelCount, StudyResponse

logger = logging.getLogger(__name__)
_synthetic = contextvars.ContextVar("synthetic_cohort", default=False)


@contextlib.contextmanager
def synthetic_cohort():
    token = _synthetic.set(True)
    try:
        yield
    finally:
        _synthetic.reset(token)


def count(event: str) -> None:
    """Adds one to today's counter for `event`."""
    day, synthetic = timezone.localdate(), _synthetic.get()
    try:
        with transaction.atomic():
            rows = FunnelCount.objects.filter(day=day, event=event, is_synthetic=synthetic)
            if not rows.update(count=F("count") + 1):
                try:
                    with transaction.atomic():
                        FunnelCount.objects.create(day=day, event=event, is_synthetic=synthetic, count=1)
                except IntegrityError:  # another request made today's counter first
                    rows.update(count=F("count") + 1)
    except DatabaseError as error:
        logger.error("Could not count the funnel event %s (%s); the journey goes on", event, type(error).__name__)


def record(**fields) -> bool:
    """Writes one study row; False (logged, with no answers in the log) if the database refused it."""
    try:
        month = timezone.localdate().replace(day=1)
        StudyResponse.objects.create(month=month, is_synthetic=_synthetic.get(), **fields)
    except DatabaseError as error:  # only the error's kind: its text could quote the answers
        logger.error("Could not write a study row (%s); the journey goes on", type(error).__name__)
        return False
    return True
