"""Deployment check: the rate limits need a cache that every worker process shares.

Without one (memory, as in `make run`) each gunicorn worker counts on its own, so 3 workers allow 3 times the
documented limits. `manage.py check --deploy` warns when debug is off and the "shared" cache is not Redis.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register

SHARED_BACKENDS = {"django.core.cache.backends.redis.RedisCache"}


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs) -> list[Warning]:
    backend = settings.CACHES.get("shared", {}).get("BACKEND", "")
    if settings.DEBUG or backend in SHARED_BACKENDS:
        return []
    return [
        Warning(
            f"The 'shared' cache ({backend or 'missing'}) is not shared by the worker processes, so each one keeps "
            "its own rate-limit counts and the limits on wrong codes and PDFs are multiplied by the number of workers.",
            hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/0).",
            id="decisionaid.W001",
        )
    ]
