import pytest
from django.core.management import call_command


@pytest.fixture
def shipped_content(db):
    """The repository's content pack, loaded."""
    call_command("load_content", verbosity=0)
