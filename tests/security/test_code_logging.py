"""No part of a reference code reaches the logs, however it was typed: with spaces, pluses, %20, dots or
underscores, in lower case, in the path or in the lookup's `code=` — not in the message, its arguments, nor the
request Django attaches to the record — for 404, 410 and 429 answers alike."""

import logging

import pytest
from django.test import Client
from django.utils import timezone

from decisionaid.summaries.models import SavedSummary

GROUPS = ["W9D4", "N79Q"]  # the second and third groups of the code 7DJF-W9D4-N79Q
TYPED_IN_PATHS = [
    "/summary/7DJF W9D4 N79Q/",
    "/summary/7djf%20w9d4%20n79q/",
    "/summary/7DJF+W9D4+N79Q/print/",
    "/summary/%207djf.w9d4_n79q/summary.pdf",
]
TYPED_IN_LOOKUPS = ["7djf w9d4 n79q", "7DJF+W9D4+N79Q", "7djf%20w9d4%20n79q", "7DJF_W9D4.N79Q"]


@pytest.fixture
def logged(caplog):
    """Django's log records as every handler after the configured console handler (and its filter) sees them."""
    django_logger = logging.getLogger("django")
    django_logger.addHandler(caplog.handler)
    yield caplog
    django_logger.removeHandler(caplog.handler)


def shown(record: logging.LogRecord) -> str:
    """Everything a handler could write out from a record: message, arguments and the request it carries."""
    parts = [record.getMessage(), repr(record.args)]
    request = getattr(record, "request", None)
    if request is not None:
        parts += [
            request.path,
            request.path_info,
            request.get_full_path(),
            repr(request.GET),
            *(str(request.META.get(name, "")) for name in ("PATH_INFO", "QUERY_STRING")),
        ]
    return " ".join(parts)


def answer_and_logs(logged, path: str, **params) -> tuple[int, str]:
    logged.clear()
    status = Client(REMOTE_ADDR="198.51.100.20").get(path, params).status_code
    assert logged.records, "the answer was not logged"
    return status, " ".join(shown(record) for record in logged.records)


def assert_no_code_in(text: str) -> None:
    for group in GROUPS:
        assert group not in text.upper(), text


@pytest.mark.django_db
@pytest.mark.parametrize("path", TYPED_IN_PATHS)
def test_a_wrong_code_typed_any_way_in_the_path_is_not_logged(logged, path):
    status, text = answer_and_logs(logged, path)
    assert status == 404
    assert_no_code_in(text)
    assert "/summary/[code]/" in text


@pytest.mark.django_db
@pytest.mark.parametrize("typed", TYPED_IN_LOOKUPS)
def test_a_wrong_code_typed_any_way_in_the_lookup_is_not_logged(logged, typed):
    status, text = answer_and_logs(logged, "/summary/?code=" + typed)
    assert status == 404
    assert_no_code_in(text)


@pytest.mark.django_db
def test_an_expired_code_typed_with_spaces_is_not_logged_with_its_410(logged):
    SavedSummary.objects.create(code="7DJFW9D4N79Q", release_id=1, record={}, expires_at=timezone.now())
    for path in TYPED_IN_PATHS[:2]:
        status, text = answer_and_logs(logged, path)
        assert status == 410
        assert_no_code_in(text)
    status, text = answer_and_logs(logged, "/summary/", code="7djf w9d4 n79q")
    assert status == 410
    assert_no_code_in(text)


@pytest.mark.django_db
def test_a_live_code_refused_with_429_is_not_logged(logged, settings):
    settings.CODE_ATTEMPTS_PER_MINUTE = 1
    Client(REMOTE_ADDR="198.51.100.20").get("/summary/ZZZZ-ZZZZ-ZZZZ/")
    for path in TYPED_IN_PATHS:
        status, text = answer_and_logs(logged, path)
        assert status == 429
        assert_no_code_in(text)
    for typed in TYPED_IN_LOOKUPS:
        status, text = answer_and_logs(logged, "/summary/?code=" + typed)
        assert status == 429
        assert_no_code_in(text)
