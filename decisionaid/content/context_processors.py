"""The release patients see and its clinical sign-off, in every page's footer (IPDAS: content is dated)."""

from __future__ import annotations

from django.utils import timezone

from decisionaid.content.catalogue import catalogue_for


def content_status(request) -> dict:
    if request.path.startswith("/admin/"):
        return {}
    catalogue = catalogue_for(request)
    next_due = catalogue.next_review_due
    return {
        "content_release": catalogue.release,
        "content_published_on": catalogue.published_on,
        "content_sign_off": catalogue.sign_off,
        "content_next_review_due": next_due,
        "content_review_overdue": next_due is not None and next_due < timezone.localdate(),
    }
