"""When the database cannot be reached: a quick 503 "please try again" page, /healthz says so, and the
answers given before the outage are still there afterwards."""
import socket
import time
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from tests.questionnaire.journey import step_data

CONCERN_STEP = reverse("questionnaire:step", args=["concern"])


def client() -> Client:
    return Client(raise_request_exception=False)  # as in production: the error handler answers


def database_refuses():
    return mock.patch("django.db.backends.utils.CursorWrapper.execute",
                      side_effect=OperationalError("connection refused"))


@pytest.mark.django_db
def test_healthz_reports_a_reachable_database():
    response = client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_answer_503_while_the_database_refuses_and_keep_earlier_answers(shipped_content):
    patient = client()
    assert patient.post(CONCERN_STEP, step_data()["concern"]).status_code == 302
    with database_refuses():
        for path in ["/", "/start/", reverse("questionnaire:step", args=["goals"]), "/summary/ZZZZ-ZZZZ-ZZZZ/"]:
            response = patient.get(path)
            assert response.status_code == 503, path
            assert b"Please try again in a moment" in response.content
            assert response["Retry-After"] == "30"
            assert b"Traceback" not in response.content
        assert patient.post(reverse("questionnaire:step", args=["goals"]), step_data()["goals"]).status_code == 503
        assert client().get("/healthz").status_code == 503
    # The database is back: the answer given before the outage is still there.
    page = patient.get(CONCERN_STEP)
    assert page.status_code == 200
    assert page.context["form"].initial["concern"] == "acne-scars"


def _refused_port() -> int:
    with socket.socket() as probe:  # a port nothing listens on once this closes
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_a_stopped_postgresql_gives_a_quick_503_and_the_site_recovers_by_itself():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (CI runs the suite on it)")
    patient = client()
    assert patient.get("/healthz").status_code == 200
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = _refused_port()
    try:
        started = time.monotonic()
        response = patient.get("/start/")
        assert response.status_code == 503
        assert time.monotonic() - started < 3
        assert patient.get("/healthz").status_code == 503
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert patient.get("/healthz").status_code == 200
    assert patient.get("/start/").status_code == 200
