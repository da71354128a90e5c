"""Test settings: the real settings with plain static storage and a fast password hasher."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")

from decisionaid.settings import *  # noqa: E402,F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
# Serve static files from the finders, as the development server does (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Each pytest-xdist worker (gw0, gw1, ...) gets a Redis database of its own, counting down from REDIS_URL's
# (15, 14, ...): tests empty the shared cache, and must not empty another worker's rate-limit counters.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):
    _base, _, _number = REDIS_URL.rpartition("/")
    CACHES["shared"]["LOCATION"] = f"{_base}/{int(_number) - int(_worker[2:])}"

# Tests publish and roll back releases inside transactions that are never committed: look the live release up on
# every request (tests/content/test_live_release.py checks the production behaviour with the setting on).
LIVE_RELEASE_CHECK_SECONDS = 0
