"""Remembering, per process, what a pure function gave for the same inputs.

Only for results that depend on nothing but their key: the key holds everything the result is drawn from
(content stamp, language, answers, numbers...), so a kept result can never be stale or someone else's.
At most MAX_ENTRIES are kept; the least recently used goes first.

The results (HTML strings, verdicts) are immutable, so they are kept as they are. Django's memory cache would
pickle each on the way in and out, and its keys need hashing to text: together about a tenth of the options
page's time, for 40 look-ups a page.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
MAX_ENTRIES = 2000  # option cards of about 15 KB, step forms, flags: about 30 MB at most

_kept: OrderedDict[Hashable, object] = OrderedDict()
_lock = threading.Lock()


def remembered(kind: str, key_parts, compute: Callable[[], T]) -> T:
    """compute(), or what it gave before for the same key_parts: hashable values (tuples, frozen dataclasses),
    or JSON-able ones such as a dict of answers."""
    key = (kind, _hashable(key_parts))
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    value = compute()  # outside the lock: two threads may both draw it, and both get the same result
    with _lock:
        _kept[key] = value
        while len(_kept) > MAX_ENTRIES:
            _kept.popitem(last=False)
    return value


def forget_everything() -> None:
    """For tests, which start each case with nothing kept."""
    with _lock:
        _kept.clear()


def _hashable(key_parts) -> Hashable:
    try:
        hash(key_parts)
    except TypeError:
        return json.dumps(key_parts, sort_keys=True, default=repr)
    return key_parts
