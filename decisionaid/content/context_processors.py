"""Content version and review dates, shown in every page's footer (IPDAS: content is dated)."""
from __future__ import annotations

from django.db.models import Max, Min
from django.utils import timezone

from decisionaid.content.models import Concern, ContentVersion, Option, SiteText


def content_status(request) -> dict:
    if request.path.startswith("/admin/"):
        return {}
    last_reviewed, next_due = [], []
    for model in (Option, Concern, SiteText):
        dates = model.objects.published().aggregate(last=Max("last_reviewed_on"), due=Min("next_review_due"))
        last_reviewed += [dates["last"]] if dates["last"] else []
        next_due += [dates["due"]] if dates["due"] else []
    next_review_due = min(next_due) if next_due else None
    return {
        "content_version": ContentVersion.current(),
        "content_last_reviewed_on": max(last_reviewed) if last_reviewed else None,
        "content_next_review_due": next_review_due,
        "content_review_overdue": next_review_due is not None and next_review_due < timezone.localdate(),
    }
