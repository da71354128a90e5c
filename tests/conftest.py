import pytest
from pytest_django.plugin import blocking_manager_key

from tests import content_db

_database_ready = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each test database (one per xdist worker) holds the shipped content pack from the start."""
    global _database_ready
    with django_db_blocker.unblock():
        content_db.load_shipped_pack_once()
    _database_ready = True
    yield
    _database_ready = False  # the test databases are about to go


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that committed, Django has emptied every table: put the content pack back."""
    result = yield
    if _database_ready:
        with item.config.stash[blocking_manager_key].unblock():
            if content_db.needs_restoring():
                content_db.restore_shipped_pack()
    return result


@pytest.fixture
def shipped_content(db):
    """The repository's content pack (loaded once per test database; see tests/content_db.py)."""


@pytest.fixture
def site(live_server, transactional_db):
    """The live site with the shipped content pack."""
    return live_server


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, the cache is not."""
    from django.core.cache import caches

    from decisionaid.content.catalogue import forget_catalogue
    from decisionaid.lib.remember import forget_everything

    for name in ("default", "shared"):
        caches[name].clear()
    forget_catalogue()
    forget_everything()
    yield
    for name in ("default", "shared"):
        caches[name].clear()
    forget_catalogue()
    forget_everything()
