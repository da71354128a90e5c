"""A form that cannot be read as UTF-8 gets the 400 page on every POST URL, never a 500; and a real 500 is
logged as an ERROR line that says so.

Django's own 400 handler re-reads the form for its CSRF token, so a form in UTF-16 with any CSRF cookie made it
fail a second time: a 500, logged only under the 400's message, in lines that did not show their level.
"""

import io
import logging
from contextlib import contextmanager
from unittest import mock

import pytest
from django.test import Client

POST_URLS = [
    "/start/step/concern/",
    "/start/questions/",
    "/start/decision/",
    "/start/again/",
    "/summary/7QK2-9MZD-X4RT/delete/",
    "/admin/login/",
]
UNREADABLE = {
    "UTF-16": ("application/x-www-form-urlencoded; charset=utf-16", "concern=acne-scars".encode("utf-16")),
    "Latin-1": ("application/x-www-form-urlencoded; charset=iso-8859-1", b"own_1=caf\xe9"),
    "an unknown charset": ("application/x-www-form-urlencoded; charset=x-no-such-charset", b"concern=acne-scars"),
    "a value that is not UTF-8": ("application/x-www-form-urlencoded", b"own_1=caf%E9"),
    "a multipart form in UTF-16": (
        "multipart/form-data; boundary=b; charset=utf-16",
        b'--b\r\nContent-Disposition: form-data; name="concern"\r\n\r\nx\r\n--b--\r\n',
    ),
}


@contextmanager
def console_log():
    """What the console handler of settings.LOGGING writes, as it writes it."""
    handler = next(handler for handler in logging.getLogger("django").handlers if handler.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(previous)


def client_with_csrf_cookie() -> Client:
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("url", POST_URLS)
@pytest.mark.parametrize("case", UNREADABLE)
def test_a_form_not_readable_as_utf8_gets_the_400_page_on_every_post_url(shipped_content, url, case):
    content_type, body = UNREADABLE[case]
    with console_log() as log:
        response = client_with_csrf_cookie().generic("POST", url, body, content_type=content_type)  # bytes as given
    assert response.status_code == 400, (case, url)
    assert b"We could not understand that request" in response.content
    assert "WARNING django.request Bad request" in log.getvalue()
    assert " ERROR " not in log.getvalue()


@pytest.mark.django_db
def test_a_real_server_error_is_logged_as_an_error_with_its_traceback(shipped_content):
    with (
        mock.patch("decisionaid.pages.views.catalogue_for", side_effect=RuntimeError("boom")),
        console_log() as log,
    ):
        response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "ERROR django.request Internal Server Error: /" in log.getvalue()
    assert "RuntimeError: boom" in log.getvalue()
