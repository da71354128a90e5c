"""Rate limits: failed reference-code attempts per client (so codes cannot be guessed), PDF downloads per client
and PDFs for the whole site (so no one, nor many together, can tie up the server making PDFs).

Each limit counts events in a one-minute window that starts at the first event; past the limit, the view answers
429 with a Retry-After until the window ends. A request takes its slot before it is served (`reserve`: one atomic
increment, so of many simultaneous requests only the limit's number get through); a code lookup gives its slot
back (`release`) when the code was real, so only wrong codes count. Clients are told apart by a keyed hash of
their address (lib/client_address.py), kept only in the cache for that minute: no address is ever written to the
database or the logs. Counters live in the "shared" cache (Redis in production, see settings), so every worker
process sees them.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import BaseCache, caches
from redis.exceptions import RedisError

from decisionaid.lib.client_address import client_address

logger = logging.getLogger(__name__)
CACHE_ERRORS = (RedisError, OSError)

WINDOW_SECONDS = 60


@dataclass(frozen=True)
class Limit:
    name: str
    setting: str  # the setting that holds how many events a minute are allowed
    per_client: bool = True  # False: one count for the whole site

    def _key(self, request) -> str:
        if not self.per_client:
            return f"limit:{self.name}"
        address = client_address(request)
        digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:24]
        return f"limit:{self.name}:{digest}"

    def reserve(self, request) -> int:
        """Takes a slot for one event: 0 if there was one (also when the shared cache cannot be reached), else
        how many seconds to wait."""
        key, shared, now = self._key(request), caches["shared"], time.time()
        try:
            shared.add(f"{key}:start", now, timeout=WINDOW_SECONDS)
            if _increment(shared, f"{key}:count") <= getattr(settings, self.setting):
                return 0
            started = shared.get(f"{key}:start", now)
        except CACHE_ERRORS:
            return _unavailable(self)
        return max(1, int(started + WINDOW_SECONDS - now) + 1)

    def release(self, request) -> None:
        """Gives back the slot `reserve` took, for an event that turned out not to count."""
        key, shared = f"{self._key(request)}:count", caches["shared"]
        try:
            if shared.decr(key) < 0:  # the window ended just before: Redis made a fresh key, without a lifetime
                shared.delete(key)
        except ValueError:  # the window has ended: nothing to give back
            pass
        except CACHE_ERRORS:
            _unavailable(self)


def _increment(shared: BaseCache, key: str) -> int:
    """Adds one to a window's count and returns it; each of many simultaneous callers gets a different count."""
    try:
        count = shared.incr(key)
    except ValueError:  # no window open: open one, unless a simultaneous request just did
        if shared.add(key, 1, timeout=WINDOW_SECONDS):
            return 1
        count = shared.incr(key)
    if count == 1:
        # Django's Redis incr is EXISTS then INCR: a key that expired in between comes back without a lifetime.
        shared.touch(key, WINDOW_SECONDS)
    return count


def _unavailable(limit: Limit) -> int:
    # Codes carry 60 random bits, so the limit is a second line of defence: while Redis is down, the site
    # keeps working without it rather than failing every summary page.
    logger.warning("Rate limit %r not applied: the shared cache is unavailable.", limit.name)
    return 0


FAILED_CODES = Limit("code-failures", "CODE_ATTEMPTS_PER_MINUTE")
PDFS = Limit("pdfs", "PDFS_PER_MINUTE")
SITE_PDFS = Limit("site-pdfs", "SITE_PDFS_PER_MINUTE", per_client=False)
