"""Content signals: the admin role groups after every migrate; a new live release seen at once in this process."""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from decisionaid.content.catalogue import forget_live_release
from decisionaid.content.models import ClinicalSignOff, Release

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
    # Releases are made only through the publish page; sign-offs are recorded by reviewers.
    reviewer_only = [
        f"{action}_{model}" for action in ("add", "change", "delete") for model in ("release", "clinicalsignoff")
    ]
    editing = content_perms.filter(codename__regex=r"^(add|change|view)_").exclude(codename__in=reviewer_only)
    child_deletes = content_perms.filter(codename__in=[f"delete_{name}" for name in CHILD_MODELS])
    editor, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    editor.permissions.set([*editing, *child_deletes])
    reviewer, _ = Group.objects.get_or_create(name=REVIEWER_GROUP)
    reviewer.permissions.set(
        [
            *editing,
            *content_perms.filter(codename="publish_content"),
            *content_perms.filter(codename__startswith="delete_").exclude(codename__in=reviewer_only),
            *content_perms.filter(codename__in=["add_clinicalsignoff", "change_clinicalsignoff"]),
        ]
    )


@receiver([post_save, post_delete], sender=Release)
@receiver([post_save, post_delete], sender=ClinicalSignOff)
def look_up_live_release_again(sender, **kwargs) -> None:
    # After the commit, so a request in between cannot hold on to the release that was live before.
    transaction.on_commit(forget_live_release)
