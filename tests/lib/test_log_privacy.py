"""No reference code reaches the logs, whichever way it was tried."""

import io
import logging

import pytest
from django.test import Client

from decisionaid.lib.log_privacy import redact


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Not Found: /summary/7DJF-W9D4-N79Q/", "Not Found: /summary/[code]/"),
        ("Gone: /summary/7djfw9d4n79q/summary.pdf", "Gone: /summary/[code]/summary.pdf"),
        ('"GET /summary/?code=7DJF-W9D4-N79Q HTTP/1.1" 404', '"GET /summary/?code=[code] HTTP/1.1" 404'),
        ('"GET /summary/ HTTP/1.1" 200', '"GET /summary/ HTTP/1.1" 200'),
        ("Not Found: /treatments/nothing/", "Not Found: /treatments/nothing/"),
        ("Too Many Requests: /summary/7DJF W9D4 N79Q/", "Too Many Requests: /summary/[code]/"),
        ("Gone: /summary/ 7djf w9d4\tn79q", "Gone: /summary/[code]"),
        ('"GET /summary/7djf%20w9d4+n79q/print/ HTTP/1.1" 429', '"GET /summary/[code]/print/ HTTP/1.1" 429'),
        (
            '"GET /summary/?paper=a4&code=7djf w9d4.n79q HTTP/1.1" 429',
            '"GET /summary/?paper=a4&code=[code] HTTP/1.1" 429',
        ),
        ("code=7djf+w9d4_n79q&paper=letter", "code=[code]&paper=letter"),
    ],
)
def test_codes_in_paths_and_queries_are_replaced(line, expected):
    assert redact(line) == expected


@pytest.fixture
def console():
    """What the app's console log handler writes (the handler the settings configure, with its filter)."""
    handler = logging.getLogger("django").handlers[0]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.django_db
def test_a_wrong_code_is_logged_without_the_code(console):
    Client().get("/summary/7DJF-W9D4-N79Q/")
    Client().get("/summary/", {"code": "7DJF-W9D4-N79R"})
    written = console.getvalue()
    assert "Not Found: /summary/[code]/" in written
    assert "7DJF" not in written
