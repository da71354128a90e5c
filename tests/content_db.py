"""The shipped content pack in the test database, as the working copy and release 1: loaded once per test
database, restored in milliseconds.

Loading the pack takes seconds (it reads, validates and gates every item), so the suite loads it once, when the
test database is created, with history off. Every test then sees it: plain tests roll their changes back, and
after a test that commits (live server, `transaction=True`) Django empties every table, so the content tables are
copied back from snapshot tables made right after the load. The snapshot tables are not Django models, so
Django's flush leaves them alone.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import override_settings

from decisionaid.content.catalogue import forget_catalogue
from decisionaid.content.pack import load_pack
from decisionaid.content.releases import publish_first_release

SNAPSHOT_PREFIX = "pack_snapshot__"


def content_tables() -> list[str]:
    """Every table of the content app, historical rows and many-to-many tables included."""
    models = apps.get_app_config("content").get_models(include_auto_created=True)
    return sorted({model._meta.db_table for model in models})


def load_shipped_pack_once() -> None:
    """Load the repository's pack without history rows (no test reads the history of the shipped pack) and keep
    a snapshot of every content table."""
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        load_pack(settings.CONTENT_PACK_DIR)
        publish_first_release("The shipped content pack")
    with connection.cursor() as cursor:
        for table in content_tables():
            snapshot = connection.ops.quote_name(SNAPSHOT_PREFIX + table)
            cursor.execute(f"DROP TABLE IF EXISTS {snapshot}")
            cursor.execute(f"CREATE TABLE {snapshot} AS SELECT * FROM {connection.ops.quote_name(table)}")


def needs_restoring() -> bool:
    """True after a committing test emptied the tables (never inside a test class's own transaction, where a
    test may have cleared the content on purpose)."""
    if connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM content_release")
        return cursor.fetchone()[0] == 0


def restore_shipped_pack() -> None:
    """Copy the snapshot back into the (emptied) content tables. Foreign keys are checked at commit, so the
    order of the tables does not matter."""
    with transaction.atomic(), connection.cursor() as cursor:
        for table in content_tables():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"DELETE FROM {quoted}")
            cursor.execute(f"INSERT INTO {quoted} SELECT * FROM {connection.ops.quote_name(SNAPSHOT_PREFIX + table)}")
    forget_catalogue()


def clear_content() -> None:
    """Empty every content table, for a test about loading or editing its own small pack. Call it inside the
    test's transaction (a TestCase's setUpTestData or setUp, or a `db` test), which rolls it back afterwards."""
    with connection.cursor() as cursor:
        for table in content_tables():
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
    forget_catalogue()
