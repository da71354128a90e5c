"""When the database cannot be reached, or stops answering: a quick 503 "please try again" page, /healthz says
so, and the answers given before the outage are still there afterwards."""

import socket
import threading
import time
from contextlib import contextmanager
from unittest import mock

import psycopg
import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from tests.questionnaire.journey import step_data

CONCERN_STEP = reverse("questionnaire:step", args=["concern"])


def client() -> Client:
    return Client(raise_request_exception=False)  # as in production: the error handler answers


def database_refuses():
    return mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("connection refused")
    )


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


# --- a database that hangs rather than refuses (PostgreSQL only: the timeouts are PostgreSQL's and libpq's) ---

THAW_SECONDS = 10  # a page still waiting this long is hanging: the test lets the database go and fails


@pytest.fixture
def on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite has no server to hang and no statement timeout (CI runs the suite on it)")


class FreezingProxy:
    """Passes TCP on to PostgreSQL until frozen; then holds every connection open and passes nothing, as a paused
    container does: its machine still acknowledges every packet, its database never answers."""

    def __init__(self, target: tuple[str, int]):
        self.target, self.passing, self.sockets = target, threading.Event(), []
        self.passing.set()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client_side, _ = self.server.accept()
            except OSError:
                return
            server_side = socket.create_connection(self.target)
            self.sockets += [client_side, server_side]
            for source, sink in ((client_side, server_side), (server_side, client_side)):
                threading.Thread(target=self._pass_on, args=(source, sink), daemon=True).start()

    def _pass_on(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                self.passing.wait()
                sink.sendall(data)
        except OSError:
            pass

    def close(self) -> None:
        self.passing.set()
        for sock in [self.server, *self.sockets]:
            sock.close()


@contextmanager
def database_at(port: int):
    """Django's connection goes to 127.0.0.1:`port` within the block."""
    real = connection.settings_dict["HOST"], connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=port)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["HOST"], connection.settings_dict["PORT"] = real


@contextmanager
def at_the_latest(seconds: float, release):
    """Calls `release` after `seconds` unless the block has ended: a hang becomes a failure, not a stuck test."""
    timer = threading.Timer(seconds, release)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


@pytest.mark.django_db
def test_a_page_waiting_for_a_locked_table_gives_up_with_a_503(on_postgresql):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == (f"{settings.DATABASE_TIMEOUT_SECONDS}s",)
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone() == (f"{settings.DATABASE_TIMEOUT_SECONDS}s",)
    with psycopg.connect(**connection.get_connection_params()) as holder:
        # If the page waits for the lock, the server ends the holder's session (and the lock) after THAW_SECONDS.
        holder.execute(f"SET idle_in_transaction_session_timeout = '{THAW_SECONDS}s'")
        holder.execute("LOCK TABLE content_release IN ACCESS EXCLUSIVE MODE")  # a migration, a VACUUM FULL
        response = client().get("/")
    assert response.status_code == 503
    assert b"Please try again in a moment" in response.content


@pytest.mark.django_db
def test_creating_and_dropping_databases_has_no_time_limit(on_postgresql):
    """Django's maintenance connection (the tests' databases) may wait seconds for other sessions to end."""
    with connection._nodb_cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("0",)


@pytest.mark.django_db(transaction=True)
def test_a_database_that_stops_answering_on_an_open_connection_gives_503s_and_the_site_recovers(on_postgresql):
    patient = client()
    real = connection.settings_dict
    proxy = FreezingProxy((real["HOST"] or "127.0.0.1", int(real["PORT"] or 5432)))
    try:
        with database_at(proxy.port):
            assert patient.get("/healthz").status_code == 200  # the connection is kept for the next request
            proxy.passing.clear()
            with at_the_latest(THAW_SECONDS, proxy.passing.set):
                assert patient.get("/healthz").status_code == 503
                response = patient.get("/start/")
                assert response.status_code == 503 and b"Please try again in a moment" in response.content
    finally:
        proxy.close()
    assert patient.get("/healthz").status_code == 200
    assert patient.get("/start/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_database_server_that_accepts_connections_but_never_answers_gives_503s(on_postgresql):
    with socket.create_server(("127.0.0.1", 0)) as hung, database_at(hung.getsockname()[1]):
        with at_the_latest(THAW_SECONDS, hung.close):  # its queue of connections, never accepted, is dropped
            assert client().get("/healthz").status_code == 503
            assert client().get("/start/").status_code == 503
    assert client().get("/healthz").status_code == 200
