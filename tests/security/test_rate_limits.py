"""The rate limits hold under simultaneous requests and across the site: a slot is taken before the request is
served, so 30 wrong codes fired at once let through only the limit's number; only wrong codes use up a client's
slots; the whole site makes at most SITE_PDFS_PER_MINUTE PDFs; and `check --deploy` warns when the counters are
not shared by the worker processes."""

import threading
from unittest import mock

import pytest
from django.core.checks import run_checks
from django.db import OperationalError, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from decisionaid.summaries.checks import check_shared_cache
from decisionaid.summaries.models import SavedSummary
from tests.questionnaire.journey import answer_all_steps, decide, save_summary

LOOKUP = reverse("summary:lookup")
LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/15"}


def fire_at_once(requests: int, send) -> list[int]:
    """The status of each of `requests` calls of send(), all released at the same moment from their own threads."""
    start, statuses = threading.Barrier(requests), [None] * requests

    def one(number: int) -> None:
        try:
            start.wait()
            statuses[number] = send(number)
        finally:
            connections.close_all()  # this thread's own database connection

    threads = [threading.Thread(target=one, args=(number,)) for number in range(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db
def test_thirty_simultaneous_wrong_codes_let_through_only_the_limit(settings):
    settings.CODE_ATTEMPTS_PER_MINUTE = 10
    Client().get(LOOKUP)  # draws the content snapshot every page uses once, before the threads start
    statuses = fire_at_once(
        30,
        lambda number: (
            Client(REMOTE_ADDR="203.0.113.7")
            .get(reverse("summary:detail", args=[f"ZZZZ-ZZZZ-ZZ{number:02d}"]))
            .status_code
        ),
    )
    assert sorted(statuses) == [404] * 10 + [429] * 20


@pytest.mark.django_db
def test_only_wrong_codes_use_up_the_limit(settings):
    settings.CODE_ATTEMPTS_PER_MINUTE = 2
    later = timezone.now() + timezone.timedelta(days=30)
    code = SavedSummary.objects.create(code="7DJFW9D4N79Q", release_id=1, record={}, expires_at=later).display_code
    clinician = Client(REMOTE_ADDR="198.51.100.20")
    assert clinician.get(LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZZ"}).status_code == 404
    for _ in range(5):
        assert clinician.get(LOOKUP, {"code": code}).status_code == 302
    assert clinician.get(LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZY"}).status_code == 404
    assert clinician.get(LOOKUP, {"code": code}).status_code == 429


@pytest.mark.django_db
def test_lookups_that_fail_because_the_database_is_down_are_not_counted_as_wrong_codes(settings):
    settings.CODE_ATTEMPTS_PER_MINUTE = 2
    clinician = Client(REMOTE_ADDR="198.51.100.20", raise_request_exception=False)
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("refused")):
        for _ in range(3):
            assert clinician.get(LOOKUP, {"code": "7DJF-W9D4-N79Q"}).status_code == 503
    assert clinician.get(LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZZ"}).status_code == 404


@pytest.mark.django_db
def test_the_whole_site_makes_at_most_its_pdfs_a_minute_whoever_asks(shipped_content, settings):
    patient = Client()
    answer_all_steps(patient)
    decide(patient)
    pdf = save_summary(patient) + "summary.pdf"
    settings.SITE_PDFS_PER_MINUTE = 2
    with mock.patch("decisionaid.summaries.views.render_pdf", return_value=b"%PDF-1.7"):
        assert Client(REMOTE_ADDR="198.51.100.1").get(pdf).status_code == 200
        assert Client(REMOTE_ADDR="198.51.100.2").get(pdf).status_code == 200
        refused = Client(REMOTE_ADDR="198.51.100.3").get(pdf)
    assert refused.status_code == 429 and b"Too many PDF downloads" in refused.content
    assert 1 <= int(refused["Retry-After"]) <= 61


def test_check_deploy_warns_when_the_counters_are_kept_per_process(settings):
    settings.DEBUG, settings.CACHES = False, {"default": LOCMEM, "shared": LOCMEM}
    warnings = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "decisionaid.W001" in warnings
    assert "decisionaid.W001" not in [message.id for message in run_checks()]  # a deployment check only


def test_the_check_is_content_with_redis_and_silent_while_debugging(settings):
    settings.DEBUG, settings.CACHES = False, {"default": LOCMEM, "shared": REDIS}
    assert check_shared_cache() == []
    settings.DEBUG, settings.CACHES = True, {"default": LOCMEM, "shared": LOCMEM}
    assert check_shared_cache() == []
