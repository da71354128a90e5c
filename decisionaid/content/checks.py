"""Deployment checks on the database: who may publish, and what the About page must disclose.

No superusers: a superuser passes every permission check, so it bypasses the split between
content editors and clinical reviewers; content staff are made with `manage.py add_content_user` instead.

`manage.py check --deploy` warns (decisionaid.W002) when the database holds a superuser. If the database cannot
be read (not migrated yet, unreachable), it says so as information, which does not fail `--fail-level WARNING`.

Disclosure: the live release must name the authors and the funder (decisionaid.E001, an error).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.checks import CheckMessage, Error, Info, Tags, Warning, register
from django.db import DatabaseError, transaction

SHOWN_NAMES = 5


def unreadable(message: str, check_id: str) -> Info:
    """Information, not a warning: CI runs check --deploy before any database exists."""
    return Info(
        message, hint="Run this check again after `manage.py migrate`, against the production database.", id=check_id
    )


@register(Tags.security, deploy=True)
def check_no_superusers(app_configs=None, **kwargs) -> list[CheckMessage]:
    User = get_user_model()
    try:
        with transaction.atomic():  # a failed query inside a caller's transaction leaves that transaction usable
            names = list(
                User._default_manager.filter(is_superuser=True)
                .order_by(User.USERNAME_FIELD)
                .values_list(User.USERNAME_FIELD, flat=True)[: SHOWN_NAMES + 1]
            )
    # RuntimeError: database access refused outright, as pytest-django does for tests without the db mark.
    except (DatabaseError, RuntimeError) as error:
        return [unreadable(f"Could not check the database for superusers ({error}).", "decisionaid.I002")]
    if not names:
        return []
    shown = ", ".join(names[:SHOWN_NAMES]) + (", …" if len(names) > SHOWN_NAMES else "")
    return [
        Warning(
            f"The database has superusers ({shown}): superusers bypass the editor/reviewer split.",
            hint="Content staff should be editor or reviewer accounts made with `manage.py add_content_user`; "
            "remove superuser status (or the account) in the admin or the Django shell.",
            id="decisionaid.W002",
        )
    ]


@register(Tags.security, deploy=True)
def check_disclosure(app_configs=None, **kwargs) -> list[CheckMessage]:
    """Patients must be able to see who wrote the content and who pays for the tool (IPDAS disclosure)."""
    from decisionaid.content.models import Release

    try:
        with transaction.atomic():
            live = Release.objects.order_by("-number").values_list("number", "snapshot__disclosure").first()
    except (DatabaseError, RuntimeError) as error:
        return [unreadable(f"Could not read the live release's authors and funder ({error}).", "decisionaid.I003")]
    disclosure = (live[1] if live else None) or {}
    missing = [name for name in ("authors", "funder") if not disclosure.get(name)]
    if not missing:
        return []
    where = f"release {live[0]}" if live else "the site (no release is published yet)"
    return [
        Error(
            f"The About page of {where} names no {' and no '.join(missing)}.",
            hint="Fill in Authors and Funder under 'Authors, funding and conflicts of interest' in the admin, "
            "then have a clinical reviewer publish a release.",
            id="decisionaid.E001",
        )
    ]
