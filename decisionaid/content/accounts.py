"""Content staff accounts: editors and reviewers are staff users in one of the two role groups, never superusers.

A superuser passes every permission check, so it would step around the editor/reviewer split (a reviewer may
not publish their own change). `make_content_user` is the one way the commands make or change these accounts.
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from decisionaid.content.signals import EDITOR_GROUP, REVIEWER_GROUP

ROLES = {"editor": EDITOR_GROUP, "reviewer": REVIEWER_GROUP}
SUPERUSER_REFUSED = "superusers cannot be content staff; use another name or remove superuser status"


def new_password() -> str:
    """A strong random password (24 URL-safe characters, 144 bits)."""
    return secrets.token_urlsafe(18)


def role_of(user: AbstractBaseUser) -> str | None:
    """The content role a user's groups give them ("editor", "reviewer"), or None."""
    groups = set(user.groups.filter(name__in=ROLES.values()).values_list("name", flat=True))
    roles = [role for role, group in ROLES.items() if group in groups]
    return roles[0] if len(roles) == 1 else None


def make_content_user(name: str, role: str, password: str | None = None) -> tuple[AbstractBaseUser, bool]:
    """Make `name` an active staff user, not a superuser, in exactly `role`'s group; return (user, created).

    A new user gets `password`, or an unusable one when it is None (the caller makes one with `new_password`).
    An existing user keeps its password unless one is given. Raises ValidationError, changing nothing, for an
    unknown role, a name the user model refuses, a password the validators refuse, or an existing superuser.
    """
    if role not in ROLES:
        raise ValidationError(f"Unknown role {role!r}; choose one of: {', '.join(ROLES)}.", code="unknown_role")
    User = get_user_model()
    field = User._meta.get_field(User.USERNAME_FIELD)
    try:
        field.clean(name, None)  # max length and the user model's username validator
    except ValidationError as error:
        raise ValidationError(f"{name!r} is not a valid user name: {' '.join(error.messages)}", code="name") from None
    groups = {group.name: group for group in Group.objects.filter(name__in=ROLES.values())}
    if len(groups) != len(ROLES):
        raise ValidationError("The content role groups are missing; run manage.py migrate first.", code="groups")
    with transaction.atomic():
        user = User._default_manager.select_for_update().filter(**{User.USERNAME_FIELD: name}).first()
        created = user is None
        if created:
            user = User(**{User.USERNAME_FIELD: name})
        elif user.is_superuser:
            raise ValidationError(f"{name!r} is a superuser: {SUPERUSER_REFUSED}.", code="superuser")
        if password is not None:
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise ValidationError(
                    f"The password was not accepted: {' '.join(error.messages)}", code="password"
                ) from None
            user.set_password(password)
        elif created:
            user.set_unusable_password()
        user.is_staff, user.is_active, user.is_superuser = True, True, False
        user.save()
        user.groups.remove(*(group for group_name, group in groups.items() if group_name != ROLES[role]))
        user.groups.add(groups[ROLES[role]])
    return user, created
