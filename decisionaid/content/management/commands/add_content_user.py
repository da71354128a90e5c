"""`manage.py add_content_user NAME --role editor|reviewer [--password-stdin]`: make or change a content account."""

import getpass
import sys

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from decisionaid.content.accounts import ROLES, make_content_user, new_password, role_of


class Command(BaseCommand):
    help = (
        "Create a content editor or clinical reviewer (an active staff user, never a superuser), or change an "
        "existing user's role. A new user gets a random password, printed once, unless --password-stdin is given."
    )
    stealth_options = ("stdin",)  # tests pass a StringIO

    def add_arguments(self, parser):
        parser.add_argument("name", help="The user name to sign in with.")
        parser.add_argument("--role", required=True, choices=sorted(ROLES), help="The content role.")
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from one line of standard input (checked by the password validators).",
        )

    def handle(self, *args, name: str, role: str, password_stdin: bool, **options):
        password = self.read_password(options.get("stdin") or sys.stdin) if password_stdin else None
        User = get_user_model()
        before = User._default_manager.filter(**{User.USERNAME_FIELD: name}).first()
        old_role = role_of(before) if before is not None else None
        try:
            user, created = make_content_user(name, role, password=password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None

        if created:
            self.stdout.write(f"Created {role} '{name}': a staff user in the {ROLES[role]} group.")
            if password is None:
                password = new_password()
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(
                    self.style.WARNING(f"  password: {password}\nThis password is shown only now; pass it on safely.")
                )
            else:
                self.stdout.write("Password set from standard input.")
            return

        if old_role == role:
            self.stdout.write(f"'{name}' already exists and is already a {role}; role unchanged.")
        else:
            self.stdout.write(f"'{name}' already exists: role changed from {old_role or 'none'} to {role}.")
        if not (before.is_staff and before.is_active):
            self.stdout.write(f"'{name}' is now an active staff user.")
        if password is not None:
            self.stdout.write("Password changed to the one from standard input.")
        elif user.has_usable_password():
            self.stdout.write("Its password is unchanged.")
        else:
            self.stdout.write("It has no usable password yet: give one with --password-stdin.")

    def read_password(self, stream) -> str:
        """One line of standard input, without its line ending (asked for without echo at a terminal)."""
        password = getpass.getpass("Password: ") if stream.isatty() else stream.readline().rstrip("\r\n")
        if not password:
            raise CommandError("--password-stdin was given but standard input had no password on its first line.")
        return password
