"""`make run`'s local accounts for trying the admin (debug only): an editor and two reviewers, never a superuser.

Two reviewers, because a reviewer cannot publish a change they made themselves.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from decisionaid.content.accounts import make_content_user, new_password

LOCAL_ACCOUNTS = (("editor", "editor"), ("reviewer", "reviewer"), ("reviewer2", "reviewer"))


class Command(BaseCommand):
    help = "Make sure the local editor and reviewer accounts exist (debug only); prints each new password once."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_local_admin only runs with DJANGO_DEBUG on; create real accounts with add_content_user."
            )
        User = get_user_model()
        existing = []
        for name, role in LOCAL_ACCOUNTS:
            if User._default_manager.filter(**{User.USERNAME_FIELD: name}).exists():
                existing.append(name)
                continue
            password = new_password()
            make_content_user(name, role, password=password)
            self.stdout.write(
                self.style.WARNING(f"Created local {role} account\n  user name: {name}\n  password:  {password}")
            )
        if len(existing) < len(LOCAL_ACCOUNTS):
            self.stdout.write(
                self.style.WARNING("These passwords are shown only now. Sign in at http://127.0.0.1:8000/admin/.")
            )
        if existing:
            self.stdout.write(
                f"Local account(s) {', '.join(existing)} already exist (passwords were shown when they were created)."
            )
        superusers = User._default_manager.filter(is_superuser=True).values_list(User.USERNAME_FIELD, flat=True)
        if superusers:
            self.stdout.write(
                f"Note: superuser(s) {', '.join(superusers)} bypass the editor/reviewer split; "
                "try the admin as editor, reviewer or reviewer2 instead."
            )
