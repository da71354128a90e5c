import pytest
from django.core.management import call_command


@pytest.fixture
def shipped_content(db):
    """The repository's content pack, loaded."""
    call_command("load_content", verbosity=0)


@pytest.fixture
def site(live_server, transactional_db):
    """The live site with the shipped content pack loaded."""
    call_command("load_content", verbosity=0)
    return live_server


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, the cache is not."""
    from django.core.cache import caches

    from decisionaid.content.catalogue import forget_catalogue

    for name in ("default", "shared"):
        caches[name].clear()
    forget_catalogue()
    yield
    for name in ("default", "shared"):
        caches[name].clear()
    forget_catalogue()
