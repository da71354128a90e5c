"""Content signals: the admin role groups after every migrate, and marking cached content stale on change."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

EDITOR_GROUP = "Content editor"
REVIEWER_GROUP = "Clinical reviewer"
CHILD_MODELS = ("evidence", "outcome", "sideeffect", "regulatorystatus", "contraindicationrule")


@receiver(post_migrate)
def create_role_groups(sender, apps=global_apps, **kwargs) -> None:
    if sender.name != "decisionaid.content":
        return
    # Make sure this app's permissions exist even if auth's own handler has not run yet.
    create_permissions(sender, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_perms = Permission.objects.filter(content_type__app_label="content")
    editing = content_perms.filter(codename__regex=r"^(add|change|view)_").exclude(codename__endswith="contentversion")
    child_deletes = content_perms.filter(codename__in=[f"delete_{name}" for name in CHILD_MODELS])
    editor, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    editor.permissions.set([*editing, *child_deletes])
    reviewer, _ = Group.objects.get_or_create(name=REVIEWER_GROUP)
    reviewer.permissions.set(
        [
            *editing,
            *child_deletes,
            *content_perms.filter(codename="publish_content"),
            *content_perms.filter(codename__startswith="delete_").exclude(codename__endswith="contentversion"),
            *content_perms.filter(codename="view_contentversion"),
        ]
    )


# --- keeping cached content fresh ------------------------------------------------------------------------

_touch_paused: ContextVar[bool] = ContextVar("content_touch_paused", default=False)


@receiver([post_save, post_delete, m2m_changed])
def touch_content_version(sender, **kwargs) -> None:
    """Any change to a content row, or to its references, marks the cached published content stale."""
    meta = getattr(sender, "_meta", None)
    if _touch_paused.get() or kwargs.get("raw") or meta is None or meta.app_label != "content":
        return
    if sender.__name__ in ("ContentVersion",) or sender.__name__.startswith("Historical"):
        return
    from decisionaid.content.models import ContentVersion

    ContentVersion.touch()


@contextmanager
def bulk_content_changes():
    """Touch the content version once at the end instead of once per saved row (used by load_content)."""
    from decisionaid.content.models import ContentVersion

    token = _touch_paused.set(True)
    try:
        yield
    finally:
        _touch_paused.reset(token)
    ContentVersion.touch()  # not reached when the block raised: a failed load changed nothing
