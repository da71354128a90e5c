"""The admin login locks after repeated failures, and only staff get in."""
import pytest
from django.contrib.auth.models import User
from django.test import Client


@pytest.fixture
def staff(db):
    return User.objects.create_user("editor", password="a-long-correct-password", is_staff=True)


def sign_in(client, password, address="10.1.1.1"):
    return client.post("/admin/login/?next=/admin/", {"username": "editor", "password": password},
                       REMOTE_ADDR=address)


@pytest.mark.django_db
def test_five_failed_sign_ins_lock_the_account_from_that_address(staff, settings):
    client = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, f"wrong-{attempt}").status_code == 200  # the form again, with an error
    locked = sign_in(client, "wrong-last")
    assert locked.status_code == 429
    assert b"Sign-in is locked for now" in locked.content
    # Even the right password is refused while locked, from that address.
    assert sign_in(client, "a-long-correct-password").status_code == 429
    # Another address is not locked out by someone else's failures.
    assert sign_in(Client(), "a-long-correct-password", address="10.2.2.2").status_code == 302


@pytest.mark.django_db
def test_a_user_who_is_not_staff_cannot_use_the_admin(db):
    User.objects.create_user("patient", password="a-long-correct-password")
    client = Client()
    response = client.post("/admin/login/?next=/admin/", {"username": "patient", "password": "a-long-correct-password"},
                           REMOTE_ADDR="10.3.3.3")
    assert response.status_code == 200 and b"staff account" in response.content
    assert client.get("/admin/").status_code == 302  # back to the login page
