import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Make sure a local admin account exists (debug only); prints a new password once when it creates one."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_local_admin only runs with DJANGO_DEBUG on; create real accounts with createsuperuser."
            )
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"Local admin account '{USERNAME}' already exists (its password was shown when it was created)."
            )
            return
        password = secrets.token_urlsafe(15)
        User.objects.create_superuser(username=USERNAME, email="", password=password)
        self.stdout.write(
            self.style.WARNING(
                f"Created a local admin account for http://127.0.0.1:8000/admin/\n"
                f"  user name: {USERNAME}\n  password:  {password}\n"
                f"This password is shown only now."
            )
        )
