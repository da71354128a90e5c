"""The local admin account made by `make run`."""

from io import StringIO

from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings


class EnsureLocalAdminTests(TestCase):
    @override_settings(DEBUG=True)
    def test_it_creates_the_account_once_and_prints_the_password_once(self):
        first, second = StringIO(), StringIO()
        call_command("ensure_local_admin", stdout=first)
        call_command("ensure_local_admin", stdout=second)
        password = first.getvalue().split("password:")[1].split()[0]
        self.assertTrue(User.objects.get(username="admin").check_password(password))
        self.assertNotIn(password, second.getvalue())
        self.assertIn("already exists", second.getvalue())

    @override_settings(DEBUG=False)
    def test_it_refuses_when_debug_is_off(self):
        with self.assertRaisesMessage(CommandError, "only runs with DJANGO_DEBUG on"):
            call_command("ensure_local_admin", stdout=StringIO())
        self.assertFalse(User.objects.exists())
