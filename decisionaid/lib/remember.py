"""Remembering, per process, what a pure function gave for the same inputs.

Only for results that depend on nothing but their key: the key holds everything the result is drawn from
(content stamp, language, answers, numbers...), so a kept result can never be stale or someone else's.
Django's per-process "default" cache holds them and drops the least used when full.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches

T = TypeVar("T")
DAY = 24 * 60 * 60  # new content makes new keys anyway; this only bounds the memory old ones hold


def remembered(kind: str, key_parts, compute: Callable[[], T], *, seconds: int = DAY) -> T:
    """compute(), or what it gave before for the same key_parts (any JSON-able values, or reprs of others)."""
    digest = hashlib.blake2b(json.dumps(key_parts, sort_keys=True, default=repr).encode(), digest_size=16)
    key = f"{kind}:{digest.hexdigest()}"
    cache = caches["default"]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
