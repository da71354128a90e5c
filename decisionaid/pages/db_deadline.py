"""A deadline on every wait for PostgreSQL's answer, so a database that stops answering fails a request in seconds.

settings.py has the server cancel a statement that runs, or waits for a lock, longer than DATABASE_TIMEOUT_SECONDS,
and the kernel drop a connection whose packets go unacknowledged. Neither helps when the database's machine still
acknowledges packets but the database never answers (a paused container, a stopped process): psycopg waited for
ever on a connection kept from an earlier request, until gunicorn killed the worker at 30 s with no answer at all.
So each wait on a connection ends half a second after the statement timeout (the server's own cancellation, a
cleaner error, comes first when the server can send it): the connection is closed and psycopg raises
OperationalError, which pages/views.py answers with the 503 page (or /healthz's 503).

Django's maintenance connection, which creates and drops databases (as the tests do) and may wait seconds for
other sessions to end, has no limits.
"""

from __future__ import annotations

import psycopg
from django.conf import settings
from django.db.backends.base.base import NO_DB_ALIAS

MARGIN_SECONDS = 0.5


def wait_seconds() -> float | None:
    """How long to wait for any answer from the database; None (for ever) when the timeouts are off."""
    return settings.DATABASE_TIMEOUT_SECONDS + MARGIN_SECONDS if settings.DATABASE_TIMEOUT_SECONDS else None


def limit_waits(connection: psycopg.Connection, seconds: float) -> None:
    """Every query, commit and health check on `connection` gives up after `seconds` without an answer."""
    wait = connection.wait

    def wait_at_most(gen, *args, timeout: float | None = None, **kwargs):
        try:
            return wait(gen, *args, timeout=seconds if timeout is None else timeout, **kwargs)
        except psycopg.errors._WaitTimeout:  # what Connection.wait raises at its timeout, for callers to convert
            connection.close()  # a query may still be under way: the connection cannot be used again
            raise psycopg.OperationalError(f"the database did not answer within {seconds:g} s") from None

    connection.wait = wait_at_most


def on_connection_created(sender, connection, **kwargs) -> None:
    if connection.vendor != "postgresql" or not (seconds := wait_seconds()):
        return
    if connection.alias == NO_DB_ALIAS:
        with connection.connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0; SET lock_timeout = 0")
        return
    limit_waits(connection.connection, seconds)
