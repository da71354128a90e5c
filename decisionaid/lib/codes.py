"""Reference codes for saved summaries: random, unambiguous, easy to read aloud and to type.

Codes use Crockford's base32 alphabet (no I, L, O or U), 12 characters = 60 bits of randomness, shown in
groups of four ("7QK2-9MZD-X4RT"). Typed codes are accepted in any case, with or without spaces or
hyphens, and with the look-alike letters Crockford allows (O for 0, I and L for 1).
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12  # 12 × 5 bits = 60 bits
GROUP = 4
BITS = LENGTH * 5
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")
_VALID = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")


def new_code() -> str:
    """A fresh code in its stored form (no separators)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_code(typed: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be a code."""
    if not isinstance(typed, str) or len(typed) > 64:
        return None
    compact = _SEPARATORS.sub("", typed).upper().translate(_LOOKALIKES)
    return compact if _VALID.match(compact) else None


def display_code(code: str) -> str:
    """A stored code in groups for reading aloud: 7QK2-9MZD-X4RT."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
