"""Strict readers for environment variables.

A malformed value stops start-up with a message naming the variable, rather than
silently falling back to a default (a typo in DJANGO_DEBUG must never turn debug on).
"""

from __future__ import annotations

import os

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


class ConfigurationError(SystemExit):
    """Raised for a bad environment variable; exits with the message, not a traceback."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"Configuration error: {name} {problem}")


def env_bool(name: str, *, default: bool, environ: dict[str, str] | None = None) -> bool:
    raw = (environ if environ is not None else os.environ).get(name)
    if raw is None or raw.strip() == "":
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigurationError(name, f"must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}, not {raw!r}.")


def env_list(name: str, *, default: list[str], environ: dict[str, str] | None = None) -> list[str]:
    raw = (environ if environ is not None else os.environ).get(name)
    if raw is None or raw.strip() == "":
        return list(default)
    items = [item.strip() for item in raw.split(",")]
    if any(item == "" or " " in item for item in items):
        raise ConfigurationError(name, f"must be a comma-separated list without blanks, not {raw!r}.")
    return items


def env_int(name: str, *, default: int, minimum: int = 0, environ: dict[str, str] | None = None) -> int:
    raw = (environ if environ is not None else os.environ).get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigurationError(name, f"must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise ConfigurationError(name, f"must be at least {minimum}, not {value}.")
    return value


def env_str(name: str, *, default: str | None = None, environ: dict[str, str] | None = None) -> str | None:
    raw = (environ if environ is not None else os.environ).get(name)
    if raw is None or raw.strip() == "":
        return default
    return raw
