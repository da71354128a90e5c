"""Rate-limiting of failed reference-code attempts, so codes cannot be guessed.

Each client may get a code wrong a few times a minute (setting CODE_ATTEMPTS_PER_MINUTE); after that every
code lookup answers 429 until the minute is up. Clients are told apart by a keyed hash of their address,
held only in the cache for one minute: no address is ever written to the database or the logs.
"""
from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60


def _client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:24]
    return f"code-failures:{digest}"


def seconds_blocked(request) -> int:
    """How long this client must wait before trying another code (0 = not blocked)."""
    entry = cache.get(_client_key(request))
    if not entry:
        return 0
    count, window_ends = entry
    remaining = int(window_ends - time.time()) + 1
    return remaining if count >= settings.CODE_ATTEMPTS_PER_MINUTE and remaining > 0 else 0


def record_failure(request) -> None:
    key = _client_key(request)
    now = time.time()
    count, window_ends = cache.get(key) or (0, now + WINDOW_SECONDS)
    if window_ends <= now:
        count, window_ends = 0, now + WINDOW_SECONDS
    cache.set(key, (count + 1, window_ends), timeout=int(window_ends - now) + 1)
