"""Per-client rate limits: failed reference-code attempts (so codes cannot be guessed) and PDF downloads (so a
client cannot tie up the server making PDFs).

Each limit counts a client's events in a one-minute window that starts at its first event; past the limit,
the client waits for the window to end (the view answers 429 with a Retry-After). Clients are told apart by a
keyed hash of their address, kept only in the cache for that minute: no address is ever written to the database or the logs.
Counters live in the "shared" cache (Redis in production, see settings), so every worker process sees them.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
CACHE_ERRORS = (RedisError, OSError)

WINDOW_SECONDS = 60


@dataclass(frozen=True)
class Limit:
    name: str
    setting: str  # the setting that holds how many events a minute are allowed

    def _key(self, request) -> str:
        address = request.META.get("REMOTE_ADDR", "")
        digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:24]
        return f"limit:{self.name}:{digest}"

    def seconds_blocked(self, request) -> int:
        """How long this client must wait (0 = not blocked, also when the shared cache cannot be reached)."""
        key, shared, now = self._key(request), caches["shared"], time.time()
        try:
            if shared.get(f"{key}:count", 0) < getattr(settings, self.setting):
                return 0
            started = shared.get(f"{key}:start", now)
        except CACHE_ERRORS:
            return _unavailable(self)
        return max(1, int(started + WINDOW_SECONDS - now) + 1)

    def record(self, request) -> None:
        """Counts one event; a client's first event starts its one-minute window."""
        key, shared = self._key(request), caches["shared"]
        try:
            shared.add(f"{key}:start", time.time(), timeout=WINDOW_SECONDS)
            shared.add(f"{key}:count", 0, timeout=WINDOW_SECONDS)
            shared.incr(f"{key}:count")  # atomic in Redis, so simultaneous requests are all counted
        except ValueError:  # the window ended between add and incr
            shared.set(f"{key}:count", 1, timeout=WINDOW_SECONDS)
        except CACHE_ERRORS:
            _unavailable(self)


def _unavailable(limit: Limit) -> int:
    # Codes carry 60 random bits, so the limit is a second line of defence: while Redis is down, the site
    # keeps working without it rather than failing every summary page.
    logger.warning("Rate limit %r not applied: the shared cache is unavailable.", limit.name)
    return 0


FAILED_CODES = Limit("code-failures", "CODE_ATTEMPTS_PER_MINUTE")
PDFS = Limit("pdfs", "PDFS_PER_MINUTE")
