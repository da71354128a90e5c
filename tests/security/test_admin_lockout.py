"""The admin login locks after repeated failures, and only staff get in."""

import pytest
from django.contrib.auth.models import User
from django.test import Client


@pytest.fixture
def staff(db):
    return User.objects.create_user("editor", password="a-long-correct-password", is_staff=True)


def sign_in(client, password, address="10.1.1.1", **headers):
    return client.post(
        "/admin/login/?next=/admin/", {"username": "editor", "password": password}, REMOTE_ADDR=address, **headers
    )


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
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "patient", "password": "a-long-correct-password"},
        REMOTE_ADDR="10.3.3.3",
    )
    assert response.status_code == 200 and b"staff account" in response.content
    assert client.get("/admin/").status_code == 302  # back to the login page


@pytest.mark.django_db
def test_behind_the_proxy_a_lockout_holds_only_the_forwarded_address_that_failed(staff, settings):
    settings.TRUSTED_PROXIES = 1
    proxy = "10.0.0.1"  # every sign-in reaches the app from the proxy
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), f"wrong-{attempt}", proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 203.0.113.7")
    assert sign_in(Client(), "a-long-correct-password", proxy, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    # The reviewer signing in from elsewhere, through the same proxy, is not locked out.
    assert sign_in(Client(), "a-long-correct-password", proxy, HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 302
