from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from decisionaid.content.signals import REVIEWER_GROUP


@receiver(post_migrate)
def reviewers_see_the_evaluation(sender, apps=global_apps, **kwargs) -> None:
    """Clinical reviewers may view the evaluation dashboard (after the content app has set their permissions)."""
    if sender.name != "decisionaid.study":
        return
    create_permissions(sender, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    reviewer, _ = Group.objects.get_or_create(name=REVIEWER_GROUP)
    reviewer.permissions.add(*Permission.objects.filter(content_type__app_label="study", codename="view_studyresponse"))
